package org.fentrace.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.WarehouseTable;

/**
 * The one row type that leaves the parsing pass: a normalized seizure, a normalized shipment, a lab
 * report, a quarantined row, or the statistics of one file. One pass over the input feeds every
 * output table and the manifest; the kinds are split afterwards.
 */
final class Envelope {
  static final String SEIZURE = "SEIZURE";
  static final String SHIPMENT = "SHIPMENT";
  static final String REJECT = "REJECT";
  static final String STATS = "STATS";
  static final String LAB_REPORT = "LAB_REPORT";

  static final StructType STATS_TYPE = statsType();

  static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("file_index", DataTypes.IntegerType, false)
          .add("line", DataTypes.LongType, false)
          .add("seizure", SparkSchemas.structType(WarehouseTable.SEIZURES), true)
          .add("shipment", SparkSchemas.structType(WarehouseTable.SHIPMENTS), true)
          .add("rejected", SparkSchemas.structType(WarehouseTable.REJECTED), true)
          .add("stats", STATS_TYPE, true)
          .add("lab_report", SparkSchemas.structType(WarehouseTable.LAB_REPORTS), true);

  private Envelope() {}

  static Row seizure(int file, long line, Row seizure) {
    return RowFactory.create(SEIZURE, file, line, seizure, null, null, null, null);
  }

  static Row shipment(int file, long line, Row shipment) {
    return RowFactory.create(SHIPMENT, file, line, null, shipment, null, null, null);
  }

  static Row reject(int file, long line, Row rejected) {
    return RowFactory.create(REJECT, file, line, null, null, rejected, null, null);
  }

  static Row labReport(int file, long line, Row labReport) {
    return RowFactory.create(LAB_REPORT, file, line, null, null, null, null, labReport);
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

  static Row stats(
      int file,
      long rowsRead,
      String sha256,
      long fallbackBytes,
      String syntaxError,
      String readError,
      java.time.LocalDate earliestFutureDate,
      FileFacts facts) {
    Object[] head = {
      rowsRead,
      sha256,
      fallbackBytes,
      syntaxError,
      readError,
      earliestFutureDate == null ? null : java.sql.Date.valueOf(earliestFutureDate)
    };
    return RowFactory.create(
        STATS, file, 0L, null, null, null, FileFacts.statsRow(head, facts), null);
  }
}
