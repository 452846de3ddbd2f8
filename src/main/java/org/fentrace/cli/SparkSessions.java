package org.fentrace.cli;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session of a command with the settings the warehouse contract relies on. */
final class SparkSessions {
  static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

  /**
   * Lets HotSpot compile methods over 8000 bytes of bytecode. Spark compiles each query stage into
   * one method, and the seizures' staging stage is over that limit: without the flag it runs
   * interpreted (a 1M-row load: 57.6 against 51.0 s). jobs/fentrace gives it to the driver, which
   * in local mode also runs the tasks; this gives it to a cluster's executors.
   */
  static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";

  private SparkSessions() {}

  /**
   * The executors' JVM options: the user's (--conf, else spark-submit's, e.g. from
   * spark-defaults.conf) with {@link #COMPILE_HUGE_METHODS} added unless they already say how to
   * treat huge methods.
   */
  static String executorJavaOptions(Map<String, String> sparkConf) {
    String given =
        sparkConf
            .getOrDefault(EXECUTOR_JAVA_OPTIONS, System.getProperty(EXECUTOR_JAVA_OPTIONS, ""))
            .trim();
    return given.contains("DontCompileHugeMethods")
        ? given
        : (given + " " + COMPILE_HUGE_METHODS).trim();
  }

  static SparkSession create(
      String appName, String master, Map<String, String> sparkConf, String logLevel) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(appName)
            // The warehouse contract: no INT96 timestamps, dates independent of the machine's zone.
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.showConsoleProgress", "false")
            // A warehouse table has one partition folder per month (120 for ten years): listing
            // them from the
            // driver takes milliseconds, while Spark's default (a distributed listing job above 32
            // folders)
            // cost a night about a second for every read of a partitioned table.
            .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024");
    // spark-submit sets spark.master itself; --master only matters when run without it.
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    String effectiveMaster =
        master != null ? master : System.getProperty("spark.master", "local[*]");
    if (effectiveMaster.startsWith("local")
        && !sparkConf.containsKey("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 shuffle partitions makes every shuffle map task of a small local run
      // write
      // and merge 200 files; a few per core is what one machine can use (AQE still coalesces).
      int cores = Runtime.getRuntime().availableProcessors();
      b.config("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, 4 * cores)));
    }
    sparkConf.forEach(b::config);
    b.config(EXECUTOR_JAVA_OPTIONS, executorJavaOptions(sparkConf));
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(logLevel);
    return spark;
  }
}
