package org.fentrace.report;

import static org.fentrace.report.Html.countCell;
import static org.fentrace.report.Html.kgCell;
import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Route;
import org.fentrace.core.TableName;

/**
 * The fiscal-year figure: kilograms per fiscal year and route with the attribution sensitivity band
 * (route_sensitivity), and beside the kilograms the events, kilograms per event, pounds for CBP,
 * the year's largest month and whether its change from the year before is lumpy (flips sign without
 * each year's largest month, {@link LumpyYears}).
 */
final class FiscalYearFigure {
  static final String ID = "fig-fiscal-year";

  private FiscalYearFigure() {}

  static Figure of(ReportData d) {
    List<Route> routes =
        d.fiscalYears().stream().map(ReportData.FiscalYearRow::route).distinct().toList();
    List<String> header = new ArrayList<>(List.of("fiscal year"));
    routes.forEach(r -> header.add(r.wireName()));
    header.add("all routes");
    List<String> rows = new ArrayList<>();
    for (int fy : d.fiscalYearList()) {
      StringBuilder cells = new StringBuilder(textCell(CategoryCharts.fyLabel(d, fy)));
      BigDecimal total = BigDecimal.ZERO;
      for (Route r : routes) {
        ReportData.FiscalYearRow row = d.fiscalYear(fy, r);
        BigDecimal kg = row == null ? BigDecimal.ZERO : row.kg();
        total = total.add(kg);
        cells.append(kgCell(kg));
      }
      cells.append(kgCell(total));
      rows.add(
          Html.row(
              List.of(
                  "fiscal-year",
                  Integer.toString(fy),
                  "partial",
                  Boolean.toString(d.isPartial(fy))),
              cells.toString()));
    }
    List<Integer> fys = d.fiscalYearList();
    Map<Route, String> proxies = Headline.proxies(d);
    List<LumpyYears.Flag> flags = LumpyYears.flags(d, routes);
    List<String> notes = new ArrayList<>();
    notes.add("US federal fiscal year: 1 October to 30 September, named by the year it ends in.");
    fys.stream()
        .filter(d::isPartial)
        .forEach(
            fy ->
                notes.add(
                    "FY"
                        + fy
                        + " is partial ("
                        + PartialYears.describe(fy, d.source().coveredIn(fy))
                        + "): compare it only with the same months of FY"
                        + (fy - 1)
                        + ", never with a whole year (the headline does)."));
    notes.add(SensitivityBand.caption(d.sensitivity()));
    if (!proxies.isEmpty()) {
      notes.add(
          "Proxy routes in " + d.source().id() + ": " + String.join("; ", proxies.values()) + ".");
    }
    for (LumpyYears.Flag f : flags) {
      notes.add("Lumpy year: " + f.sentence(ProxyWording.shortName(proxies, f.route())));
    }
    notes.add(lumpyNote(d, flags));
    if (Pounds.shown(d)) {
      notes.add("CBP publishes pounds: lb = kg / 0.45359237 (1 kg = 2.20462 lb).");
    }
    List<Integer> events = new ArrayList<>();
    for (int i = 0; i < d.policyEvents().size(); i++) {
      if (fys.contains(CategoryCharts.fiscalYear(d.policyEvents().get(i).date()))) {
        events.add(i + 1);
      }
    }
    return new Figure(
        ID,
        Figures.ROUTES,
        "Fiscal-year totals by route",
        "Fentanyl-family kilograms per fiscal year on each road, with the range the alternative rule sets give"
            + " (grey band); a partial year is drawn lighter and labelled partial.",
        "kilograms per fiscal year ("
            + Figures.FAMILY
            + ")"
            + (Pounds.shown(d) ? "; pounds in the table" : ""),
        List.of(
            TableName.ROUTE_FISCAL_YEAR.wireName(),
            TableName.ROUTE_SENSITIVITY.wireName(),
            TableName.SEIZURES.wireName()),
        ConfidenceMix.ofKg(d.familyKgByRouteAndConfidence(), List.of()),
        Figures.svg(CategoryCharts.fiscalYears(d), ID, 440),
        true,
        events,
        Figures.withCoverage(d, notes.toArray(new String[0])),
        Html.table(ID + "-table", header, rows)
            + "<h4>Per route: events, kilograms per event, sensitivity range,"
            + " largest single row and month, lumpy changes</h4>"
            + detail(d, routes, flags));
  }

