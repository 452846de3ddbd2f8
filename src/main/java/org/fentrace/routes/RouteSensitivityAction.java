package org.fentrace.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseLayout;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Writes {@code route_sensitivity} beside the trend tables: computed from the published seizures,
 * staged under the run's staging folder and published through the journal like them (rewritten
 * whole; the table is small). A warehouse without seizures gets the table with no rows.
 *
 * <p>It reads every stored seizure, so a night that published no seizures must not pay for it: the
 * table keeps, in {@value #BUILT_FROM}, the {@code seizures} marker (which names the run that last
 * published seizures, and changes when rules re-attribute them) and the stamps of the rule sets it
 * compared, and is rebuilt only when one of them differs.
 */
public final class RouteSensitivityAction {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final RouteRules inForce;
  private final String runId;

  public RouteSensitivityAction(
      SparkSession spark, Warehouse warehouse, RouteRules inForce, String runId) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.inForce = inForce;
    this.runId = runId;
  }

  /**
   * Inside the table's folder: what the rows were computed from (ignored by Parquet readers:
   * leading _).
   */
  public static final String BUILT_FROM = WarehouseLayout.BUILT_FROM;

  /** Rows written, or -1 when the table already held what these seizures and rule sets give. */
  public long execute() throws IOException {
    var alternatives = SensitivityRuleSets.alternatives();
    Path live = warehouse.table(WarehouseTable.SEIZURES);
    StringBuilder basis =
        new StringBuilder(readIfPresent(WarehouseLayout.successMarker(live)).strip());
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
    Path current = warehouse.table(RouteSensitivity.TABLE);
    if (warehouse.holdsTable(current)
        && basis.toString().equals(readIfPresent(new Path(current, BUILT_FROM)))) {
      return -1;
    }
    spark
        .sparkContext()
        .setJobDescription(
            "fentrace trends: route sensitivity under " + (1 + alternatives.size()) + " rule sets");
    List<Row> rows =
        warehouse.holdsTable(live)
            ? RouteSensitivity.compute(readSeizures(live), inForce, alternatives)
            : List.of();
    spark
        .createDataFrame(rows, RouteSensitivity.SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(warehouse.layout().staged(runId, RouteSensitivity.TABLE).toString());
    warehouse.writeText(
        new Path(warehouse.layout().staged(runId, RouteSensitivity.TABLE), BUILT_FROM),
        basis.toString());
    new PartitionPublisher(warehouse)
        .publishWhole(
            runId, List.of(RouteSensitivity.TABLE), FaultInjection.MID_PUBLISH_SENSITIVITY);
    spark.sparkContext().setJobDescription(null);
    return rows.size();
  }

  private String readIfPresent(Path file) throws IOException {
    if (!warehouse.fs().exists(file)) {
      return "";
    }
    try (var in = warehouse.fs().open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Dataset<Row> readSeizures(Path live) throws IOException {
    return warehouse.readTable(spark, live, SparkSchemas.structType(WarehouseTable.SEIZURES));
  }
}
