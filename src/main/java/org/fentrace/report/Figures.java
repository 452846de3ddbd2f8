package org.fentrace.report;

import static org.fentrace.report.Html.countCell;
import static org.fentrace.report.Html.kgCell;
import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.Route;
import org.jfree.chart.JFreeChart;

/**
 * The route figures of the report, each a chart plus its data table, in page order: monthly kg by
 * route, direct versus cartel share with lead changes, fiscal-year totals ({@link
 * FiscalYearFigure}), powder versus pills, the analog watch ({@link AnalogWatchFigure}), pill
 * presses ({@link PillPressFigure}) and the trend statistics ({@link TrendFigure}). Data-quality
 * figures are in {@link QualityFigures}.
 */
final class Figures {
  static final String ROUTES = "Routes";
  static final String FAMILY = "fentanyl family = substance_class FENTANYL + FENTANYL_ANALOG";
  static final int WIDTH = 960;

  private Figures() {}

  static List<Figure> all(ReportData d) {
    List<Figure> out = new ArrayList<>();
    String seizures =
        "Source: "
            + d.source().label()
            + " only, over the months it covered; no figure adds sources.";
    out.add(named(monthly(d), seizures));
    out.add(named(share(d), seizures));
    out.add(named(fiscalYears(d), seizures));
    out.add(named(forms(d), seizures));
    out.add(named(AnalogWatchFigure.of(d), seizures));
    out.add(
        named(
            PillPressFigure.of(d),
            "Source: customs shipment files (customs_shipments) only: pill presses are"
                + " shipments, which no seizure source records."));
    out.add(
        named(
            TrendFigure.of(d),
            seizures + " Interval: 95%, " + org.fentrace.trends.NeweyWestTrend.METHOD + "."));
    out.addAll(QualityFigures.all(d));
    return out;
  }

  /** The figure with the sentence naming its source first among its notes. */
  private static Figure named(Figure f, String source) {
    List<String> notes = new ArrayList<>();
    notes.add(source);
    notes.addAll(f.notes());
    return f.withNotes(notes);
  }

  /**
   * The notes, plus a warning when the input formats of the report's source do not all cover the
   * same months.
   */
  static List<String> withCoverage(ReportData d, String... notes) {
    List<String> out = new ArrayList<>(List.of(notes));
    // Only the formats of the report's source: the others are not in these figures.
    List<ReportData.Coverage> cov =
        d.quality().coverageByFormat().stream()
            .filter(
                c ->
                    org.fentrace.core.Source.ofSourceFormat(c.source())
                        .id()
                        .equals(d.source().id()))
            .toList();
    boolean same =
        cov.stream().map(c -> c.firstMonth() + "/" + c.lastMonth()).distinct().count() <= 1;
    if (!same) {
      out.add(
          "The sources change inside this span ("
              + String.join(
                  "; ",
                  cov.stream()
                      .map(c -> c.source() + " " + c.firstMonth() + " to " + c.lastMonth())
                      .toList())
              + "): totals move where a source starts or stops,"
              + " whatever happened at the border (see Coverage).");
    }
    return out;
  }

  static String svg(JFreeChart chart, String id, int height) {
    return ChartKit.svg(chart, id + "-svg", WIDTH, height);
  }

  static Figure monthly(ReportData d) {
    List<String> routes = new ArrayList<>(d.familyKgByRoute().keySet());
    List<String> header = new ArrayList<>(List.of("month"));
    header.addAll(routes);
    header.add("all routes");
    if (Pounds.shown(d)) {
      header.add("all routes lb");
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < d.months().size(); i++) {
      StringBuilder cells = new StringBuilder(textCell(d.months().get(i).toString()));
      for (String r : routes) {
        cells.append(kgCell(d.familyKgByRoute().get(r).get(i)));
      }
      cells.append(kgCell(d.familyKgTotal(i)));
      if (Pounds.shown(d)) {
        cells.append(kgCell(Pounds.of(d.familyKgTotal(i))));
      }
      rows.add(Html.row(List.of("month", d.months().get(i).toString()), cells.toString()));
    }
    String id = "fig-monthly-route";
    return new Figure(
        id,
        ROUTES,
        "Monthly fentanyl-family seizures by route",
        "How many kilograms were seized each month on each road; the thick line is the trailing 12-month mean, "
            + "which smooths the month-to-month noise.",
        "kilograms per month (" + FAMILY + "); dosage-unit counts are not included",
        List.of("route_monthly"),
        ConfidenceMix.ofKg(d.familyKgByRouteAndConfidence(), List.of()),
        svg(TimeCharts.monthlyByRoute(d), id, 620),
        true,
        ChartKit.eventsInside(
            d.policyEvents(), TimeCharts.first(d.months()), TimeCharts.last(d.months())),
        withCoverage(d, monthlyNotes(d)),
        Html.table(id + "-table", header, rows));
  }

  /**
   * The monthly figure's notes: scales, the mean, routes with no kg, proxies, where the source
   * starts and stops.
   */
  static String[] monthlyNotes(ReportData d) {
    List<String> notes =
        new ArrayList<>(
            List.of(
                "Each panel has its own scale: compare shapes and timing across panels, and kilograms with the table.",
                "12-month mean: the mean of the month and the 11 before it (months without seizures count as 0 kg);"
                    + " drawn from the 12th month of data on."));
    for (String main : List.of(Route.MEXICO_CARTEL.wireName(), Route.CHINA_DIRECT.wireName())) {
      if (!TimeCharts.nonZero(d.familyKgByRoute().getOrDefault(main, List.of()))) {
        notes.add(main + ": none in this source (no panel drawn).");
      }
    }
    java.util.Map<String, String> proxies = Headline.proxies(d);
    if (!proxies.isEmpty()) {
      notes.add(
          "Proxy routes in " + d.source().id() + ": " + String.join("; ", proxies.values()) + ".");
    }
    notes.add(CoverageMarks.sentence(d.source()));
    if (Pounds.shown(d)) {
      notes.add("CBP publishes pounds: the table gives them beside kilograms (1 kg = 2.20462 lb).");
    }
    return notes.toArray(new String[0]);
  }