  /**
   * What "lumpy" means here: the single row each year is left out, what one row of the source is,
   * and that the largest month in the table is context, not what the flag leaves out.
   */
  static String lumpyNote(ReportData d, List<LumpyYears.Flag> flags) {
    String row = LargestRows.rowName(d.source().id());
    if (d.largestRowKgByRoute() == null) {
      return "Lumpy years are not flagged: the data hold no largest single " + row + " per month.";
    }
    return "Lumpy: a change from the year before that flips sign (or vanishes) when the largest single "
        + row
        + " of the route in each year is left out ("
        + LargestRows.grain(d.source().id())
        + "; from seizures, through its monthly aggregate). The largest month in the table sums every "
        + row
        + " of that month: it shows where the year's kilograms sit, the flag does not use it."
        + (flags.isEmpty() ? " None in this source." : "");
  }

  /** kg per event to two decimals (a parcel seizure is often well under a kilogram). */
  static String perEvent(BigDecimal kg) {
    return new java.text.DecimalFormat(
            "#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US))
        .format(kg.setScale(2, java.math.RoundingMode.HALF_UP));
  }

  /**
   * One row per fiscal year and route: kg, lb (CBP), events, kg per event, range, largest month,
   * flag.
   */
  static String detail(ReportData d, List<Route> routes, List<LumpyYears.Flag> flags) {
    boolean lb = Pounds.shown(d);
    List<String> header = new ArrayList<>(List.of("fiscal year", "route", "kg"));
    if (lb) {
      header.add("lb");
    }
    header.addAll(
        List.of(
            "events",
            "kg per event",
            "kg, lowest to highest over the rule sets",
            "largest single " + LargestRows.rowName(d.source().id()),
            "its share",
            "largest month",
            "largest month's share",
            "change from the year before is lumpy"));
    List<String> rows = new ArrayList<>();
    for (int fy : d.fiscalYearList()) {
      for (Route route : routes) {
        ReportData.FiscalYearRow r = d.fiscalYear(fy, route);
        if (r == null) {
          continue;
        }
        List<String> cells =
            new ArrayList<>(
                List.of(
                    textCell(CategoryCharts.fyLabel(d, fy)),
                    textCell(route.wireName()),
                    kgCell(r.kg())));
        if (lb) {
          cells.add(kgCell(Pounds.of(r.kg())));
        }
        cells.add(countCell(r.events()));
        cells.add(
            numCell(
                r.events() == 0
                    ? "–"
                    : perEvent(
                        r.kg().divide(BigDecimal.valueOf(r.events()), MathContext.DECIMAL64))));
        SensitivityBand.Range range = SensitivityBand.of(d.sensitivity(), fy, route);
        cells.add(
            numCell(
                range == null
                    ? "–"
                    : Html.kg(range.minKg())
                        + " ("
                        + range.minRuleSet()
                        + ") to "
                        + Html.kg(range.maxKg())
                        + " ("
                        + range.maxRuleSet()
                        + ")"));
        List<java.time.YearMonth> months = d.source().coveredIn(fy);
        List<BigDecimal> series = d.familyKgByRoute().get(route);
        LumpyYears.Largest largest =
            series == null || !d.months().containsAll(months)
                ? null
                : LumpyYears.largest(
                        months,
                        months.stream().map(m -> series.get(d.months().indexOf(m))).toList())
                    .orElse(null);
        LumpyYears.Largest row = LumpyYears.largestRow(d, route, months);
        cells.add(
            textCell(
                row == null
                    ? "–"
                    : row.kg().signum() == 0
                        ? "none in this source"
                        : Html.kg(row.kg()) + " kg in " + row.month()));
        cells.add(
            numCell(row == null || row.yearKg().signum() == 0 ? "–" : Html.pct(100 * row.share())));
        cells.add(
            textCell(
                largest == null
                    ? "–"
                    : largest.yearKg().signum() == 0
                        ? "none in this source"
                        : largest.month() + ": " + Html.kg(largest.kg()) + " kg"));
        cells.add(
            numCell(
                largest == null || largest.yearKg().signum() == 0
                    ? "–"
                    : Html.pct(100 * largest.share())));
        boolean lumpy = flags.stream().anyMatch(f -> f.toFy() == fy && f.route() == route);
        cells.add(textCell(lumpy ? "yes" : "no"));
        rows.add(
            Html.row(
                List.of(
                    "fiscal-year",
                    Integer.toString(fy),
                    "route",
                    route.wireName(),
                    "lumpy",
                    Boolean.toString(lumpy)),
                cells.toArray(new String[0])));
      }
    }
    return Html.table(ID + "-detail", header, rows);
  }
}
