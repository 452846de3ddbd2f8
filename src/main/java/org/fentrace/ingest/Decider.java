package org.fentrace.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * the history is only read through a narrow semi-join against the (broadcast) touched ids. The
 * other versions ({@link CandidateStore}) of the rewritten months are restaged with them.
 */
final class Decider {
  private static final String MONTH = CandidateStore.MONTH;
  private static final List<String> KEY = CandidateStore.KEY;

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

  Decider(
      CandidateStore store, Set<String> replaced, Dataset<Row> rankTable, long broadcastMaxIds) {
    this.store = store;
    this.replaced = replaced;
    this.rankTable = rankTable;
    this.broadcastMaxIds = broadcastMaxIds;
  }

  /**
   * Frees every frame any decision of this decider persisted. Called when the ingest ends, failed
   * or not: in embedded mode the cache is the driver's own heap, and a session that outlives the
   * run (a notebook, the test suite) would otherwise keep it.
   */
  void release() {
    persisted.forEach(Dataset::unpersist);
    persisted.clear();
  }

  /** Persists a frame the decisions read more than once, and records it for {@link #release()}. */
  private Dataset<Row> keep(Dataset<Row> frame) {
    Dataset<Row> kept = frame.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(kept);
    return kept;
  }

  /** The decision for one table; its persisted frames are freed by {@link Decider#release()}. */
  static final class Decision {
    private final Set<String> months;
    private final Dataset<Row> candidates;
    private final Dataset<Row> candidatesOfTouched;
    private final Dataset<Row> otherVersionsBefore;
    private final Dataset<Row> decided;
    private final Dataset<Row> changed;
    private final Dataset<Row> touched;
    private final WarehouseTable table;

    /**
     * Rows of the index the decisions were made over: an upper bound of every size in {@link
     * Sizes}.
     */
    private final long indexRows;

    /** Rows of that index per month: an estimate of each rewritten month's size. */
    private final Map<String, Long> monthRows;

    private final long broadcastMaxIds;

    private Sizes sizes;

    /** {@code touched} is the persisted touched ids, with a broadcast hint when they are few. */
    Decision(
        Set<String> months,
        Dataset<Row> candidates,
        Dataset<Row> candidatesOfTouched,
        Dataset<Row> otherVersionsBefore,
        Dataset<Row> decided,
        Dataset<Row> changed,
        Dataset<Row> touched,
        long indexRows,
        Map<String, Long> monthRows,
        WarehouseTable table,
        long broadcastMaxIds) {
      this.months = months;
      this.candidates = candidates;
      this.candidatesOfTouched = candidatesOfTouched;
      this.otherVersionsBefore = otherVersionsBefore;
      this.decided = decided;
      this.changed = changed;
      this.touched = touched;
      this.table = table;
      this.indexRows = indexRows;
      this.monthRows = Map.copyOf(monthRows);
      this.broadcastMaxIds = broadcastMaxIds;
    }

    /**
     * About how many rows each rewritten month holds (its touched candidates; not its untouched
     * live rows): balances the write tasks.
     */
    Map<String, Long> monthRows() {
      return monthRows;
    }

    /** Months of the published table, and of the other versions, to rewrite. */
    Set<String> months() {
      return months;
    }

    /**
     * The winning candidates of the touched records (route columns not yet set); all fall in {@link
     * #months()}.
     *
     * <p>Losers (duplicates and superseded versions) are usually a small share of the candidates,
     * so the winners are the touched records' candidates minus a broadcast anti-join of the losers:
     * the wide candidate rows are not shuffled. (A semi-join with the winners, the same size as the
     * candidates, shuffled every wide row once more before the month partitioning; a full load
     * spent a fifth of its staging there.) When losers are many, that semi-join is still the
     * cheaper plan.
     */
    Dataset<Row> published() {
      if (sizes().losers() > broadcastMaxIds) {
        Dataset<Row> winners =
            decided
                .filter(col("outcome").equalTo(Deduplication.NORMALIZED))
                .select(CandidateStore.keyColumns());
        return candidates.join(winners, CandidateStore.seq(KEY), "left_semi");
      }
      return candidatesOfTouched.join(broadcast(losers()), CandidateStore.seq(KEY), "left_anti");
    }

