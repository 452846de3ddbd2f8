package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.TableName;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Stages the {@code lab_reports} table (NFLIS-Drug counts). The table is small (an export of nine
 * years of every fentanyl-related substance in every state is some nine thousand rows), so it is
 * decided and rewritten whole on any night that reads or replaces an NFLIS file, with the other
 * tables' revision rule: among the deliveries of one count (same record id: substance id, state,
 * half-year) the newest delivery wins and, inside one file, the last row. NFLIS counts grow as
 * laboratories report late, so the newest export's figure is the one to publish. The losers are
 * kept in {@code _state/other_versions/lab_reports}, so pruning the newest export brings the older
 * figure back, as a clean run over the final landing would.
 */
final class LabReportsStage {
  private static final WarehouseTable T = WarehouseTable.LAB_REPORTS;
  private static final String RANK = "_rank";
  private static final String OUTCOME = "outcome";

  /**
   * The moves to publish and, per file read this run, its rows by outcome (as {@link Deduplication}
   * names them).
   */
  record Staged(
      List<PartitionPublisher.Move> moves,
      Map<String, Map<String, Long>> accounting,
      boolean written,
      List<String> partitions) {}

  private LabReportsStage() {}

  static Staged stage(
      SparkSession spark,
      Warehouse warehouse,
      Dataset<Row> envelopes,
      List<LandingFile> toRead,
      Set<String> replaced,
      Dataset<Row> rankTable,
      String runId)
      throws IOException {
    Dataset<Row> fresh =
        envelopes.filter(col("kind").equalTo(Envelope.LAB_REPORT)).select("lab_report.*");
    Path live = warehouse.table(T);
    Path liveOther = CandidateStore.otherVersions(warehouse, T);
    boolean published = warehouse.fs().exists(live);
    // Only a format whose table is lab_reports (NFLIS) gives lab reports: a night that reads no
    // such file does not scan the parse to find that it gave none (a scan of every cached row,
    // about 2 s of a 5,000,000-row load).
    boolean labFileRead =
        toRead.stream()
            .anyMatch(f -> f.isRead() && f.header().format().table() == TableName.LAB_REPORTS);
    if ((!labFileRead || fresh.isEmpty()) && !(published && !replaced.isEmpty())) {
      return new Staged(List.of(), Map.of(), false, List.of());
    }
    spark.sparkContext().setJobDescription("fentrace ingest: stage lab_reports");
    StructType schema = SparkSchemas.structType(T);
    Dataset<Row> candidates = fresh;
    for (Path p : List.of(live, liveOther)) {
      if (warehouse.fs().exists(p)) {
        Dataset<Row> kept = read(spark, warehouse, p, schema);
        candidates =
            candidates.unionByName(
                replaced.isEmpty()
                    ? kept
                    : kept.filter(not(col("source_file").isin(replaced.toArray()))));
      }
    }
    Dataset<Row> ranked = candidates.join(rankTable, "source_file").withColumnRenamed("rank", RANK);
    Dataset<Row> decided =
        ranked
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("record_id")
                            .orderBy(col(RANK).desc(), col("source_line").desc())))
            .withColumn(
                "_winner_file",
                org.apache
                    .spark
                    .sql
                    .functions
                    .first("source_file")
                    .over(
                        Window.partitionBy("record_id")
                            .orderBy(col(RANK).desc(), col("source_line").desc())))
            .withColumn(
                OUTCOME,
                when(col("_n").equalTo(1), Deduplication.NORMALIZED)
                    .when(
                        col("_winner_file").equalTo(col("source_file")),
                        Deduplication.DUPLICATE_IN_FILE)
                    .otherwise(Deduplication.SUPERSEDED))
            .drop("_n", "_winner_file", RANK)
            .cache();
    try {
      Column[] fields =
          java.util.Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
      Path target = warehouse.layout().staged(runId, T.tableName());
      write(decided.filter(col(OUTCOME).equalTo(Deduplication.NORMALIZED)).select(fields), target);
      Path targetOther = warehouse.layout().stagedOtherVersions(runId, T.tableName());
      write(
          decided.filter(not(col(OUTCOME).equalTo(Deduplication.NORMALIZED))).select(fields),
          targetOther);
      Map<String, Map<String, Long>> accounting = new HashMap<>();
      if (!toRead.isEmpty()) {
        for (Row r :
            decided
                .filter(
                    col("source_file")
                        .isin(toRead.stream().map(LandingFile::relativePath).toArray()))
                .groupBy("source_file", OUTCOME)
                .count()
                .collectAsList()) {
          accounting
              .computeIfAbsent(r.getString(0), k -> new HashMap<>())
              .put(r.getString(1), r.getLong(2));
        }
      }
      List<PartitionPublisher.Move> moves = new ArrayList<>();
      moves.add(new PartitionPublisher.Move(target.toString(), live.toString()));
      moves.add(new PartitionPublisher.Move(targetOther.toString(), liveOther.toString()));
      List<String> partitions = new ArrayList<>();
      for (org.apache.hadoop.fs.FileStatus st : warehouse.fs().listStatus(target)) {
        if (st.isDirectory() && st.getPath().getName().startsWith(T.partitionColumn() + "=")) {
          partitions.add(st.getPath().getName());
        }
      }
      java.util.Collections.sort(partitions);
      return new Staged(moves, accounting, true, partitions);
    } finally {
      decided.unpersist();
    }
  }

  /**
   * A published copy, without its partition column (derived again from period_start when written).
   */
  private static Dataset<Row> read(
      SparkSession spark, Warehouse warehouse, Path p, StructType schema) throws IOException {
    return warehouse
        .readTable(
            spark,
            p,
            schema.add(T.partitionColumn(), org.apache.spark.sql.types.DataTypes.IntegerType))
        .drop(T.partitionColumn());
  }

  /**
   * One small file per year folder, rows in a stable order, so identical inputs give identical
   * files.
   */
  private static void write(Dataset<Row> rows, Path target) {
    rows.withColumn(T.partitionColumn(), year(col("period_start")))
        .repartition(col(T.partitionColumn()))
        .sortWithinPartitions(
            "period_start",
            "dea_substance_id",
            "state_raw",
            "record_id",
            "source_file",
            "source_line")
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(T.partitionColumn())
        .parquet(target.toString());
  }
}
