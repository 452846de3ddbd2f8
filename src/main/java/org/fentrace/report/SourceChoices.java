package org.fentrace.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fentrace.core.Source;

/**
 * Picks the one source the report speaks for. Sources are never added together (CBP's published
 * aggregates already include the seizures an agency's event file may list again), so the report
 * shows one: the one named by configuration, else the seizure source that covered the most months
 * of the latest fiscal year any seizure source covers (ties: the most covered months overall, then
 * the id).
 */
final class SourceChoices {
  private SourceChoices() {}

  /**
   * @param fiscalYears route_fiscal_year rows of every source (the seizure sources)
   * @param coverage source_coverage rows of every source
   * @param configured the source configuration names, or null
   */
  static ReportData.SourceChoice choose(
      List<Row> fiscalYears, List<Row> coverage, Source configured) {
    Map<String, Integer> latestCovered = new TreeMap<>();
    int latest = Integer.MIN_VALUE;
    for (Row r : fiscalYears) {
      int months = r.<Integer>getAs("months_covered");
      if (months > 0) {
        latest = Math.max(latest, r.<Integer>getAs("fiscal_year"));
      }
    }
    Map<String, Integer> total = new TreeMap<>();
    Map<String, List<YearMonth>> covered = new TreeMap<>();
    for (Row r : coverage) {
      String s = r.getAs("source");
      covered.computeIfAbsent(s, k -> new ArrayList<>());
      if (r.<Boolean>getAs("covered")) {
        covered.get(s).add(YearMonth.from(ReportInputs.date(r, "month")));
        total.merge(s, 1, Integer::sum);
      }
    }
    for (Row r : fiscalYears) {
      if (r.<Integer>getAs("fiscal_year") == latest) {
        latestCovered.merge(r.getAs("source"), r.<Integer>getAs("months_covered"), Math::max);
      }
    }
    if (configured != null) {
      return new ReportData.SourceChoice(
          configured,
          "chosen by fentrace.report.primary-source",
          sorted(covered.getOrDefault(configured.id(), List.of())));
    }
    String best = null;
    for (String s : latestCovered.keySet()) {
      if (best == null
          || latestCovered.get(s) > latestCovered.get(best)
          || latestCovered.get(s).equals(latestCovered.get(best))
              && total.getOrDefault(s, 0) > total.getOrDefault(best, 0)) {
        best = s;
      }
    }
    if (best == null) {
      return new ReportData.SourceChoice(
          Source.CBP_PUBLISHED, "no seizure source covers any month yet", List.of());
    }
    return new ReportData.SourceChoice(
        Source.fromId(best),
        "the seizure source with the most complete coverage of FY"
            + latest
            + " ("
            + latestCovered.get(best)
            + " of 12 months)",
        sorted(covered.getOrDefault(best, List.of())));
  }

  private static List<YearMonth> sorted(List<YearMonth> months) {
    List<YearMonth> out = new ArrayList<>(months);
    out.sort(null);
    return out;
  }
}