    /**
     * The other versions ({@link CandidateStore}) of {@link #months()} after this run: those of
     * untouched records stay; a touched record contributes its losers and, when it is a seizure
     * naming a shipment, its winner as delivered.
     */
    Dataset<Row> otherVersions() {
      // The decisions carry every column the test needs (outcome, shipment_id): one semi-join picks
      // the rows.
      Dataset<Row> keys = decided.filter(isOtherVersion()).select(CandidateStore.keyColumns());
      return otherVersionsBefore
          .join(touched, "record_id", "left_anti")
          .unionByName(
              candidatesOfTouched.join(
                  sizes().otherVersions() > broadcastMaxIds ? keys : broadcast(keys),
                  CandidateStore.seq(KEY),
                  "left_semi"));
    }

    private Column isLoser() {
      return col("outcome").notEqual(Deduplication.NORMALIZED);
    }

    private Column isOtherVersion() {
      return isLoser().or(not(CandidateStore.publishedAsDelivered(table)));
    }

    private Dataset<Row> losers() {
      return decided.filter(isLoser()).select(CandidateStore.keyColumns());
    }

    /** How many losers, other versions and linked shipment ids the decisions hold. */
    private record Sizes(long losers, long otherVersions, long linkedShipments) {}

    /**
     * The sizes that choose between a broadcast and an ordinary join. When the decisions were made
     * over at most {@code broadcastMaxIds} candidates (every night), each size is smaller and
     * nothing is counted: on a night each count was a Spark job of its own, and together they cost
     * seconds. Otherwise (a full load) one aggregation over the cached decisions counts all three.
     */
    private Sizes sizes() {
      if (sizes == null) {
        if (indexRows <= broadcastMaxIds) {
          sizes = new Sizes(indexRows, indexRows, indexRows);
        } else {
          // count(shipment_id), the rows naming a shipment, bounds the distinct ids from above
          // without a second aggregation (a full load named 1.75M distinct shipment ids to count,
          // and used none).
          Row r =
              decided
                  .agg(
                      sum(when(isLoser(), 1L).otherwise(0L)),
                      sum(when(isOtherVersion(), 1L).otherwise(0L)),
                      count(col("shipment_id")))
                  .first();
          sizes = new Sizes(r.getLong(0), r.getLong(1), r.getLong(2));
        }
      }
      return sizes;
    }

    /**
     * Live rows of {@link #months()} whose record was not touched: they stay as published (routes
     * included).
     */
    Dataset<Row> untouched(Dataset<Row> live) {
      return months.isEmpty()
          ? live.limit(0)
          : live.filter(col(MONTH).isin(months.toArray())).join(touched, "record_id", "left_anti");
    }

    /**
     * The rows of {@code shipments} that the touched seizure records name, with a broadcast hint: a
     * night names a few, and even a full load names few (most seizures name no shipment), so the
     * route join moves no seizure row. The ids come from the cached decisions (every candidate of
     * the touched records: a superset of the winners' links), not from the wide rows. More than
     * {@code broadcastMaxIds} ids: every shipment, and an ordinary join.
     */
    Dataset<Row> linkedShipments(Dataset<Row> shipments) {
      Dataset<Row> ids =
          decided.select("shipment_id").filter(col("shipment_id").isNotNull()).distinct();
      return sizes().linkedShipments() > broadcastMaxIds
          ? shipments
          : broadcast(shipments.join(broadcast(ids), "shipment_id", "left_semi"));
    }

    /**
     * Shipment ids of records whose candidates changed: seizures linked to them are re-attributed.
     * An id may repeat (once per candidate): the seizures' decisions only semi-join them, and
     * making 4,000,000 ids of a parcel-scale night distinct was a shuffle of its own.
     */
    Dataset<Row> touchedShipmentIds() {
      return changed.select("shipment_id").filter(col("shipment_id").isNotNull());
    }

    /** Outcome counts of the rows of the files read in this run: path to outcome to rows. */
    Map<String, Map<String, Long>> accounting(List<LandingFile> toRead) {
      Map<String, Map<String, Long>> out = new HashMap<>();
      if (toRead.isEmpty()) {
        return out;
      }
      for (Row r :
          decided
              .filter(
                  col("source_file").isin(toRead.stream().map(LandingFile::relativePath).toArray()))
              .groupBy("source_file", "outcome")
              .count()
              .collectAsList()) {
        out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
      }
      return out;
    }
  }

