package org.fentrace.effects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.trends.CsvExports;
import org.fentrace.trends.TrendSchemas;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Writes {@code policy_effects} after the trend tables: reads {@code route_monthly}
 * (fentanyl-related classes) and {@code lab_reports} (summed by half-year and class, one Spark
 * aggregation), collects them (small), estimates every policy event against every series in plain
 * Java ({@link PolicyEffects}), stages the table under the run's staging folder, publishes it
 * through the journal ({@link PartitionPublisher#publishWhole}) like the trend tables (rewritten
 * whole), and writes {@code exports/policy_effects.csv} from the same rows.
 */
public final class PolicyEffectsAction {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final String eventsPath;
  private final String runId;

  /**
   * What one run produced: where the events came from, the rows written and how many hold an
   * estimate.
   */
  public record Result(String eventsSource, int events, long rows, long estimated, String export) {}

  /**
   * {@code eventsPath}: the policy events file (any Hadoop URI), or null/empty for the bundled one.
   */
  public PolicyEffectsAction(
      SparkSession spark, Warehouse warehouse, String eventsPath, String runId) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.eventsPath = eventsPath;
    this.runId = Objects.requireNonNull(runId, "runId");
  }

  public Result execute() throws IOException {
    try {
      Computed c = compute();
      PolicyEventsFile.Loaded events = c.events();
      List<Row> rows = PolicyEffectsTable.rows(c.effects());
      spark.sparkContext().setJobDescription("fentrace effects: write " + PolicyEffectsTable.TABLE);
      Path staged = warehouse.layout().staged(runId, PolicyEffectsTable.TABLE);
      spark
          .createDataFrame(rows, PolicyEffectsTable.SCHEMA)
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(staged.toString());
      warehouse.writeSuccessMarker(staged, runId);
      new PartitionPublisher(warehouse)
          .publishWhole(
              runId, List.of(PolicyEffectsTable.TABLE), FaultInjection.MID_PUBLISH_EFFECTS);
      Path export =
          CsvExports.write(
              warehouse, PolicyEffectsTable.TABLE, CsvExports.csv(PolicyEffectsTable.SCHEMA, rows));
      long estimated =
          rows.stream().filter(r -> EffectStatus.ESTIMATED.name().equals(r.getString(8))).count();
      return new Result(
          events.source(), events.events().size(), rows.size(), estimated, export.toString());
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * The events and every effect, computed from the published route_monthly and lab_reports, nothing
   * written.
   */
  public record Computed(PolicyEventsFile.Loaded events, List<PolicyEffects.Effect> effects) {}

  /**
   * Reads the events and the series and estimates; writes nothing (the report draws from this too).
   */
  public Computed compute() throws IOException {
    PolicyEventsFile.Loaded events =
        PolicyEventsFile.load(eventsPath, spark.sparkContext().hadoopConfiguration());
    List<PolicyEffects.Series> series = new ArrayList<>(EffectSeries.monthly(monthCells()));
    series.addAll(EffectSeries.halfYearly(halfYearCells()));
    return new Computed(events, PolicyEffects.estimate(events.events(), series));
  }

  private List<EffectSeries.MonthCell> monthCells() throws IOException {
    Path path = warehouse.table(TrendsAction.ROUTE_MONTHLY);
    if (!warehouse.holdsTable(path)) {
      return List.of();
    }
    spark.sparkContext().setJobDescription("fentrace effects: read route_monthly");
    List<EffectSeries.MonthCell> out = new ArrayList<>();
    for (Row r :
        warehouse
            .readTable(spark, path, TrendSchemas.ROUTE_MONTHLY)
            .where(col("substance_class").isin(EffectSeries.CLASSES.toArray()))
            .select("source", "month", "route", "substance_class", "covered", "quantity_kg")
            .collectAsList()) {
      BigDecimal kg = r.isNullAt(5) ? null : r.getDecimal(5);
      out.add(
          new EffectSeries.MonthCell(
              r.getString(0),
              month(r.get(1)),
              r.getString(2),
              r.getString(3),
              r.getBoolean(4),
              kg == null ? null : kg.doubleValue()));
    }
    return out;
  }

  private List<EffectSeries.HalfYearCell> halfYearCells() throws IOException {
    Path path = warehouse.table(WarehouseTable.LAB_REPORTS.tableName());
    if (!warehouse.holdsTable(path)) {
      return List.of();
    }
    spark
        .sparkContext()
        .setJobDescription("fentrace effects: sum lab_reports by half-year and class");
    List<EffectSeries.HalfYearCell> out = new ArrayList<>();
    for (Row r :
        warehouse
            .readTable(spark, path, SparkSchemas.structType(WarehouseTable.LAB_REPORTS))
            .groupBy("period_start", "substance_class")
            .agg(sum("report_count"))
            .collectAsList()) {
      out.add(new EffectSeries.HalfYearCell(month(r.get(0)), r.getString(1), r.getLong(2)));
    }
    return out;
  }

  /**
   * A DATE as Spark hands it back (java.sql.Date, or LocalDate with the Java 8 time API on) to its
   * month.
   */
  private static YearMonth month(Object date) {
    return YearMonth.from(
        date instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) date);
  }
}
