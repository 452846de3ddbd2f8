package org.fentrace.report;

import static org.fentrace.report.Html.countCell;
import static org.fentrace.report.Html.kgCell;
import static org.fentrace.report.Html.textCell;

import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.TableName;

/**
 * The analog watch figure: each fentanyl-related substance of the report's source from its first to
 * its last month seen, with events, kilograms and dosage units in its table.
 */
final class AnalogWatchFigure {
  /**
   * Why analog_watch has no peak for a seizure source: by design, said where a reader of the table
   * would look for one.
   */
  static final String PEAK_NOTE =
      "No peak for a seizure source: analog_watch's peak_period, peak_reports and peak_share (and the months to"
          + " a quarter of the peak) count NFLIS lab reports and their share of a half-year's fentanyl-related"
          + " reports, a measure seizures do not have; a seizure source keeps one total per analog (first and last"
          + " month, events, kg, dosage units), so those columns are null on its rows and quarter_peak_note_us says"
          + " why. Peaks are in the analog waves figure when the warehouse holds lab reports.";

  private AnalogWatchFigure() {}

  static Figure of(ReportData d) {
    List<String> rows = new ArrayList<>();
    for (ReportData.Analog a : d.analogs()) {
      rows.add(
          Html.row(
              List.of("substance", a.name()),
              textCell(a.name()),
              textCell(a.firstMonth().toString()),
              textCell(a.lastMonth().toString()),
              countCell(a.events()),
              kgCell(a.kg()),
              countCell(a.dosageUnits()),
              textCell(a.unlisted() ? "yes" : "no"),
              textCell(a.newThisRun() ? "yes" : "no")));
    }
    long unlisted = d.analogs().stream().filter(ReportData.Analog::unlisted).count();
    long fresh = d.analogs().stream().filter(ReportData.Analog::newThisRun).count();
    String id = "fig-analogs";
    return new Figure(
        id,
        Figures.ROUTES,
        "Analog watch: fentanyl-related substances over time",
        "Each bar runs from the first to the last month a fentanyl-related substance was seized. Unlisted analogs"
            + " (names the substance dictionary lacks but that read as fentanyl analogs) are the ones to check first.",
        "months (first to last month seen); the table gives events, kg and dosage units",
        List.of(TableName.ANALOG_WATCH.wireName()),
        "route rules do not apply: substances are classed by the substance dictionary",
        d.analogs().isEmpty()
            ? null
            : Figures.svg(
                CategoryCharts.analogs(d), id, Math.max(260, 90 + 24 * d.analogs().size())),
        true,
        d.analogs().isEmpty()
            ? List.of()
            : ChartKit.eventsInside(
                d.policyEvents(),
                d.analogs().stream()
                    .map(ReportData.Analog::firstMonth)
                    .min(java.time.YearMonth::compareTo)
                    .get(),
                d.analogs().stream()
                    .map(ReportData.Analog::lastMonth)
                    .max(java.time.YearMonth::compareTo)
                    .get()),
        List.of(
            d.analogs().size()
                + " analog(s); "
                + unlisted
                + " unlisted; "
                + fresh
                + " new in this run: first"
                + " seized after its source's first covered month and absent from the analog_watch this run replaced. An"
                + " analog seized in the source's first covered month is left-censored (it may predate the data), never"
                + " new; on a first run nothing is new.",
            PEAK_NOTE),
        Html.table(
            id + "-table",
            List.of(
                "substance",
                "first month",
                "last month",
                "events",
                "kg",
                "dosage units",
                "unlisted",
                "new this run"),
            rows));
  }
}
