package org.fentrace.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Registers a warehouse's tables as Spark temporary views named after their folders ({@code
 * fentrace sql}), Parquet and Delta tables alike ({@link TableReads}).
 */
public final class WarehouseViews {
  private WarehouseViews() {}

  /** The current tables; see {@link #register(SparkSession, String, String)}. */
  public static List<String> register(SparkSession spark, String warehouse) throws IOException {
    return register(spark, warehouse, null);
  }

  /**
   * Every Delta table, every folder holding Parquet files, and every normalized table even before
   * it has rows (read with its Avro-derived schema, so an empty table is an empty view rather than
   * an error). Folders starting with _ or . and folders of other files (exports/, report/) are not
   * tables.
   *
   * <p>With {@code asOfRun}, each Delta table as that run left it ({@link TableReads#versionAsOf});
   * a table created after that run is left out. Parquet tables keep no history: asking for a run
   * then throws IllegalArgumentException naming them.
   *
   * @return the view names, sorted
   */
  public static List<String> register(SparkSession spark, String warehouse, String asOfRun)
      throws IOException {
    Path root = new Path(warehouse);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> views = new ArrayList<>();
    if (!fs.exists(root)) {
      return views;
    }
    List<String> withoutHistory = new ArrayList<>();
    for (FileStatus s : fs.listStatus(root)) {
      String name = s.getPath().getName();
      if (!s.isDirectory()
          || name.startsWith("_")
          || name.startsWith(".")
          || !name.matches("[a-z_][a-z0-9_]*")) {
        continue;
      }
      StructType known = TableReads.knownSchema(name);
      boolean delta = TableReads.isDelta(fs, s.getPath());
      Dataset<Row> view;
      if (delta && asOfRun != null) {
        OptionalLong version = TableReads.versionAsOf(spark, s.getPath(), asOfRun);
        if (version.isEmpty()) {
          continue; // the table did not exist yet when that run ended
        }
        view = TableReads.readVersion(spark, s.getPath(), version.getAsLong(), known);
      } else if (delta || known != null || Warehouse.holdsParquet(fs, s.getPath())) {
        if (asOfRun != null) {
          if (Warehouse.holdsParquet(fs, s.getPath())) {
            withoutHistory.add(name);
          } // else a table that never had rows (no files, no log): it had none at that run either
          continue;
        }
        view = TableReads.read(spark, fs, s.getPath(), known);
      } else {
        continue;
      }
      view.createOrReplaceTempView(name);
      views.add(name);
    }
    if (!withoutHistory.isEmpty()) {
      withoutHistory.sort(null);
      throw new IllegalArgumentException(
          "--as-of needs Delta tables (fentrace.warehouse.format=delta); these are Parquet folders"
              + " without history: "
              + withoutHistory);
    }
    views.sort(null);
    return views;
  }
}
