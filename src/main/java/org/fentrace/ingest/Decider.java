package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
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
 * Decides, for one table, which months must be rewritten and which candidate rows are published in them.
 *
 * <p>Months whose candidates change (new rows, rows of replaced files) are the seed. A record with a new
 * or dropped candidate may change its winner, so every month holding a candidate of such a record is
 * rewritten too. Winners are decided over all candidates of the records present in those
 * months, whatever month each candidate is in, so the result equals a clean run's.
 */
final class Decider {
  private static final String MONTH = CandidateStore.MONTH;

  private final CandidateStore store;
  private final Set<String> replaced;
  private final Dataset<Row> rankTable;

  Decider(CandidateStore store, Set<String> replaced, Dataset<Row> rankTable) {
    this.store = store;
    this.replaced = replaced;
    this.rankTable = rankTable;
  }

  /** The decision for one table; persisted frames are released by {@link #release()}. */
  static final class Decision {
    private final Set<String> months;
    private final Set<String> changedMonths;
    private final Dataset<Row> candidates;
    private final Dataset<Row> decided;
    private final Dataset<Row> changed;

    Decision(Set<String> months, Set<String> changedMonths, Dataset<Row> candidates, Dataset<Row> decided,
        Dataset<Row> changed) {
      this.months = months;
      this.changedMonths = changedMonths;
      this.candidates = candidates;
      this.decided = decided;
      this.changed = changed;
    }

    /** Months of the published table to rewrite. */
    Set<String> months() {
      return months;
    }

    /** Months of the candidate store to rewrite. */
    Set<String> changedMonths() {
      return changedMonths;
    }

    Dataset<Row> candidatesOfChangedMonths() {
      return candidates.filter(col(MONTH).isin(changedMonths.toArray()));
    }

    /** The rows published in {@link #months()}: winning candidates (route columns not yet set). */
    Dataset<Row> published() {
      Dataset<Row> winners = decided.filter(col("outcome").equalTo(Deduplication.NORMALIZED))
          .select("record_id", "source_file", "source_line");
      return candidates.join(winners, scala.jdk.javaapi.CollectionConverters.asScala(
          List.of("record_id", "source_file", "source_line")).toSeq(), "left_semi");
    }

    /** The table as it will read after publication: live months outside {@link #months()} plus the new ones. */
    Dataset<Row> publishedAfter(Dataset<Row> live) {
      return months.isEmpty() ? live : live.filter(not(col(MONTH).isin(months.toArray()))).unionByName(published());
    }

    /** Shipment ids of records whose candidates changed: seizures linked to them are re-attributed. */
    Dataset<Row> touchedShipmentIds() {
      return changed.select("shipment_id").filter(col("shipment_id").isNotNull()).distinct();
    }

    /** Outcome counts of the rows of the files read in this run: path to outcome to rows. */
    Map<String, Map<String, Long>> accounting(List<LandingFile> toRead) {
      Map<String, Map<String, Long>> out = new HashMap<>();
      if (toRead.isEmpty()) {
        return out;
      }
      for (Row r : decided.filter(col("source_file").isin(toRead.stream().map(LandingFile::relativePath).toArray()))
          .groupBy("source_file", "outcome").count().collectAsList()) {
        out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
      }
      return out;
    }

    void release() {
      changed.unpersist();
      decided.unpersist();
    }
  }

  /**
   * @param fresh this run's candidate rows of the table (with the month column)
   * @param seedMonths months whose candidates change
   * @param linkedShipmentIds for seizures: ids of shipments being rewritten (their seizures are re-attributed), else null
   */
  Decision decide(WarehouseTable table, Dataset<Row> fresh, Set<String> seedMonths, List<String> cbpOwners,
      Dataset<Row> linkedShipmentIds) throws IOException {
    var sc = fresh.sparkSession().sparkContext();
    sc.setJobDescription("fentrace ingest: find the months of " + table.tableName() + " to rewrite");
    Dataset<Row> stored = store.stored(table);
    Column kept = replaced.isEmpty() ? lit(true) : not(col("source_file").isin(replaced.toArray()));
    Dataset<Row> index = CandidateStore.index(stored.filter(kept), table)
        .unionByName(CandidateStore.index(fresh, table)).persist(StorageLevel.MEMORY_AND_DISK());
    // Records whose candidate set changes: this run's rows and the rows of replaced files.
    Dataset<Row> changed = CandidateStore.index(fresh, table).select("record_id", "shipment_id");
    if (!replaced.isEmpty()) {
      changed = changed.union(CandidateStore.index(stored.filter(not(kept)), table).select("record_id", "shipment_id"));
    }
    changed = changed.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> touchedIds = changed.select("record_id");
    if (linkedShipmentIds != null) {
      touchedIds = touchedIds.union(index.join(linkedShipmentIds, "shipment_id").select("record_id"));
    }
    Set<String> months = new TreeSet<>(seedMonths);
    for (Row r : index.join(touchedIds.distinct(), "record_id").select(MONTH).distinct().collectAsList()) {
      months.add(r.getString(0));
    }
    sc.setJobDescription("fentrace ingest: decide revisions in " + months.size() + " month(s) of " + table.tableName());
    Dataset<Row> idsInMonths = index.filter(col(MONTH).isin(months.toArray())).select("record_id").distinct();
    Dataset<Row> scope = index.join(idsInMonths, "record_id").join(rankTable, "source_file");
    Dataset<Row> decided = Deduplication.outcomes(scope, cbpOwners).persist(StorageLevel.MEMORY_AND_DISK());
    // Not cached: it is a filter over the cached parse and the stored files, cheaper to redo than to
    // encode into Spark's columnar cache (which dominated staging time in profiles).
    Dataset<Row> candidates = stored.filter(col(MONTH).isin(months.toArray()).and(kept))
        .unionByName(fresh.filter(col(MONTH).isin(months.toArray())));
    index.unpersist();
    return new Decision(months, new TreeSet<>(seedMonths), candidates, decided, changed);
  }
}
