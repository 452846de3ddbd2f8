package org.fentrace.testing;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a Delta table without Spark: Delta Kernel's default engine follows the table's log to its
 * files, reads them and applies the partition values, as a non-Spark reader of the warehouse
 * (DuckDB's delta extension, the {@code deltalake} package) does. Each row is handed to a function
 * that turns it into what the test compares.
 */
public final class DeltaKernelRows {
  private DeltaKernelRows() {}

  /** The table's partition columns, from its latest snapshot. */
  public static List<String> partitionColumns(String table, Configuration conf) {
    Engine engine = DefaultEngine.create(conf);
    return Table.forPath(engine, table).getLatestSnapshot(engine).getPartitionColumnNames();
  }

  /** Every row of the table's latest snapshot, as {@code each} maps it. */
  public static <T> List<T> read(String table, Configuration conf, Function<Row, T> each)
      throws IOException {
    Engine engine = DefaultEngine.create(conf);
    Snapshot snapshot = Table.forPath(engine, table).getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<T> out = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row file = fileRows.next();
            CloseableIterator<io.delta.kernel.data.ColumnarBatch> data =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        Utils.singletonCloseableIterator(
                            InternalScanFileUtils.getAddFileStatus(file)),
                        physical,
                        Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, file, data)) {
              while (logical.hasNext()) {
                try (CloseableIterator<Row> rows = logical.next().getRows()) {
                  while (rows.hasNext()) {
                    out.add(each.apply(rows.next()));
                  }
                }
              }
            }
          }
        }
      }
    }
    return out;
  }
}
