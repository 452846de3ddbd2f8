package org.fentrace.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Decides, for one table, which months must be rewritten and which rows they hold.
 *
 * <p>Only <em>touched</em> records are decided again: records with a new candidate (this run's
 * rows), records that lost one (rows of replaced or pruned files), for seizures the records linked
 * to a touched shipment (their route may change), and every record of a month a CBP file's
 * fiscal-year ownership can change ({@code wholeMonths}). Any other record has the same candidates
 * as in the previous run, so its published row stands. The months to rewrite are the seed months
 * (where candidates change) plus every month holding a candidate of a touched record; each is
 * rewritten as its live rows of untouched records plus the winners of touched records that fall in
 * it. The result equals a clean run's, at the cost of the touched records and the rewritten months;
 * the history is only read through a narrow semi-join against the (broadcast) touched ids, or, when
 * the run changes more records than {@code broadcastMaxIds}, through one shuffle of its narrow
 * index by record id that the decisions reuse. The other versions ({@link CandidateStore}) of the
 * rewritten months are restaged with them.
 */
final class Decider {
  private static final String MONTH = CandidateStore.MONTH;
  private static final String SEED = "touches_record";
  private static final String GHOST = "seed_only";
  private static final String TOUCHED = "record_touched";

  private final CandidateStore store;
  private final Set<String> replaced;
  private final Dataset<Row> rankTable;

  /**
   * Sets of ids up to this size are broadcast to the scans of the history instead of shuffling the
   * history ({@code fentrace.ingest.broadcast-max-ids}).
   */
  private final long broadcastMaxIds;

  /**
   * Every frame this decider persisted, over all its decisions: {@link #release()} frees them. The
   * list is kept here, not in each decision, so a failure halfway through a decision (or between
   * the two tables' decisions) still leaves nothing cached.
   */
  private final List<Dataset<Row>> persisted = new ArrayList<>();

  /**
   * Where the frames the decisions read more than once are kept: the level the parse cache was
   * resolved to ({@link ParseCacheChoice#used()}). They grow with the landing as the parse does (a
   * 5,000,000-row load's index and decisions hold some 6,750,000 narrow rows each); on the heap,
   * the young collections copied them while they were built and the old generation held them for
   * the rest of the load. A landing whose parse is written to disk has its decision frames written
   * there too: 1.5 GiB less peak memory and 3 to 5 s less collector pause on that load
   * (docs/benchmarks-journal.md). On one machine a night's few thousand rows stay in memory; on a
   * cluster, where the parse always goes to the executors' disks, so do they.
   */
  private final StorageLevel level;

  Decider(
      CandidateStore store,
      Set<String> replaced,
      Dataset<Row> rankTable,
      long broadcastMaxIds,
      StorageLevel level) {
    this.store = store;
    this.replaced = replaced;
    this.rankTable = rankTable;
    this.broadcastMaxIds = broadcastMaxIds;
    this.level = level;
  }

  /**
   * Frees every frame any decision of this decider persisted. Called when the ingest ends, failed
   * or not: in embedded mode the cache is the driver's own heap (or, for a large landing, its local
   * disk), and a session that outlives the run (a notebook, the test suite) would otherwise keep
   * it.
   */
  void release() {
    persisted.forEach(Dataset::unpersist);
    persisted.clear();
  }

  /**
   * This run's index rows of both tables, read from the parse in one pass ({@link FreshIndex}) and
   * persisted until {@link #release()}: each table's decision filters its own from it.
   */
  Dataset<Row> bothFreshIndexes(Dataset<Row> envelopes) {
    return keep(FreshIndex.bothTables(envelopes));
  }

  /**
   * Persists a frame the decisions read more than once (at {@link #level}), and records it for
   * {@link #release()}.
   */
  private Dataset<Row> keep(Dataset<Row> frame) {
    Dataset<Row> kept = frame.persist(level);
    persisted.add(kept);
    return kept;
  }

