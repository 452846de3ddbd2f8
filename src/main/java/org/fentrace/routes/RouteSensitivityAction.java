package org.fentrace.routes;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Writes {@code route_sensitivity} beside the trend tables: computed from the published seizures,
 * staged under the run's staging folder and published with {@link Warehouse#publish} like them
 * (rewritten whole on every trends run; the table is small). A warehouse without seizures gets the
 * table with no rows.
 */
public final class RouteSensitivityAction {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final RouteRules inForce;
  private final String runId;

  public RouteSensitivityAction(SparkSession spark, Warehouse warehouse, RouteRules inForce, String runId) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.inForce = inForce;
    this.runId = runId;
  }

  /** Computes, writes and publishes the table; returns its row count. */
  public long execute() throws IOException {
    var alternatives = SensitivityRuleSets.alternatives();
    spark.sparkContext().setJobDescription("fentrace trends: route sensitivity under " + (1 + alternatives.size())
        + " rule sets");
    Path live = warehouse.table(WarehouseTable.SEIZURES.tableName());
    List<Row> rows = Warehouse.holdsParquet(warehouse.fs(), live)
        ? RouteSensitivity.compute(readSeizures(live), inForce, alternatives)
        : List.of();
    spark.createDataFrame(rows, RouteSensitivity.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(new Path(warehouse.staging(runId), RouteSensitivity.TABLE).toString());
    warehouse.publish(RouteSensitivity.TABLE, runId);
    Path staging = warehouse.staging(runId);
    if (warehouse.fs().exists(staging) && warehouse.fs().listStatus(staging).length == 0) {
      warehouse.fs().delete(staging, false);
    }
    spark.sparkContext().setJobDescription(null);
    return rows.size();
  }

  private Dataset<Row> readSeizures(Path live) {
    return spark.read().schema(SparkSchemas.structType(WarehouseTable.SEIZURES)).parquet(live.toString());
  }
}
