package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * How many slices (write tasks, hence files) each month of a partitioned write gets.
 *
 * <p>A month is written by one task when it is shuffled by its month alone: a night that lands one
 * day of 4,000,000 parcel lines wrote its one month in a single task for half a minute while every
 * other core waited. A month holding more than its fair share of the write (the write's rows over
 * its tasks, and at least {@link #MIN_ROWS_PER_SLICE}) is therefore cut into slices by a hash of
 * the record id (the versions of one record stay together); the slices are hashed over the write's
 * tasks (a few may share one), and each task writes its own file into the month's folder. A full
 * load, whose many months each hold a small share, is not sliced: its months keep one file each, as
 * before, and readers see the same rows, each file sorted as before.
 */
record MonthSlices(Map<String, Integer> slices) {

  /**
   * Rows per slice at least (about 20 MB of shipment Parquet): a small write is not cut into many
   * small files, whatever its share.
   */
  static final long MIN_ROWS_PER_SLICE = 250_000;

  /** The name of the slice column a write adds before its shuffle and drops before writing. */
  static final String COLUMN = "_month_slice";

  /**
   * The slices for the given rows per month (an estimate is enough: the counts only balance the
   * tasks) written by {@code tasks} tasks. Months that fit one slice are not listed.
   */
  static MonthSlices of(Map<String, Long> monthRows, int tasks, long minRowsPerSlice) {
    if (tasks < 1 || minRowsPerSlice < 1) {
      throw new IllegalArgumentException(
          "tasks and rows per slice must be positive, got " + tasks + " and " + minRowsPerSlice);
    }
    long total = monthRows.values().stream().mapToLong(Long::longValue).sum();
    long sliceRows = Math.max(minRowsPerSlice, (total + tasks - 1) / tasks);
    Map<String, Integer> slices = new TreeMap<>();
    monthRows.forEach(
        (month, rows) -> {
          long n = (rows + sliceRows - 1) / sliceRows;
          if (n > 1) {
            slices.put(month, (int) Math.min(n, Integer.MAX_VALUE));
          }
        });
    return new MonthSlices(Map.copyOf(slices));
  }

  /** Slices of a month: 1 unless it is listed. */
  int of(String month) {
    return slices.getOrDefault(month, 1);
  }

  /** The number of slices of all listed months together (0 when none is sliced). */
  int slicedTotal() {
    return slices.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The slice of each row: {@code pmod(xxhash64(record_id), slices)} in a sliced month, else 0. */
  Column column(String monthColumn) {
    Column c = lit(0L);
    for (Map.Entry<String, Integer> e : slices.entrySet()) {
      c =
          when(
                  col(monthColumn).equalTo(e.getKey()),
                  pmod(xxhash64(col("record_id")), lit((long) e.getValue())))
              .otherwise(c);
    }
    return c;
  }
}
