package org.fentrace.testing;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] SparkSession for the whole test suite (Surefire runs every class in one JVM):
 * starting Spark costs seconds, so tests share it. UI off, few shuffle partitions, UTC, like
 * production settings where they matter for results (Delta's extension included).
 */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("fentrace-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.default.parallelism", "4")
              // As fentrace's own local sessions size Delta's snapshot (SparkSessions): Delta's
              // default of 50 partitions costs every read and commit of a Delta table 50 tasks.
              .config("spark.databricks.delta.snapshotPartitions", "1")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .config("spark.driver.host", "127.0.0.1")
              // As fentrace's own sessions: file: paths set permissions without a chmod process
              // per file (the suite writes thousands of small files), and Delta's commits rename
              // without a readlink process per path.
              .config(
                  "spark.hadoop." + org.fentrace.warehouse.NioLocalFileSystem.HADOOP_KEY,
                  org.fentrace.warehouse.NioLocalFileSystem.class.getName())
              .config(
                  "spark.hadoop." + org.fentrace.warehouse.NioLocalFs.HADOOP_KEY,
                  org.fentrace.warehouse.NioLocalFs.class.getName())
              // Delta's SQL extension and catalog, as fentrace's own sessions get them with
              // fentrace.warehouse.format=delta: the Delta tests run on this session too, and a
              // session cannot gain them once built. Parquet reads and writes are unaffected.
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
