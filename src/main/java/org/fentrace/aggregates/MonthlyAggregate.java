package org.fentrace.aggregates;

import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.core.Confidence;
import org.fentrace.core.GoodsClass;
import org.fentrace.core.InputFormat;
import org.fentrace.core.Route;
import org.fentrace.core.Source;
import org.fentrace.core.SubstanceClass;
import org.fentrace.core.Vocabulary;
import org.fentrace.routes.RouteAttribution;
import org.fentrace.warehouse.WarehouseTable;

/**
 * One per-month summary of a partitioned table, at the finest grain a trend table or a report
 * figure needs. Every column is additive across months (sums, counts, min and max, or-ed flags), so
 * the summary of any span of months is a re-aggregation of its months' rows; that is what lets a
 * night recompute only the months it rewrote, and the trends read these aggregates instead of the
 * tables, so a night's cost follows its new data rather than the whole history.
 *
 * <p>Each constant's function takes rows of its table with the {@link AggregateStore#MONTH} column
 * and returns the aggregate, keyed by that month first. Null route, class, form and conveyance read
 * as {@code UNATTRIBUTED} or {@code UNKNOWN}, exactly as the trend tables show them.
 */
public enum MonthlyAggregate {
  /** Seizures per month, route, substance class, form and conveyance: the trend tables' cells. */
  SEIZURE_CELLS(
      "seizure_cells",
      WarehouseTable.SEIZURES,
      rows ->
          rows.groupBy(
                  col(AggregateStore.MONTH),
                  sourceOf(),
                  route(),
                  unknownIfNull("substance_class"),
                  unknownIfNull("form"),
                  unknownIfNull("conveyance"))
              .agg(
                  sum(col("event_count").cast("bigint")).as("events"),
                  sum(col("quantity_kg")).as("quantity_kg"),
                  sum(col("dosage_units")).as("dosage_units"))),

  /** Fentanyl analogs per month and substance name: the analog watch. */
  ANALOG_CELLS(
      "analog_cells",
      WarehouseTable.SEIZURES,
      rows ->
          rows.filter(col("substance_class").equalTo(SubstanceClass.FENTANYL_ANALOG.wireName()))
              .groupBy(col(AggregateStore.MONTH), sourceOf(), col("substance_name"))
              .agg(
                  sum(col("event_count").cast("bigint")).as("events"),
                  sum(col("quantity_kg")).as("quantity_kg"),
                  sum(col("dosage_units")).as("dosage_units"),
                  bool_or(col("substance_unlisted")).as("unlisted"))),

  /**
   * Seizures per month and source, fiscal year, route, confidence and rule version: the report's
   * quality figures, and the heaviest single row behind its lumpy-year flags.
   */
  SEIZURE_SOURCES(
      "seizure_sources",
      WarehouseTable.SEIZURES,
      rows ->
          rows.groupBy(
                  col(AggregateStore.MONTH),
                  col("source_format"),
                  col("source_file"),
                  col("fiscal_year"),
                  route(),
                  coalesce(col("route_confidence"), lit(Confidence.NO_RULE)).as("route_confidence"),
                  coalesce(regexp_extract(col("route_rule"), "@([^@#]*)(#[0-9a-f]*)?$", 1), lit(""))
                      .as("rule_version"),
                  col("substance_class")
                      .isin(SubstanceClass.FENTANYL_FAMILY_WIRE_NAMES.toArray())
                      .as("family"))
              .agg(
                  min("event_date").as("first_date"),
                  max("event_date").as("last_date"),
                  count(lit(1)).as("rows"),
                  sum(col("event_count").cast("bigint")).as("events"),
                  sum("quantity_kg").as("quantity_kg"),
                  // The heaviest single row (one seizure event, one published CBP row): what a
                  // fiscal-year change may rest on (the report's lumpy flag). Max is additive too.
                  max("quantity_kg").as("largest_row_kg"))),

  /**
   * Fentanyl-family seizure kilograms per month, fiscal year and every fact a route rule can read
   * ({@link RouteAttribution#seizureFactColumns}): route sensitivity decides these cells again
   * under each rule set, so the comparison of rule sets never reads the table. The facts, not the
   * stored route, are the key: the cells do not change when the rules do.
   */
  ROUTE_FACT_CELLS(
      "route_fact_cells",
      WarehouseTable.SEIZURES,
      rows -> {
        List<Column> keys = new ArrayList<>();
        keys.add(col(AggregateStore.MONTH));
        keys.add(col("fiscal_year"));
        keys.addAll(RouteAttribution.seizureFactColumns());
        return rows.filter(
                col("substance_class").isin(SubstanceClass.FENTANYL_FAMILY_WIRE_NAMES.toArray()))
            .groupBy(keys.toArray(Column[]::new))
            .agg(sum(col("quantity_kg")).as("quantity_kg"));
      }),

  /**
   * Shipment lines per month, delivery file, route and confidence, with the pill press lines and
   * their weight; first and last arrival date per file give the span each delivery covers. Every
   * shipment row is of the customs shipments source (the table holds one input format).
   */
  SHIPMENT_CELLS(
      "shipment_cells",
      WarehouseTable.SHIPMENTS,
      rows -> {
        Column press = col("goods_class").equalTo(GoodsClass.PILL_PRESS.wireName());
        return rows.groupBy(
                col(AggregateStore.MONTH),
                lit(Source.CUSTOMS_SHIPMENTS.id()).as("source"),
                col("source_file"),
                route(),
                coalesce(col("route_confidence"), lit(Confidence.NO_RULE)).as("route_confidence"))
            .agg(
                count(lit(1)).as("lines"),
                count(when(press, lit(1))).as("press_lines"),
                sum(when(press, col("gross_weight_kg"))).as("press_weight_kg"),
                min("event_date").as("first_date"),
                max("event_date").as("last_date"));
      });

  private final String storeName;
  private final WarehouseTable source;
  private final UnaryOperator<Dataset<Row>> compute;

  MonthlyAggregate(String storeName, WarehouseTable source, UnaryOperator<Dataset<Row>> compute) {
    this.storeName = storeName;
    this.source = source;
    this.compute = compute;
  }

  /** Folder name under {@code _state/aggregates}. */
  public String storeName() {
    return storeName;
  }

  /** The table it summarizes. */
  public WarehouseTable source() {
    return source;
  }

  /**
   * The aggregate of some rows of {@link #source()} (which carry the month column), one row per
   * month and key.
   */
  public Dataset<Row> of(Dataset<Row> rowsWithMonth) {
    return compute.apply(rowsWithMonth);
  }

  /**
   * The {@link Source} of a seizure row, from its {@code source_format}: every aggregate a trend
   * table is built from is keyed by source, so no figure is ever summed across two sources.
   */
  private static Column sourceOf() {
    Column out = null;
    for (InputFormat f : InputFormat.values()) {
      Column is = col("source_format").equalTo(f.id());
      String id = Source.of(f).id();
      out = out == null ? when(is, lit(id)) : out.when(is, lit(id));
    }
    return out.as("source");
  }

  private static Column route() {
    return coalesce(col("route"), lit(Route.UNATTRIBUTED.wireName())).as("route");
  }

  private static Column unknownIfNull(String column) {
    return coalesce(col(column), lit(Vocabulary.UNKNOWN_WIRE_NAME)).as(column);
  }
}
