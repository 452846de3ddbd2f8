package org.fentrace.cli;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session of a command with the settings the warehouse contract relies on. */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession create(String appName, String master, Map<String, String> sparkConf, String logLevel) {
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        // The warehouse contract: no INT96 timestamps, dates independent of the machine's zone.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        // A warehouse table has one partition folder per month (120 for ten years): listing them from the
        // driver takes milliseconds, while Spark's default (a distributed listing job above 32 folders)
        // cost a night about a second for every read of a partitioned table.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024");
    // spark-submit sets spark.master itself; --master only matters when run without it.
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    String effectiveMaster = master != null ? master : System.getProperty("spark.master", "local[*]");
    if (effectiveMaster.startsWith("local") && !sparkConf.containsKey("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 shuffle partitions makes every shuffle map task of a small local run write
      // and merge 200 files; a few per core is what one machine can use (AQE still coalesces).
      int cores = Runtime.getRuntime().availableProcessors();
      b.config("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, 4 * cores)));
    }
    sparkConf.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(logLevel);
    return spark;
  }
}
