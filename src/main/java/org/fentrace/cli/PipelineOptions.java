package org.fentrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fentrace.config.ConfigException;
import org.fentrace.config.FentraceConfig;
import picocli.CommandLine.Option;

/** Options shared by the pipeline commands (contract section 1), validated before Spark starts. */
final class PipelineOptions {
  @Option(names = "--input", paramLabel = "LANDING",
      description = "Landing folder (local path, hdfs://, s3a://), searched recursively for *.csv and *.csv.gz. "
          + "Required by run and ingest.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "WAREHOUSE", description = "Warehouse folder.")
  String output;

  @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
      description = "Date the run stands for; dates after it are rejected. Default: today (UTC).")
  String runDate;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file of fentrace.* keys (see jobs/conf/fentrace.properties).")
  Path config;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (local[*], spark://host:port, yarn, k8s://...). jobs/fentrace passes it to spark-submit.")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "fentrace.* configuration or spark.* setting; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  LocalDate runDate() {
    if (runDate == null) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(runDate);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--run-date '" + runDate + "' is not a date in the form YYYY-MM-DD");
    }
  }

  FentraceConfig fentraceConfig() {
    if (config != null && !Files.isRegularFile(config)) {
      throw new ConfigException("--config " + config + " is not a readable file");
    }
    Map<String, String> ours = new LinkedHashMap<>();
    conf.forEach((k, v) -> {
      if (k.startsWith(FentraceConfig.PREFIX)) {
        ours.put(k, v);
      } else if (!k.startsWith("spark.")) {
        throw new ConfigException("--conf " + k + "=" + v + ": keys must start with fentrace. or spark.");
      }
    });
    return FentraceConfig.load(config, ours);
  }

  Map<String, String> sparkConf() {
    Map<String, String> spark = new LinkedHashMap<>();
    conf.forEach((k, v) -> {
      if (k.startsWith("spark.")) {
        spark.put(k, v);
      }
    });
    return spark;
  }
}
