package org.fentrace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Compares two warehouses table by table, row by row, with messages that name the table. */
public final class WarehouseContents {
  /**
   * Columns that differ between runs by design: the id of the run that wrote the row, and
   * analog_watch.new_this_run, which compares with the previous night's table (in a single clean
   * run nothing is new; after several nights the last night's newcomers are).
   */
  private static final List<String> RUN_SPECIFIC = List.of("run_id", "new_this_run");

  private WarehouseContents() {}

  /**
   * Sorted rows of a table as text (run-specific columns dropped), or an empty list when it is
   * absent.
   */
  public static List<String> rows(Path warehouse, String table) {
    Path dir = warehouse.resolve(table);
    if (!Files.isDirectory(dir)
        || !(hasParquet(dir) || Files.isDirectory(dir.resolve("_delta_log")))) {
      return List.of(); // a table with no rows yet holds only its _SUCCESS marker
    }
    Dataset<Row> df;
    try {
      df = WarehouseComparison.read(SharedSpark.session(), warehouse.toString(), table, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String c : RUN_SPECIFIC) {
      df = df.drop(c);
    }
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  private static boolean hasParquet(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(p -> p.toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Same tables, same rows, byte-identical exports: see {@link WarehouseComparison}. */
  public static void assertSame(Path expected, Path actual) throws IOException {
    WarehouseComparison.assertSameResults(expected.toString(), actual.toString());
  }
}
