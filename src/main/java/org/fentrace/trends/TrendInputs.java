package org.fentrace.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Reads the normalized tables the trends are computed from, reduced to the columns the trends need,
 * with {@code month} ({@code yyyy-MM} of the event date) added. A table that is missing or holds no Parquet
 * file reads as empty (with its schema), so a warehouse with seizures but no shipments, or nothing yet,
 * gives empty trend tables rather than an error. A row without a route (attribution has not run) counts
 * as {@code UNATTRIBUTED}. Rows after the run date's month are left out (ingestion rejects future dates;
 * this only guards the "no later than the run month" promise).
 */
final class TrendInputs {
  private TrendInputs() {}

  static Dataset<Row> seizures(SparkSession spark, Warehouse warehouse, YearMonth runMonth) throws IOException {
    return read(spark, warehouse, WarehouseTable.SEIZURES, runMonth).select(
        col("month"), route(), unknownIfNull("substance_class"), col("substance_name"), col("substance_unlisted"),
        unknownIfNull("form"), unknownIfNull("conveyance"), col("event_count"), col("quantity_kg"), col("dosage_units"));
  }

  static Dataset<Row> shipments(SparkSession spark, Warehouse warehouse, YearMonth runMonth) throws IOException {
    return read(spark, warehouse, WarehouseTable.SHIPMENTS, runMonth).select(
        col("month"), route(), col("goods_class"), col("gross_weight_kg"));
  }

  /** Reads a previous output table of this package, or null when there is none (first run). */
  static Dataset<Row> previous(SparkSession spark, Warehouse warehouse, String table) throws IOException {
    Path path = warehouse.table(table);
    return Warehouse.holdsParquet(warehouse.fs(), path) ? spark.read().parquet(path.toString()) : null;
  }

  private static Dataset<Row> read(SparkSession spark, Warehouse warehouse, WarehouseTable table, YearMonth runMonth)
      throws IOException {
    Path path = warehouse.table(table.tableName());
    Dataset<Row> rows;
    if (Warehouse.holdsParquet(warehouse.fs(), path)) {
      rows = spark.read().parquet(path.toString());
    } else {
      StructType schema = SparkSchemas.structType(table);
      rows = spark.createDataFrame(List.of(), schema);
    }
    return rows.filter(col("event_date").leq(to_date(lit(runMonth.atEndOfMonth().toString()))))
        .withColumn("month", date_format(col("event_date"), "yyyy-MM"));
  }

  private static org.apache.spark.sql.Column unknownIfNull(String column) {
    return coalesce(col(column), lit("UNKNOWN")).as(column);
  }

  private static org.apache.spark.sql.Column route() {
    return coalesce(col("route"), lit(Vocabulary.UNATTRIBUTED)).as("route");
  }
}
