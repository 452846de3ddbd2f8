package org.fentrace.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.trends.TrendsAction;
import org.fentrace.trends.Vocabulary;
import org.fentrace.warehouse.Warehouse;

/**
 * Reads what the report needs from the warehouse. The trend tables are small (months x routes x
 * classes) and are collected whole, filtered to the rows the report shows; {@code seizures},
 * {@code shipments} and {@code rejected} are aggregated by Spark first (one scan each) and only the
 * aggregates are collected. A missing table reads as no rows. {@code describe} labels each Spark job.
 */
final class ReportInputs {
  static final List<String> FAMILY = Vocabulary.FENTANYL_FAMILY;

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final LocalDate runDate;
  private final Consumer<String> describe;

  ReportInputs(SparkSession spark, Warehouse warehouse, LocalDate runDate, Consumer<String> describe) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.runDate = runDate;
    this.describe = describe;
  }

  /**
   * Rows of a trend table whose substance_class is in the fentanyl family (all rows when it has no class),
   * in no particular order: callers key them (the tables are written sorted, but a scan promises no order).
   */
  List<Row> trendRows(String table) throws IOException {
    Dataset<Row> t = table(table);
    if (t == null) {
      return List.of();
    }
    if (List.of(t.columns()).contains("substance_class")) {
      t = t.filter(col("substance_class").isin(FAMILY.toArray()));
    }
    describe.accept("read " + table);
    return t.collectAsList();
  }

  /**
   * Seizures at the grain every data-quality and confidence figure needs: source format and file, fiscal
   * year, route, route confidence, rule version, fentanyl family or not; with first and last date, rows,
   * events and kg. Rows after the run date's month are left out, as in the trend tables.
   */
  List<Row> seizureAggregates() throws IOException {
    Dataset<Row> s = table("seizures");
    if (s == null) {
      return List.of();
    }
    describe.accept("aggregate seizures by source, fiscal year, route and confidence");
    return s.filter(col("event_date").leq(to_date(lit(YearMonth.from(runDate).atEndOfMonth().toString()))))
        .select(col("source_format"), col("source_file"), col("fiscal_year"),
            coalesce(col("route"), lit(Vocabulary.UNATTRIBUTED)).as("route"),
            coalesce(col("route_confidence"), lit("NONE")).as("route_confidence"),
            coalesce(regexp_extract(col("route_rule"), "@([^@#]*)(#[0-9a-f]*)?$", 1), lit("")).as("rule_version"),
            col("substance_class").isin(FAMILY.toArray()).as("family"),
            col("event_date"), col("event_count"), col("quantity_kg"))
        .groupBy("source_format", "source_file", "fiscal_year", "route", "route_confidence", "rule_version", "family")
        .agg(min("event_date").as("first_date"), max("event_date").as("last_date"), count(lit(1)).as("rows"),
            sum("event_count").as("events"), sum("quantity_kg").as("kg"))
        .collectAsList();
  }

  /** Pill press and die shipment lines by route and route confidence. */
  List<Row> pillPressConfidence() throws IOException {
    Dataset<Row> s = table("shipments");
    if (s == null) {
      return List.of();
    }
    describe.accept("count pill press shipment lines by route and confidence");
    return s.filter(col("goods_class").equalTo(Vocabulary.PILL_PRESS))
        .filter(col("event_date").leq(to_date(lit(YearMonth.from(runDate).atEndOfMonth().toString()))))
        .groupBy(coalesce(col("route"), lit(Vocabulary.UNATTRIBUTED)).as("route"),
            coalesce(col("route_confidence"), lit("NONE")).as("route_confidence"))
        .agg(count(lit(1)).as("lines"))
        .collectAsList();
  }

  /** The quarantine counted by source file and reason code. */
  List<Row> rejectCounts() throws IOException {
    Dataset<Row> r = table("rejected");
    if (r == null) {
      return List.of();
    }
    describe.accept("count rejected rows by file and reason");
    return r.groupBy("source_file", "reason_code").agg(count(lit(1)).as("rows")).collectAsList();
  }

  /** The table as a Dataset, or null when it is missing or holds no Parquet file. */
  Dataset<Row> table(String name) throws IOException {
    Path path = warehouse.table(name);
    return Warehouse.holdsParquet(warehouse.fs(), path) ? spark.read().parquet(path.toString()) : null;
  }

  // --- row value helpers (Spark gives java.sql.Date, or LocalDate with the Java 8 time API on) ---

  static LocalDate date(Row r, String field) {
    Object v = r.getAs(field);
    if (v == null) {
      return null;
    }
    return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
  }

  static YearMonth month(Row r, String field) {
    LocalDate d = date(r, field);
    return d == null ? null : YearMonth.from(d);
  }

  static BigDecimal decimal(Row r, String field) {
    Object v = r.getAs(field);
    return v == null ? BigDecimal.ZERO : (BigDecimal) v;
  }

  static long longValue(Row r, String field) {
    Object v = r.getAs(field);
    return v == null ? 0L : ((Number) v).longValue();
  }

  static Double doubleOrNull(Row r, String field) {
    Object v = r.getAs(field);
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** Table names this class reads, for the figures' source notes. */
  static final List<String> TREND_TABLES = TrendsAction.TABLES;
}
