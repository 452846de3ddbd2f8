package org.fentrace.trends;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.fentrace.action.BaseAction;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.aggregates.MonthlyAggregate;
import org.fentrace.core.Route;
import org.fentrace.core.TableName;
import org.fentrace.trends.AggregateCells.AnalogCell;
import org.fentrace.trends.AggregateCells.SeizureCell;
import org.fentrace.trends.AggregateCells.ShipmentCell;
import org.fentrace.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the trend tables of the warehouse from {@code seizures} and {@code shipments} and
 * writes the CSV exports. Every table is keyed by source and knows which months its source covered
 * ({@link Coverage}, published as {@code source_coverage}).
 *
 * <p>{@link #compute} does the reading: the monthly aggregates ingestion keeps beside the tables
 * ({@link AggregateStore}: month x route x class x form x conveyance; analogs by month and name;
 * shipments by month and route), never the tables themselves, so a night's trends cost does not
 * grow with the rows of history. An aggregate missing (a new warehouse, or one older than the
 * aggregates) is built once from its table. Those aggregates are bounded by months x vocabularies,
 * so they are collected and every table (dense grids, shares, statistics, lead changes, analog
 * flags) is built on the driver in plain Java, sorted by its keys. Months after the run date's
 * month are left out. {@link #execute} then stages, publishes and exports them ({@link
 * TrendTablesPublication}).
 *
 * <pre>{@code
 * TrendsResult r = new TrendsAction(spark, new TrendsAction.Options(warehouse, runDate, runId)).execute();
 * }</pre>
 */
public final class TrendsAction extends BaseAction<TrendsResult> {
  private static final Logger LOG = LoggerFactory.getLogger(TrendsAction.class);

  public static final String ROUTE_MONTHLY = TableName.ROUTE_MONTHLY.wireName();
  public static final String ROUTE_FISCAL_YEAR = TableName.ROUTE_FISCAL_YEAR.wireName();
  public static final String ROUTE_MONTHLY_BY_FORM = TableName.ROUTE_MONTHLY_BY_FORM.wireName();
  public static final String ROUTE_MONTHLY_BY_CONVEYANCE =
      TableName.ROUTE_MONTHLY_BY_CONVEYANCE.wireName();
  public static final String ROUTE_TRENDS = TableName.ROUTE_TRENDS.wireName();
  public static final String ROUTE_LEAD_CHANGES = TableName.ROUTE_LEAD_CHANGES.wireName();
  public static final String PILL_PRESS_MONTHLY = TableName.PILL_PRESS_MONTHLY.wireName();
  public static final String ANALOG_WATCH = TableName.ANALOG_WATCH.wireName();
  public static final String ANALOG_WAVES = TableName.ANALOG_WAVES.wireName();
  public static final String ANALOG_SUCCESSORS = TableName.ANALOG_SUCCESSORS.wireName();
  public static final String SOURCE_COVERAGE = TableName.SOURCE_COVERAGE.wireName();

  /**
   * Every table this action writes, in writing (and publishing) order: the trend tables of {@link
   * TableName}, which lists them in that order.
   */
  public static final List<String> TABLES =
      EnumSet.range(TableName.ROUTE_MONTHLY, TableName.SOURCE_COVERAGE).stream()
          .map(TableName::wireName)
          .toList();

  /** The field of an analog_watch row that flags a name first seen by this run. */
  private static final int NEW_THIS_RUN = TrendSchemas.ANALOG_WATCH.fieldIndex("new_this_run");

  private static final int SUBSTANCE_NAME = TrendSchemas.ANALOG_WATCH.fieldIndex("substance_name");

