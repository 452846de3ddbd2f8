package org.fentrace.cli;

import java.util.Set;
import org.fentrace.run.PipelineRunner.Step;
import org.fentrace.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;

/** {@code fentrace report}: rewrite report/index.html from the warehouse's trend tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write WAREHOUSE/"
            + WarehouseLayout.REPORT
            + "/"
            + WarehouseLayout.REPORT_INDEX
            + " (charts and tables) from the trend tables (--input is not read).")
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
