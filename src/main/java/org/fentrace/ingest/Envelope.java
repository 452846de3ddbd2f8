package org.fentrace.ingest;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * The one row type that leaves the parsing pass: a normalized seizure, a normalized shipment, a lab
 * report, a quarantined row, or the statistics of one file; for a file parsed in byte ranges
 * ("chunks"), also what each chunk's speculative scan found ({@link #CHUNK}), and its rows carry
 * their chunk and chunk-relative line until {@link SplitResolution} resolves them. One pass over
 * the input feeds every output table and the manifest; the kinds are split afterwards.
 */
final class Envelope {
  static final String SEIZURE = "SEIZURE";
  static final String SHIPMENT = "SHIPMENT";
  static final String REJECT = "REJECT";
  static final String STATS = "STATS";
  static final String LAB_REPORT = "LAB_REPORT";
  static final String CHUNK = "CHUNK";

  static final StructType STATS_TYPE = statsType();

  /**
   * What a chunk's task found: its scan ({@code ChunkScan}), the statistics of its rows before and
   * from the quoted hypothesis' first record line, and (from the task that only hashes the file,
   * chunk -1) the file's SHA-256.
   */
  static final StructType CHUNK_TYPE =
      new StructType()
          .add("empty", DataTypes.BooleanType, false)
          .add("breaks", DataTypes.LongType, false)
          .add("record_at_end", DataTypes.StringType, true)
          .add("quoted_at_end", DataTypes.StringType, true)
          .add("quoted_first_line", DataTypes.LongType, false)
          .add("aligned", DataTypes.BooleanType, false)
          .add("fallback_bytes", DataTypes.LongType, false)
          .add("sha256", DataTypes.StringType, true)
          .add("head", STATS_TYPE, true)
          .add("tail", STATS_TYPE, true);

  static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("file_index", DataTypes.IntegerType, false)
          .add("chunk", DataTypes.IntegerType, false)
          .add("line", DataTypes.LongType, false)
          .add("seizure", SparkSchemas.structType(WarehouseTable.SEIZURES), true)
          .add("shipment", SparkSchemas.structType(WarehouseTable.SHIPMENTS), true)
          .add("rejected", SparkSchemas.structType(WarehouseTable.REJECTED), true)
          .add("stats", STATS_TYPE, true)
          .add("lab_report", SparkSchemas.structType(WarehouseTable.LAB_REPORTS), true)
          .add("split", CHUNK_TYPE, true);

  private Envelope() {}

  // Column positions in SCHEMA.
  private static final int SEIZURE_AT = SCHEMA.fieldIndex("seizure");
  private static final int SHIPMENT_AT = SCHEMA.fieldIndex("shipment");
  private static final int REJECTED_AT = SCHEMA.fieldIndex("rejected");
  private static final int STATS_AT = SCHEMA.fieldIndex("stats");
  private static final int LAB_REPORT_AT = SCHEMA.fieldIndex("lab_report");
  private static final int SPLIT_AT = SCHEMA.fieldIndex("split");

  private static final Function<Row, Object> STATS_CONVERTER =
      InternalRows.structConverter(STATS_TYPE);
  private static final Function<Row, Object> CHUNK_CONVERTER =
      InternalRows.structConverter(CHUNK_TYPE);
  private static final Map<String, UTF8String> KINDS =
      Stream.of(SEIZURE, SHIPMENT, REJECT, STATS, LAB_REPORT, CHUNK)
          .collect(Collectors.toMap(k -> k, UTF8String::fromString));

  /**
   * An envelope in Spark's internal form (see {@link InternalRows}): the parsing tasks emit these,
   * so the parse output is cached without a pass of Spark's row encoder.
   */
  private static InternalRow envelope(
      String kind, int file, int chunk, long line, int at, Object value) {
    Object[] values = new Object[SCHEMA.size()];
    values[0] = KINDS.get(kind);
    values[1] = file;
    values[2] = chunk;
    values[3] = line;
    values[at] = value;
    return new GenericInternalRow(values);
  }

  static InternalRow seizure(int file, int chunk, long line, TableRow seizure) {
    return envelope(SEIZURE, file, chunk, line, SEIZURE_AT, InternalRows.of(seizure));
  }

  static InternalRow shipment(int file, int chunk, long line, TableRow shipment) {
    return envelope(SHIPMENT, file, chunk, line, SHIPMENT_AT, InternalRows.of(shipment));
  }

  /** A quarantined row: the values of a {@code rejected} row, in schema order. */
  static InternalRow reject(int file, int chunk, long line, Object... rejected) {
    return envelope(
        REJECT, file, chunk, line, REJECTED_AT, InternalRows.of(WarehouseTable.REJECTED, rejected));
  }

  static InternalRow labReport(int file, int chunk, long line, TableRow labReport) {
    return envelope(LAB_REPORT, file, chunk, line, LAB_REPORT_AT, InternalRows.of(labReport));
  }

  /** The file's statistics, then the {@link FileFacts} its task gathered. */
  private static StructType statsType() {
    StructType t =
        new StructType()
            .add("rows_read", DataTypes.LongType, false)
            .add("sha256", DataTypes.StringType, true)
            .add("fallback_bytes", DataTypes.LongType, false)
            .add("syntax_error", DataTypes.StringType, true)
            .add("read_error", DataTypes.StringType, true)
            .add("earliest_future_date", DataTypes.DateType, true);
    for (var f : FileFacts.FIELDS.fields()) {
      t = t.add(f);
    }
    return t;
  }

  /**
   * The statistics row of a file read whole: its {@link RecordEnvelopes.Part}, sha and fallback.
   */
  static InternalRow stats(int file, Row stats) {
    return envelope(STATS, file, 0, 0L, STATS_AT, STATS_CONVERTER.apply(stats));
  }

  /** What one chunk's task found about its chunk. */
  static InternalRow chunk(int file, int chunk, Row split) {
    return envelope(CHUNK, file, chunk, 0L, SPLIT_AT, CHUNK_CONVERTER.apply(split));
  }
}