  /**
   * Where the warehouse is, the run date (no month after its month is trended) and the run id
   * (staging folder).
   */
  public record Options(String warehouse, LocalDate runDate, String runId) {
    public Options {
      Objects.requireNonNull(warehouse, "warehouse");
      Objects.requireNonNull(runDate, "runDate");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /** One computed table: its schema and its rows, sorted by its keys. */
  public record Table(StructType schema, List<Row> rows) {
    public Table {
      rows = List.copyOf(rows);
    }
  }

  /** Every table of one computation, in writing order; plus what the driver learned on the way. */
  public record Computed(
      Map<String, Table> tables,
      YearMonth firstMonth,
      YearMonth lastMonth,
      List<LeadChanges.LeadChange> leadChanges,
      List<String> newAnalogs) {}

  private final Options options;

  public TrendsAction(SparkSession spark, Options options) {
    super(spark, "trends", List.of());
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  protected TrendsResult run() throws IOException {
    Warehouse warehouse =
        new Warehouse(options.warehouse(), spark.sparkContext().hadoopConfiguration());
    long t = System.nanoTime();
    Computed c = compute(warehouse);
    t = lap("compute", t);
    TrendTablesPublication publication =
        new TrendTablesPublication(spark, warehouse, options.runId(), this::describe);
    Map<String, Long> rows = publication.stage(c);
    t = lap("write_tables", t);
    publication.publish(c);
    t = lap("publish_tables", t);
    List<String> exports = publication.writeExports(c);
    lap("write_exports", t);
    LOG.info(
        "trends: months {} to {}, {} lead changes, new analogs {}; rows {}",
        c.firstMonth(),
        c.lastMonth(),
        c.leadChanges().size(),
        c.newAnalogs(),
        rows);
    return new TrendsResult(
        options.runId(),
        options.runDate(),
        c.firstMonth(),
        c.lastMonth(),
        rows,
        exports,
        c.leadChanges(),
        c.newAnalogs(),
        timings());
  }

  /**
   * Computes every trend table without writing any of them (a missing monthly aggregate is built
   * and published first): the monthly aggregates are summed to the grain each table needs and
   * collected, then the dense tables, statistics, lead changes and analog flags are built on the
   * driver in plain Java.
   */
  public Computed compute(Warehouse warehouse) throws IOException {
    YearMonth runMonth = YearMonth.from(options.runDate());
    AggregateStore store = new AggregateStore(spark, warehouse);
    store.ensureAll(options.runId());
    describe("read the monthly seizure cells");
    List<SeizureCell> cells =
        AggregateCells.seizureCells(
            store.read(MonthlyAggregate.SEIZURE_CELLS, runMonth, options.runId()));
    describe("sum fentanyl analogs by source and substance");
    List<AnalogCell> analogs =
        AggregateCells.analogCells(
            store.read(MonthlyAggregate.ANALOG_CELLS, runMonth, options.runId()));
    describe("sum shipments by source, month and route");
    Dataset<Row> shipmentAggregate =
        store.read(MonthlyAggregate.SHIPMENT_CELLS, runMonth, options.runId());
    List<ShipmentCell> shipments = AggregateCells.shipmentCells(shipmentAggregate);
    describe("read the span each delivery covers");
    List<Coverage.Delivery> deliveries =
        new ArrayList<>(
            AggregateCells.deliveries(
                store.read(MonthlyAggregate.SEIZURE_SOURCES, runMonth, options.runId())));
    deliveries.addAll(AggregateCells.deliveries(shipmentAggregate));
    Coverage coverage = Coverage.of(deliveries, runMonth);
    AnalogTables.Previous previousAnalogs = previousAnalogKeys(warehouse);
    describe("sum lab reports by source, substance and half-year");
    List<LabReportCounts.Count> labCounts = LabReportCounts.read(spark, warehouse, runMonth);

    // Seizure tables have one block per seizure source; the shipment table one per shipment source.
    List<String> seizureSources =
        sourcesOf(coverage, cells.stream().map(SeizureCell::source).toList());
    List<String> shipmentSources =
        sourcesOf(coverage, shipments.stream().map(ShipmentCell::source).toList());
    // Without any covered month there is nothing to lay out: tables with their schema and no rows.
    MonthSpan span = spanOr(coverage.span(seizureSources), runMonth);
    List<String> routes =
        seizureSources.isEmpty()
            ? List.of()
            : routes(cells.stream().map(SeizureCell::route).toList());
    List<String> classes = distinct(cells.stream().map(SeizureCell::substanceClass).toList());
    DenseTables.Dim byClass =
        new DenseTables.Dim("substance_class", classes, SeizureCell::substanceClass);
    DenseTables.Dim byForm =
        new DenseTables.Dim(
            "form", distinct(cells.stream().map(SeizureCell::form).toList()), SeizureCell::form);
    DenseTables.Dim byConveyance =
        new DenseTables.Dim(
            "conveyance",
            distinct(cells.stream().map(SeizureCell::conveyance).toList()),
            SeizureCell::conveyance);

    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put(
        ROUTE_MONTHLY,
        new Table(
            TrendSchemas.ROUTE_MONTHLY,
            DenseTables.monthly(span, coverage, seizureSources, routes, List.of(byClass), cells)));
    tables.put(
        ROUTE_FISCAL_YEAR,
        new Table(
            TrendSchemas.ROUTE_FISCAL_YEAR,
            DenseTables.fiscalYears(
                span, coverage, seizureSources, options.runDate(), routes, classes, cells)));
    tables.put(
        ROUTE_MONTHLY_BY_FORM,
        new Table(
            TrendSchemas.ROUTE_MONTHLY_BY_FORM,
            DenseTables.monthly(
                span, coverage, seizureSources, routes, List.of(byClass, byForm), cells)));
    tables.put(
        ROUTE_MONTHLY_BY_CONVEYANCE,
        new Table(
            TrendSchemas.ROUTE_MONTHLY_BY_CONVEYANCE,
            DenseTables.monthly(
                span, coverage, seizureSources, routes, List.of(byClass, byConveyance), cells)));
    List<SeriesTables.Series> series =
        SeriesTables.series(coverage, seizureSources, routes, classes, cells);
    List<SeriesTables.SourcedLeadChange> leadChanges =
        SeriesTables.leadChanges(series, coverage, seizureSources);
    tables.put(
        ROUTE_TRENDS,
        new Table(
            TrendSchemas.ROUTE_TRENDS,
            SeriesTables.trends(
                series, TrendStatistics.DEFAULT_MIN_POINTS, TrendStatistics.DEFAULT_CONFIDENCE)));
    tables.put(
        ROUTE_LEAD_CHANGES,
        new Table(TrendSchemas.ROUTE_LEAD_CHANGES, SeriesTables.leadChangeRows(leadChanges)));
    MonthSpan shipmentSpan = spanOr(coverage.span(shipmentSources), runMonth);
    List<String> shipmentRoutes =
        shipmentSources.isEmpty()
            ? List.of()
            : routes(shipments.stream().map(ShipmentCell::route).toList());
    tables.put(
        PILL_PRESS_MONTHLY,
        new Table(
            TrendSchemas.PILL_PRESS_MONTHLY,
            DenseTables.pillPresses(
                shipmentSpan, coverage, shipmentSources, shipmentRoutes, shipments)));
    AnalogTables.Result analogTables =
        AnalogTables.build(analogs, coverage, labCounts, scheduling(), previousAnalogs);
    List<Row> watch = analogTables.watch();
    tables.put(ANALOG_WATCH, new Table(TrendSchemas.ANALOG_WATCH, watch));
    tables.put(ANALOG_WAVES, new Table(AnalogSchemas.WAVES, analogTables.waves()));
    tables.put(ANALOG_SUCCESSORS, new Table(AnalogSchemas.SUCCESSORS, analogTables.successors()));
    if (!analogTables.unscheduled().isEmpty()) {
      LOG.info(
          "trends: {} lab-report substance(s) the scheduling reference has no row for: {}",
          analogTables.unscheduled().size(),
          analogTables.unscheduled());
    }
    MonthSpan all = coverage.span(coverage.sources());
    tables.put(
        SOURCE_COVERAGE,
        new Table(
            TrendSchemas.SOURCE_COVERAGE,
            all == null ? List.of() : DenseTables.sourceCoverage(all, coverage)));
    List<String> newAnalogs =
        watch.stream()
            .filter(r -> r.getBoolean(NEW_THIS_RUN))
            .map(r -> r.getString(SUBSTANCE_NAME))
            .distinct()
            .toList();
    boolean none = seizureSources.isEmpty();
    return new Computed(
        tables,
        none ? null : span.first(),
        none ? null : span.last(),
        leadChanges.stream().map(SeriesTables.SourcedLeadChange::change).toList(),
        newAnalogs);
  }

  /**
   * Sources with covered months, and any source that has cells (a cell always lies in its
   * delivery's span).
   */
  private static List<String> sourcesOf(Coverage coverage, List<String> withCells) {
    TreeSet<String> out = new TreeSet<>(withCells);
    out.retainAll(coverage.sources());
    return List.copyOf(out);
  }

  private static MonthSpan spanOr(MonthSpan span, YearMonth runMonth) {
    return span == null ? new MonthSpan(runMonth, runMonth) : span;
  }

  /**
   * The scheduling reference, read once per computation: the configuration folder's scheduling.csv
   * when present, else the bundled copy (a bad file fails the trends step by name).
   */
  private static org.fentrace.analogs.Scheduling scheduling() {
    return new org.fentrace.analogs.Scheduling(org.fentrace.reference.SchedulingFile.load());
  }

  /**
   * Keys {@code source|name} of the current analog_watch and the sources it has rows for (read
   * before it is replaced; a table written before the source column gives bare names), or null when
   * there is none.
   */
  private AnalogTables.Previous previousAnalogKeys(Warehouse warehouse) throws IOException {
    Path path = warehouse.table(ANALOG_WATCH);
    if (!warehouse.holdsTable(path)) {
      return null;
    }
    // Only the two key columns: a table written before the later columns existed reads as well.
    Dataset<Row> previous =
        warehouse.readTable(
            spark, path, new StructType().add("source", "string").add("substance_name", "string"));
    describe("read the previous analog_watch");
    Set<String> keys = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (Row r : previous.collectAsList()) {
      keys.add(r.isNullAt(0) ? r.getString(1) : r.getString(0) + "|" + r.getString(1));
      if (!r.isNullAt(0)) {
        sources.add(r.getString(0));
      }
    }
    return new AnalogTables.Previous(keys, sources);
  }

  /** The route vocabulary, then any other route the data has (a newer rule file), sorted. */
  private static List<String> routes(List<String> observed) {
    List<String> out = new ArrayList<>(Route.WIRE_NAMES);
    for (String r : distinct(observed)) {
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}
