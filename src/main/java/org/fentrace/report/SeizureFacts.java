package org.fentrace.report;

import static org.fentrace.report.ReportInputs.date;
import static org.fentrace.report.ReportInputs.decimal;
import static org.fentrace.report.ReportInputs.longValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.fentrace.core.Route;
import org.fentrace.core.Source;

/**
 * What the seizure aggregates say: coverage, formats per fiscal year, confidence mix, rule
 * versions.
 */
record SeizureFacts(
    List<ReportData.Coverage> coverageByFormat,
    List<ReportData.Coverage> coverageByFile,
    Map<Integer, List<String>> formatsByFiscalYear,
    Map<Route, Map<String, BigDecimal>> familyKgByRouteAndConfidence,
    List<String> ruleVersions) {

  /**
   * {@code source}: the confidence mix is the report's source's only (never summed across sources).
   */
  static SeizureFacts of(List<Row> rows, String source) {
    Map<String, long[]> format = new TreeMap<>();
    Map<String, LocalDate[]> formatDates = new TreeMap<>();
    Map<String, long[]> file = new TreeMap<>();
    Map<String, LocalDate[]> fileDates = new TreeMap<>();
    Map<Integer, TreeSet<String>> formatsByFy = new TreeMap<>();
    // In the route vocabulary's order; confidences as written (NONE is no Confidence).
    Map<Route, Map<String, BigDecimal>> confidence = new EnumMap<>(Route.class);
    TreeSet<String> versions = new TreeSet<>();
    for (Row r : rows) {
      String f = r.getAs("source_format");
      String key = r.<String>getAs("source_file") + " (" + f + ")";
      count(format, formatDates, f, r);
      count(file, fileDates, key, r);
      formatsByFy.computeIfAbsent(r.<Integer>getAs("fiscal_year"), k -> new TreeSet<>()).add(f);
      String v = r.getAs("rule_version");
      if (v != null && !v.isEmpty()) {
        versions.add(v);
      }
      if (r.<Boolean>getAs("family") && Source.ofSourceFormat(f).id().equals(source)) {
        confidence
            .computeIfAbsent(ReportInputs.route(r), k -> new TreeMap<>())
            .merge(r.getAs("route_confidence"), decimal(r, "kg"), BigDecimal::add);
      }
    }
    Map<Integer, List<String>> fys = new TreeMap<>();
    formatsByFy.forEach((k, v) -> fys.put(k, List.copyOf(v)));
    return new SeizureFacts(
        coverage(format, formatDates),
        coverage(file, fileDates),
        fys,
        confidence,
        List.copyOf(versions));
  }

  private static void count(
      Map<String, long[]> counts, Map<String, LocalDate[]> dates, String key, Row r) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    c[0] += longValue(r, "rows");
    c[1] += longValue(r, "events");
    LocalDate first = date(r, "first_date");
    LocalDate last = date(r, "last_date");
    LocalDate[] d = dates.computeIfAbsent(key, k -> new LocalDate[] {first, last});
    if (first.isBefore(d[0])) {
      d[0] = first;
    }
    if (last.isAfter(d[1])) {
      d[1] = last;
    }
  }

  private static List<ReportData.Coverage> coverage(
      Map<String, long[]> counts, Map<String, LocalDate[]> dates) {
    List<ReportData.Coverage> out = new ArrayList<>();
    counts.forEach(
        (k, c) ->
            out.add(
                new ReportData.Coverage(
                    k,
                    YearMonth.from(dates.get(k)[0]),
                    YearMonth.from(dates.get(k)[1]),
                    c[0],
                    c[1])));
    return out;
  }
}
