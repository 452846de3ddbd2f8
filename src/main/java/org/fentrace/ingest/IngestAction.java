package org.fentrace.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.action.BaseAction;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.config.ParseCache;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.routes.RouteRules;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.Ledger;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests what is new in a landing folder into the {@code seizures}, {@code shipments} and {@code
 * rejected} tables, incrementally.
 *
 * <p>Steps: scan the landing folder and compare it with the ledger (driver); parse and normalize
 * only new and changed files, one task per file (executors); find the months whose content can
 * change (the months of new rows, the months a changed or pruned file delivered to, and the months
 * of every other candidate of the records involved); decide revisions over all candidates of those
 * records; attribute routes; stage the affected partitions, their other versions ({@link
 * CandidateStore}), the quarantine and the new ledger; publish them through the journal. Cost grows
 * with the new data and the months it touches, not with the history (except a narrow scan of the
 * candidate index). {@link #execute()} returns the accounting; the caller writes the manifest.
 */
public final class IngestAction extends BaseAction<IngestResult> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestAction.class);
  private static final String MONTH = CandidateStore.MONTH;

  /** Typed, validated options. */
  public record Options(
      String landing,
      String warehouse,
      String runId,
      LocalDate runDate,
      NormalizationContext context,
      RouteRules routeRules,
      double maxRejectRate,
      boolean prune,
      long splitBytes,
      ParseCache parseCache,
      long broadcastMaxIds) {}

  private final Options options;
  private final JavaSparkContext jsc;
  private final Warehouse warehouse;
  private final CandidateStore store;
  private final AggregateStore aggregates;

  public IngestAction(SparkSession spark, Options options) {
    super(spark, "ingest", List.of());
    this.options = options;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.warehouse = new Warehouse(options.warehouse(), jsc.hadoopConfiguration());
    this.store = new CandidateStore(spark, warehouse);
    this.aggregates = new AggregateStore(spark, warehouse);
  }

  /**
   * The landing compared with the ledger: what to read, and the ledger as it stands before reading
   * it.
   */
  private record Scan(
      List<LandingFile> scanned,
      Ledger before,
      LandingDiff diff,
      Set<String> pruned,
      Ledger provisional,
      List<LandingFile> toRead) {}

  /** The revisions decided over every candidate of the records this night touches. */
  private record Decisions(
      LedgerFacts facts,
      Ledger after,
      Dataset<Row> rankTable,
      Decider decider,
      Decision ships,
      Decision seizures) {}

  /** Everything staged for the journal, and what it rewrites. */
  private record Staging(
      List<PartitionPublisher.Move> moves,
      Map<String, List<String>> rewritten,
      List<String> marked,
      LabReportsStage.Staged labs,
      List<String> rejectExamples) {}

  @Override
  protected IngestResult run() throws IOException {
    long t = System.nanoTime();
    Scan scan = scanLanding();
    t = lap("scan_landing", t);
    if (scan.toRead().isEmpty() && scan.diff().replaced().isEmpty()) {
      // Nothing new, changed or pruned: no table can change, so no Spark work (a re-run night costs
      // its scan).
      List<FileReport> reports =
          Accounting.reports(scan.scanned(), scan.toRead(), LedgerFacts.none(), Map.of(), Map.of());
      lap("account", t);
      return result(reports, Map.of(), List.of(), null);
    }
    store.migrateLegacyLayout(options.runId());
    LandingParse.Parsed parsed = parse(scan.toRead());
    Dataset<Row> envelopes = parsed.envelopes();
    Decisions d = null;
    try {
      LedgerFacts facts = LedgerFacts.collect(parsed.statistics(), scan.toRead());
      t = lap("parse_normalize", t);
      FaultInjection.at(FaultInjection.AFTER_PARSE);
      d = decide(scan, facts, envelopes, parsed.cache().used());
      t = lap("decide_revisions", t);
      Staging staged = stage(scan, d, envelopes, parsed.everyFileInRanges());
      t = lap("stage_tables", t);
      FaultInjection.at(FaultInjection.AFTER_STAGE);
      new PartitionPublisher(warehouse)
          .publish(
              new PartitionPublisher.Journal(options.runId(), staged.moves(), staged.marked()));
      t = lap("publish_tables", t);
      FaultInjection.at(FaultInjection.AFTER_PUBLISH);
      List<FileReport> reports =
          Accounting.reports(
              scan.scanned(),
              scan.toRead(),
              facts,
              d.ships().accounting(scan.toRead()),
              d.seizures().accounting(scan.toRead()),
              staged.labs().accounting());
      reports = parsed.withSplits(reports);
      lap("account", t);
      return result(reports, staged.rewritten(), staged.rejectExamples(), parsed.cache());
    } finally {
      // Also when a step fails: the decisions' cached frames would otherwise hold storage memory
      // (in embedded mode, the driver's heap) for as long as the session lives.
      if (d != null) {
        d.decider().release();
      }
      parsed.release();
    }
  }

  /**
   * The night's result from its per-file reports, the partitions it rewrote, reject examples and
   * where its parse was cached (null when nothing was parsed).
   */
  private IngestResult result(
      List<FileReport> reports,
      Map<String, List<String>> rewritten,
      List<String> examples,
      ParseCacheChoice parseCache) {
    return new IngestResult(
        options.runId(),
        options.runDate(),
        reports,
        Accounting.tableRows(reports),
        rewritten,
        timings(),
        Accounting.qualityFailures(reports, options.maxRejectRate()),
        examples,
        parseCache);
  }

  /** Scans the landing folder and compares it with the ledger (driver only). */
  private Scan scanLanding() throws IOException {
    List<LandingFile> scanned =
        new LandingScanner(jsc.hadoopConfiguration()).scan(options.landing());
    Ledger before = Ledger.load(warehouse);
    LandingDiff diff = LandingDiff.of(scanned, before, options.runDate(), options.prune());
    Set<String> pruned = new TreeSet<>(diff.replaced());
    pruned.retainAll(diff.removed());
    Ledger provisional =
        before.with(
            diff.toRead().stream().map(f -> LedgerFacts.provisional(f, options)).toList(), pruned);
    Map<String, Integer> ranks = provisional.deliveryRanks();
    List<LandingFile> toRead =
        diff.toRead().stream().map(f -> f.withIndex(ranks.get(f.relativePath()))).toList();
    LOG.info(
        "scan: {} files under {}: {} new or changed, {} unchanged, {} gone from landing ({}), {} skipped",
        scanned.size(),
        options.landing(),
        toRead.size(),
        diff.unchanged().size(),
        diff.removed().size(),
        options.prune() ? "pruned" : "kept",
        scanned.stream().filter(f -> !f.isRead()).count());
    scanned.stream()
        .filter(f -> f.problem() != null)
        .forEach(f -> LOG.warn("file {}: {}", f.relativePath(), f.problem()));
    return new Scan(scanned, before, diff, pruned, provisional, toRead);
  }

  /**
   * Parses and normalizes the files to read (executors; large plain files in byte ranges); the
   * envelopes are kept until released.
   */
  private LandingParse.Parsed parse(List<LandingFile> toRead) {
    describe("parse and normalize " + toRead.size() + " files");
    return LandingParse.parse(
        spark,
        toRead,
        options.context(),
        options.runId(),
        options.splitBytes(),
        options.parseCache());
  }

  /**
   * Decides revisions of shipments, then of seizures (which name the shipments touched), over all
   * candidates.
   */
  private Decisions decide(
      Scan scan, LedgerFacts facts, Dataset<Row> envelopes, ParseCache parseCache)
      throws IOException {
    LandingDiff diff = scan.diff();
    Ledger after = scan.provisional().with(facts.entries(scan.toRead(), options), scan.pruned());
    Dataset<Row> rankTable =
        broadcast(
            spark.createDataFrame(
                after.deliveryRanks().entrySet().stream()
                    .map(e -> RowFactory.create(e.getKey(), e.getValue()))
                    .toList(),
                new StructType()
                    .add("source_file", DataTypes.StringType)
                    .add("rank", DataTypes.IntegerType)));
    List<String> owners = Deduplication.cbpYearOwners(LedgerFacts.cbpCoverage(after));
    // The decisions' frames grow with the landing as the parse does: kept where the parse is.
    Decider decider =
        new Decider(
            store,
            diff.replaced(),
            rankTable,
            options.broadcastMaxIds(),
            parseCache.storageLevel());
    try {
      Dataset<Row> bothIndexes =
          facts.hasRows(WarehouseTable.SHIPMENTS) || facts.hasRows(WarehouseTable.SEIZURES)
              ? decider.bothFreshIndexes(envelopes)
              : null;
      Set<String> shipmentMonths0 =
          facts.affectedMonths(WarehouseTable.SHIPMENTS, scan.before(), diff.replaced());
      Dataset<Row> freshShipments = newRows(envelopes, facts, WarehouseTable.SHIPMENTS);
      Decision ships =
          decider.decide(
              WarehouseTable.SHIPMENTS,
              freshShipments,
              freshIndex(freshShipments, bothIndexes, facts, WarehouseTable.SHIPMENTS),
              shipmentMonths0,
              Set.of(),
              List.of(),
              null);
      FaultInjection.at(FaultInjection.AFTER_DECIDE_SHIPMENTS);
      Set<String> seizureMonths0 =
          facts.affectedMonths(WarehouseTable.SEIZURES, scan.before(), diff.replaced());
      Set<String> cbpYearMonths =
          LedgerFacts.cbpYearMonths(scan.before(), after, scan.toRead(), diff.replaced());
      seizureMonths0.addAll(cbpYearMonths);
      Dataset<Row> freshSeizures = newRows(envelopes, facts, WarehouseTable.SEIZURES);
      Decision seizures =
          decider.decide(
              WarehouseTable.SEIZURES,
              freshSeizures,
              freshIndex(freshSeizures, bothIndexes, facts, WarehouseTable.SEIZURES),
              seizureMonths0,
              cbpYearMonths,
              owners,
              ships.touchedShipments());
      return new Decisions(facts, after, rankTable, decider, ships, seizures);
    } catch (IOException | RuntimeException e) {
      // run() releases the decisions it got; these never reach it.
      decider.release();
      throw e;
    }
  }

  /**
   * Stages the rewritten months (live rows of untouched records kept as published, plus the routed
   * winners of touched ones), the other versions, lab reports, the quarantine and the new ledger.
   *
   * @param parsedInRanges every file of this run was parsed in byte ranges, so a table's one
   *     rewritten month can be written where its rows are ({@link CandidateStore#writePartitions})
   */
  private Staging stage(Scan scan, Decisions d, Dataset<Row> envelopes, boolean parsedInRanges)
      throws IOException {
    Map<String, List<String>> rewritten = new LinkedHashMap<>();
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    IngestStaging staging =
        new IngestStaging(
            spark,
            warehouse,
            store,
            aggregates,
            options.routeRules(),
            options.runId(),
            this::describe);
    moves.addAll(staging.tables(d.ships(), d.seizures(), parsedInRanges, rewritten));
    IngestStaging.Rest rest =
        staging.rest(
            d.ships(),
            d.seizures(),
            envelopes,
            d.facts().rejectsRead(),
            scan.toRead(),
            scan.diff().replaced(),
            d.rankTable());
    moves.addAll(rest.moves());
    if (rest.labs().written()) {
      rewritten.put(
          WarehouseTable.LAB_REPORTS.tableName(),
          rest.labs().partitions()); // the whole table, every year
    }
    Path stagedLedger = warehouse.layout().stagedLedger(options.runId());
    warehouse.writeText(stagedLedger, d.after().toJson());
    moves.add(
        new PartitionPublisher.Move(stagedLedger.toString(), Ledger.path(warehouse).toString()));
    List<String> marked =
        new ArrayList<>(
            List.of(
                WarehouseTable.SEIZURES.tableName(),
                WarehouseTable.SHIPMENTS.tableName(),
                WarehouseTable.REJECTED.tableName()));
    if (rest.labs().written()) {
      marked.add(WarehouseTable.LAB_REPORTS.tableName());
    }
    return new Staging(moves, rewritten, marked, rest.labs(), rest.rejectExamples());
  }

  /**
   * The index of this run's rows of {@code table}: from the index of both tables read from the
   * parse in one pass, or, when the parse gave none, from the (empty) frame of its rows.
   */
  private static Dataset<Row> freshIndex(
      Dataset<Row> fresh, Dataset<Row> bothIndexes, LedgerFacts facts, WarehouseTable table) {
    return facts.hasRows(table)
        ? FreshIndex.of(bothIndexes, table)
        : CandidateStore.index(fresh, table);
  }

  /**
   * This run's normalized rows of {@code table}, with their month. When the parse gave none (the
   * statistics rows say so), an empty frame: Spark then drops every branch that reads them, where a
   * filter on the cached parse scanned all of it to find nothing (on a parcel-scale night of
   * shipments alone, the seizures' decisions read the 4,000,000 envelopes for no row).
   */
  private Dataset<Row> newRows(Dataset<Row> envelopes, LedgerFacts facts, WarehouseTable table) {
    if (!facts.hasRows(table)) {
      return spark.createDataFrame(List.of(), CandidateStore.withMonth(table));
    }
    boolean seizures = table == WarehouseTable.SEIZURES;
    return envelopes
        .filter(col("kind").equalTo(seizures ? Envelope.SEIZURE : Envelope.SHIPMENT))
        .select((seizures ? "seizure" : "shipment") + ".*")
        .withColumn(MONTH, CandidateStore.month());
  }
}
