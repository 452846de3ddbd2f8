package org.fentrace.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Turns the per-file counts of one run into {@link FileReport}s and applies the data-quality gates. Pure Java. */
final class Accounting {
  private Accounting() {}

  /**
   * @param stats per file index, the statistics row written by the parser
   * @param counts rows of (file_index, kind, outcome, reason_code, unknown_origin, count)
   */
  static List<FileReport> reports(List<LandingFile> files, Map<Integer, Row> stats, List<Row> counts) {
    List<FileReport> reports = new ArrayList<>();
    for (LandingFile f : files) {
      long normalized = 0;
      long rejected = 0;
      long dupInFile = 0;
      long superseded = 0;
      long unknownOrigin = 0;
      Map<String, Long> reasons = new TreeMap<>();
      for (Row c : counts) {
        if (c.getInt(0) != f.index()) {
          continue;
        }
        long n = c.getLong(5);
        switch (c.getString(2)) {
          case Deduplication.NORMALIZED -> {
            normalized += n;
            unknownOrigin += c.getInt(4) == 1 ? n : 0;
          }
          case Deduplication.DUPLICATE_IN_FILE -> dupInFile += n;
          case Deduplication.SUPERSEDED -> superseded += n;
          default -> {
            rejected += n;
            reasons.merge(c.getString(3), n, Long::sum);
          }
        }
      }
      Row s = stats.get(f.index());
      FileReport.Status status;
      String problem = f.problem();
      if (!f.isRead()) {
        status = FileReport.Status.SKIPPED;
      } else if (s != null && (s.getString(3) != null || s.getString(4) != null)) {
        status = FileReport.Status.READ_ERROR;
        problem = s.getString(4) != null ? "reading stopped: " + s.getString(4)
            : "the file stops being valid CSV (" + s.getString(3) + "); the rest is quarantined as MALFORMED_CSV";
      } else if (!f.header().usable()) {
        status = FileReport.Status.MISSING_COLUMNS;
      } else {
        status = FileReport.Status.READ;
      }
      reports.add(new FileReport(f.relativePath(), f.header() == null || f.header().format() == null ? null
          : f.header().format().id(), f.size(), f.modificationTime(), s == null ? null : s.getString(1), status, problem,
          s == null ? 0 : s.getLong(0), normalized, rejected, dupInFile, superseded, reasons, unknownOrigin,
          s == null ? 0 : s.getLong(2)));
    }
    return reports;
  }

  /** Why the run must exit 3, one sentence per failed gate; empty when every gate passed. */
  static List<String> qualityFailures(List<FileReport> reports, double maxRejectRate) {
    List<String> failures = new ArrayList<>();
    for (FileReport r : reports) {
      if (r.status() != FileReport.Status.READ) {
        failures.add(r.path() + ": " + r.status() + ": " + r.problem());
      } else if (r.rejectRate() > maxRejectRate) {
        failures.add(String.format(java.util.Locale.ROOT,
            "%s: %d of %d rows rejected (%.1f%%), above fentrace.quality.max-reject-rate %.1f%%; see the rejected table",
            r.path(), r.rejected(), r.rowsRead(), 100 * r.rejectRate(), 100 * maxRejectRate));
      }
      if (!r.balanced()) {
        failures.add(r.path() + ": rows read " + r.rowsRead() + " != normalized + rejected + duplicates; this is a fentrace bug");
      }
    }
    return failures;
  }
}
