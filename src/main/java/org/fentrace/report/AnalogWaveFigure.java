package org.fentrace.report;

import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;
import static org.fentrace.report.ReportInputs.date;
import static org.fentrace.report.ReportInputs.doubleOrNull;
import static org.fentrace.report.ReportInputs.longValue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.fentrace.core.Source;
import org.fentrace.core.TableName;
import org.fentrace.trends.TrendsAction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The analog waves figure: each fentanyl analogue's share of the fentanyl-related NFLIS lab reports
 * per half-year (the largest few by reports, the rest summed as one line), with each shown
 * analogue's own US and Chinese control dates (from the scheduling reference) and the policy
 * events. Read from {@code analog_waves} and {@code analog_watch} for the lab-report source only:
 * counts of analysed items, never added to the seizure figures. No figure when the warehouse holds
 * no lab reports.
 */
final class AnalogWaveFigure {
  static final String ID = "fig-analog-waves";
  static final String SECTION = "Analog waves (lab reports)";

  /** How many analogues get their own line; the rest are one line. */
  static final int SHOWN = 6;

  static final String REST = "other analogues";
  private static final Color[] COLORS = {
    new Color(0x0072B2),
    new Color(0xD55E00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0xE69F00),
    new Color(0x56B4E9)
  };
  private static final Color REST_COLOR = new Color(0x999999);
  private static final Stroke US_STROKE =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f);
  private static final Stroke CHINA_STROKE =
      new BasicStroke(
          1.5f,
          BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER,
          10f,
          new float[] {8f, 3f, 2f, 3f},
          0f);

  private AnalogWaveFigure() {}

  /** One analogue of the lab-report source as analog_watch gives it. */
  record Wave(
      String name,
      LocalDate first,
      LocalDate last,
      boolean leftCensored,
      long reports,
      LocalDate peak,
      long peakReports,
      Double peakShare,
      LocalDate us,
      String usControl,
      LocalDate china,
      String chinaControl,
      boolean listed,
      Integer monthsUs,
      String noteUs,
      Integer monthsChina,
      String noteChina) {}

  /**
   * What the figure shows: the source's half-years, each analogue's share per half-year, and its
   * row.
   */
  record Data(
      String source, List<LocalDate> periods, Map<String, double[]> sharePct, List<Wave> waves) {}

  /** Reads the lab-report source's analog tables; null when there are none. */
  static Data read(ReportInputs in) throws IOException {
    String source = Source.NFLIS_LAB_REPORTS.id();
    List<Row> shares =
        in.trendRows(TrendsAction.ANALOG_WAVES, source); // analogues only (the family filter)
    if (shares.isEmpty()) {
      return null;
    }
    TreeSet<LocalDate> periodSet = new TreeSet<>();
    shares.forEach(r -> periodSet.add(date(r, "period_start")));
    List<LocalDate> periods = List.copyOf(periodSet);
    Map<String, double[]> pct = new TreeMap<>();
    for (Row r : shares) {
      Double s = doubleOrNull(r, "share_of_fentanyl_related");
      pct.computeIfAbsent(r.getAs("substance_name"), k -> new double[periods.size()])[
              periods.indexOf(date(r, "period_start"))] =
          s == null ? 0 : 100 * s;
    }
    List<Wave> waves = new ArrayList<>();
    for (Row r : in.trendRows(TrendsAction.ANALOG_WATCH, source)) {
      waves.add(
          new Wave(
              r.getAs("substance_name"),
              date(r, "first_month"),
              date(r, "last_month"),
              r.<Boolean>getAs("left_censored"),
              longValue(r, "reports"),
              date(r, "peak_period"),
              longValue(r, "peak_reports"),
              doubleOrNull(r, "peak_share"),
              date(r, "us_control_date"),
              r.getAs("us_control"),
              date(r, "china_control_date"),
              r.getAs("china_control"),
              r.<Boolean>getAs("scheduling_listed"),
              r.getAs("months_to_quarter_peak_us"),
              r.getAs("quarter_peak_note_us"),
              r.getAs("months_to_quarter_peak_china"),
              r.getAs("quarter_peak_note_china")));
    }
    waves.sort(Comparator.comparingLong(Wave::reports).reversed().thenComparing(Wave::name));
    return new Data(source, periods, pct, waves);
  }

  /** Shown lines: the {@link #SHOWN} analogues with the most reports, then the rest summed. */
  static Map<String, double[]> lines(Data d) {
    Map<String, double[]> out = new LinkedHashMap<>();
    double[] rest = new double[d.periods().size()];
    for (int i = 0; i < d.waves().size(); i++) {
      double[] s =
          d.sharePct().getOrDefault(d.waves().get(i).name(), new double[d.periods().size()]);
      if (i < SHOWN) {
        out.put(d.waves().get(i).name(), s);
      } else {
        for (int p = 0; p < rest.length; p++) {
          rest[p] += s[p];
        }
      }
    }
    if (d.waves().size() > SHOWN) {
      out.put(REST, rest);
    }
    return out;
  }

  static String halfYear(LocalDate p) {
    return p.getYear() + (p.getMonthValue() < 7 ? " H1" : " H2");
  }

  static JFreeChart chart(Data d, List<PolicyEvents.PolicyEvent> events) {
    TimeSeriesCollection ds = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    Map<String, double[]> lines = lines(d);
    for (Map.Entry<String, double[]> e : lines.entrySet()) {
      TimeSeries s = new TimeSeries(e.getKey());
      for (int p = 0; p < d.periods().size(); p++) {
        LocalDate at = d.periods().get(p);
        s.add(new Day(at.getDayOfMonth(), at.getMonthValue(), at.getYear()), e.getValue()[p]);
      }
      ds.addSeries(s);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    NumberAxis y = new NumberAxis("% of the half-year's fentanyl-related lab reports");
    XYPlot plot = new XYPlot(ds, ChartKit.monthAxis("half-year (plotted at its first day)"), y, r);
    int i = 0;
    for (String name : lines.keySet()) {
      Color c = name.equals(REST) ? REST_COLOR : COLORS[i % COLORS.length];
      r.setSeriesPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(2f));
      Wave w = d.waves().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      if (w != null) {
        marker(plot, w.us(), c, US_STROKE, d);
        marker(plot, w.china(), c, CHINA_STROKE, d);
      }
      i++;
    }
    LocalDate first = d.periods().get(0);
    LocalDate last = d.periods().get(d.periods().size() - 1).plusMonths(5);
    ChartKit.policyMarkers(plot, events, YearMonth.from(first), YearMonth.from(last), true);
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    LegendItemCollection own = plot.getLegendItems();
    LegendItemCollection all = ChartKit.withMarkers(own, true, false);
    all.add(
        ChartKit.lineItem("its own US control (dotted, line colour)", Color.DARK_GRAY, US_STROKE));
    all.add(
        ChartKit.lineItem(
            "its own China control (dash-dot, line colour)", Color.DARK_GRAY, CHINA_STROKE));
    plot.setFixedLegendItems(all);
    return chart;
  }

  private static void marker(XYPlot plot, LocalDate date, Color c, Stroke stroke, Data d) {
    if (date == null
        || date.isBefore(d.periods().get(0))
        || date.isAfter(d.periods().get(d.periods().size() - 1).plusMonths(6))) {
      return; // outside the data's span: listed in the table, not drawn
    }
    plot.addDomainMarker(new ValueMarker(ChartKit.millis(date), c, stroke), Layer.FOREGROUND);
  }

  static Figure figure(Data d, List<PolicyEvents.PolicyEvent> events) {
    List<String> rows = new ArrayList<>();
    for (Wave w : d.waves()) {
      rows.add(
          Html.row(
              List.of("substance", w.name()),
              textCell(w.name()),
              textCell(halfYear(w.first()) + (w.leftCensored() ? " (left-censored)" : "")),
              textCell(halfYear(w.last())),
              Html.countCell(w.reports()),
              textCell(halfYear(w.peak())),
              Html.countCell(w.peakReports()),
              numCell(Html.pct(w.peakShare() == null ? null : 100 * w.peakShare())),
              textCell(control(w.us(), w.usControl(), w.listed())),
              textCell(control(w.china(), w.chinaControl(), w.listed())),
              textCell(decline(w.monthsUs(), w.noteUs())),
              textCell(decline(w.monthsChina(), w.noteChina()))));
    }
    LocalDate first = d.periods().get(0);
    LocalDate last = d.periods().get(d.periods().size() - 1);
    List<String> unscheduled = d.waves().stream().filter(w -> !w.listed()).map(Wave::name).toList();
    long censored = d.waves().stream().filter(Wave::leftCensored).count();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Source: NFLIS-Drug lab reports ("
            + d.source()
            + ") only, half-years "
            + halfYear(first)
            + " to "
            + halfYear(last)
            + ": counts of items seized and identified by forensic laboratories, not kilograms, with no"
            + " route; never added to the seizure figures. The latest half-years may still grow as laboratories report late.");
    notes.add(
        "Share = the analogue's reports / all fentanyl-related reports of the half-year (substance classes"
            + " FENTANYL, FENTANYL_ANALOG and FENTANYL_PRECURSOR). Precursors are in analog_watch and analog_waves but not"
            + " drawn here.");
    notes.add(
        censored
            + " of "
            + d.waves().size()
            + " analogue(s) are left-censored: first seen in "
            + halfYear(first)
            + ", the first half-year of the data, so they may have been there before; none of them is new.");
    notes.add(
        "Control dates are those scheduling.csv records on the substance's own row, each with its primary"
            + " source in analog_watch; class-wide measures (policy events) are not attributed to single analogues."
            + " Months to a quarter of the peak run from the control's month to the first half-year starting on or after"
            + " it, from the peak on, with fewer than a quarter of the peak's reports (half-year resolution).");
    notes.add(
        unscheduled.size()
            + " analogue(s) have no row in the scheduling reference (no date is guessed): "
            + (unscheduled.isEmpty() ? "none" : String.join(", ", unscheduled))
            + ".");
    return new Figure(
        ID,
        SECTION,
        "Analog waves: each analogue's share of fentanyl-related lab reports",
        "Analogues rise and fall as each is controlled and laboratories move to the next: the "
            + SHOWN
            + " analogues with the most reports, the rest as one line, with each one's own US and Chinese control dates.",
        "% of the half-year's fentanyl-related NFLIS drug reports",
        List.of(
            TableName.ANALOG_WAVES.wireName(),
            TableName.ANALOG_WATCH.wireName(),
            TableName.ANALOG_SUCCESSORS.wireName()),
        "route rules do not apply: substances are classed by the substance dictionary",
        Figures.svg(chart(d, events), ID, 460),
        true,
        ChartKit.eventsInside(events, YearMonth.from(first), YearMonth.from(last.plusMonths(5))),
        notes,
        Html.table(
            ID + "-table",
            List.of(
                "substance",
                "first half-year",
                "last half-year",
                "reports",
                "peak half-year",
                "peak reports",
                "peak share",
                "US control",
                "China control",
                "months to < 1/4 of peak (US)",
                "months to < 1/4 of peak (China)"),
            rows));
  }

  private static String control(LocalDate date, String control, boolean listed) {
    if (date != null) {
      return date + " (" + control + ")";
    }
    return listed ? "not recorded" : "no reference row";
  }

  private static String decline(Integer months, String note) {
    return months != null ? months + " months" : "– (" + note + ")";
  }
}
