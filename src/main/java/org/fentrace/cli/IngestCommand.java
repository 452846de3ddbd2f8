package org.fentrace.cli;

import java.util.Set;
import org.fentrace.run.PipelineRunner.Step;
import picocli.CommandLine.Command;

/**
 * {@code fentrace ingest}: read what is in LANDING, normalize, attribute routes; seizures,
 * shipments, rejected.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest, normalize and attribute routes: the seizures, shipments and rejected tables.")
final class IngestCommand extends PipelineCommand {
  @Override
  String commandName() {
    return "ingest";
  }

  @Override
  Set<Step> steps() {
    return Set.of(Step.INGEST);
  }
}
