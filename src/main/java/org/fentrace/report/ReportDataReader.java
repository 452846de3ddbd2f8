package org.fentrace.report;

import static org.fentrace.report.ReportInputs.decimal;
import static org.fentrace.report.ReportInputs.doubleOrNull;
import static org.fentrace.report.ReportInputs.longValue;
import static org.fentrace.report.ReportInputs.month;
import static org.fentrace.report.ReportInputs.route;
import static org.fentrace.report.ReportInputs.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.fentrace.core.Form;
import org.fentrace.core.Route;
import org.fentrace.core.Source;
import org.fentrace.trends.LeadChanges;
import org.fentrace.trends.TrendsAction;

/**
 * Turns what {@link ReportInputs} collected into {@link ReportData}: fentanyl-family sums per month
 * and route (exact decimals, in the order of the route vocabulary), fiscal years, forms, pill
 * presses, analogs, trend rows, data quality and the confidence mix behind the kg.
 */
final class ReportDataReader {
  private ReportDataReader() {}

  static ReportData read(
      ReportInputs in,
      org.fentrace.warehouse.Warehouse warehouse,
      JsonNode manifest,
      ReportData.Run run,
      PolicyEvents.Loaded policy,
      String primarySource)
      throws IOException {
    ReportData.SourceChoice source =
        SourceChoices.choose(
            in.trendRows(TrendsAction.ROUTE_FISCAL_YEAR, null),
            in.trendRows(TrendsAction.SOURCE_COVERAGE, null),
            primarySource);
    in.useSource(source.id());
    MonthlyKg monthly = monthlyKg(in);
    List<ReportData.FiscalYearRow> fiscalYears = fiscalYears(in);
    FormSeries forms = formSeries(in, monthly.months());
    List<LeadChanges.LeadChange> leads = leadChanges(in);
    List<ReportData.Analog> analogs = analogs(in);
    PillPresses presses = pillPresses(in);
    List<ReportData.TrendRow> trends = trendRows(in);
    SeizureFacts facts = SeizureFacts.of(in.seizureAggregates(), source.id());
    Map<Route, Map<String, Long>> pressConfidence = pressConfidence(in);
    ReportData.Quality quality = quality(in, warehouse, manifest, facts);
    ReportData.Run withVersions =
        new ReportData.Run(
            run.runDate(),
            run.runId(),
            run.warehouse(),
            run.manifestRunId(),
            run.rulesVersion(),
            run.rulesSha256(),
            run.rulesSource(),
            facts.ruleVersions());
    return new ReportData(
        withVersions,
        monthly.months(),
        monthly.kgByRoute(),
        fiscalYears,
        forms.kg(),
        forms.units(),
        leads,
        analogs,
        presses.months(),
        presses.linesByRoute(),
        presses.kg(),
        trends,
        quality,
        facts.familyKgByRouteAndConfidence(),
        pressConfidence,
        policy.events(),
        policy.source(),
        source,
        sensitivity(in.sensitivityRows()),
        LargestRows.byRoute(in.largestFamilyRows(), source.id(), monthly.months()));
  }

  /** The covered months of the chosen source and the kg of each route in each. */
  private record MonthlyKg(List<YearMonth> months, Map<Route, List<BigDecimal>> kgByRoute) {}

  /** Kg and dosage units per form, per covered month. */
  private record FormSeries(Map<Form, List<BigDecimal>> kg, Map<Form, List<Long>> units) {}

  /** Pill press shipment lines per route and month, and their gross kg per route. */
  private record PillPresses(
      List<YearMonth> months, Map<Route, List<Long>> linesByRoute, Map<Route, BigDecimal> kg) {}

  private static MonthlyKg monthlyKg(ReportInputs in) throws IOException {
    // Only the months the source covered are charted: a month outside its coverage is no data, not
    // zero.
    List<Row> monthly =
        in.trendRows(TrendsAction.ROUTE_MONTHLY).stream()
            .filter(r -> r.<Boolean>getAs("covered"))
            .toList();
    List<YearMonth> months = distinctMonths(monthly, "month");
    Map<Route, List<BigDecimal>> kgByRoute = new EnumMap<>(Route.class);
    for (Route route : routes(monthly)) {
      kgByRoute.put(route, zeros(months.size()));
    }
    for (Row r : monthly) {
      add(kgByRoute.get(route(r)), months.indexOf(month(r, "month")), decimal(r, "quantity_kg"));
    }
    return new MonthlyKg(months, kgByRoute);
  }