  /**
   * @param fresh this run's candidate rows of the table (with the month column)
   * @param freshIndex their index ({@link CandidateStore#index}), over a persisted frame: both
   *     tables' are read from the parse in one pass ({@link FreshIndex})
   * @param seedMonths months whose candidates change
   * @param wholeMonths months whose every record is decided again (CBP fiscal years whose owner may
   *     change)
   * @param linkedShipments for seizures: shipments being rewritten (their seizures are
   *     re-attributed), else null
   */
  Decision decide(
      WarehouseTable table,
      Dataset<Row> fresh,
      Dataset<Row> freshIndex,
      Set<String> seedMonths,
      Set<String> wholeMonths,
      List<String> cbpOwners,
      Decision.TouchedShipments linkedShipments)
      throws IOException {
    var sc = fresh.sparkSession().sparkContext();
    sc.setJobDescription(
        "fentrace ingest: find the records of " + table.tableName() + " to decide again");
    Dataset<Row> stored = store.stored(table);
    Column kept = replaced.isEmpty() ? lit(true) : not(col("source_file").isin(replaced.toArray()));
    Dataset<Row> storedIndex = CandidateStore.index(stored.filter(kept), table);
    Dataset<Row> changed;
    Dataset<Row> touched;
    Dataset<Row> touchedIndex;
    Dataset<Row> replacedIds = null;
    boolean large = false;
    long changedCount = -1; // not counted on a first load
    if (store.isEmpty(table)) {
      // A first load: every record is this run's, and nothing stored can be touched. The index is
      // this run's alone, and no set of ids is made distinct or counted: every join against the
      // store meets an empty frame.
      touchedIndex = freshIndex;
      changed = touchedIndex.select("record_id", "shipment_id");
      touched = changed.select("record_id");
    } else {
      // Records whose candidate set changes: this run's rows and the rows of replaced files.
      changed = freshIndex.select("record_id", "shipment_id");
      if (!replaced.isEmpty()) {
        Dataset<Row> replacedRows =
            CandidateStore.index(stored.filter(not(kept)), table)
                .select("record_id", "shipment_id");
        changed = keep(changed.union(replacedRows));
        replacedIds = replacedRows.select("record_id");
      }
      // Counted first: changed is needed later anyway, and a big set skips the distinct ids below.
      changedCount = changed.count();
      Column inWholeMonths =
          wholeMonths.isEmpty() ? lit(false) : col(MONTH).isin(wholeMonths.toArray());
      Dataset<Row> linkedIndex =
          linkedShipments == null
              ? null
              : storedIndex.join(
                  linkedIds(storedIndex, linkedShipments), "shipment_id", "left_semi");
      if (changedCount > broadcastMaxIds) {
        large = true;
        touchedIndex =
            touchedByWindow(storedIndex, freshIndex, replacedIds, linkedIndex, inWholeMonths);
        touched = null; // the record ids of the decisions, once made
      } else {
        touched = changed.select("record_id");
        if (linkedIndex != null) {
          touched = touched.union(linkedIndex.select("record_id"));
        }
        if (!wholeMonths.isEmpty()) {
          touched = touched.union(storedIndex.filter(inWholeMonths).select("record_id"));
        }
        Dataset<Row> touchedIds = keep(touched.distinct());
        boolean few = touchedIds.count() <= broadcastMaxIds;
        touched = few ? broadcast(touchedIds) : touchedIds;
        touchedIndex =
            keep(storedIndex.join(touched, "record_id", "left_semi").unionByName(freshIndex));
      }
    }
    Set<String> months = new TreeSet<>(seedMonths);
    months.addAll(wholeMonths);
    // Above the cap the index is not cached: the decisions, which hold its every row and column,
    // count each month's rows instead, and are cached right here (below it, when staging reads
    // them).
    Dataset<Row> decided =
        keep(Deduplication.outcomes(touchedIndex.join(rankTable, "source_file"), cbpOwners));
    Map<String, Long> monthRows;
    if (large) {
      sc.setJobDescription(
          "fentrace ingest: decide revisions of the records touched in " + table.tableName());
      monthRows = monthRows(decided);
      // A record whose every candidate was in a replaced file has no decision left, and is touched
      // all the same: its published row must go.
      touched =
          replacedIds == null
              ? decided.select("record_id")
              : decided.select("record_id").union(replacedIds);
    } else {
      monthRows = monthRows(touchedIndex);
    }
    months.addAll(monthRows.keySet());
    long indexRows = monthRows.values().stream().mapToLong(Long::longValue).sum();
    sc.setJobDescription(
        "fentrace ingest: decide revisions in "
            + months.size()
            + " month(s) of "
            + table.tableName());
    // Not cached: it is a filter over the cached parse and the stored files, cheaper to redo than
    // to
    // encode into Spark's columnar cache (which dominated staging time in profiles).
    Dataset<Row> storedInMonths = stored.filter(col(MONTH).isin(months.toArray()).and(kept));
    Dataset<Row> freshInMonths = fresh.filter(col(MONTH).isin(months.toArray()));
    Dataset<Row> candidates = storedInMonths.unionByName(freshInMonths);
    // Every fresh record is touched; stored ones only if in the touched set (before the first run
    // the store is an empty local frame, and Spark drops this join altogether).
    Dataset<Row> candidatesOfTouched =
        storedInMonths.join(touched, "record_id", "left_semi").unionByName(freshInMonths);
    Dataset<Row> otherVersionsBefore =
        store.otherVersions(table).filter(col(MONTH).isin(months.toArray()).and(kept));
    return new Decision(
        months,
        candidates,
        candidatesOfTouched,
        otherVersionsBefore,
        decided,
        changed,
        changedCount,
        touched,
        indexRows,
        monthRows,
        table,
        broadcastMaxIds);
  }

