package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.warehouse.WarehouseTable;

/**
 * This run's index rows ({@link CandidateStore#index}) of both tables, read from the parse in one
 * pass. Every read of the cached parse deserializes and decodes its rows whole, whatever columns it
 * asks for (on a 5,000,000-row load, some 2 s each), so the seizures' and the shipments' indexes
 * are one narrow frame, persisted once, that each table's decisions filter.
 */
final class FreshIndex {
  private static final String KIND = "kind";

  /** The index columns that both tables' rows carry, under the same names. */
  private static final String[] SHARED = {
    "record_id", "event_date", "source_file", "source_line", "fiscal_year", "shipment_id"
  };

  private FreshIndex() {}

  /**
   * The normalized rows of both tables, reduced to what their indexes read, with the envelope's
   * kind and the month: a frame to persist and give to {@link #of}.
   */
  static Dataset<Row> bothTables(Dataset<Row> envelopes) {
    Column seizure = col(KIND).equalTo(Envelope.SEIZURE);
    Column[] columns = new Column[SHARED.length + 2];
    columns[0] = col(KIND);
    for (int i = 0; i < SHARED.length; i++) {
      String c = SHARED[i];
      columns[i + 1] = when(seizure, col("seizure." + c)).otherwise(col("shipment." + c)).as(c);
    }
    // Shipments have no format column: CandidateStore.index names theirs.
    columns[SHARED.length + 1] = when(seizure, col("seizure.source_format")).as("source_format");
    return envelopes
        .filter(col(KIND).isin(Envelope.SEIZURE, Envelope.SHIPMENT))
        .select(columns)
        .withColumn(CandidateStore.MONTH, CandidateStore.month());
  }

  /** The index of {@code table}'s rows in a frame from {@link #bothTables}. */
  static Dataset<Row> of(Dataset<Row> bothTables, WarehouseTable table) {
    String kind = table == WarehouseTable.SEIZURES ? Envelope.SEIZURE : Envelope.SHIPMENT;
    return CandidateStore.index(bothTables.filter(col(KIND).equalTo(kind)), table);
  }
}
