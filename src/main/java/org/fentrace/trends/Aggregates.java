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

/**
 * The Spark half of the trends: the monthly aggregates ({@link org.fentrace.aggregates.MonthlyAggregate}) summed to the grain
 * each trend table needs and collected to the driver. They are bounded by months x vocabularies (a few
 * thousand rows for a decade), not by the number of seizures, so everything downstream is plain Java.
 */
final class Aggregates {
  private static final String MONTH = org.fentrace.aggregates.AggregateStore.MONTH;

  private Aggregates() {}

  /** Seizures summed per month, route, substance class, form and conveyance. */
  record SeizureCell(YearMonth month, String route, String substanceClass, String form, String conveyance,
      long events, BigDecimal kg, long dosageUnits) {}

  /** One fentanyl analog (substance_class FENTANYL_ANALOG) by name, over all time up to the run month. */
  record AnalogCell(String substanceName, YearMonth firstMonth, YearMonth lastMonth, long events, BigDecimal kg,
      long dosageUnits, boolean unlisted) {}

  /** Shipment lines per month and route: {@code pressLines} and their weight count PILL_PRESS lines only. */
  record ShipmentCell(YearMonth month, String route, long pressLines, BigDecimal pressWeightKg) {}

  /** The monthly seizure cells, already at this grain: read as they are. */
  static List<SeizureCell> seizureCells(Dataset<Row> cells) {
    return cells.select(col(MONTH), col("route"), col("substance_class"), col("form"), col("conveyance"),
            col("events"), col("quantity_kg"), col("dosage_units"))
        .collectAsList().stream()
        .map(r -> new SeizureCell(YearMonth.parse(r.getString(0)), r.getString(1), r.getString(2), r.getString(3),
            r.getString(4), longOrZero(r, 5), decimalOrZero(r, 6), longOrZero(r, 7)))
        .toList();
  }

  /** The monthly analog cells summed over every month: first and last month seen, totals, ever unlisted. */
  static List<AnalogCell> analogCells(Dataset<Row> cells) {
    return cells.groupBy("substance_name")
        .agg(min(col(MONTH)), max(col(MONTH)), sum(col("events")), sum(col("quantity_kg")),
            sum(col("dosage_units")), bool_or(col("unlisted")))
        .collectAsList().stream()
        .map(r -> new AnalogCell(r.getString(0), YearMonth.parse(r.getString(1)), YearMonth.parse(r.getString(2)),
            longOrZero(r, 3), decimalOrZero(r, 4), longOrZero(r, 5), !r.isNullAt(6) && r.getBoolean(6)))
        .toList();
  }

  /** The monthly shipment cells summed over route confidence. */
  static List<ShipmentCell> shipmentCells(Dataset<Row> cells) {
    return cells.groupBy(MONTH, "route")
        .agg(sum(col("press_lines")), sum(col("press_weight_kg")))
        .collectAsList().stream()
        .map(r -> new ShipmentCell(YearMonth.parse(r.getString(0)), r.getString(1), longOrZero(r, 2),
            decimalOrZero(r, 3)))
        .toList();
  }

  private static long longOrZero(Row r, int i) {
    return r.isNullAt(i) ? 0L : r.getLong(i);
  }

  private static BigDecimal decimalOrZero(Row r, int i) {
    return r.isNullAt(i) ? BigDecimal.ZERO : r.getDecimal(i);
  }
}
