package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.fentrace.state.Ledger;
import org.fentrace.warehouse.WarehouseTable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the parsing pass learned about each file read in this run: its statistics row, the months
 * its rows went to, CBP fiscal-year coverage, reject reasons and unknown origins. Feeds the ledger,
 * the affected-month computation and the per-file accounting.
 */
final class LedgerFacts {
  private final Map<Integer, Row> stats = new HashMap<>();
  private final Map<Integer, Map<String, Set<String>>> months = new HashMap<>();
  private final Map<Integer, Map<String, String>> cbp = new HashMap<>();
  private final Map<Integer, Map<String, Long>> reasons = new HashMap<>();
  private final Map<Integer, Long> unknownOrigin = new HashMap<>();

  /** The facts of a run that read no file. */
  static LedgerFacts none() {
    return new LedgerFacts();
  }

  static Ledger.Entry provisional(LandingFile f, IngestAction.Options o) {
    return new Ledger.Entry(
        f.relativePath(),
        f.header().format().id(),
        f.size(),
        f.modificationTime(),
        null,
        o.runId(),
        o.runDate().toString(),
        Map.of(),
        Map.of(),
        null);
  }

  /**
   * The facts of every file read, from the files' statistics rows ({@link FileFacts}, gathered by
   * the parsing tasks): for files read whole, collecting them is the first action on the parse
   * output, so it also fills the cache of it, and it reads only the statistics columns of that
   * cache.
   *
   * @param envelopes envelopes holding every statistics row ({@link
   *     LandingParse.Parsed#statistics})
   */
  static LedgerFacts collect(Dataset<Row> envelopes, List<LandingFile> toRead) {
    LedgerFacts f = new LedgerFacts();
    envelopes
        .sparkSession()
        .sparkContext()
        .setJobDescription(
            "fentrace ingest: parse and normalize "
                + toRead.size()
                + " files; months, coverage and rejects per file");
    StructType type = Envelope.STATS_TYPE;
    for (Row r :
        envelopes
            .filter(col("kind").equalTo(Envelope.STATS))
            .select("file_index", "stats")
            .collectAsList()) {
      int file = r.getInt(0);
      Row s = r.getStruct(1);
      f.stats.put(file, s);
      Map<String, scala.collection.Seq<String>> months = s.getJavaMap(type.fieldIndex("months"));
      months.forEach(
          (table, list) ->
              f.months
                  .computeIfAbsent(file, k -> new TreeMap<>())
                  .computeIfAbsent(table, k -> new TreeSet<>())
                  .addAll(CollectionConverters.asJava(list)));
      Map<Integer, java.sql.Date> cbp = s.getJavaMap(type.fieldIndex("cbp_latest"));
      cbp.forEach(
          (year, date) ->
              f.cbp
                  .computeIfAbsent(file, k -> new TreeMap<>())
                  .put(year.toString(), date.toString()));
      Map<String, Long> reasons = s.getJavaMap(type.fieldIndex("reasons"));
      if (!reasons.isEmpty()) {
        f.reasons.put(file, new TreeMap<>(reasons));
      }
      long unknown = s.getLong(type.fieldIndex("unknown_origin"));
      if (unknown > 0) {
        f.unknownOrigin.put(file, unknown);
      }
    }
    return f;
  }

  Row stats(int fileIndex) {
    return stats.get(fileIndex);
  }

  Map<String, Long> reasons(int fileIndex) {
    return reasons.getOrDefault(fileIndex, Map.of());
  }

  long unknownOrigin(int fileIndex) {
    return unknownOrigin.getOrDefault(fileIndex, 0L);
  }

  /** Ledger entries for the files read in this run. */
  List<Ledger.Entry> entries(List<LandingFile> toRead, IngestAction.Options o) {
    List<Ledger.Entry> out = new ArrayList<>();
    for (LandingFile f : toRead) {
      Row s = stats.get(f.index());
      Map<String, List<String>> m = new TreeMap<>();
      months
          .getOrDefault(f.index(), Map.of())
          .forEach((table, set) -> m.put(table, List.copyOf(set)));
      out.add(
          new Ledger.Entry(
              f.relativePath(),
              f.header().format().id(),
              f.size(),
              f.modificationTime(),
              s == null ? null : s.getString(1),
              o.runId(),
              o.runDate().toString(),
              m,
              cbp.getOrDefault(f.index(), Map.of()),
              s == null || s.isNullAt(5) ? null : s.getDate(5).toLocalDate().toString()));
    }
    return out;
  }

  /** Whether any file read in this run quarantined a row. */
  boolean rejectsRead() {
    return !reasons.isEmpty();
  }

  /** Whether any file read in this run gave a normalized row of {@code table}. */
  boolean hasRows(WarehouseTable table) {
    return months.values().stream()
        .anyMatch(m -> !m.getOrDefault(table.tableName(), Set.of()).isEmpty());
  }

  /**
   * Months whose candidates change: months of this run's rows, and months replaced files delivered
   * to.
   */
  Set<String> affectedMonths(WarehouseTable table, Ledger before, Collection<String> replaced) {
    Set<String> out = new TreeSet<>();
    months.values().forEach(m -> out.addAll(m.getOrDefault(table.tableName(), Set.of())));
    for (String p : replaced) {
      Ledger.Entry e = before.get(p);
      if (e != null) {
        out.addAll(e.months().getOrDefault(table.tableName(), List.of()));
      }
    }
    return out;
  }

  /** CBP coverage of every ledger file, ranked in delivery order, for fiscal-year ownership. */
  static List<Deduplication.CbpCoverage> cbpCoverage(Ledger ledger) {
    Map<String, Integer> ranks = ledger.deliveryRanks();
    List<Deduplication.CbpCoverage> out = new ArrayList<>();
    for (Ledger.Entry e : ledger.entries()) {
      e.cbpCoverage()
          .forEach(
              (fy, latest) ->
                  out.add(
                      new Deduplication.CbpCoverage(
                          e.format(),
                          ranks.get(e.path()),
                          Integer.parseInt(fy),
                          LocalDate.parse(latest).toEpochDay())));
    }
    return out;
  }

  /**
   * Every month of every fiscal year a new, changed or pruned CBP file covers (before or after): a
   * new file can take a whole year over from another, so all of that year's months are recomputed.
   */
  static Set<String> cbpYearMonths(
      Ledger before, Ledger after, List<LandingFile> toRead, Collection<String> replaced) {
    Set<Integer> years = new TreeSet<>();
    for (LandingFile f : toRead) {
      Ledger.Entry e = after.get(f.relativePath());
      if (e != null) {
        e.cbpCoverage().keySet().forEach(y -> years.add(Integer.parseInt(y)));
      }
    }
    for (String p : replaced) {
      Ledger.Entry e = before.get(p);
      if (e != null) {
        e.cbpCoverage().keySet().forEach(y -> years.add(Integer.parseInt(y)));
      }
    }
    Set<String> out = new TreeSet<>();
    for (int fy : years) {
      for (YearMonth m = YearMonth.of(fy - 1, 10);
          !m.isAfter(YearMonth.of(fy, 9));
          m = m.plusMonths(1)) {
        out.add(m.toString());
      }
    }
    return out;
  }
}
