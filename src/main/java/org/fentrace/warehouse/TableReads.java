package org.fentrace.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a live table whatever format it was published in: a folder with a {@code _delta_log} is a
 * Delta table (its files include ones a later commit removed, so only Delta may list them), any
 * other a Parquet folder. Detecting per table lets {@code fentrace sql}, the report and the
 * pipeline read a warehouse without being told its format.
 */
public final class TableReads {
  /** The field of a Delta commit's userMetadata naming the fentrace run that made it. */
  public static final String RUN_ID_FIELD = "fentrace_run_id";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TableReads() {}

  /**
   * A normalized table's schema as its folder reads, partition column last; null for a table whose
   * schema is not declared in Avro (the derived tables: their files carry it).
   */
  public static StructType knownSchema(String table) {
    for (WarehouseTable t : WarehouseTable.values()) {
      if (t.tableName().equals(table)) {
        StructType st = SparkSchemas.structType(t);
        return t.partitionColumn() == null
            ? st
            : st.add(t.partitionColumn(), partitionType(t.partitionColumn()));
      }
    }
    return null;
  }

  /** A normalized table's partition column, or null (unpartitioned, or not a normalized table). */
  public static String knownPartitionColumn(String table) {
    for (WarehouseTable t : WarehouseTable.values()) {
      if (t.tableName().equals(table)) {
        return t.partitionColumn();
      }
    }
    return null;
  }

  /**
   * The type a partition column reads as: month folders as 'yyyy-MM' text, lab_reports' year
   * folders as the year number.
   */
  public static DataType partitionType(String column) {
    return "year".equals(column) ? DataTypes.IntegerType : DataTypes.StringType;
  }

  /** The run named in a commit's userMetadata, or null for a commit fentrace did not tag. */
  public static String runOf(String userMetadata) {
    if (userMetadata == null || userMetadata.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(userMetadata);
      return n.hasNonNull(RUN_ID_FIELD) ? n.get(RUN_ID_FIELD).asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The Delta version of {@code dir} as run {@code runId} left it: the last commit made by that run
   * or by an earlier one (run ids start with their UTC start time, and the warehouse lock makes
   * runs one after another, so earlier ids are earlier runs). Empty when the table did not exist
   * yet.
   */
  public static java.util.OptionalLong versionAsOf(SparkSession spark, Path dir, String runId) {
    long best = -1;
    for (Row r :
        io.delta.tables.DeltaTable.forPath(spark, dir.toString())
            .history()
            .select("version", "userMetadata")
            .collectAsList()) {
      String run = runOf(r.isNullAt(1) ? null : r.getString(1));
      if (run != null && run.compareTo(runId) <= 0) {
        best = Math.max(best, r.getLong(0));
      }
    }
    return best < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(best);
  }

  /** The latest version of the Delta table in {@code dir} (its last commit). */
  public static long latestVersion(SparkSession spark, Path dir) {
    return io.delta.tables.DeltaTable.forPath(spark, dir.toString())
        .history(1)
        .select("version")
        .collectAsList()
        .get(0)
        .getLong(0);
  }

  public static boolean isDelta(FileSystem fs, Path dir) throws IOException {
    return fs.exists(new Path(dir, TableFormat.DELTA_LOG));
  }

  /** A Delta table (even one with no rows), or a folder holding Parquet files. */
  public static boolean holdsTable(FileSystem fs, Path dir) throws IOException {
    return isDelta(fs, dir) || Warehouse.holdsParquet(fs, dir);
  }

  /**
   * The table in {@code dir}. With a {@code schema}, the result has exactly its columns, in its
   * order, as a Parquet read with that schema gives them: a column the table lacks reads as null (a
   * table written before the column existed).
   */
  public static Dataset<Row> read(SparkSession spark, FileSystem fs, Path dir, StructType schema)
      throws IOException {
    if (!isDelta(fs, dir)) {
      return schema == null
          ? spark.read().parquet(dir.toString())
          : spark.read().schema(schema).parquet(dir.toString());
    }
    return shaped(spark.read().format("delta").load(dir.toString()), schema);
  }

  /** A Delta table at the version {@code version}. */
  public static Dataset<Row> readVersion(
      SparkSession spark, Path dir, long version, StructType schema) {
    return shaped(
        spark.read().format("delta").option("versionAsOf", version).load(dir.toString()), schema);
  }

  private static Dataset<Row> shaped(Dataset<Row> df, StructType schema) {
    if (schema == null) {
      return df;
    }
    Set<String> present = new HashSet<>(Arrays.asList(df.columns()));
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (present.contains(f.name())
          && df.schema().apply(f.name()).dataType().sameType(f.dataType())) {
        cols.add(df.col(f.name())); // same type but for nullability, which a cast cannot drop
      } else {
        Column c = present.contains(f.name()) ? df.col(f.name()) : functions.lit(null);
        cols.add(c.cast(f.dataType()).as(f.name()));
      }
    }
    return df.select(cols.toArray(new Column[0]));
  }
}
