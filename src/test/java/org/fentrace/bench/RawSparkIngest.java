package org.fentrace.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.try_to_date;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Benchmark competitor (a), "raw Spark": the generated CSV files to Parquet partitioned by month
 * and nothing else. Explicit schema (every column a string: quantities carry thousands commas, so
 * typing them is already normalization), no inference, Spark's default CSV options (splittable, so
 * a value with a quoted line break is mis-split: this is the floor, not a correct reader). The only
 * derived column is {@code event_month} (yyyy-MM of the date in any of the three accepted layouts),
 * needed to partition at all. Each table is repartitioned by month before the partitioned write,
 * giving one file per month as fentrace writes (measured faster than a straight partitionBy here).
 *
 * <p>Usage: {@code RawSparkIngest --landing DIR --out DIR [--master local[2]]}. Prints rows
 * written.
 */
public final class RawSparkIngest {
  private RawSparkIngest() {}

  public static void main(String[] args) {
    Path landing = Path.of(BenchLanding.arg(args, "--landing", null));
    Path out = Path.of(BenchLanding.arg(args, "--out", null));
    String master = BenchLanding.arg(args, "--master", "local[2]");
    BenchLanding files = BenchLanding.scan(landing);
    BenchLanding.deleteTree(out);
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("bench raw spark")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      long seizures =
          write(
              spark,
              files.seizureFiles(),
              BenchLanding.SEIZURE_COLUMNS,
              "seizure_date",
              out.resolve("seizures"));
      long shipments =
          write(
              spark,
              files.shipmentFiles(),
              BenchLanding.SHIPMENT_COLUMNS,
              "arrival_date",
              out.resolve("shipments"));
      System.out.println(
          "raw spark: seizure files "
              + files.seizureFiles().size()
              + ", shipment files "
              + files.shipmentFiles().size()
              + "; partitions written: seizures "
              + seizures
              + ", shipments "
              + shipments);
    } finally {
      spark.stop();
    }
  }

  private static long write(
      SparkSession spark, List<Path> paths, List<String> columns, String dateColumn, Path target) {
    if (paths.isEmpty()) {
      return 0;
    }
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    Dataset<Row> csv =
        spark
            .read()
            .schema(schema)
            .option("header", "true")
            .csv(paths.stream().map(Path::toString).toArray(String[]::new));
    Column date = col(dateColumn);
    Column parsed =
        coalesce(
            try_to_date(date, "yyyy-MM-dd"),
            try_to_date(date, "MM/dd/yyyy"),
            try_to_date(date, "dd-MMM-yyyy"));
    csv.withColumn("event_month", date_format(parsed, "yyyy-MM"))
        .repartition(col("event_month"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("event_month")
        .parquet(target.toString());
    java.io.File[] parts =
        target.toFile().listFiles(f -> f.isDirectory() && f.getName().startsWith("event_month="));
    return parts == null ? 0 : parts.length;
  }
}
