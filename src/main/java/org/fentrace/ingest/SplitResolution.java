package org.fentrace.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.formats.CsvState;

/**
 * The driver side of parsing split files: collects the chunks' summaries (a few numbers per chunk,
 * never rows), resolves each file's chain ({@link ChunkChain}), and turns the chunks' rows into the
 * rows a one-task read gives: a broadcast table of (file, chunk, first kept line, line offset)
 * keeps the rows of each chunk's true hypothesis and shifts their lines to physical ones. Each
 * resolved file gets one statistics row merged from its kept parts; a file its chunks cannot settle
 * is named for a one-task read.
 */
final class SplitResolution {
  private static final List<String> ROW_KINDS =
      List.of(Envelope.SEIZURE, Envelope.SHIPMENT, Envelope.REJECT, Envelope.LAB_REPORT);
  private static final List<String> STRUCTS =
      List.of("seizure", "shipment", "rejected", "lab_report");

  /**
   * @param rows the split files' rows with physical lines, and their statistics rows
   * @param statistics the statistics rows alone (a local frame: reading it scans no range)
   * @param fallback split files to read in one task, with why
   */
  record Resolved(Dataset<Row> rows, Dataset<Row> statistics, Map<LandingFile, String> fallback) {}

  private SplitResolution() {}

  /**
   * Resolves the split files from {@code raw}, the output of their chunk and checksum tasks.
   *
   * @param alongside the parse of the files read whole, or null: computed in the same job as the
   *     ranges (its tasks yield no summary), so that both keep every core busy
   */
  static Resolved resolve(
      SparkSession spark, Dataset<Row> raw, Dataset<Row> alongside, List<LandingFile> split) {
    Dataset<Row> summaries =
        raw.filter(col("kind").equalTo(Envelope.CHUNK)).select("file_index", "chunk", "split");
    if (alongside != null) {
      summaries =
          summaries.unionByName(
              alongside
                  .filter(col("kind").equalTo(Envelope.CHUNK))
                  .select("file_index", "chunk", "split"));
    }
    Map<Integer, Map<Integer, Row>> chunks = new HashMap<>();
    for (Row r : summaries.collectAsList()) {
      chunks.computeIfAbsent(r.getInt(0), k -> new TreeMap<>()).put(r.getInt(1), r.getStruct(2));
    }
    List<Row> table = new ArrayList<>();
    List<InternalRow> stats = new ArrayList<>();
    Map<LandingFile, String> fallback = new LinkedHashMap<>();
    for (LandingFile f : split) {
      Map<Integer, Row> byChunk = chunks.getOrDefault(f.index(), Map.of());
      List<ChunkChain.Outcome> outcomes = new ArrayList<>();
      byChunk.forEach(
          (chunk, s) -> {
            if (chunk != ParseUnit.CHECKSUM) {
              outcomes.add(outcome(s));
            }
          });
      ChunkChain.Resolution resolution = ChunkChain.resolve(outcomes);
      if (resolution.fallback() != null) {
        fallback.put(f, resolution.fallback());
        continue;
      }
      List<Row> parts = new ArrayList<>();
      long fallbackBytes = 0;
      for (ChunkChain.Kept k : resolution.chunks()) {
        Row s = byChunk.get(k.chunk());
        fallbackBytes += s.getLong(s.fieldIndex("fallback_bytes"));
        if (k.head()) {
          parts.add(s.getStruct(s.fieldIndex("head")));
        }
        if (k.tail()) {
          parts.add(s.getStruct(s.fieldIndex("tail")));
        }
        table.add(RowFactory.create(f.index(), k.chunk(), k.keepFromLine(), k.lineOffset()));
      }
      Row checksum = byChunk.get(ParseUnit.CHECKSUM);
      String sha = checksum == null ? null : checksum.getString(checksum.fieldIndex("sha256"));
      stats.add(Envelope.stats(f.index(), FileFacts.mergeStats(parts, sha, fallbackBytes)));
    }
    Dataset<Row> kept =
        spark.createDataFrame(
            table,
            new StructType()
                .add("file_index", DataTypes.IntegerType, false)
                .add("chunk", DataTypes.IntegerType, false)
                .add("keep_from", DataTypes.LongType, false)
                .add("line_offset", DataTypes.LongType, false));
    Dataset<Row> rows =
        raw.filter(col("kind").isin(ROW_KINDS.toArray()))
            .join(broadcast(kept), new String[] {"file_index", "chunk"})
            .filter(col("line").geq(col("keep_from")));
    Column offset = col("line_offset");
    rows = rows.withColumn("line", col("line").plus(offset));
    for (String s : STRUCTS) {
      rows =
          rows.withColumn(s, col(s).withField("source_line", col(s + ".source_line").plus(offset)));
    }
    List<Column> columns = new ArrayList<>();
    for (String name : Envelope.SCHEMA.fieldNames()) {
      columns.add(col(name));
    }
    rows = rows.select(columns.toArray(Column[]::new));
    Dataset<Row> statsRows =
        LandingParse.envelopes(
            spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(stats, 1));
    return new Resolved(rows.unionByName(statsRows), statsRows, fallback);
  }

  private static ChunkChain.Outcome outcome(Row s) {
    Row head = s.getStruct(s.fieldIndex("head"));
    Row tail = s.getStruct(s.fieldIndex("tail"));
    return new ChunkChain.Outcome(
        s.getBoolean(s.fieldIndex("empty")),
        s.getLong(s.fieldIndex("breaks")),
        state(s.getString(s.fieldIndex("record_at_end"))),
        state(s.getString(s.fieldIndex("quoted_at_end"))),
        s.getLong(s.fieldIndex("quoted_first_line")),
        s.getBoolean(s.fieldIndex("aligned")),
        failed(head),
        failed(tail));
  }

  private static CsvState state(String name) {
    return name == null ? CsvState.INVALID : CsvState.of(name);
  }

  /** A syntax or read error in a part's rows. */
  private static boolean failed(Row part) {
    return part != null && (!part.isNullAt(3) || !part.isNullAt(4));
  }
}
