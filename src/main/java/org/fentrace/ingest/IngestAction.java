package org.fentrace.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.routes.RouteAttribution;
import org.fentrace.routes.RouteRules;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.Ledger;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests what is new in a landing folder into the {@code seizures}, {@code shipments} and
 * {@code rejected} tables, incrementally.
 *
 * <p>Steps: scan the landing folder and compare it with the ledger (driver); parse and normalize only
 * new and changed files, one task per file (executors); find the months whose content can change (the
 * months of new rows, the months a changed or pruned file delivered to, and the months of every other
 * candidate of the records involved); decide revisions over all candidates of those records; attribute
 * routes; stage the affected partitions, their other versions ({@link CandidateStore}), the quarantine
 * and the new ledger; publish them through the journal. Cost grows with the new data and the months it
 * touches, not with the history (except a narrow scan of the candidate index). {@link #execute()}
 * returns the accounting; the caller writes the manifest.
 */
public final class IngestAction {
  private static final Logger LOG = LoggerFactory.getLogger(IngestAction.class);
  private static final int MAX_REJECT_EXAMPLES = 20;
  private static final String MONTH = CandidateStore.MONTH;

  /** Typed, validated options. */
  public record Options(String landing, String warehouse, String runId, LocalDate runDate,
      NormalizationContext context, RouteRules routeRules, double maxRejectRate, boolean prune) {}

  private final SparkSession spark;
  private final Options options;
  private final Map<String, Long> timings = new LinkedHashMap<>();

  public IngestAction(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  public IngestResult execute() throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Warehouse warehouse = new Warehouse(options.warehouse(), jsc.hadoopConfiguration());
    CandidateStore store = new CandidateStore(spark, warehouse);
    AggregateStore aggregates = new AggregateStore(spark, warehouse);
    long t = System.nanoTime();
    List<LandingFile> scanned = new LandingScanner(jsc.hadoopConfiguration()).scan(options.landing());
    Ledger before = Ledger.load(warehouse);
    LandingDiff diff = LandingDiff.of(scanned, before, options.runDate(), options.prune());
    Set<String> pruned = new TreeSet<>(diff.replaced());
    pruned.retainAll(diff.removed());
    Ledger provisional = before.with(diff.toRead().stream().map(f -> LedgerFacts.provisional(f, options)).toList(), pruned);
    Map<String, Integer> ranks = provisional.deliveryRanks();
    List<LandingFile> toRead = diff.toRead().stream().map(f -> f.withIndex(ranks.get(f.relativePath()))).toList();
    t = lap("scan_landing", t);
    LOG.info("scan: {} files under {}: {} new or changed, {} unchanged, {} gone from landing ({}), {} skipped",
        scanned.size(), options.landing(), toRead.size(), diff.unchanged().size(), diff.removed().size(),
        options.prune() ? "pruned" : "kept", scanned.stream().filter(f -> !f.isRead()).count());
    scanned.stream().filter(f -> f.problem() != null).forEach(f -> LOG.warn("file {}: {}", f.relativePath(), f.problem()));

    if (toRead.isEmpty() && diff.replaced().isEmpty()) {
      // Nothing new, changed or pruned: no table can change, so no Spark work (a re-run night costs its scan).
      List<FileReport> reports = Accounting.reports(scanned, toRead, LedgerFacts.none(), Map.of(), Map.of());
      lap("account", t);
      return new IngestResult(options.runId(), options.runDate(), reports, tableRows(reports), Map.of(),
          Map.copyOf(timings), Accounting.qualityFailures(reports, options.maxRejectRate()), List.of());
    }
    store.migrateLegacyLayout(options.runId());
    jsc.setJobDescription("fentrace ingest: parse and normalize " + toRead.size() + " files");
    JavaRDD<Row> parsed = jsc.parallelize(toRead, Math.max(1, toRead.size()))
        .flatMap(new FileParser(options.context(), new SerializableHadoopConf(jsc.hadoopConfiguration()), options.runId()));
    Dataset<Row> envelopes = spark.createDataFrame(parsed, Envelope.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      LedgerFacts facts = LedgerFacts.collect(envelopes, toRead);
      t = lap("parse_normalize", t);
      FaultInjection.at(FaultInjection.AFTER_PARSE);
      Ledger after = provisional.with(facts.entries(toRead, options), pruned);
      Dataset<Row> rankTable = broadcast(spark.createDataFrame(after.deliveryRanks().entrySet().stream()
          .map(e -> RowFactory.create(e.getKey(), e.getValue())).toList(),
          new StructType().add("source_file", DataTypes.StringType).add("rank", DataTypes.IntegerType)));
      List<String> owners = Deduplication.cbpYearOwners(LedgerFacts.cbpCoverage(after));

      Decider decider = new Decider(store, diff.replaced(), rankTable);
      Set<String> shipmentMonths0 = facts.affectedMonths(WarehouseTable.SHIPMENTS, before, diff.replaced());
      Decider.Decision ships = decider.decide(WarehouseTable.SHIPMENTS, newRows(envelopes, Envelope.SHIPMENT, "shipment"),
          shipmentMonths0, Set.of(), List.of(), null);
      Set<String> seizureMonths0 = facts.affectedMonths(WarehouseTable.SEIZURES, before, diff.replaced());
      Set<String> cbpYearMonths = LedgerFacts.cbpYearMonths(before, after, toRead, diff.replaced());
      seizureMonths0.addAll(cbpYearMonths);
      Decider.Decision seizures = decider.decide(WarehouseTable.SEIZURES, newRows(envelopes, Envelope.SEIZURE, "seizure"),
          seizureMonths0, cbpYearMonths, owners, ships.touchedShipmentIds());
      t = lap("decide_revisions", t);

      Map<String, List<String>> rewritten = new LinkedHashMap<>();
      Path staging = warehouse.staging(options.runId());
      // Rewritten months = live rows of untouched records (kept as published) + routed winners of touched ones.
      Dataset<Row> liveShips = store.published(WarehouseTable.SHIPMENTS);
      Dataset<Row> routedShips = RouteAttribution.shipments(ships.published().drop(MONTH), options.routeRules())
          .withColumn(MONTH, CandidateStore.month()).unionByName(ships.untouched(liveShips));
      List<PartitionPublisher.Move> moves = new ArrayList<>();
      Staged stagedShips = stageTable(store, aggregates, routedShips, WarehouseTable.SHIPMENTS, ships.months(), staging,
          warehouse.table("shipments"), rewritten);
      moves.addAll(stagedShips.moves());
      // Route links: shipments as they will read after publication, i.e. the live months left alone plus
      // the months just staged, read back (a narrow Parquet scan, cheaper than recomputing the winners);
      // on a small night only the shipments the new seizure winners name (a broadcast semi-join).
      Dataset<Row> shipsAfter = ships.months().isEmpty() ? liveShips
          : liveShips.filter(not(col(MONTH).isin(ships.months().toArray())));
      if (stagedShips.rows() != null) {
        shipsAfter = shipsAfter.unionByName(stagedShips.rows());
      }
      Dataset<Row> newSeizures = seizures.published().drop(MONTH);
      Dataset<Row> links = seizures.linkedShipments(shipsAfter.drop(MONTH));
      Dataset<Row> routedSeizures = RouteAttribution.seizures(newSeizures, links, options.routeRules())
          .withColumn(MONTH, CandidateStore.month())
          .unionByName(seizures.untouched(store.published(WarehouseTable.SEIZURES)));
      moves.addAll(stageTable(store, aggregates, routedSeizures, WarehouseTable.SEIZURES, seizures.months(), staging,
          warehouse.table("seizures"), rewritten).moves());
      moves.addAll(stageOtherVersions(store, ships, staging, warehouse, WarehouseTable.SHIPMENTS));
      moves.addAll(stageOtherVersions(store, seizures, staging, warehouse, WarehouseTable.SEIZURES));
      LabReportsStage.Staged labs = LabReportsStage.stage(spark, warehouse, envelopes, toRead, diff.replaced(), rankTable,
          staging);
      moves.addAll(labs.moves());
      if (labs.written()) {
        rewritten.put(WarehouseTable.LAB_REPORTS.tableName(), labs.partitions()); // the whole table, every year
      }
      moves.add(stageRejected(warehouse, envelopes, diff.replaced(), staging));
      Path stagedLedger = new Path(staging, "ledger.json");
      warehouse.writeText(stagedLedger, after.toJson());
      moves.add(new PartitionPublisher.Move(stagedLedger.toString(), Ledger.path(warehouse).toString()));
      t = lap("stage_tables", t);
      FaultInjection.at(FaultInjection.AFTER_STAGE);
      List<String> marked = new ArrayList<>(List.of("seizures", "shipments", "rejected"));
      if (labs.written()) {
        marked.add(WarehouseTable.LAB_REPORTS.tableName());
      }
      new PartitionPublisher(warehouse).publish(new PartitionPublisher.Journal(options.runId(), moves, marked));
      t = lap("publish_tables", t);
      FaultInjection.at(FaultInjection.AFTER_PUBLISH);

      List<FileReport> reports = Accounting.reports(scanned, toRead, facts, ships.accounting(toRead),
          seizures.accounting(toRead), labs.accounting());
      ships.release();
      seizures.release();
      lap("account", t);
      return new IngestResult(options.runId(), options.runDate(), reports, tableRows(reports), rewritten, Map.copyOf(timings),
          Accounting.qualityFailures(reports, options.maxRejectRate()), rejectExamples(envelopes));
    } finally {
      envelopes.unpersist();
    }
  }

  /** Rows this run added to each table, from the per-file accounting. */
  private static Map<String, Long> tableRows(List<FileReport> reports) {
    Map<String, Long> tableRows = new LinkedHashMap<>();
    for (FileReport r : reports) {
      if (r.format() != null) {
        String table = switch (r.format()) {
          case "customs_shipments" -> "shipments";
          case "nflis_dqs" -> "lab_reports";
          default -> "seizures";
        };
        tableRows.merge(table, r.normalized(), Long::sum);
        tableRows.merge("rejected", r.rejected(), Long::sum);
      }
    }
    return tableRows;
  }

  private static Dataset<Row> newRows(Dataset<Row> envelopes, String kind, String struct) {
    return envelopes.filter(col("kind").equalTo(kind)).select(struct + ".*").withColumn(MONTH, CandidateStore.month());
  }

  /** What staging a table produced: its publication moves, and its staged rows (null when no month holds rows). */
  private record Staged(List<PartitionPublisher.Move> moves, Dataset<Row> rows) {}

  /**
   * Stages the rewritten months of a table, then its monthly aggregates recomputed from the staged
   * partitions only (a narrow re-read of this night's months, not of the history).
   */
  private Staged stageTable(CandidateStore store, AggregateStore aggregates, Dataset<Row> rows,
      WarehouseTable table, Set<String> months, Path staging, Path live, Map<String, List<String>> rewritten)
      throws IOException {
    spark.sparkContext().setJobDescription("fentrace ingest: stage " + months.size() + " month(s) of " + table.tableName());
    Path target = new Path(staging, table.tableName());
    Set<String> written = months.isEmpty() ? Set.of() : store.writePartitions(rows, target);
    rewritten.put(table.tableName(), months.stream().map(m -> MONTH + "=" + m).toList());
    List<PartitionPublisher.Move> moves = new ArrayList<>(PartitionPublisher.partitionMoves(target, live, MONTH, months, written));
    Dataset<Row> staged = written.isEmpty() ? null
        : spark.read().schema(CandidateStore.withMonth(table)).parquet(target.toString());
    moves.addAll(aggregates.stageMonths(table, staged, months, staging));
    return new Staged(moves, staged);
  }

  private List<PartitionPublisher.Move> stageOtherVersions(CandidateStore store, Decider.Decision d, Path staging,
      Warehouse warehouse, WarehouseTable table) throws IOException {
    spark.sparkContext().setJobDescription("fentrace ingest: stage other versions of " + table.tableName());
    Path target = new Path(new Path(staging, "_other_versions"), table.tableName());
    Set<String> written = d.months().isEmpty() ? Set.of() : store.writePartitions(d.otherVersions(), target);
    return PartitionPublisher.partitionMoves(target, CandidateStore.otherVersions(warehouse, table), MONTH, d.months(), written);
  }

  /** The quarantine is small: it is rewritten whole, dropping the rows of replaced files. */
  private PartitionPublisher.Move stageRejected(Warehouse warehouse, Dataset<Row> envelopes, Set<String> replaced,
      Path staging) throws IOException {
    spark.sparkContext().setJobDescription("fentrace ingest: stage rejected");
    Dataset<Row> fresh = envelopes.filter(col("kind").equalTo(Envelope.REJECT)).select("rejected.*");
    Path live = warehouse.table("rejected");
    Dataset<Row> rows = fresh;
    if (warehouse.fs().exists(live)) {
      Dataset<Row> kept = spark.read().schema(fresh.schema()).parquet(live.toString());
      if (!replaced.isEmpty()) {
        kept = kept.filter(not(col("source_file").isin(replaced.toArray())));
      }
      rows = kept.unionByName(fresh);
    }
    Path target = new Path(staging, "rejected");
    rows.coalesce(1).sortWithinPartitions("source_file", "source_line")
        .write().mode(org.apache.spark.sql.SaveMode.Overwrite).parquet(target.toString());
    return new PartitionPublisher.Move(target.toString(), live.toString());
  }

  /** The first quarantined rows of this run, as "file line N: REASON: message", for the console. */
  private List<String> rejectExamples(Dataset<Row> envelopes) {
    spark.sparkContext().setJobDescription("fentrace ingest: examples of rejected rows");
    List<String> examples = new ArrayList<>();
    for (Row r : envelopes.filter(col("kind").equalTo(Envelope.REJECT))
        .select("rejected.source_file", "rejected.source_line", "rejected.reason_code", "rejected.message")
        .orderBy("source_file", "source_line").limit(MAX_REJECT_EXAMPLES).collectAsList()) {
      examples.add(r.getString(0) + " line " + r.getLong(1) + ": " + r.getString(2) + ": " + r.getString(3));
    }
    return examples;
  }

  private long lap(String step, long since) {
    long now = System.nanoTime();
    timings.put(step, (now - since) / 1_000_000);
    LOG.info("step {}: {} ms", step, (now - since) / 1_000_000);
    return now;
  }
}
