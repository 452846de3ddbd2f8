package org.fentrace.trends;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.Warehouse;

/**
 * The trends step's writing half, once {@link TrendsAction#compute} has built every table: each
 * table is written to {@code WAREHOUSE/_staging/<runId>/<table>} as one unpartitioned Parquet file
 * (the tables are small and rewritten whole on every run), then all of them are published together
 * through the journal ({@link PartitionPublisher#publishWhole}: every table, or after a kill the
 * next run finishes the moves), then the CSV exports are written from the same rows.
 */
final class TrendTablesPublication {
  /** The tables also exported as {@code exports/<table>.csv}, in writing order. */
  static final List<String> EXPORTED =
      List.of(
          TrendsAction.ROUTE_MONTHLY, TrendsAction.ROUTE_FISCAL_YEAR, TrendsAction.SOURCE_COVERAGE);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final String runId;
  private final Consumer<String> describe;

  /** {@code describe} names the Spark jobs that follow (the action's job description). */
  TrendTablesPublication(
      SparkSession spark, Warehouse warehouse, String runId, Consumer<String> describe) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.runId = runId;
    this.describe = describe;
  }

  /** Writes every table to the run's staging folder; returns the rows of each. */
  Map<String, Long> stage(TrendsAction.Computed c) throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Map.Entry<String, TrendsAction.Table> e : c.tables().entrySet()) {
      writeStaged(e.getKey(), e.getValue());
      rows.put(e.getKey(), (long) e.getValue().rows().size());
    }
    return rows;
  }

  /**
   * Moves every staged table over its live one through the journal: all of them, or (after a kill)
   * the next run does.
   */
  void publish(TrendsAction.Computed c) throws IOException {
    describe.accept("publish " + c.tables().size() + " tables");
    new PartitionPublisher(warehouse)
        .publishWhole(runId, List.copyOf(c.tables().keySet()), FaultInjection.MID_PUBLISH_TRENDS);
  }

  /** Writes the exports of {@link #EXPORTED}; returns their paths, in that order. */
  List<String> writeExports(TrendsAction.Computed c) throws IOException {
    List<String> exports = new ArrayList<>();
    for (String table : EXPORTED) {
      TrendsAction.Table data = c.tables().get(table);
      exports.add(
          CsvExports.write(warehouse, table, CsvExports.csv(data.schema(), data.rows()))
              .toString());
    }
    return exports;
  }

  private void writeStaged(String name, TrendsAction.Table table) throws IOException {
    describe.accept("write " + name + " (" + table.rows().size() + " rows)");
    Path staged = warehouse.layout().staged(runId, name);
    spark
        .createDataFrame(table.rows(), table.schema())
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(staged.toString());
    warehouse.writeSuccessMarker(staged, runId); // the same marker as the ingested tables
  }
}