  private static List<ReportData.FiscalYearRow> fiscalYears(ReportInputs in) throws IOException {
    Map<String, ReportData.FiscalYearRow> fy = new TreeMap<>();
    for (Row r : in.trendRows(TrendsAction.ROUTE_FISCAL_YEAR)) {
      if (r.<Integer>getAs("months_covered") == 0) {
        continue; // a year the source did not cover has no figures, not zero ones
      }
      int year = r.<Integer>getAs("fiscal_year");
      Route route = route(r);
      String key = String.format("%06d|%s", year, route.wireName());
      ReportData.FiscalYearRow prev = fy.get(key);
      BigDecimal kg = decimal(r, "quantity_kg");
      long events = longValue(r, "events");
      long units = longValue(r, "dosage_units");
      boolean partial = r.<Boolean>getAs("partial_year");
      fy.put(
          key,
          prev == null
              ? new ReportData.FiscalYearRow(year, route, kg, events, units, partial)
              : new ReportData.FiscalYearRow(
                  year,
                  route,
                  prev.kg().add(kg),
                  prev.events() + events,
                  prev.dosageUnits() + units,
                  prev.partial() || partial));
    }
    return orderByRoute(new ArrayList<>(fy.values()));
  }

  private static FormSeries formSeries(ReportInputs in, List<YearMonth> months) throws IOException {
    List<Row> byForm =
        in.trendRows(TrendsAction.ROUTE_MONTHLY_BY_FORM).stream()
            .filter(r -> r.<Boolean>getAs("covered"))
            .toList();
    Map<Form, List<BigDecimal>> kgByForm = new TreeMap<>(Comparator.comparing(Form::wireName));
    Map<Form, List<Long>> unitsByForm = new TreeMap<>(Comparator.comparing(Form::wireName));
    for (Row r : byForm) {
      int i = months.indexOf(month(r, "month"));
      if (i < 0) {
        continue;
      }
      Form form = vocabulary(r, "form", Form.class);
      add(kgByForm.computeIfAbsent(form, k -> zeros(months.size())), i, decimal(r, "quantity_kg"));
      List<Long> u =
          unitsByForm.computeIfAbsent(
              form, k -> new ArrayList<>(java.util.Collections.nCopies(months.size(), 0L)));
      u.set(i, u.get(i) + longValue(r, "dosage_units"));
    }
    return new FormSeries(kgByForm, unitsByForm);
  }

  private static List<LeadChanges.LeadChange> leadChanges(ReportInputs in) throws IOException {
    List<LeadChanges.LeadChange> leads = new ArrayList<>();
    for (Row r : in.trendRows(TrendsAction.ROUTE_LEAD_CHANGES)) {
      leads.add(
          new LeadChanges.LeadChange(
              month(r, "month"),
              r.getAs("leader_before"),
              r.getAs("leader_after"),
              decimal(r, "china_direct_kg"),
              decimal(r, "mexico_cartel_kg")));
    }
    leads.sort(java.util.Comparator.comparing(LeadChanges.LeadChange::month));
    return leads;
  }

  private static List<ReportData.Analog> analogs(ReportInputs in) throws IOException {
    List<ReportData.Analog> analogs = new ArrayList<>();
    for (Row r : in.trendRows(TrendsAction.ANALOG_WATCH)) {
      analogs.add(
          new ReportData.Analog(
              r.getAs("substance_name"),
              month(r, "first_month"),
              month(r, "last_month"),
              longValue(r, "events"),
              decimal(r, "quantity_kg"),
              longValue(r, "dosage_units"),
              r.<Boolean>getAs("unlisted"),
              r.<Boolean>getAs("new_this_run")));
    }
    analogs.sort(
        java.util.Comparator.comparing(ReportData.Analog::firstMonth)
            .thenComparing(ReportData.Analog::name));
    return analogs;
  }

  private static PillPresses pillPresses(ReportInputs in) throws IOException {
    // Pill presses exist only in the customs shipments source: that table is always read from it.
    List<Row> presses =
        in.trendRows(TrendsAction.PILL_PRESS_MONTHLY, Source.CUSTOMS_SHIPMENTS.id()).stream()
            .filter(r -> r.<Boolean>getAs("covered"))
            .toList();
    List<YearMonth> shipmentMonths = distinctMonths(presses, "month");
    Map<Route, List<Long>> linesByRoute = new EnumMap<>(Route.class);
    Map<Route, BigDecimal> pressKg = new EnumMap<>(Route.class);
    for (Route route : routes(presses)) {
      linesByRoute.put(
          route, new ArrayList<>(java.util.Collections.nCopies(shipmentMonths.size(), 0L)));
      pressKg.put(route, BigDecimal.ZERO);
    }
    for (Row r : presses) {
      Route route = route(r);
      List<Long> l = linesByRoute.get(route);
      int i = shipmentMonths.indexOf(month(r, "month"));
      l.set(i, l.get(i) + longValue(r, "shipment_lines"));
      pressKg.put(route, pressKg.get(route).add(decimal(r, "gross_weight_kg")));
    }
    return new PillPresses(shipmentMonths, linesByRoute, pressKg);
  }