  /** Rows per month of an index (one small aggregation, collected). */
  private static Map<String, Long> monthRows(Dataset<Row> index) {
    Map<String, Long> rows = new HashMap<>();
    for (Row r : index.groupBy(MONTH).count().collectAsList()) {
      rows.put(r.getString(0), r.getLong(1));
    }
    return rows;
  }

  /**
   * The index rows of the touched records when this run changes more records than {@code
   * broadcastMaxIds} (a night at parcel scale: millions of new records against a year of history).
   * Making those ids distinct and semi-joining the stored index with them shuffled and sorted every
   * id twice before the decisions sorted them a third time; here one shuffle by record id serves
   * all: each stored row says whether its record is touched for a reason of its own (a linked
   * shipment, a month decided whole), each record's rows learn whether any of them is a seed, and
   * the rows of replaced files (no longer candidates) take part only as seeds. The decisions'
   * window then partitions by record id again, and Spark reuses this shuffle.
   */
  private static Dataset<Row> touchedByWindow(
      Dataset<Row> storedIndex,
      Dataset<Row> freshIndex,
      Dataset<Row> replacedIds,
      Dataset<Row> linkedIndex,
      Column inWholeMonths) {
    Dataset<Row> flagged =
        storedIndex
            .withColumn(SEED, inWholeMonths)
            .withColumn(GHOST, lit(false))
            .unionByName(freshIndex.withColumn(SEED, lit(true)).withColumn(GHOST, lit(false)));
    // Records changed beside the fresh rows (ids of rows of replaced files) and stored records
    // linked to a touched shipment: seed rows only, dropped once their records are found.
    for (Dataset<Row> ids : Arrays.asList(replacedIds, linkedIndex)) {
      if (ids != null) {
        flagged =
            flagged.unionByName(
                ids.select("record_id").withColumn(SEED, lit(true)).withColumn(GHOST, lit(true)),
                true);
      }
    }
    return flagged
        .withColumn(TOUCHED, max(col(SEED)).over(Window.partitionBy("record_id")))
        .filter(col(TOUCHED).and(not(col(GHOST))))
        .drop(SEED, GHOST, TOUCHED);
  }

  /**
   * The ids of shipments touched tonight that a stored seizure names, ready for a semi-join with
   * the stored seizures, which then meets a broadcast set instead of shuffling the history: a night
   * touches a few thousand shipments, broadcast as they are (made distinct); a parcel-scale night
   * touches millions, but the stored seizures name few shipments (most name none), so the touched
   * ids are first narrowed to those named, streamed against a broadcast of the named ones. When
   * both sets are large (a full reload of a long history), the ordinary join. The touched ids are
   * counted only when the shipments' decisions did not bound them (each count is a job of its own,
   * and on a parcel-scale night it read 4,000,000 ids to learn what the bound already said).
   */
  private Dataset<Row> linkedIds(Dataset<Row> storedIndex, Decision.TouchedShipments touched) {
    long atMost = touched.atMost() >= 0 ? touched.atMost() : touched.ids().count();
    if (atMost <= broadcastMaxIds) {
      return broadcast(touched.ids().distinct());
    }
    Dataset<Row> named =
        keep(storedIndex.select("shipment_id").filter(col("shipment_id").isNotNull()).distinct());
    if (named.count() > broadcastMaxIds) {
      return touched.ids();
    }
    return broadcast(touched.ids().join(broadcast(named), "shipment_id", "left_semi").distinct());
  }
}
