package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * The {@code rejected} table (the quarantine) of an ingest: staged whole from the rows kept and
 * this run's rejected envelopes, and the first rejected rows for the console. The caller names the
 * Spark jobs (its action's job descriptions).
 */
final class RejectedStage {
  private static final int MAX_REJECT_EXAMPLES = 20;

  private RejectedStage() {}

  /** The quarantine is small: it is rewritten whole, dropping the rows of replaced files. */
  static PartitionPublisher.Move stage(
      SparkSession spark,
      Warehouse warehouse,
      Dataset<Row> envelopes,
      Set<String> replaced,
      String runId)
      throws IOException {
    Dataset<Row> fresh = rejected(envelopes).select("rejected.*");
    Path live = warehouse.table(WarehouseTable.REJECTED);
    Dataset<Row> rows = fresh;
    if (warehouse.fs().exists(live)) {
      Dataset<Row> kept = warehouse.readTable(spark, live, fresh.schema());
      if (!replaced.isEmpty()) {
        kept = kept.filter(not(col("source_file").isin(replaced.toArray())));
      }
      rows = kept.unionByName(fresh);
    }
    Path target = warehouse.layout().staged(runId, WarehouseTable.REJECTED.tableName());
    rows.coalesce(1)
        .sortWithinPartitions("source_file", "source_line")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(target.toString());
    return new PartitionPublisher.Move(target.toString(), live.toString());
  }

  /** The first quarantined rows of this run, as "file line N: REASON: message", for the console. */
  static List<String> examples(Dataset<Row> envelopes) {
    List<String> examples = new ArrayList<>();
    for (Row r :
        rejected(envelopes)
            .select(
                "rejected.source_file",
                "rejected.source_line",
                "rejected.reason_code",
                "rejected.message")
            .orderBy("source_file", "source_line")
            .limit(MAX_REJECT_EXAMPLES)
            .collectAsList()) {
      examples.add(
          r.getString(0) + " line " + r.getLong(1) + ": " + r.getString(2) + ": " + r.getString(3));
    }
    return examples;
  }

  private static Dataset<Row> rejected(Dataset<Row> envelopes) {
    return envelopes.filter(col("kind").equalTo(Envelope.REJECT));
  }
}
