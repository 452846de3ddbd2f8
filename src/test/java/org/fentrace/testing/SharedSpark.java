package org.fentrace.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fentrace.cli.SparkSessions;
import org.fentrace.warehouse.TableFormat;

/**
 * One local[2] SparkSession for the whole test suite (Surefire runs every class in one JVM):
 * starting Spark costs seconds, so tests share it. It takes the settings of fentrace's own local
 * sessions ({@link SparkSessions#settings}: the warehouse contract's, the one-machine ones, the
 * local file system classes), so a change there reaches the tests without a copy to keep in step;
 * then a test session's own, below, as a user's {@code --conf} would.
 */
public final class SharedSpark {
  static final String MASTER = "local[2]";

  private static SparkSession spark;

  private SharedSpark() {}

  /** The test session's own settings, over fentrace's defaults. */
  static Map<String, String> testSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spark.ui.enabled", "false");
    // Tiny fixtures: fewer shuffle partitions than a local run's four per core.
    m.put("spark.sql.shuffle.partitions", "4");
    m.put("spark.default.parallelism", "4");
    m.put("spark.driver.host", "127.0.0.1");
    // Delta's SQL extension and catalog, as fentrace's own sessions get them with
    // fentrace.warehouse.format=delta: the Delta tests run on this session too, and a session
    // cannot gain them once built. Parquet reads and writes are unaffected, and the session's
    // default warehouse format stays parquet.
    m.put(SparkSessions.EXTENSIONS, SparkSessions.DELTA_EXTENSION);
    m.put(SparkSessions.SESSION_CATALOG, SparkSessions.DELTA_CATALOG);
    return m;
  }

  public static synchronized SparkSession session() {
    if (spark == null) {
      SparkSession.Builder b = SparkSession.builder().master(MASTER).appName("fentrace-tests");
      SparkSessions.settings(MASTER, testSettings(), TableFormat.PARQUET).forEach(b::config);
      spark = b.getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
