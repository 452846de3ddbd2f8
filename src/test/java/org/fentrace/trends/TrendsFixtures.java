package org.fentrace.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.normalize.FiscalCalendar;
import org.fentrace.testing.ExternalRows;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Hand-made normalized inputs for the trends tests: rows of the real {@code seizures} and {@code
 * shipments} schemas (from the Avro files), written as Parquet partitioned by {@code event_month}
 * like ingestion writes them, and helpers to run {@link TrendsAction} and read its tables back.
 */
final class TrendsFixtures {
  private static final AtomicLong IDS = new AtomicLong();

  private TrendsFixtures() {}

  static SparkSession spark() {
    return SharedSpark.session();
  }

  /** A seizure weighed in kg (one event, powder, conveyance and region unknown unless set). */
  static TableRow seizure(String date, String route, String substanceClass, String kg) {
    LocalDate d = LocalDate.parse(date);
    long id = IDS.incrementAndGet();
    return WarehouseTable.SEIZURES
        .newRow()
        .set("record_id", "seizure_events:T" + id)
        .set("source_format", "seizure_events")
        .set("source_file", "test.csv")
        .set("source_line", id + 1)
        .set("event_date", d)
        .set("fiscal_year", FiscalCalendar.fiscalYear(d))
        .set("event_count", 1)
        .set("substance_raw", substanceClass.toLowerCase())
        .set(
            "substance_name",
            substanceClass.equals("FENTANYL") ? "fentanyl" : substanceClass.toLowerCase())
        .set("substance_class", substanceClass)
        .set("substance_unlisted", false)
        .set("form", "POWDER")
        .set("quantity_kg", kg == null ? null : new java.math.BigDecimal(kg))
        .set("transit_countries", List.of())
        .set("conveyance", "UNKNOWN")
        .set("region", "UNKNOWN")
        .set("route", route);
  }

  /** A seizure of counted pills: no mass, {@code units} dosage units. */
  static TableRow pills(String date, String route, String substanceClass, long units) {
    return seizure(date, route, substanceClass, null)
        .set("form", "PILLS")
        .set("dosage_units", units);
  }

  /**
   * A customs shipment line of the given goods class and gross weight (null: no weight declared).
   */
  static TableRow shipment(String date, String route, String goodsClass, String weightKg) {
    LocalDate d = LocalDate.parse(date);
    long id = IDS.incrementAndGet();
    return WarehouseTable.SHIPMENTS
        .newRow()
        .set("record_id", "customs_shipments:S" + id)
        .set("shipment_id", "S" + id)
        .set("source_file", "shipments.csv")
        .set("source_line", id + 1)
        .set("event_date", d)
        .set("fiscal_year", FiscalCalendar.fiscalYear(d))
        .set("origin_country_raw", "China")
        .set("transit_countries", List.of())
        .set("mode", "SEA")
        .set(
            "description", goodsClass.equals("PILL_PRESS") ? "TDP-5 tablet press" : "machine parts")
        .set("goods_class", goodsClass)
        .set("gross_weight_kg", weightKg == null ? null : new java.math.BigDecimal(weightKg))
        .set("inspection_outcome", "RELEASED")
        .set("route", route);
  }

  /**
   * Gives every required (non-union) field the row left unset a neutral value, so the fixtures keep
   * working when the normalized schemas gain columns the trends do not read.
   */
  static TableRow fillRequired(TableRow row) {
    for (Schema.Field f : row.table().avroSchema().getFields()) {
      if (row.get(f.name()) == null && f.schema().getType() != Schema.Type.UNION) {
        Object neutral =
            switch (f.schema().getType()) {
              case BOOLEAN -> Boolean.FALSE;
              case INT -> 0;
              case LONG -> 0L;
              case ARRAY -> List.of();
              case STRING -> "";
              default -> throw new IllegalStateException("fixture has no neutral value for " + f);
            };
        row.set(f.name(), neutral);
      }
    }
    return row;
  }

  /** Writes (replaces) a normalized table of the warehouse, partitioned by event_month. */
  static void write(Path warehouse, WarehouseTable table, List<TableRow> rows) {
    rows.forEach(TrendsFixtures::fillRequired);
    Dataset<Row> df =
        spark()
            .createDataFrame(
                rows.stream().map(ExternalRows::of).toList(), SparkSchemas.structType(table));
    df.withColumn("event_month", date_format(col("event_date"), "yyyy-MM"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("event_month")
        .parquet(warehouse.resolve(table.tableName()).toString());
    // Written behind ingestion's back: the monthly aggregates no longer describe the table.
    // Dropping
    // them makes the next trends run build them from the table, as for a warehouse older than they
    // are.
    try {
      org.apache.commons.io.FileUtils.deleteDirectory(
          warehouse.resolve("_state/aggregates").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static TrendsResult run(Path warehouse, LocalDate runDate, String runId) throws IOException {
    return new TrendsAction(spark(), new TrendsAction.Options(warehouse.toString(), runDate, runId))
        .execute();
  }

  static Dataset<Row> table(Path warehouse, String name) {
    return spark().read().parquet(warehouse.resolve(name).toString());
  }

  /**
   * The one row of a table matching a Spark SQL condition (fails when there is not exactly one).
   */
  static Row row(Path warehouse, String name, String condition) {
    List<Row> rows = table(warehouse, name).filter(condition).collectAsList();
    if (rows.size() != 1) {
      throw new AssertionError(
          rows.size() + " rows of " + name + " match " + condition + ": " + rows);
    }
    return rows.get(0);
  }
}
