package org.fentrace.cli;

import java.util.EnumSet;
import java.util.Set;
import org.fentrace.run.PipelineRunner.Step;
import picocli.CommandLine.Command;

/** {@code fentrace run}: the nightly pipeline, every step in order. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "The nightly pipeline: ingest LANDING, normalize, attribute routes, recompute trends and exports.")
final class RunCommand extends PipelineCommand {
  @Override
  String commandName() {
    return "run";
  }

  @Override
  Set<Step> steps() {
    return EnumSet.allOf(Step.class);
  }
}
