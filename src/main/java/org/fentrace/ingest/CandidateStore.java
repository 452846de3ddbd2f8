package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Every normalized row of every delivery still in the ledger, winners and losers alike
 * ({@code _state/candidates/<table>/event_month=yyyy-MM}). Keeping the losers is what lets an
 * incremental run decide revisions exactly as a clean run would: when a newer delivery is corrected or
 * pruned, the version it had superseded is still here to win again. Analysts never read this.
 */
final class CandidateStore {
  static final String MONTH = "event_month";

  private final SparkSession spark;
  private final Warehouse warehouse;

  CandidateStore(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  static Path candidates(Warehouse w, WarehouseTable t) {
    return new Path(new Path(new Path(w.root(), "_state"), "candidates"), t.tableName());
  }

  static StructType withMonth(WarehouseTable t) {
    return SparkSchemas.structType(t).add(MONTH, DataTypes.StringType, false);
  }

  static Column month() {
    return date_format(col("event_date"), "yyyy-MM");
  }

  /** The stored candidates of a table (with its month column), or an empty frame before the first run. */
  Dataset<Row> stored(WarehouseTable t) throws IOException {
    return readPartitioned(candidates(warehouse, t), t);
  }

  /** The published table (with its month column), or an empty frame. */
  Dataset<Row> published(WarehouseTable t) throws IOException {
    return readPartitioned(warehouse.table(t.tableName()), t);
  }

  private Dataset<Row> readPartitioned(Path dir, WarehouseTable t) throws IOException {
    if (!hasPartitions(dir)) {
      return spark.createDataFrame(List.<Row>of(), withMonth(t));
    }
    return spark.read().schema(withMonth(t)).parquet(dir.toString());
  }

  private boolean hasPartitions(Path dir) throws IOException {
    if (!warehouse.fs().exists(dir)) {
      return false;
    }
    for (FileStatus s : warehouse.fs().listStatus(dir)) {
      if (s.isDirectory() && s.getPath().getName().startsWith(MONTH + "=")) {
        return true;
      }
    }
    return false;
  }

  /** The narrow index that revision decisions need: a few columns of every candidate. */
  static Dataset<Row> index(Dataset<Row> candidates, WarehouseTable t) {
    Column format = t == WarehouseTable.SHIPMENTS ? lit("customs_shipments") : col("source_format");
    return candidates.select(col("record_id"), col(MONTH), col("source_file"), col("source_line"),
        format.as("source_format"), col("fiscal_year"), col("shipment_id"));
  }

  /** Writes rows partitioned by month under {@code target}; returns the months written. */
  Set<String> writePartitions(Dataset<Row> rows, Path target) throws IOException {
    rows.repartition(col(MONTH))
        .sortWithinPartitions(MONTH, "event_date", "record_id", "source_file", "source_line")
        .write().mode(SaveMode.Overwrite).partitionBy(MONTH).parquet(target.toString());
    Set<String> months = new TreeSet<>();
    if (warehouse.fs().exists(target)) {
      for (FileStatus s : warehouse.fs().listStatus(target)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.startsWith(MONTH + "=")) {
          months.add(name.substring(MONTH.length() + 1));
        }
      }
    }
    return months;
  }

  /** The months of a table's live partitions. */
  List<String> livePartitions(WarehouseTable t) throws IOException {
    List<String> names = new ArrayList<>();
    Path dir = warehouse.table(t.tableName());
    if (t.partitionColumn() == null || !warehouse.fs().exists(dir)) {
      return names;
    }
    for (FileStatus s : warehouse.fs().listStatus(dir)) {
      if (s.isDirectory() && s.getPath().getName().startsWith(MONTH + "=")) {
        names.add(s.getPath().getName());
      }
    }
    names.sort(null);
    return names;
  }
}
