package org.fentrace.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fentrace.config.FentraceConfig;
import org.fentrace.run.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fentrace ingest}: read what is in LANDING, normalize, write seizures, shipments and rejected. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest and normalize the landing files into the seizures, shipments and rejected tables.")
class IngestCommand implements Callable<Integer> {
  @Mixin
  PipelineOptions options;

  String commandName() {
    return "ingest";
  }

  @Override
  public Integer call() {
    // Everything that can be wrong with the command line fails here, before Spark starts.
    FentraceConfig config = options.fentraceConfig();
    var request = new PipelineRunner.Request(commandName(), options.input, options.output, options.runDate(), config);
    SparkSession spark = SparkSessions.create("fentrace " + commandName(), options.master, options.sparkConf(),
        config.get(FentraceConfig.Key.SPARK_LOG_LEVEL));
    try {
      return new PipelineRunner(spark).run(request).exitCode();
    } finally {
      spark.stop();
    }
  }
}
