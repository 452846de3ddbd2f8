package org.fentrace.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fentrace.config.ConfigException;
import org.fentrace.config.FentraceConfig;
import org.fentrace.run.PipelineRunner;
import org.fentrace.run.PipelineRunner.Step;
import picocli.CommandLine.Mixin;

/** The pipeline commands (run, ingest, trends, ...): same options, different steps. */
abstract class PipelineCommand implements Callable<Integer> {
  @Mixin PipelineOptions options;

  /** The command's name in the manifest and the Spark application name. */
  abstract String commandName();

  abstract Set<Step> steps();

  @Override
  public Integer call() {
    // Everything that can be wrong with the command line fails here, before Spark starts.
    if (steps().contains(Step.INGEST) && options.input == null) {
      throw new ConfigException(commandName() + " needs --input LANDING");
    }
    FentraceConfig config = options.fentraceConfig();
    java.util.List<java.time.LocalDate> dates = options.runDates();
    SparkSession spark =
        SparkSessions.create(
            "fentrace " + commandName(),
            options.master,
            options.sparkConf(),
            config.get(FentraceConfig.Key.SPARK_LOG_LEVEL),
            config.warehouseFormat());
    try {
      int worst = 0;
      for (java.time.LocalDate date : dates) {
        var request =
            new PipelineRunner.Request(
                commandName(),
                steps(),
                options.input,
                options.output,
                date,
                config,
                options.prune,
                options.forceUnlock);
        int exit = new PipelineRunner(spark).run(request).exitCode();
        if (exit == PipelineRunner.EXIT_FAILED) {
          return exit; // a backfill stops at the first failed date: later dates build on it
        }
        worst = Math.max(worst, exit);
      }
      return worst;
    } finally {
      spark.stop();
    }
  }
}