  static Figure share(ReportData d) {
    List<double[]> shares = TimeCharts.shares(d);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < d.months().size(); i++) {
      double[] s = shares.get(i);
      boolean none = d.familyKgTotal(i).signum() == 0;
      rows.add(
          Html.row(
              List.of("month", d.months().get(i).toString()),
              textCell(d.months().get(i).toString()),
              numCell(none ? "–" : Html.pct(s[0])),
              numCell(none ? "–" : Html.pct(s[1])),
              numCell(none ? "–" : Html.pct(s[2])),
              kgCell(d.familyKgTotal(i))));
    }
    List<String> leadRows = new ArrayList<>();
    for (ReportData.LeadChange lc : d.leadChanges()) {
      leadRows.add(
          Html.row(
              List.of("month", lc.month().toString()),
              textCell(lc.month().toString()),
              textCell(lc.leaderBefore()),
              textCell(lc.leaderAfter()),
              kgCell(lc.chinaDirectKg()),
              kgCell(lc.mexicoCartelKg())));
    }
    String id = "fig-share";
    String tables =
        "<h4>Lead changes (route_lead_changes)</h4>"
            + Html.table(
                id + "-leads",
                List.of(
                    "month",
                    "leader before",
                    "leader after",
                    Route.CHINA_DIRECT.wireName() + " kg",
                    Route.MEXICO_CARTEL.wireName() + " kg"),
                leadRows)
            + "<h4>Monthly shares</h4>"
            + Html.table(
                id + "-table",
                List.of(
                    "month",
                    Route.MEXICO_CARTEL.wireName(),
                    Route.CHINA_DIRECT.wireName(),
                    "other routes and unattributed",
                    "fentanyl-family kg, all routes"),
                rows);
    return new Figure(
        id,
        ROUTES,
        "Direct from China versus cartel-routed: share of each month's kilograms",
        "Which route had the larger part of the fentanyl-family kilograms seized each month. Pink dotted lines mark the months"
            + " in which CHINA_DIRECT and MEXICO_CARTEL swapped the lead (listed in the table below).",
        "percent of the month's fentanyl-family kilograms, all routes = 100% (" + FAMILY + ")",
        List.of("route_monthly", "route_lead_changes"),
        ConfidenceMix.ofKg(
            d.familyKgByRouteAndConfidence(),
            List.of(Route.CHINA_DIRECT.wireName(), Route.MEXICO_CARTEL.wireName())),
        svg(TimeCharts.share(d), id, 420),
        true,
        ChartKit.eventsInside(
            d.policyEvents(), TimeCharts.first(d.months()), TimeCharts.last(d.months())),
        withCoverage(
            d,
            "A month without fentanyl-family kg has no share and is drawn as 0.",
            d.leadChanges().size() + " lead change(s) in the span; ties keep the previous leader."),
        tables);
  }

  static Figure fiscalYears(ReportData d) {
    return FiscalYearFigure.of(d);
  }

  static Figure forms(ReportData d) {
    List<String> forms = TimeCharts.shownForms(d);
    List<String> header = new ArrayList<>(List.of("month"));
    forms.forEach(f -> header.add(f + " kg"));
    forms.forEach(f -> header.add(f + " dosage units"));
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < d.months().size(); i++) {
      StringBuilder cells = new StringBuilder(textCell(d.months().get(i).toString()));
      for (String f : forms) {
        List<BigDecimal> kg = d.familyKgByForm().get(f);
        cells.append(kgCell(kg == null ? BigDecimal.ZERO : kg.get(i)));
      }
      for (String f : forms) {
        List<Long> u = d.familyUnitsByForm().get(f);
        cells.append(countCell(u == null ? 0 : u.get(i)));
      }
      rows.add(Html.row(List.of("month", d.months().get(i).toString()), cells.toString()));
    }
    String id = "fig-forms";
    return new Figure(
        id,
        ROUTES,
        "Fentanyl powder versus pills",
        "Powder is what moves in bulk and in parcels; pressed counterfeit pills are counted in dosage units, which"
            + " cannot be converted to kilograms, so both measures are shown.",
        "kilograms per month (top) and dosage units per month (bottom), all routes ("
            + FAMILY
            + ")",
        List.of("route_monthly_by_form"),
        ConfidenceMix.ofKg(d.familyKgByRouteAndConfidence(), List.of()),
        TimeCharts.anyForm(d, true) || TimeCharts.anyForm(d, false)
            ? svg(TimeCharts.forms(d), id, 520)
            : null,
        true,
        ChartKit.eventsInside(
            d.policyEvents(), TimeCharts.first(d.months()), TimeCharts.last(d.months())),
        withCoverage(d, formNotes(d)),
        Html.table(id + "-table", header, rows));
  }

  static String[] formNotes(ReportData d) {
    List<String> notes =
        new ArrayList<>(
            List.of(
                "A pill seizure reported by weight counts in kg; one reported by count counts in dosage units.",
                "CBP aggregates record no form: their kilograms count as form UNKNOWN."));
    if (!TimeCharts.anyForm(d, true)) {
      notes.add("Kilograms by form: none in this source (no panel drawn).");
    }
    if (!TimeCharts.anyForm(d, false)) {
      notes.add("Dosage units: none in this source (no panel drawn).");
    }
    notes.add(CoverageMarks.sentence(d.source()));
    return notes.toArray(new String[0]);
  }
}
