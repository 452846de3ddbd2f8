package org.fentrace.cli;

import java.util.Set;
import org.fentrace.run.PipelineRunner.Step;
import picocli.CommandLine.Command;

/**
 * {@code fentrace trends}: recompute the trend tables and exports from the warehouse's normalized
 * tables.
 */
@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    description =
        "Recompute the trend tables and CSV exports from the seizures and shipments tables (--input is not read).")
final class TrendsCommand extends PipelineCommand {
  @Override
  String commandName() {
    return "trends";
  }

  @Override
  Set<Step> steps() {
    return Set.of(Step.TRENDS);
  }
}