  /**
   * @param fresh this run's candidate rows of the table (with the month column)
   * @param seedMonths months whose candidates change
   * @param wholeMonths months whose every record is decided again (CBP fiscal years whose owner may
   *     change)
   * @param linkedShipmentIds for seizures: ids of shipments being rewritten (their seizures are
   *     re-attributed), else null
   */
  Decision decide(
      WarehouseTable table,
      Dataset<Row> fresh,
      Set<String> seedMonths,
      Set<String> wholeMonths,
      List<String> cbpOwners,
      Dataset<Row> linkedShipmentIds)
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
    if (store.isEmpty(table)) {
      // A first load: every record is this run's, and nothing stored can be touched. The index is
      // this run's alone, read from the parse once (each read decodes the cached rows whole), and
      // no set of ids is made distinct or counted: every join against the store meets an empty
      // frame.
      touchedIndex = keep(CandidateStore.index(fresh, table));
      changed = touchedIndex.select("record_id", "shipment_id");
      touched = changed.select("record_id");
    } else {
      // This run's index, read from the parse once: each read of the parse decodes its cached rows
      // whole, and a parcel-scale night read them three times here (counting the changed records,
      // then building the touched index), a third of its decisions' time.
      Dataset<Row> freshIndex = keep(CandidateStore.index(fresh, table));
      // Records whose candidate set changes: this run's rows and the rows of replaced files.
      changed = freshIndex.select("record_id", "shipment_id");
      if (!replaced.isEmpty()) {
        changed =
            keep(
                changed.union(
                    CandidateStore.index(stored.filter(not(kept)), table)
                        .select("record_id", "shipment_id")));
      }
      touched = changed.select("record_id");
      if (linkedShipmentIds != null) {
        touched =
            touched.union(
                storedIndex
                    .join(linkedIds(storedIndex, linkedShipmentIds), "shipment_id", "left_semi")
                    .select("record_id"));
      }
      if (!wholeMonths.isEmpty()) {
        touched =
            touched.union(
                storedIndex.filter(col(MONTH).isin(wholeMonths.toArray())).select("record_id"));
      }
      Dataset<Row> touchedIds = keep(touched.distinct());
      // changed is needed later anyway; counting it first spares a big load the distinct count of
      // every id.
      boolean few = changed.count() <= broadcastMaxIds && touchedIds.count() <= broadcastMaxIds;
      touched = few ? broadcast(touchedIds) : touchedIds;
      touchedIndex =
          keep(storedIndex.join(touched, "record_id", "left_semi").unionByName(freshIndex));
    }
    Set<String> months = new TreeSet<>(seedMonths);
    months.addAll(wholeMonths);
    long indexRows = 0;
    Map<String, Long> monthRows = new HashMap<>();
    for (Row r : touchedIndex.groupBy(MONTH).count().collectAsList()) {
      months.add(r.getString(0));
      indexRows += r.getLong(1);
      monthRows.put(r.getString(0), r.getLong(1));
    }
    sc.setJobDescription(
        "fentrace ingest: decide revisions in "
            + months.size()
            + " month(s) of "
            + table.tableName());
    Dataset<Row> decided =
        keep(Deduplication.outcomes(touchedIndex.join(rankTable, "source_file"), cbpOwners));
    // Not cached: it is a filter over the cached parse and the stored files, cheaper to redo than
    // to
    // encode into Spark's columnar cache (which dominated staging time in profiles).
    Dataset<Row> storedInMonths = stored.filter(col(MONTH).isin(months.toArray()).and(kept));
    Dataset<Row> freshInMonths = fresh.filter(col(MONTH).isin(months.toArray()));
    Dataset<Row> candidates = storedInMonths.unionByName(freshInMonths);
    // Every fresh record is touched; stored ones only if in the touched set (before the first run
    // the
    // store is an empty local frame, and Spark drops this join altogether).
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
        touched,
        indexRows,
        monthRows,
        table,
        broadcastMaxIds);
  }

  /**
   * The ids of shipments touched tonight that a stored seizure names, ready for a semi-join with
   * the stored seizures, which then meets a broadcast set instead of shuffling the history: a night
   * touches a few thousand shipments, broadcast as they are (made distinct); a parcel-scale night
   * touches millions, but the stored seizures name few shipments (most name none), so the touched
   * ids are first narrowed to those named, streamed against a broadcast of the named ones. When
   * both sets are large (a full reload of a long history), the ordinary join.
   */
  private Dataset<Row> linkedIds(Dataset<Row> storedIndex, Dataset<Row> touchedShipmentIds) {
    if (touchedShipmentIds.count() <= broadcastMaxIds) {
      return broadcast(touchedShipmentIds.distinct());
    }
    Dataset<Row> named =
        keep(storedIndex.select("shipment_id").filter(col("shipment_id").isNotNull()).distinct());
    if (named.count() > broadcastMaxIds) {
      return touchedShipmentIds;
    }
    return broadcast(
        touchedShipmentIds.join(broadcast(named), "shipment_id", "left_semi").distinct());
  }
}
