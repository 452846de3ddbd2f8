package org.fentrace.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.routes.RouteAttribution;
import org.fentrace.routes.RouteRules;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.state.RulesStamp;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-attributes every stored record when the route rules differ from those the warehouse recorded
 * ({@link RulesStamp}): a night's ingestion only routes the records it touches, so without this a
 * new rule file would leave older months on the old routes, and a series would change meaning
 * mid-way.
 *
 * <p>Every live month of {@code shipments} and {@code seizures} is rewritten with new route columns
 * (nothing else changes: a seizure keeps the countries its shipment filled in), with its monthly
 * aggregates, and the new stamp; all of it is staged first and published through one journal, so a
 * run that dies half-way leaves either the old warehouse or (after recovery) the new one, never a
 * mix. The derived tables are rebuilt from those aggregates by the trends step of the same run.
 * Runs before the ingest step of {@code run} and {@code ingest}; costs one pass over the history,
 * once per rule change.
 */
public final class Reattribution {
  private static final Logger LOG = LoggerFactory.getLogger(Reattribution.class);
  private static final String MONTH = CandidateStore.MONTH;

  /**
   * What happened: the stamp found (null: none) and the months rewritten per table (empty: nothing
   * stored).
   */
  public record Result(
      RulesStamp previous, RulesStamp current, Map<String, Integer> monthsRewritten) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final RouteRules rules;
  private final String runId;

  public Reattribution(SparkSession spark, Warehouse warehouse, RouteRules rules, String runId) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.rules = rules;
    this.runId = runId;
  }

  /** Re-attributes when the stamp differs; null when it matches (nothing to do). */
  public Result ifRulesChanged() throws IOException {
    RulesStamp previous = RulesStamp.read(warehouse);
    if (previous != null && previous.matches(rules.version(), rules.sha256())) {
      return null;
    }
    RulesStamp current = new RulesStamp(rules.version(), rules.sha256(), rules.source());
    CandidateStore store = new CandidateStore(spark, warehouse);
    AggregateStore aggregates = new AggregateStore(spark, warehouse);
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    Map<String, Integer> rewritten = new LinkedHashMap<>();
    // Shipments first only for readability: seizure routes never read shipment routes.
    for (WarehouseTable t : List.of(WarehouseTable.SHIPMENTS, WarehouseTable.SEIZURES)) {
      Set<String> months = new TreeSet<>();
      store.livePartitions(t).forEach(dir -> months.add(dir.substring(MONTH.length() + 1)));
      rewritten.put(t.tableName(), months.size());
      if (months.isEmpty()) {
        continue;
      }
      spark
          .sparkContext()
          .setJobDescription(
              "fentrace ingest: re-attribute "
                  + months.size()
                  + " month(s) of "
                  + t.tableName()
                  + " under route rules "
                  + rules.version());
      Dataset<Row> live = store.published(t);
      Dataset<Row> again =
          t == WarehouseTable.SHIPMENTS
              ? RouteAttribution.shipments(live, rules)
              : RouteAttribution.seizuresAgain(live, rules);
      again = again.selectExpr(ingestColumnOrder(again.columns()));
      Path target = warehouse.layout().stagedReattributed(runId, t.tableName());
      Set<String> written = store.writePartitions(again, target);
      moves.addAll(
          PartitionPublisher.partitionMoves(target, warehouse.table(t), MONTH, months, written));
      Dataset<Row> staged =
          written.isEmpty()
              ? null
              : spark.read().schema(CandidateStore.withMonth(t)).parquet(target.toString());
      moves.addAll(aggregates.stageMonths(t, staged, months, runId));
    }
    Path stagedStamp = warehouse.layout().stagedRulesStamp(runId);
    warehouse.writeText(stagedStamp, current.toJson());
    moves.add(
        new PartitionPublisher.Move(stagedStamp.toString(), RulesStamp.path(warehouse).toString()));
    new PartitionPublisher(warehouse)
        .publish(
            new PartitionPublisher.Journal(
                runId,
                moves,
                rewritten.values().stream().anyMatch(n -> n > 0)
                    ? List.of(
                        WarehouseTable.SHIPMENTS.tableName(), WarehouseTable.SEIZURES.tableName())
                    : List.of()));
    LOG.info(
        "route rules changed ({} -> {}): re-attributed every stored record; months rewritten {}",
        previous == null
            ? "none recorded"
            : previous.version() + "#" + previous.sha256().substring(0, 8),
        current.version() + "#" + current.sha256().substring(0, 8),
        rewritten);
    spark.sparkContext().setJobDescription(null);
    return new Result(previous, current, rewritten);
  }

  /**
   * The column order ingestion writes partitions in (the candidate key first, from its joins), so a
   * re-attributed month's files read exactly as those of a clean run.
   */
  private static String[] ingestColumnOrder(String[] columns) {
    List<String> order = new ArrayList<>(CandidateStore.KEY);
    for (String c : columns) {
      if (!order.contains(c)) {
        order.add(c);
      }
    }
    return order.toArray(String[]::new);
  }
}
