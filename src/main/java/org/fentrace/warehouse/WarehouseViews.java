package org.fentrace.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Registers a warehouse's tables as Spark temporary views named after their folders ({@code
 * fentrace sql}).
 */
public final class WarehouseViews {
  private WarehouseViews() {}

  /**
   * Every folder holding Parquet files, and every normalized table even before it has rows (read
   * with its Avro-derived schema, so an empty table is an empty view rather than an error). Folders
   * starting with _ or . and folders of other files (exports/, report/) are not tables.
   *
   * @return the view names, sorted
   */
  public static List<String> register(SparkSession spark, String warehouse) throws IOException {
    Path root = new Path(warehouse);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> views = new ArrayList<>();
    if (!fs.exists(root)) {
      return views;
    }
    for (FileStatus s : fs.listStatus(root)) {
      String name = s.getPath().getName();
      if (!s.isDirectory()
          || name.startsWith("_")
          || name.startsWith(".")
          || !name.matches("[a-z_][a-z0-9_]*")) {
        continue;
      }
      StructType known = knownSchema(name);
      if (known != null) {
        spark.read().schema(known).parquet(s.getPath().toString()).createOrReplaceTempView(name);
      } else if (Warehouse.holdsParquet(fs, s.getPath())) {
        spark.read().parquet(s.getPath().toString()).createOrReplaceTempView(name);
      } else {
        continue;
      }
      views.add(name);
    }
    views.sort(null);
    return views;
  }

  private static StructType knownSchema(String table) {
    for (WarehouseTable t : WarehouseTable.values()) {
      if (t.tableName().equals(table)) {
        StructType st = SparkSchemas.structType(t);
        if (t.partitionColumn() == null) {
          return st;
        }
        // Month folders read as 'yyyy-MM' text; lab_reports' year folders as the year number.
        return st.add(
            t.partitionColumn(),
            "year".equals(t.partitionColumn()) ? DataTypes.IntegerType : DataTypes.StringType);
      }
    }
    return null;
  }
}
