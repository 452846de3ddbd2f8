package org.fentrace.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.aggregates.MonthlyAggregate;
import org.fentrace.core.Confidence;
import org.fentrace.core.Route;
import org.fentrace.core.Source;
import org.fentrace.core.SubstanceClass;
import org.fentrace.core.Vocabulary;
import org.fentrace.trends.TrendSchemas;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Reads what the report needs from the warehouse. The trend tables are small (months x routes x
 * classes) and are collected whole, filtered to the rows the report shows; {@code seizures} and
 * {@code shipments} are read through their monthly aggregates ({@link AggregateStore}), never
 * scanned; the (small) quarantine is counted by Spark. A missing table reads as no rows. {@code
 * describe} labels each Spark job.
 */
final class ReportInputs {
  static final List<String> FAMILY = SubstanceClass.FENTANYL_FAMILY_WIRE_NAMES;

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final LocalDate runDate;
  private final String runId;
  private final Consumer<String> describe;

  /**
   * The one source trend rows are read for; null until {@link #useSource} (then rows of every
   * source).
   */
  private Source source;

  ReportInputs(
      SparkSession spark,
      Warehouse warehouse,
      LocalDate runDate,
      String runId,
      Consumer<String> describe) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.runDate = runDate;
    this.runId = runId;
    this.describe = describe;
  }

  /**
   * From now on, trend rows are those of {@code source} only: the report never adds figures across
   * sources.
   */
  void useSource(Source source) {
    this.source = source;
  }

  /**
   * Rows of a trend table whose substance_class is in the fentanyl family (all rows when it has no
   * class) and whose source is the report's source (once chosen), in no particular order: callers
   * key them (the tables are written sorted, but a scan promises no order).
   */
  List<Row> trendRows(String table) throws IOException {
    return trendRows(table, source);
  }

  /** As {@link #trendRows(String)}, for the rows of {@code onlySource} (null: every source). */
  List<Row> trendRows(String table, Source onlySource) throws IOException {
    Dataset<Row> t = table(table, TrendSchemas.forTable(table));
    if (t == null) {
      return List.of();
    }
    if (onlySource != null) {
      t = t.filter(col("source").equalTo(onlySource.id()));
    }
    if (List.of(t.columns()).contains("substance_class")) {
      t = t.filter(col("substance_class").isin(FAMILY.toArray()));
    }
    describe.accept("read " + table);
    return t.collectAsList();
  }

  /**
   * Seizures at the grain every data-quality and confidence figure needs: source format and file,
   * fiscal year, route, route confidence, rule version, fentanyl family or not; with first and last
   * date, rows, events and kg. Summed from the monthly aggregate (never a scan of the table);
   * months after the run date's month are left out, as in the trend tables.
   */
  List<Row> seizureAggregates() throws IOException {
    Dataset<Row> cells = aggregate(MonthlyAggregate.SEIZURE_SOURCES);
    describe.accept("sum seizures by source, fiscal year, route and confidence");
    return cells
        .groupBy(
            "source_format",
            "source_file",
            "fiscal_year",
            "route",
            "route_confidence",
            "rule_version",
            "family")
        .agg(
            min("first_date").as("first_date"),
            max("last_date").as("last_date"),
            sum("rows").as("rows"),
            sum("events").as("events"),
            sum("quantity_kg").as("kg"))
        .collectAsList();
  }

  /**
   * The heaviest single fentanyl-family row of {@code seizures} (one seizure event, one published
   * CBP row) per month, source format and route, as {@code event_month} (yyyy-MM), {@code
   * source_format}, {@code route}, {@code largest_row_kg}: from the monthly aggregate, never a
   * scan.
   */
  List<Row> largestFamilyRows() throws IOException {
    Dataset<Row> cells = aggregate(MonthlyAggregate.SEIZURE_SOURCES);
    describe.accept("largest fentanyl-family seizure row by month, source and route");
    return cells
        .filter(col("family"))
        .groupBy(col(AggregateStore.MONTH), col("source_format"), col("route"))
        .agg(max("largest_row_kg").as("largest_row_kg"))
        .collectAsList();
  }

  /**
   * The route_sensitivity rows of the report's source (fentanyl family kg per fiscal year and route
   * under each compared rule set), or null when the warehouse has no such table (written before it
   * existed).
   */
  List<Row> sensitivityRows() throws IOException {
    Dataset<Row> t =
        table(
            org.fentrace.routes.RouteSensitivity.TABLE,
            org.fentrace.routes.RouteSensitivity.SCHEMA);
    if (t == null) {
      return null;
    }
    if (source != null) {
      t = t.filter(col("source").equalTo(source.id()));
    }
    describe.accept("read " + org.fentrace.routes.RouteSensitivity.TABLE);
    return t.collectAsList();
  }

  /**
   * Pill press and die shipment lines by route and route confidence (groups with at least one
   * line).
   */
  List<Row> pillPressConfidence() throws IOException {
    Dataset<Row> cells = aggregate(MonthlyAggregate.SHIPMENT_CELLS);
    describe.accept("sum pill press shipment lines by route and confidence");
    return cells
        .groupBy("route", "route_confidence")
        .agg(sum("press_lines").as("lines"))
        .filter(col("lines").gt(0))
        .collectAsList();
  }

  private Dataset<Row> aggregate(MonthlyAggregate a) throws IOException {
    return new AggregateStore(spark, warehouse).read(a, YearMonth.from(runDate), runId);
  }

  /** The quarantine counted by source file and reason code. */
  List<Row> rejectCounts() throws IOException {
    Dataset<Row> r =
        table(
            WarehouseTable.REJECTED.tableName(), SparkSchemas.structType(WarehouseTable.REJECTED));
    if (r == null) {
      return List.of();
    }
    describe.accept("count rejected rows by file and reason");
    return r.groupBy("source_file", "reason_code").agg(count(lit(1)).as("rows")).collectAsList();
  }

  /**
   * The table read with its known schema (never inferred: inference costs a Spark job per table),
   * or null when it is missing or holds no Parquet file.
   */
  private Dataset<Row> table(String name, StructType schema) throws IOException {
    Path path = warehouse.table(name);
    return warehouse.holdsTable(path) ? warehouse.readTable(spark, path, schema) : null;
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

  /**
   * A vocabulary column's value as its constant: the table-read edge, where the report turns the
   * written word into the enum it works with (an unknown word fails, naming the vocabulary).
   */
  static <E extends Enum<E> & Vocabulary> E vocabulary(Row r, String field, Class<E> type) {
    return Vocabulary.fromWire(type, r.<String>getAs(field));
  }

  /**
   * The {@code route_confidence} column of a monthly aggregate: its {@link Confidence}, or empty
   * for the NONE it writes where no route rule ran.
   */
  static Optional<Confidence> routeConfidence(Row r) {
    String written = r.getAs("route_confidence");
    return Confidence.NO_RULE.equals(written)
        ? Optional.empty()
        : Optional.of(Vocabulary.fromWire(Confidence.class, written));
  }

  /** The {@code route} column as a {@link Route}. */
  static Route route(Row r) {
    return vocabulary(r, "route", Route.class);
  }

  static Double doubleOrNull(Row r, String field) {
    Object v = r.getAs(field);
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** Table names this class reads, for the figures' source notes. */
  static final List<String> TREND_TABLES = TrendsAction.TABLES;
}
