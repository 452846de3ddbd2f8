package org.fentrace.report;

import static org.fentrace.report.Html.kgCell;
import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;

import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.TableName;

/**
 * The trend statistics table: last 12 months against the 12 before and the 24-month log-linear
 * trend with its 95% interval (also as an annual range), per route and fentanyl class.
 */
final class TrendFigure {
  private TrendFigure() {}

  static Figure of(ReportData d) {
    List<String> rows = new ArrayList<>();
    java.time.YearMonth asOf = null;
    for (ReportData.TrendRow t : d.trends()) {
      String ci =
          t.ciLow24m() == null
              ? "–"
              : Html.signedPct(t.ciLow24m()) + " to " + Html.signedPct(t.ciHigh24m());
      asOf = t.asOfMonth() == null ? asOf : t.asOfMonth();
      String window = t.asOfMonth() == null ? "–" : TrendWording.window(t.asOfMonth(), 24);
      rows.add(
          Html.row(
              List.of("route", t.route(), "class", t.substanceClass()),
              textCell(t.substanceClass()),
              textCell(t.route()),
              t.last12mKg() == null ? numCell("–") : kgCell(t.last12mKg()),
              t.prior12mKg() == null ? numCell("–") : kgCell(t.prior12mKg()),
              numCell(Html.signedPct(t.pctChange12m())),
              textCell(window),
              numCell(Html.signedPct(t.trendPctPerMonth24m())),
              numCell(ci),
              textCell(TrendWording.annualRange(t.ciLow24m(), t.ciHigh24m())),
              numCell(Integer.toString(t.trendMonths24m()))));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "An interval that spans 0 allows a fall as well as a rise: the table gives it as an annual range"
            + " ((1 + monthly rate)^12 − 1), e.g. \"between −12% and +8% a year\"; read it as no clear trend, not as stable.");
    if (asOf != null) {
      notes.add(
          "Windows are calendar months ending "
              + asOf
              + ", not fiscal years: last 12 months "
              + TrendWording.window(asOf, 12)
              + ", the 12 before "
              + asOf.minusMonths(23)
              + " to "
              + asOf.minusMonths(12)
              + ", trend "
              + TrendWording.window(asOf, 24)
              + ". The fiscal-year figure and the headline use fiscal years"
              + " (October to September).");
    }
    return new Figure(
        "fig-trends",
        Figures.ROUTES,
        "Trend statistics per route",
        "Last 12 months against the 12 before, and the log-linear trend over the last 24 months (percent per month,"
            + " with its 95% confidence interval, also as an annual range; fitted on months with kg > 0 only).",
        "kilograms; percent change; percent per month; percent a year",
        List.of(TableName.ROUTE_TRENDS.wireName()),
        ConfidenceMix.ofKg(d.familyKgByRouteAndConfidence(), List.of()),
        null,
        false,
        List.of(),
        notes,
        Html.table(
            "fig-trends-table",
            List.of(
                "substance_class",
                "route",
                "last 12 months kg",
                "prior 12 months kg",
                "change",
                "trend window (calendar months)",
                "trend per month (24 months)",
                "95% interval",
                "95% interval as an annual range",
                "months fitted"),
            rows));
  }
}
