package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.routes.RouteAttribution;
import org.fentrace.routes.RouteRules;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * An ingest's staging once its revisions are decided: the rewritten months of each table with their
 * routes and monthly aggregates ({@link #tables}), and the rest, which no table write depends on
 * ({@link #rest}): the other versions, the lab reports and the quarantine. Everything is written
 * under the run's staging folder and returned as publication moves; nothing live changes here.
 */
final class IngestStaging {
  private static final String MONTH = CandidateStore.MONTH;

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final CandidateStore store;
  private final AggregateStore aggregates;
  private final RouteRules routeRules;
  private final String runId;
  private final Consumer<String> describe;

  /**
   * @param describe names the Spark jobs that follow (the ingest action's own job descriptions)
   */
  IngestStaging(
      SparkSession spark,
      Warehouse warehouse,
      CandidateStore store,
      AggregateStore aggregates,
      RouteRules routeRules,
      String runId,
      Consumer<String> describe) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.store = store;
    this.aggregates = aggregates;
    this.routeRules = routeRules;
    this.runId = runId;
    this.describe = describe;
  }

  /**
   * Stages the rewritten months of shipments, then of seizures (whose routes read the shipments
   * just staged); returns their moves.
   *
   * @param parsedInRanges every file of this run was parsed in byte ranges, so a table's one
   *     rewritten month can be written where its rows are ({@link CandidateStore#writePartitions})
   * @param rewritten receives each table's rewritten partitions
   */
  List<PartitionPublisher.Move> tables(
      Decision ships,
      Decision seizures,
      boolean parsedInRanges,
      Map<String, List<String>> rewritten)
      throws IOException {
    Dataset<Row> liveShips = store.published(WarehouseTable.SHIPMENTS);
    Dataset<Row> routedShips =
        RouteAttribution.shipments(ships.published().drop(MONTH), routeRules)
            .withColumn(MONTH, CandidateStore.month())
            .unionByName(ships.untouched(liveShips));
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    Staged stagedShips =
        stageTable(
            routedShips,
            WarehouseTable.SHIPMENTS,
            ships.months(),
            ships.monthRows(),
            parsedInRanges,
            rewritten);
    moves.addAll(stagedShips.moves());
    // Route links: shipments as they will read after publication, i.e. the live months left alone
    // plus the months just staged, read back (a narrow Parquet scan, cheaper than recomputing the
    // winners); on a small night only the shipments the new seizure winners name (a broadcast
    // semi-join).
    Dataset<Row> shipsAfter =
        ships.months().isEmpty()
            ? liveShips
            : liveShips.filter(not(col(MONTH).isin(ships.months().toArray())));
    if (stagedShips.rows() != null) {
      shipsAfter = shipsAfter.unionByName(stagedShips.rows());
    }
    // Above the broadcast cap, sizing the seizures' decisions to choose the route join below is
    // what first computes them: their jobs are named after this, not after the shipments above.
    describe.accept(
        "link " + seizures.months().size() + " month(s) of seizures to the shipments they name");
    Dataset<Row> newSeizures = seizures.published().drop(MONTH);
    Dataset<Row> links = seizures.linkedShipments(shipsAfter.drop(MONTH));
    Dataset<Row> routedSeizures =
        RouteAttribution.seizures(newSeizures, links, routeRules)
            .withColumn(MONTH, CandidateStore.month())
            .unionByName(seizures.untouched(store.published(WarehouseTable.SEIZURES)));
    moves.addAll(
        stageTable(
                routedSeizures,
                WarehouseTable.SEIZURES,
                seizures.months(),
                seizures.monthRows(),
                parsedInRanges,
                rewritten)
            .moves());
    return moves;
  }

  /**
   * What the rest of the staging produced: its moves, the lab reports' outcome, and the first rows
   * this run quarantined.
   */
  record Rest(
      List<PartitionPublisher.Move> moves,
      LabReportsStage.Staged labs,
      List<String> rejectExamples) {}

  /**
   * The staging no table write depends on: the other versions of both tables, the lab reports and
   * the quarantine.
   *
   * @param rejectsRead whether any file read in this run quarantined a row
   * @param replaced the files whose earlier rows this run drops (changed or pruned)
   */
  Rest rest(
      Decision ships,
      Decision seizures,
      Dataset<Row> envelopes,
      boolean rejectsRead,
      List<LandingFile> toRead,
      Set<String> replaced,
      Dataset<Row> rankTable)
      throws IOException {
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    moves.addAll(stageOtherVersions(ships, WarehouseTable.SHIPMENTS));
    moves.addAll(stageOtherVersions(seizures, WarehouseTable.SEIZURES));
    LabReportsStage.Staged labs =
        LabReportsStage.stage(spark, warehouse, envelopes, toRead, replaced, rankTable, runId);
    moves.addAll(labs.moves());
    describe.accept("stage rejected");
    RejectedStage.Staged rejected =
        RejectedStage.stage(spark, warehouse, envelopes, rejectsRead, toRead, replaced, runId);
    moves.add(rejected.move());
    return new Rest(moves, labs, rejected.examples());
  }

  /**
   * What staging a table produced: its publication moves, and its staged rows (null when no month
   * holds rows).
   */
  private record Staged(List<PartitionPublisher.Move> moves, Dataset<Row> rows) {}

  /**
   * Stages the rewritten months of a table, then its monthly aggregates recomputed from the staged
   * partitions only (a narrow re-read of this night's months, not of the history).
   */
  private Staged stageTable(
      Dataset<Row> rows,
      WarehouseTable table,
      Set<String> months,
      Map<String, Long> monthRows,
      boolean parsedInRanges,
      Map<String, List<String>> rewritten)
      throws IOException {
    describe.accept("stage " + months.size() + " month(s) of " + table.tableName());
    Path live = warehouse.table(table);
    Path target = warehouse.layout().staged(runId, table.tableName());
    Set<String> written =
        months.isEmpty()
            ? Set.of()
            : store.writePartitions(rows, target, monthRows, parsedInRanges && months.size() == 1);
    rewritten.put(table.tableName(), months.stream().map(m -> MONTH + "=" + m).toList());
    List<PartitionPublisher.Move> moves =
        new ArrayList<>(PartitionPublisher.partitionMoves(target, live, MONTH, months, written));
    Dataset<Row> staged =
        written.isEmpty()
            ? null
            : spark.read().schema(CandidateStore.withMonth(table)).parquet(target.toString());
    moves.addAll(aggregates.stageMonths(table, staged, months, runId));
    return new Staged(moves, staged);
  }

  private List<PartitionPublisher.Move> stageOtherVersions(Decision d, WarehouseTable table)
      throws IOException {
    describe.accept("stage other versions of " + table.tableName());
    Path target = warehouse.layout().stagedOtherVersions(runId, table.tableName());
    Set<String> written =
        d.months().isEmpty() ? Set.of() : store.writePartitions(d.otherVersions(), target);
    return PartitionPublisher.partitionMoves(
        target, CandidateStore.otherVersions(warehouse, table), MONTH, d.months(), written);
  }
}
