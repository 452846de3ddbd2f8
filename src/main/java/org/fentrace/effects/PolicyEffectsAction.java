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
import org.fentrace.action.ActionOption;
import org.fentrace.action.BaseAction;
import org.fentrace.core.EffectStatus;
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
 *
 * <pre>{@code
 * PolicyEffectsResult r =
 *     new PolicyEffectsAction(spark, new PolicyEffectsAction.Options(warehouse, runId))
 *         .option(PolicyEffectsAction.POLICY_EVENTS, "jobs/conf/policy-events.csv") // default: bundled
 *         .execute();
 * }</pre>
 */
public final class PolicyEffectsAction extends BaseAction<PolicyEffectsResult> {
  /**
   * Option: path of the policy events CSV (any Hadoop URI); default (not set, null or blank) the
   * bundled {@code /conf/policy-events.csv}.
   */
  public static final String POLICY_EVENTS = "policy-events";

  /** The position of the {@code status} column in a policy_effects row. */
  private static final int STATUS = PolicyEffectsTable.SCHEMA.fieldIndex("status");

  private static final ActionOption<String> POLICY_EVENTS_OPTION =
      ActionOption.text(POLICY_EVENTS, null);

  /** The warehouse read and written, and the run id (staging folder, success marker). */
  public record Options(Warehouse warehouse, String runId) {
    public Options {
      Objects.requireNonNull(warehouse, "warehouse");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * The events and every effect, computed from the published route_monthly and lab_reports, nothing
   * written.
   */
  public record Computed(PolicyEventsFile.Loaded events, List<PolicyEffects.Effect> effects) {
    public Computed {
      effects = List.copyOf(effects);
    }
  }

  private final Warehouse warehouse;
  private final String runId;

  public PolicyEffectsAction(SparkSession spark, Options options) {
    super(spark, "effects", List.of(POLICY_EVENTS_OPTION));
    Objects.requireNonNull(options, "options");
    this.warehouse = options.warehouse();
    this.runId = options.runId();
  }

  /**
   * Sets one option (see the constants); a null value keeps the default, an unknown name throws
   * IllegalArgumentException.
   */
  public PolicyEffectsAction option(String name, String value) {
    set(name, value == null ? "" : value);
    return this;
  }

  @Override
  protected PolicyEffectsResult run() throws IOException {
    long t = System.nanoTime();
    Computed c = compute();
    t = lap("compute", t);
    List<Row> rows = PolicyEffectsTable.rows(c.effects());
    describe("write " + PolicyEffectsTable.TABLE);
    Path staged = warehouse.layout().staged(runId, PolicyEffectsTable.TABLE);
    spark
        .createDataFrame(rows, PolicyEffectsTable.SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(staged.toString());
    warehouse.writeSuccessMarker(staged, runId);
    t = lap("write_table", t);
    describe("publish " + PolicyEffectsTable.TABLE);
    new PartitionPublisher(warehouse)
        .publishWhole(runId, List.of(PolicyEffectsTable.TABLE), FaultInjection.MID_PUBLISH_EFFECTS);
    t = lap("publish_table", t);
    Path export =
        CsvExports.write(
            warehouse, PolicyEffectsTable.TABLE, CsvExports.csv(PolicyEffectsTable.SCHEMA, rows));
    lap("write_export", t);
    long estimated =
        rows.stream()
            .filter(r -> EffectStatus.ESTIMATED.wireName().equals(r.getString(STATUS)))
            .count();
    return new PolicyEffectsResult(
        c.events().source(),
        c.events().events().size(),
        rows.size(),
        estimated,
        export.toString(),
        timings());
  }

  /**
   * Reads the events and the series and estimates; writes nothing (the report draws from this too).
   */
  public Computed compute() throws IOException {
    PolicyEventsFile.Loaded events =
        PolicyEventsFile.load(
            get(POLICY_EVENTS_OPTION), spark.sparkContext().hadoopConfiguration());
    return new Computed(events, PolicyEffects.estimate(events.events(), series()));
  }

  /**
   * The series the estimates are fitted on, as published: kilograms per month of route_monthly,
   * NFLIS reports per half-year of lab_reports. The report draws the observed values from these.
   */
  public List<PolicyEffects.Series> series() throws IOException {
    List<PolicyEffects.Series> series = new ArrayList<>(EffectSeries.monthly(monthCells()));
    series.addAll(EffectSeries.halfYearly(halfYearCells()));
    return series;
  }

  private List<EffectSeries.MonthCell> monthCells() throws IOException {
    Path path = warehouse.table(TrendsAction.ROUTE_MONTHLY);
    if (!warehouse.holdsTable(path)) {
      return List.of();
    }
    describe("read route_monthly");
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
    describe("sum lab_reports by half-year and class");
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
