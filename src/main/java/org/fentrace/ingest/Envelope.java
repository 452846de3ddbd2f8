package org.fentrace.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.warehouse.SparkSchemas;
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

  static Row seizure(int file, int chunk, long line, Row seizure) {
    return RowFactory.create(SEIZURE, file, chunk, line, seizure, null, null, null, null, null);
  }

  static Row shipment(int file, int chunk, long line, Row shipment) {
    return RowFactory.create(SHIPMENT, file, chunk, line, null, shipment, null, null, null, null);
  }

  static Row reject(int file, int chunk, long line, Row rejected) {
    return RowFactory.create(REJECT, file, chunk, line, null, null, rejected, null, null, null);
  }

  static Row labReport(int file, int chunk, long line, Row labReport) {
    return RowFactory.create(
        LAB_REPORT, file, chunk, line, null, null, null, null, labReport, null);
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
  static Row stats(int file, Row stats) {
    return RowFactory.create(STATS, file, 0, 0L, null, null, null, stats, null, null);
  }

  /** What one chunk's task found about its chunk. */
  static Row chunk(int file, int chunk, Row split) {
    return RowFactory.create(CHUNK, file, chunk, 0L, null, null, null, null, null, split);
  }
}
