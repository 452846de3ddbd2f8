package org.fentrace.trends;

import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.core.Source;

/**
 * The Spark half of the trends: the monthly aggregates ({@link
 * org.fentrace.aggregates.MonthlyAggregate}) summed to the grain each trend table needs and
 * collected to the driver. They are bounded by months x vocabularies (a few thousand rows for a
 * decade), not by the number of seizures, so everything downstream is plain Java.
 */
final class AggregateCells {
  private static final String MONTH = org.fentrace.aggregates.AggregateStore.MONTH;

  private AggregateCells() {}

  /** Seizures summed per source, month, route, substance class, form and conveyance. */
  record SeizureCell(
      String source,
      YearMonth month,
      String route,
      String substanceClass,
      String form,
      String conveyance,
      long events,
      BigDecimal kg,
      long dosageUnits) {}

  /**
   * One fentanyl analog (substance_class FENTANYL_ANALOG) of one source by name, over all time up
   * to the run month.
   */
  record AnalogCell(
      String source,
      String substanceName,
      YearMonth firstMonth,
      YearMonth lastMonth,
      long events,
      BigDecimal kg,
      long dosageUnits,
      boolean unlisted) {}

  /**
   * Shipment lines per month and route: {@code pressLines} and their weight count PILL_PRESS lines
   * only.
   */
  record ShipmentCell(
      String source, YearMonth month, String route, long pressLines, BigDecimal pressWeightKg) {}

  /** The monthly seizure cells, already at this grain: read as they are. */
  static List<SeizureCell> seizureCells(Dataset<Row> cells) {
    return cells
        .select(
            col("source"),
            col(MONTH),
            col("route"),
            col("substance_class"),
            col("form"),
            col("conveyance"),
            col("events"),
            col("quantity_kg"),
            col("dosage_units"))
        .collectAsList()
        .stream()
        .map(
            r ->
                new SeizureCell(
                    r.getString(0),
                    YearMonth.parse(r.getString(1)),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    longOrZero(r, 6),
                    decimalOrZero(r, 7),
                    longOrZero(r, 8)))
        .toList();
  }

  private static final String UNLISTED = "unlisted";

  /**
   * The monthly analog cells summed over every month: first and last month seen, totals, ever
   * unlisted.
   */
  static List<AnalogCell> analogCells(Dataset<Row> cells) {
    return cells
        .groupBy("source", "substance_name")
        .agg(
            min(col(MONTH)),
            max(col(MONTH)),
            sum(col("events")),
            sum(col("quantity_kg")),
            sum(col("dosage_units")),
            bool_or(col(UNLISTED)).as(UNLISTED))
        .collectAsList()
        .stream()
        .map(
            r ->
                new AnalogCell(
                    r.getString(0),
                    r.getString(1),
                    YearMonth.parse(r.getString(2)),
                    YearMonth.parse(r.getString(3)),
                    longOrZero(r, 4),
                    decimalOrZero(r, 5),
                    longOrZero(r, 6),
                    !r.isNullAt(r.fieldIndex(UNLISTED)) && r.<Boolean>getAs(UNLISTED)))
        .toList();
  }

  /** The monthly shipment cells summed over delivery file and route confidence. */
  static List<ShipmentCell> shipmentCells(Dataset<Row> cells) {
    return cells
        .groupBy("source", MONTH, "route")
        .agg(sum(col("press_lines")), sum(col("press_weight_kg")))
        .collectAsList()
        .stream()
        .map(
            r ->
                new ShipmentCell(
                    r.getString(0),
                    YearMonth.parse(r.getString(1)),
                    r.getString(2),
                    longOrZero(r, 3),
                    decimalOrZero(r, 4)))
        .toList();
  }

  /**
   * The span of event dates each delivery (source file) covers, from an aggregate that has {@code
   * source_file}, {@code first_date} and {@code last_date} and either a {@code source} column or a
   * {@code source_format} column (mapped with {@link Source#ofSourceFormat}).
   */
  static List<Coverage.Delivery> deliveries(Dataset<Row> cells) {
    boolean hasSource = List.of(cells.columns()).contains("source");
    String key = hasSource ? "source" : "source_format";
    return cells
        .groupBy(key, "source_file")
        .agg(min(col("first_date")), max(col("last_date")))
        .collectAsList()
        .stream()
        .filter(r -> !r.isNullAt(2) && !r.isNullAt(3))
        .map(
            r ->
                new Coverage.Delivery(
                    hasSource ? r.getString(0) : Source.ofSourceFormat(r.getString(0)).id(),
                    r.getString(1),
                    YearMonth.from(localDate(r.get(2))),
                    YearMonth.from(localDate(r.get(3)))))
        .toList();
  }

  private static java.time.LocalDate localDate(Object v) {
    return v instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) v;
  }

  private static long longOrZero(Row r, int i) {
    return r.isNullAt(i) ? 0L : r.getLong(i);
  }

  private static BigDecimal decimalOrZero(Row r, int i) {
    return r.isNullAt(i) ? BigDecimal.ZERO : r.getDecimal(i);
  }
}
