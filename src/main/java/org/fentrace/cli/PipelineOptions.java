package org.fentrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fentrace.config.ConfDir;
import org.fentrace.config.ConfigException;
import org.fentrace.config.FentraceConfig;
import org.fentrace.routes.RouteRules;
import picocli.CommandLine.Option;

/**
 * Options shared by the pipeline commands (docs/contract.md, "Command line"), validated before
 * Spark starts.
 */
final class PipelineOptions {
  @Option(
      names = "--input",
      paramLabel = "LANDING",
      description =
          "Landing folder (local path, hdfs://, s3a://), searched recursively for *.csv and *.csv.gz. "
              + "Required by run and ingest.")
  String input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "WAREHOUSE",
      description = "Warehouse folder.")
  String output;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description = "Date the run stands for; dates after it are rejected. Default: today (UTC).")
  String runDate;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description =
          "Backfill: run once per date from this date to --to, in order (replaces --run-date).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Backfill: last run date, inclusive.")
  String to;

  @Option(
      names = "--prune",
      description =
          "Drop the rows of files that are gone from the landing folder (default: keep them).")
  boolean prune;

  @Option(
      names = "--force-unlock",
      description =
          "Break a warehouse lock older than fentrace.lock.stale-after (a lock left by a run that died).")
  boolean forceUnlock;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file of fentrace.* keys; default: fentrace.properties of the launcher's conf folder.")
  Path config;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (local[*], spark://host:port, yarn, k8s://...). jobs/fentrace passes it to spark-submit.")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "fentrace.* configuration or spark.* setting; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  /**
   * The run dates to run, in order: --from .. --to for a backfill, else --run-date, else today
   * (UTC). The wall clock is read here only: everything downstream takes the run date as given.
   */
  java.util.List<LocalDate> runDates() {
    if (from != null || to != null) {
      if (from == null || to == null || runDate != null) {
        throw new ConfigException("a backfill needs both --from and --to, and no --run-date");
      }
      LocalDate a = parse("--from", from);
      LocalDate b = parse("--to", to);
      if (b.isBefore(a)) {
        throw new ConfigException("--to " + b + " is before --from " + a);
      }
      return a.datesUntil(b.plusDays(1)).toList();
    }
    return java.util.List.of(
        runDate == null ? LocalDate.now(ZoneOffset.UTC) : parse("--run-date", runDate));
  }

  private static LocalDate parse(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(option + " '" + value + "' is not a date in the form YYYY-MM-DD");
    }
  }

  FentraceConfig fentraceConfig() {
    if (config != null && !Files.isRegularFile(config)) {
      throw new ConfigException("--config " + config + " is not a readable file");
    }
    Map<String, String> ours = new LinkedHashMap<>();
    conf.forEach(
        (k, v) -> {
          if (k.startsWith(FentraceConfig.PREFIX)) {
            ours.put(k, v);
          } else if (!k.startsWith("spark.")) {
            throw new ConfigException(
                "--conf " + k + "=" + v + ": keys must start with fentrace. or spark.");
          }
        });
    // Without --config, the launcher's conf folder's fentrace.properties (conf/ of a release), read
    // at run time.
    Path file = config != null ? config : ConfDir.file(ConfDir.PROPERTIES_FILE).orElse(null);
    FentraceConfig loaded = FentraceConfig.load(file, ours);
    RouteRules.configured(
        loaded); // a broken rule file is a usage error, found before any Spark work
    return loaded;
  }

  Map<String, String> sparkConf() {
    Map<String, String> spark = new LinkedHashMap<>();
    conf.forEach(
        (k, v) -> {
          if (k.startsWith("spark.")) {
            spark.put(k, v);
          }
        });
    return spark;
  }
}