  private static List<ReportData.TrendRow> trendRows(ReportInputs in) throws IOException {
    List<ReportData.TrendRow> trends = new ArrayList<>();
    for (Row r : in.trendRows(TrendsAction.ROUTE_TRENDS)) {
      Object prior = r.getAs("prior_12m_kg");
      Object last = r.getAs("last_12m_kg");
      trends.add(
          new ReportData.TrendRow(
              r.getAs("route"),
              r.getAs("substance_class"),
              last == null ? null : (BigDecimal) last,
              prior == null ? null : (BigDecimal) prior,
              doubleOrNull(r, "pct_change_12m"),
              doubleOrNull(r, "trend_pct_per_month_24m"),
              doubleOrNull(r, "trend_ci_low_24m"),
              doubleOrNull(r, "trend_ci_high_24m"),
              r.<Integer>getAs("trend_months_24m"),
              month(r, "as_of_month")));
    }
    trends.sort(
        java.util.Comparator.comparing(ReportData.TrendRow::substanceClass)
            .thenComparingInt(t -> routeRank(t.route()))
            .thenComparing(ReportData.TrendRow::route));
    return trends;
  }

  /** Per route in the order of the routes' written names, lines per confidence as written. */
  private static Map<Route, Map<String, Long>> pressConfidence(ReportInputs in) throws IOException {
    Map<Route, Map<String, Long>> pressConfidence =
        new TreeMap<>(Comparator.comparing(Route::wireName));
    for (Row r : in.pillPressConfidence()) {
      pressConfidence
          .computeIfAbsent(route(r), k -> new TreeMap<>())
          .merge(r.getAs("route_confidence"), longValue(r, "lines"), Long::sum);
    }
    return pressConfidence;
  }

  /**
   * Files read (from the manifest and the ledger), rejects by reason and by file, coverage by
   * format and file.
   */
  private static ReportData.Quality quality(
      ReportInputs in,
      org.fentrace.warehouse.Warehouse warehouse,
      JsonNode manifest,
      SeizureFacts facts)
      throws IOException {
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, Long> byFile = new TreeMap<>();
    for (Row r : in.rejectCounts()) {
      byReason.merge(r.getAs("reason_code"), longValue(r, "rows"), Long::sum);
      byFile.merge(r.getAs("source_file"), longValue(r, "rows"), Long::sum);
    }
    return new ReportData.Quality(
        Manifests.files(warehouse, manifest),
        byReason,
        byFile,
        facts.coverageByFormat(),
        facts.coverageByFile(),
        facts.formatsByFiscalYear(),
        Manifests.text(manifest, "", "outcome"));
  }

  /**
   * The route_sensitivity rows of the report's source, fentanyl family; null when the table is
   * missing.
   */
  static List<SensitivityBand.Range> sensitivity(List<Row> rows) {
    if (rows == null) {
      return null;
    }
    List<SensitivityBand.Range> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new SensitivityBand.Range(
              r.<Integer>getAs("fiscal_year"),
              route(r),
              decimal(r, "in_force_kg"),
              decimal(r, "min_kg"),
              decimal(r, "max_kg"),
              r.getAs("min_rule_set"),
              r.getAs("max_rule_set")));
    }
    return out;
  }

  /** The routes the rows have, in the route vocabulary's order. */
  static List<Route> routes(List<Row> rows) {
    TreeSet<Route> seen = new TreeSet<>();
    rows.forEach(r -> seen.add(route(r)));
    return List.copyOf(seen);
  }

  private static List<ReportData.FiscalYearRow> orderByRoute(List<ReportData.FiscalYearRow> rows) {
    rows.sort(
        java.util.Comparator.comparingInt(ReportData.FiscalYearRow::fiscalYear)
            .thenComparing(ReportData.FiscalYearRow::route));
    return rows;
  }

  static int routeRank(String route) {
    int i = Route.WIRE_NAMES.indexOf(route);
    return i < 0 ? Route.WIRE_NAMES.size() : i;
  }

  private static List<YearMonth> distinctMonths(List<Row> rows, String field) {
    TreeSet<YearMonth> s = new TreeSet<>();
    rows.forEach(r -> s.add(month(r, field)));
    return List.copyOf(s);
  }

  private static List<BigDecimal> zeros(int n) {
    return new ArrayList<>(java.util.Collections.nCopies(n, BigDecimal.ZERO));
  }

  private static void add(List<BigDecimal> series, int i, BigDecimal v) {
    series.set(i, series.get(i).add(v));
  }
}
