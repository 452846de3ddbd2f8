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
import org.apache.spark.sql.types.StructType;
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

  /** The staged quarantine's publication move, and the first rows this run quarantined. */
  record Staged(PartitionPublisher.Move move, List<String> examples) {}

  /**
   * The quarantine is small: it is rewritten whole, dropping the rows of replaced files.
   *
   * @param rejectsRead whether any file read in this run quarantined a row (its statistics say so):
   *     when none did, the parse is not scanned for them
   */
  static Staged stage(
      SparkSession spark,
      Warehouse warehouse,
      Dataset<Row> envelopes,
      boolean rejectsRead,
      List<LandingFile> toRead,
      Set<String> replaced,
      String runId)
      throws IOException {
    StructType schema = (StructType) envelopes.schema().apply("rejected").dataType();
    Dataset<Row> fresh =
        rejectsRead
            ? rejected(envelopes).select("rejected.*")
            : spark.createDataFrame(List.of(), schema);
    Path live = warehouse.table(WarehouseTable.REJECTED);
    Dataset<Row> rows = fresh;
    if (warehouse.fs().exists(live)) {
      Dataset<Row> kept = warehouse.readTable(spark, live, schema);
      if (!replaced.isEmpty()) {
        kept = kept.filter(not(col("source_file").isin(replaced.toArray())));
      }
      rows = kept.unionByName(fresh);
    }
    Path target = warehouse.layout().staged(runId, WarehouseTable.REJECTED.tableName());
    // One file, but not one task: repartition(1), unlike coalesce(1), leaves the scan of the parse
    // to every core and sends only the quarantined rows to the task that writes.
    rows.repartition(1)
        .sortWithinPartitions("source_file", "source_line")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(target.toString());
    List<String> examples =
        rejectsRead
            ? examples(spark.read().schema(schema).parquet(target.toString()), toRead)
            : List.of();
    return new Staged(new PartitionPublisher.Move(target.toString(), live.toString()), examples);
  }

  /**
   * The first rows this run quarantined, as "file line N: REASON: message", for the console: read
   * from the staged quarantine (a few megabytes) rather than from the parse. Its rows of the files
   * read in this run are this run's, since a file read again is a replaced one, whose older rows
   * the staging dropped.
   */
  private static List<String> examples(Dataset<Row> staged, List<LandingFile> toRead) {
    List<String> examples = new ArrayList<>();
    for (Row r :
        staged
            .filter(
                col("source_file").isin(toRead.stream().map(LandingFile::relativePath).toArray()))
            .select("source_file", "source_line", "reason_code", "message")
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
