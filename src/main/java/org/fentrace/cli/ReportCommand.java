package org.fentrace.cli;

import java.util.Set;
import org.fentrace.run.PipelineRunner.Step;
import picocli.CommandLine.Command;

/** {@code fentrace report}: rewrite report/index.html from the warehouse's trend tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write WAREHOUSE/report/index.html (charts and tables) from the trend tables (--input is not read).")
final class ReportCommand extends PipelineCommand {
  @Override
  String commandName() {
    return "report";
  }

  @Override
  Set<Step> steps() {
    return Set.of(Step.REPORT);
  }
}
