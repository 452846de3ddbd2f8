package org.fentrace.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.warehouse.WarehouseTable;

/** The decision for one table; its persisted frames are freed by {@link Decider#release()}. */
final class Decision {
  private static final String MONTH = CandidateStore.MONTH;
  private static final List<String> KEY = CandidateStore.KEY;

  private final Set<String> months;
  private final Dataset<Row> candidates;
  private final Dataset<Row> candidatesOfTouched;
  private final Dataset<Row> otherVersionsBefore;
  private final Dataset<Row> decided;
  private final Dataset<Row> changed;
  private final long changedRows;
  private final Dataset<Row> touched;
  private final WarehouseTable table;

  /**
   * Rows of the index the decisions were made over: an upper bound of every size in {@link Sizes}.
   */
  private final long indexRows;

  /** Rows of that index per month: an estimate of each rewritten month's size. */
  private final Map<String, Long> monthRows;

  private final long broadcastMaxIds;

  private Sizes sizes;

  /**
   * {@code touched} holds the ids of the touched records: persisted and distinct, with a broadcast
   * hint when they are few; on a night that changes more records than the broadcast cap, the ids of
   * the (persisted) decisions and of replaced files' rows, repeating, for semi- and anti-joins
   * only.
   */
  Decision(
      Set<String> months,
      Dataset<Row> candidates,
      Dataset<Row> candidatesOfTouched,
      Dataset<Row> otherVersionsBefore,
      Dataset<Row> decided,
      Dataset<Row> changed,
      long changedRows,
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
    this.changedRows = changedRows;
    this.touched = touched;
    this.table = table;
    this.indexRows = indexRows;
    this.monthRows = Map.copyOf(monthRows);
    this.broadcastMaxIds = broadcastMaxIds;
  }

  /**
   * About how many rows each rewritten month holds (its touched candidates; not its untouched live
   * rows): balances the write tasks.
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
   * <p>Losers (duplicates and superseded versions) are usually a small share of the candidates, so
   * the winners are the touched records' candidates minus a broadcast anti-join of the losers: the
   * wide candidate rows are not shuffled. (A semi-join with the winners, the same size as the
   * candidates, shuffled every wide row once more before the month partitioning; a full load spent
   * a fifth of its staging there.) When losers are many, that semi-join is still the cheaper plan.
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
   * over at most {@code broadcastMaxIds} candidates (every night), each size is smaller and nothing
   * is counted: on a night each count was a Spark job of its own, and together they cost seconds.
   * Otherwise (a full load) one aggregation over the cached decisions counts all three.
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
   * route join moves no seizure row. The ids come from the cached decisions (every candidate of the
   * touched records: a superset of the winners' links), not from the wide rows. More than {@code
   * broadcastMaxIds} ids: every shipment, and an ordinary join.
   */
  Dataset<Row> linkedShipments(Dataset<Row> shipments) {
    Dataset<Row> ids =
        decided.select("shipment_id").filter(col("shipment_id").isNotNull()).distinct();
    return sizes().linkedShipments() > broadcastMaxIds
        ? shipments
        : broadcast(shipments.join(broadcast(ids), "shipment_id", "left_semi"));
  }

  /**
   * Shipment ids of records whose candidates changed ({@code ids}): seizures linked to them are
   * re-attributed. An id may repeat (once per candidate): the seizures' decisions only semi-join
   * them, and making 4,000,000 ids of a parcel-scale night distinct was a shuffle of its own.
   * {@code atMost} bounds their rows from above (the changed rows, counted by the decisions), or is
   * -1 when nobody counted them (a first load).
   */
  record TouchedShipments(Dataset<Row> ids, long atMost) {}

  TouchedShipments touchedShipments() {
    return new TouchedShipments(
        changed.select("shipment_id").filter(col("shipment_id").isNotNull()), changedRows);
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
