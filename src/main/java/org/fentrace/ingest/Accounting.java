package org.fentrace.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fentrace.core.InputFormat;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Turns one run's per-file facts and outcomes into {@link FileReport}s and applies the data-quality
 * gates.
 */
final class Accounting {
  private Accounting() {}

  /**
   * One report per scanned file; files skipped as unchanged report no rows.
   *
   * @param toRead the files read in this run, numbered in delivery order as their rows are
   */
  @SafeVarargs
  static List<FileReport> reports(
      List<LandingFile> scanned,
      List<LandingFile> toRead,
      LedgerFacts facts,
      Map<String, Map<String, Long>>... outcomesByTable) {
    Map<String, Map<String, Long>> outcomes = new HashMap<>();
    for (Map<String, Map<String, Long>> m : outcomesByTable) {
      m.forEach(
          (path, o) ->
              o.forEach(
                  (k, v) ->
                      outcomes.computeIfAbsent(path, x -> new HashMap<>()).merge(k, v, Long::sum)));
    }
    Map<String, LandingFile> read = new HashMap<>();
    toRead.forEach(f -> read.put(f.relativePath(), f));
    List<FileReport> reports = new ArrayList<>();
    for (LandingFile scannedFile : scanned) {
      LandingFile f = read.getOrDefault(scannedFile.relativePath(), scannedFile);
      String format =
          f.header() == null || f.header().format() == null ? null : f.header().format().id();
      if (!read.containsKey(f.relativePath())) {
        FileReport.Status status =
            f.isRead() ? FileReport.Status.UNCHANGED : FileReport.Status.SKIPPED;
        reports.add(
            new FileReport(
                f.relativePath(),
                format,
                f.size(),
                f.modificationTime(),
                null,
                status,
                f.problem(),
                0,
                0,
                0,
                0,
                0,
                Map.of(),
                0,
                0,
                0,
                null));
        continue;
      }
      Map<String, Long> o = outcomes.getOrDefault(f.relativePath(), Map.of());
      Map<String, Long> reasons = facts.reasons(f.index());
      long rejected = reasons.values().stream().mapToLong(Long::longValue).sum();
      Row s = facts.stats(f.index());
      FileReport.Status status;
      String problem = f.problem();
      if (s != null && (s.getString(3) != null || s.getString(4) != null)) {
        status = FileReport.Status.READ_ERROR;
        problem =
            s.getString(4) != null
                ? "reading stopped: " + s.getString(4)
                : "the file stops being valid CSV ("
                    + s.getString(3)
                    + "); the rest is quarantined as MALFORMED_CSV";
      } else if (!f.header().usable()) {
        status = FileReport.Status.MISSING_COLUMNS;
      } else {
        status = FileReport.Status.READ;
      }
      reports.add(
          new FileReport(
              f.relativePath(),
              format,
              f.size(),
              f.modificationTime(),
              s == null ? null : s.getString(1),
              status,
              problem,
              s == null ? 0 : s.getLong(0),
              o.getOrDefault(Deduplication.NORMALIZED, 0L),
              rejected,
              o.getOrDefault(Deduplication.DUPLICATE_IN_FILE, 0L),
              o.getOrDefault(Deduplication.SUPERSEDED, 0L),
              reasons,
              facts.unknownOrigin(f.index()),
              s == null ? 0 : s.getLong(2),
              1,
              null));
    }
    return reports;
  }

  /** Why the run must exit 3, one sentence per failed gate; empty when every gate passed. */
  static List<String> qualityFailures(List<FileReport> reports, double maxRejectRate) {
    List<String> failures = new ArrayList<>();
    for (FileReport r : reports) {
      if (r.status() == FileReport.Status.UNCHANGED) {
        continue;
      }
      if (r.status() != FileReport.Status.READ) {
        failures.add(r.path() + ": " + r.status() + ": " + r.problem());
      } else if (r.rejectRate() > maxRejectRate) {
        failures.add(
            String.format(
                java.util.Locale.ROOT,
                "%s: %d of %d rows rejected (%.1f%%), above fentrace.quality.max-reject-rate %.1f%%; see the rejected table",
                r.path(),
                r.rejected(),
                r.rowsRead(),
                100 * r.rejectRate(),
                100 * maxRejectRate));
      }
      if (!r.balanced()) {
        failures.add(
            r.path()
                + ": rows read "
                + r.rowsRead()
                + " != normalized + rejected + duplicates; this is a fentrace bug");
      }
    }
    return failures;
  }

  /** Rows this run added to each table, from the per-file accounting. */
  static Map<String, Long> tableRows(List<FileReport> reports) {
    Map<String, Long> tableRows = new LinkedHashMap<>();
    for (FileReport r : reports) {
      if (r.format() != null) {
        String table = InputFormat.fromId(r.format()).table().wireName();
        tableRows.merge(table, r.normalized(), Long::sum);
        tableRows.merge(WarehouseTable.REJECTED.tableName(), r.rejected(), Long::sum);
      }
    }
    return tableRows;
  }
}
