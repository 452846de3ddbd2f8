package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fentrace.core.InputFormat;

/**
 * Decides which delivered row of each record survives (docs/contract.md, "Revisions and
 * duplicates"):
 *
 * <ul>
 *   <li>CBP aggregates: for each format and fiscal year, the file whose latest month is latest
 *       (ties: the newer delivery) replaces every row of that year from other files, including rows
 *       it no longer has. Rows of replaced years are {@code SUPERSEDED}.
 *   <li>Every format: among rows with the same record id, the newest delivery wins and, inside one
 *       file, the last row wins. Losers in the winner's file are {@code DUPLICATE_IN_FILE}, losers
 *       from older files {@code SUPERSEDED}.
 * </ul>
 *
 * The outcome goes in column {@code outcome}: NORMALIZED, DUPLICATE_IN_FILE or SUPERSEDED. The
 * decision is made over the candidates of every delivery still in the ledger, so an incremental run
 * decides exactly as a clean run over the same landing would.
 */
final class Deduplication {
  static final String NORMALIZED = "NORMALIZED";
  static final String DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE";
  static final String SUPERSEDED = "SUPERSEDED";

  private Deduplication() {}

  /** Coverage of one CBP file for one fiscal year: its latest month anywhere decides. */
  record CbpCoverage(String format, int fileIndex, int fiscalYear, long latestMonthEpochDay) {}

  /**
   * For each (format, fiscal year), the file that owns it: the one whose latest month (over the
   * whole file) is latest, ties to the newer delivery. Returns "fileIndex:fiscalYear" keys of the
   * owners.
   */
  static List<String> cbpYearOwners(List<CbpCoverage> coverage) {
    Map<Integer, Long> latestPerFile = new HashMap<>();
    for (CbpCoverage c : coverage) {
      latestPerFile.merge(c.fileIndex(), c.latestMonthEpochDay(), Math::max);
    }
    Map<String, Integer> owner = new HashMap<>();
    for (CbpCoverage c : coverage) {
      String year = c.format() + "|" + c.fiscalYear();
      Integer current = owner.get(year);
      if (current == null || isNewer(c.fileIndex(), current, latestPerFile)) {
        owner.put(year, c.fileIndex());
      }
    }
    List<String> keys = new ArrayList<>();
    owner.forEach((year, file) -> keys.add(file + ":" + year.substring(year.indexOf('|') + 1)));
    keys.sort(null);
    return keys;
  }

  private static boolean isNewer(int candidate, int current, Map<Integer, Long> latest) {
    int byMonth = Long.compare(latest.get(candidate), latest.get(current));
    return byMonth > 0 || (byMonth == 0 && candidate > current);
  }

  /**
   * Adds {@code outcome} to a narrow index of candidate rows with columns {@code record_id}, {@code
   * rank} (delivery order of the row's file, higher is newer), {@code source_line}, {@code
   * source_format} and {@code fiscal_year}. {@code cbpOwners} holds "rank:fiscalYear" keys.
   */
  static Dataset<Row> outcomes(Dataset<Row> index, List<String> cbpOwners) {
    Column isCbp =
        col("source_format")
            .isin(InputFormat.CBP_NATIONWIDE.wireName(), InputFormat.CBP_AMO.wireName());
    Column yearOwned =
        concat_ws(":", col("rank").cast("string"), col("fiscal_year").cast("string"))
            .isin(cbpOwners.toArray());
    Dataset<Row> flagged =
        index.withColumn(
            "year_superseded", isCbp.and(yearOwned.isNull().or(yearOwned.equalTo(false))));
    WindowSpec newestFirst =
        Window.partitionBy(col("record_id"), col("year_superseded"))
            .orderBy(col("rank").desc(), col("source_line").desc());
    Column outcome =
        when(col("year_superseded"), lit(SUPERSEDED))
            .when(row_number().over(newestFirst).equalTo(1), lit(NORMALIZED))
            .when(first(col("rank")).over(newestFirst).equalTo(col("rank")), lit(DUPLICATE_IN_FILE))
            .otherwise(lit(SUPERSEDED));
    return flagged.withColumn("outcome", outcome).drop("year_superseded");
  }
}
