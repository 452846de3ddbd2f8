package org.fentrace.trends;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.action.BaseAction;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.aggregates.MonthlyAggregate;
import org.fentrace.routes.RouteRules;
import org.fentrace.routes.RouteSensitivity;
import org.fentrace.routes.SensitivityRuleSets;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseLayout;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Writes {@code route_sensitivity} beside the trend tables: computed from the seizure fact cells
 * the warehouse keeps per month ({@link MonthlyAggregate#ROUTE_FACT_CELLS}, months after the run
 * date's month left out, as in the trend tables), staged under the run's staging folder and
 * published through the journal like them (rewritten whole; the table is small). A warehouse
 * without seizures gets the table with no rows.
 *
 * <p>The cells are small, but a night that published no seizures need not even stage the table: it
 * keeps, in {@value #BUILT_FROM}, the {@code seizures} marker (which names the run that last
 * published seizures, and changes when rules re-attribute them), the last month read and the stamps
 * of the rule sets it compared, and is rebuilt only when one of them differs.
 *
 * <pre>{@code
 * RouteSensitivityAction.Result r =
 *     new RouteSensitivityAction(spark, new RouteSensitivityAction.Options(warehouse, rules, runDate, runId))
 *         .execute();
 * }</pre>
 */
public final class RouteSensitivityAction extends BaseAction<RouteSensitivityAction.Result> {
  /**
   * Inside the table's folder: what the rows were computed from (ignored by Parquet readers:
   * leading _).
   */
  public static final String BUILT_FROM = WarehouseLayout.BUILT_FROM;

  /**
   * The warehouse read and written, the route rules in force, the run date (its month is the last
   * read) and the run id (staging folder).
   */
  public record Options(Warehouse warehouse, RouteRules inForce, LocalDate runDate, String runId) {
    public Options {
      Objects.requireNonNull(warehouse, "warehouse");
      Objects.requireNonNull(inForce, "inForce");
      Objects.requireNonNull(runDate, "runDate");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * Rows written, or -1 with {@code unchanged} when the table already held what these seizures and
   * rule sets give; the milliseconds of each step in the order they ran. Immutable.
   */
  public record Result(long rows, boolean unchanged, Map<String, Long> timingsMillis) {
    public Result {
      timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
    }
  }

  private final Options options;

  public RouteSensitivityAction(SparkSession spark, Options options) {
    super(spark, "trends", List.of());
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  protected Result run() throws IOException {
    long t = System.nanoTime();
    Warehouse warehouse = options.warehouse();
    var alternatives = SensitivityRuleSets.alternatives();
    YearMonth lastMonth = YearMonth.from(options.runDate());
    String basis = basis(lastMonth, alternatives);
    Path current = warehouse.table(RouteSensitivity.TABLE);
    boolean unchanged =
        warehouse.holdsTable(current) && basis.equals(readIfPresent(new Path(current, BUILT_FROM)));
    t = lap("check", t);
    if (unchanged) {
      return new Result(-1, true, timings());
    }
    describe("route sensitivity under " + (1 + alternatives.size()) + " rule sets");
    List<Row> rows =
        warehouse.holdsTable(warehouse.table(WarehouseTable.SEIZURES))
            ? RouteSensitivity.compute(
                new AggregateStore(spark, warehouse)
                    .read(MonthlyAggregate.ROUTE_FACT_CELLS, lastMonth, options.runId()),
                options.inForce(),
                alternatives)
            : List.of();
    t = lap("compute", t);
    describe("publish route sensitivity");
    Path staged = warehouse.layout().staged(options.runId(), RouteSensitivity.TABLE);
    spark
        .createDataFrame(rows, RouteSensitivity.SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(staged.toString());
    warehouse.writeText(new Path(staged, BUILT_FROM), basis);
    new PartitionPublisher(warehouse)
        .publishWhole(
            options.runId(),
            List.of(RouteSensitivity.TABLE),
            FaultInjection.MID_PUBLISH_SENSITIVITY);
    lap("publish", t);
    return new Result(rows.size(), false, timings());
  }

  private String basis(YearMonth lastMonth, Map<String, RouteRules> alternatives)
      throws IOException {
    Warehouse warehouse = options.warehouse();
    StringBuilder basis =
        new StringBuilder(
            readIfPresent(WarehouseLayout.successMarker(warehouse.table(WarehouseTable.SEIZURES)))
                .strip());
    basis.append("\nthrough ").append(lastMonth);
    RouteRules inForce = options.inForce();
    basis.append("\nin-force ").append(inForce.version()).append('#').append(inForce.sha256());
    alternatives.forEach(
        (name, rules) ->
            basis
                .append('\n')
                .append(name)
                .append(' ')
                .append(rules.version())
                .append('#')
                .append(rules.sha256()));
    return basis.toString();
  }

  private String readIfPresent(Path file) throws IOException {
    Warehouse warehouse = options.warehouse();
    if (!warehouse.fs().exists(file)) {
      return "";
    }
    try (var in = warehouse.fs().open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
