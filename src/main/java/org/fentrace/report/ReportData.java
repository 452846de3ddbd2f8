package org.fentrace.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fentrace.core.Form;
import org.fentrace.core.Route;
import org.fentrace.core.Source;
import org.fentrace.trends.LeadChanges;

/**
 * Everything the report shows, read from the warehouse by {@link ReportInputs} (or built by hand in
 * tests): small, immutable, and free of Spark types, so the page can be rendered and tested without
 * a session. Masses stay exact {@link BigDecimal}s (the same values as the exports); the "fentanyl
 * family" is FENTANYL + FENTANYL_ANALOG, summed per month (fiscal year) and route. {@code
 * sensitivity} is null for a warehouse without route_sensitivity (no band). {@code
 * largestRowKgByRoute}: per route, the heaviest single row of the source in each of {@code months}
 * (one seizure event, one published CBP row), for the lumpy-year flags; null when not read (no
 * flag).
 */
public record ReportData(
    Run run,
    List<YearMonth> months,
    Map<Route, List<BigDecimal>> familyKgByRoute,
    List<FiscalYearRow> fiscalYears,
    Map<Form, List<BigDecimal>> familyKgByForm,
    Map<Form, List<Long>> familyUnitsByForm,
    List<LeadChanges.LeadChange> leadChanges,
    List<Analog> analogs,
    List<YearMonth> shipmentMonths,
    Map<Route, List<Long>> pillPressLinesByRoute,
    Map<Route, BigDecimal> pillPressKgByRoute,
    List<TrendRow> trends,
    Quality quality,
    Map<Route, Map<String, BigDecimal>> familyKgByRouteAndConfidence,
    Map<Route, Map<String, Long>> pillPressLinesByRouteAndConfidence,
    List<PolicyEvents.PolicyEvent> policyEvents,
    String policyEventsSource,
    SourceChoice source,
    List<SensitivityBand.Range> sensitivity,
    Map<Route, List<BigDecimal>> largestRowKgByRoute) {

  public ReportData {
    months = List.copyOf(months);
    familyKgByRoute = copy(familyKgByRoute);
    fiscalYears = List.copyOf(fiscalYears);
    familyKgByForm = byForm(familyKgByForm);
    familyUnitsByForm = byForm(familyUnitsByForm);
    leadChanges = List.copyOf(leadChanges);
    analogs = List.copyOf(analogs);
    shipmentMonths = List.copyOf(shipmentMonths);
    pillPressLinesByRoute = copy(pillPressLinesByRoute);
    pillPressKgByRoute = Collections.unmodifiableMap(enumMap(Route.class, pillPressKgByRoute));
    trends = List.copyOf(trends);
    familyKgByRouteAndConfidence = nested(familyKgByRouteAndConfidence);
    pillPressLinesByRouteAndConfidence = nested(pillPressLinesByRouteAndConfidence);
    policyEvents = List.copyOf(policyEvents);
    sensitivity = sensitivity == null ? null : List.copyOf(sensitivity);
    largestRowKgByRoute = largestRowKgByRoute == null ? null : copy(largestRowKgByRoute);
  }

  /**
   * The one source every figure and sentence of the report uses (figures are never added across
   * sources), why it was chosen, and the months it covered: a change between two periods is stated
   * only when the source covered the same months of both.
   */
  public record SourceChoice(String id, String reason, List<YearMonth> coveredMonths) {
    public SourceChoice {
      coveredMonths = List.copyOf(coveredMonths);
    }

    /** How the report names the source in every sentence and figure. */
    public String label() {
      return Source.lookup(id)
          .map(
              s ->
                  switch (s) {
                    case CBP_PUBLISHED -> "CBP published statistics (" + id + ")";
                    case SEIZURE_EVENTS -> "seizure event files (" + id + ")";
                    case CUSTOMS_SHIPMENTS -> "customs shipment files (" + id + ")";
                    case NFLIS_LAB_REPORTS -> id;
                  })
          .orElse(id);
    }

    /** Months of fiscal year {@code fy} the source covered. */
    public List<YearMonth> coveredIn(int fy) {
      return coveredMonths.stream()
          .filter(m -> (m.getMonthValue() >= 10 ? m.getYear() + 1 : m.getYear()) == fy)
          .toList();
    }

    /**
     * Whether the source covered the same, non-empty, months of fiscal years {@code fy - 1} and
     * {@code fy}.
     */
    public boolean comparable(int fy) {
      List<YearMonth> now = coveredIn(fy);
      List<YearMonth> before = coveredIn(fy - 1).stream().map(m -> m.plusYears(1)).toList();
      return !now.isEmpty() && now.equals(before);
    }
  }

  /** The run the report describes: date, id, warehouse, and the route rules in force. */
  public record Run(
      LocalDate runDate,
      String runId,
      String warehouse,
      String manifestRunId,
      String rulesVersion,
      String rulesSha256,
      String rulesSource,
      List<String> ruleVersionsInData) {
    public Run {
      ruleVersionsInData = List.copyOf(ruleVersionsInData);
    }
  }

  /**
   * Fentanyl-family totals of one fiscal year and route (route_fiscal_year, both classes summed).
   */
  public record FiscalYearRow(
      int fiscalYear, Route route, BigDecimal kg, long events, long dosageUnits, boolean partial) {}

  public record Analog(
      String name,
      YearMonth firstMonth,
      YearMonth lastMonth,
      long events,
      BigDecimal kg,
      long dosageUnits,
      boolean unlisted,
      boolean newThisRun) {}

  /** One route_trends row (the report shows the fentanyl classes). Doubles may be null. */
  public record TrendRow(
      String route,
      String substanceClass,
      BigDecimal last12mKg,
      BigDecimal prior12mKg,
      Double pctChange12m,
      Double trendPctPerMonth24m,
      Double ciLow24m,
      Double ciHigh24m,
      int trendMonths24m,
      YearMonth asOfMonth) {}

  /** One landing file as the manifest of the run that read it recorded it ({@code readByRun}). */
  public record FileRow(
      String path,
      String format,
      String status,
      long rowsRead,
      long normalized,
      long rejected,
      long duplicates,
      String readByRun) {}

  /** First and last month, rows and events of one source format or file in the seizures table. */
  public record Coverage(
      String source, YearMonth firstMonth, YearMonth lastMonth, long rows, long events) {}

  /**
   * Data-quality numbers: manifest files, quarantine by reason and file, coverage, unattributed
   * share.
   */
  public record Quality(
      List<FileRow> files,
      Map<String, Long> rejectsByReason,
      Map<String, Long> rejectsByFile,
      List<Coverage> coverageByFormat,
      List<Coverage> coverageByFile,
      Map<Integer, List<String>> formatsByFiscalYear,
      String manifestOutcome) {
    public Quality {
      files = List.copyOf(files);
      rejectsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(rejectsByReason));
      rejectsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rejectsByFile));
      coverageByFormat = List.copyOf(coverageByFormat);
      coverageByFile = List.copyOf(coverageByFile);
      Map<Integer, List<String>> f = new LinkedHashMap<>();
      formatsByFiscalYear.forEach((k, v) -> f.put(k, List.copyOf(v)));
      formatsByFiscalYear = Collections.unmodifiableMap(f);
    }
  }

  /** Fentanyl-family kg of one month summed over every route. */
  public BigDecimal familyKgTotal(int monthIndex) {
    BigDecimal total = BigDecimal.ZERO;
    for (List<BigDecimal> series : familyKgByRoute.values()) {
      total = total.add(series.get(monthIndex));
    }
    return total;
  }

  /** The fiscal years present, ascending. */
  public List<Integer> fiscalYearList() {
    return fiscalYears.stream().map(FiscalYearRow::fiscalYear).distinct().sorted().toList();
  }

  /** The fiscal-year row of one year and route, or null. */
  public FiscalYearRow fiscalYear(int fy, Route route) {
    for (FiscalYearRow r : fiscalYears) {
      if (r.fiscalYear() == fy && r.route() == route) {
        return r;
      }
    }
    return null;
  }

  public boolean isPartial(int fy) {
    return fiscalYears.stream().anyMatch(r -> r.fiscalYear() == fy && r.partial());
  }

  /** Per route, in the route vocabulary's order. */
  private static <V> Map<Route, List<V>> copy(Map<Route, List<V>> m) {
    Map<Route, List<V>> out = new EnumMap<>(Route.class);
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Per form, in the order of the forms' written names (the order the form tables and charts have
   * always listed them in, after powder and pills).
   */
  private static <V> Map<Form, List<V>> byForm(Map<Form, List<V>> m) {
    Map<Form, List<V>> out = new TreeMap<>(Comparator.comparing(Form::wireName));
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Per route, in the order given, each route's values by confidence as written (HIGH, MEDIUM, LOW,
   * or NONE where no rule ran: not a {@code Confidence}, so the inner key stays the written word).
   */
  private static <V> Map<Route, Map<String, V>> nested(Map<Route, Map<String, V>> m) {
    Map<Route, Map<String, V>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return Collections.unmodifiableMap(out);
  }

  private static <K extends Enum<K>, V> Map<K, V> enumMap(Class<K> type, Map<K, V> m) {
    Map<K, V> out = new EnumMap<>(type);
    out.putAll(m);
    return out;
  }
}
