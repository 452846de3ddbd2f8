package org.fentrace.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Form;
import org.fentrace.core.Route;
import org.fentrace.trends.LeadChanges;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;

/**
 * The report's time charts (months on the horizontal axis), each with the policy events inside its
 * span. Values come straight from {@link ReportData}; nothing here recomputes a table, except the
 * 12-month trailing means and the monthly shares, which are defined in {@link #rolling12} and
 * {@link #shares}.
 */
final class TimeCharts {
  private TimeCharts() {}

  /**
   * Monthly fentanyl-family kg: one panel each for Mexico cartel, China direct, and the other
   * routes.
   */
  static JFreeChart monthlyByRoute(ReportData d) {
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartKit.monthAxis("month (calendar)"));
    plot.setGap(12);
    List<List<Route>> panels = new ArrayList<>();
    // No panel for a series with no kg in this source: the figure notes say "none in this source"
    // instead.
    for (Route main : List.of(Route.MEXICO_CARTEL, Route.CHINA_DIRECT)) {
      if (nonZero(d.familyKgByRoute().getOrDefault(main, List.of()))) {
        panels.add(List.of(main));
      }
    }
    List<Route> others = new ArrayList<>();
    for (Route r : d.familyKgByRoute().keySet()) {
      if (r != Route.MEXICO_CARTEL
          && r != Route.CHINA_DIRECT
          && nonZero(d.familyKgByRoute().get(r))) {
        others.add(r);
      }
    }
    if (!others.isEmpty()) {
      panels.add(others);
    }
    for (List<Route> routes : panels) {
      TimeSeriesCollection ds = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
      for (Route route : routes) {
        List<BigDecimal> kg = d.familyKgByRoute().getOrDefault(route, List.of());
        TimeSeries monthly = new TimeSeries(label(route) + " monthly");
        TimeSeries mean = new TimeSeries(label(route) + " 12-month mean");
        Double[] rolling = rolling12(kg);
        for (int i = 0; i < kg.size(); i++) {
          monthly.add(ChartKit.period(d.months().get(i)), kg.get(i).doubleValue());
          if (rolling[i] != null) {
            mean.add(ChartKit.period(d.months().get(i)), rolling[i]);
          }
        }
        int s = ds.getSeriesCount();
        ds.addSeries(monthly);
        ds.addSeries(mean);
        Color c = ChartKit.route(route);
        r.setSeriesPaint(s, ChartKit.translucent(c, 150));
        r.setSeriesStroke(s, new BasicStroke(1.0f));
        r.setSeriesPaint(s + 1, c);
        r.setSeriesStroke(s + 1, new BasicStroke(2.6f));
      }
      // The axis title gives the unit; the route, too long for a panel's height, is the panel's own
      // title.
      NumberAxis y = new NumberAxis("kg per month");
      XYPlot sub = new XYPlot(ds, null, y, r);
      org.jfree.chart.title.TextTitle name =
          new org.jfree.chart.title.TextTitle(
              routes.size() == 1 ? label(routes.get(0)) : "other routes",
              ChartKit.FONT.deriveFont(java.awt.Font.BOLD));
      // Top centre, no background: the policy-event numbers sit at the top left of their lines.
      sub.addAnnotation(
          new org.jfree.chart.annotations.XYTitleAnnotation(
              0.5, 0.98, name, org.jfree.chart.ui.RectangleAnchor.TOP));
      ChartKit.policyMarkers(sub, d.policyEvents(), first(d.months()), last(d.months()), true);
      CoverageMarks.draw(sub, d.source().coveredMonths());
      plot.add(sub, 1);
    }
    return withSourceLegend(plot, d);
  }

  /**
   * The chart of a plot whose legend is its own series, the policy-event marker and the report's
   * source's coverage lines.
   */
  private static JFreeChart withSourceLegend(XYPlot plot, ReportData d) {
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    LegendItemCollection legend = ChartKit.withMarkers(plot.getLegendItems(), true, false);
    legend.add(CoverageMarks.legend(d.source().id()));
    plot.setFixedLegendItems(legend);
    return chart;
  }

  /**
   * Share of each month's fentanyl-family kg: Mexico cartel, China direct, everything else; lead
   * changes marked. Drawn as overlapping cumulative areas (100%, cartel + direct, cartel) from the
   * back, one polygon per series: stacked-area renderers draw one polygon per month, which leaves
   * hairline seams in SVG.
   */
  static JFreeChart share(ReportData d) {
    TimeSeriesCollection ds = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    TimeSeries all = new TimeSeries("other routes and unattributed");
    TimeSeries direct = new TimeSeries(label(Route.CHINA_DIRECT));
    TimeSeries cartel = new TimeSeries(label(Route.MEXICO_CARTEL));
    List<double[]> shares = shares(d);
    for (int i = 0; i < d.months().size(); i++) {
      double[] s = shares.get(i);
      boolean any = d.familyKgTotal(i).signum() > 0;
      all.add(ChartKit.period(d.months().get(i)), any ? 100.0 : 0.0);
      direct.add(ChartKit.period(d.months().get(i)), s[0] + s[1]);
      cartel.add(ChartKit.period(d.months().get(i)), s[0]);
    }
    ds.addSeries(all);
    ds.addSeries(direct);
    ds.addSeries(cartel);
    XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
    r.setSeriesPaint(0, ChartKit.OTHER_ROUTES);
    r.setSeriesPaint(1, ChartKit.route(Route.CHINA_DIRECT));
    r.setSeriesPaint(2, ChartKit.route(Route.MEXICO_CARTEL));
    NumberAxis y = new NumberAxis("% of the month's fentanyl-family kg");
    y.setRange(0, 100);
    XYPlot plot = new XYPlot(ds, ChartKit.monthAxis("month (calendar)"), y, r);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    ChartKit.policyMarkers(plot, d.policyEvents(), first(d.months()), last(d.months()), true);
    CoverageMarks.draw(plot, d.source().coveredMonths());
    for (LeadChanges.LeadChange lc : d.leadChanges()) {
      plot.addDomainMarker(
          new ValueMarker(
              ChartKit.millis(lc.month().atDay(1)), ChartKit.LEAD, ChartKit.LEAD_STROKE),
          Layer.FOREGROUND);
    }
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    LegendItemCollection own = new LegendItemCollection();
    LegendItemCollection items = plot.getLegendItems();
    for (int i = items.getItemCount() - 1; i >= 0; i--) {
      own.add(items.get(i));
    }
    LegendItemCollection legend = ChartKit.withMarkers(own, true, true);
    legend.add(CoverageMarks.legend(d.source().id()));
    plot.setFixedLegendItems(legend);
    return chart;
  }

  /** Fentanyl-family powder and pills: kg by form (top) and dosage units by form (bottom). */
  static JFreeChart forms(ReportData d) {
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartKit.monthAxis("month (calendar)"));
    plot.setGap(12);
    // No panel for a measure with nothing in this source (CBP publishes pounds, never dosage
    // units).
    if (anyForm(d, true)) {
      plot.add(formPanel(d, "kg per month", true), 1);
    }
    if (anyForm(d, false)) {
      plot.add(formPanel(d, "dosage units per month", false), 1);
    }
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    LegendItemCollection legend =
        ChartKit.withMarkers(
            plot.getSubplots().isEmpty()
                ? new org.jfree.chart.LegendItemCollection()
                : ((XYPlot) plot.getSubplots().get(0)).getLegendItems(),
            true,
            false);
    legend.add(CoverageMarks.legend(d.source().id()));
    plot.setFixedLegendItems(legend);
    return chart;
  }

  /** The forms shown: powder and pills always, other forms only when they have any kg or units. */
  static List<Form> shownForms(ReportData d) {
    List<Form> out = new ArrayList<>(List.of(Form.POWDER, Form.PILLS));
    for (Form f : d.familyKgByForm().keySet()) {
      boolean any =
          nonZero(d.familyKgByForm().get(f))
              || d.familyUnitsByForm().getOrDefault(f, List.of()).stream().anyMatch(v -> v != 0);
      if (!out.contains(f) && any) {
        out.add(f);
      }
    }
    return out;
  }

  /** Whether any shown form has kg ({@code kg}) or dosage units in any month. */
  static boolean anyForm(ReportData d, boolean kg) {
    return shownForms(d).stream()
        .anyMatch(
            f ->
                kg
                    ? nonZero(d.familyKgByForm().getOrDefault(f, List.of()))
                    : d.familyUnitsByForm().getOrDefault(f, List.of()).stream()
                        .anyMatch(v -> v != 0));
  }

  private static XYPlot formPanel(ReportData d, String unit, boolean kg) {
    TimeSeriesCollection ds = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (Form form : shownForms(d)) {
      TimeSeries s = new TimeSeries(form.wireName().toLowerCase(java.util.Locale.ROOT));
      for (int i = 0; i < d.months().size(); i++) {
        double v =
            kg
                ? d.familyKgByForm().getOrDefault(form, List.of()).stream()
                    .skip(i)
                    .findFirst()
                    .orElse(BigDecimal.ZERO)
                    .doubleValue()
                : d.familyUnitsByForm().getOrDefault(form, List.of()).stream()
                    .skip(i)
                    .findFirst()
                    .orElse(0L);
        s.add(ChartKit.period(d.months().get(i)), v);
      }
      r.setSeriesPaint(ds.getSeriesCount(), ChartKit.form(form));
      r.setSeriesStroke(ds.getSeriesCount(), new BasicStroke(1.8f));
      ds.addSeries(s);
    }
    XYPlot p = new XYPlot(ds, null, new NumberAxis(unit), r);
    ChartKit.policyMarkers(p, d.policyEvents(), first(d.months()), last(d.months()), true);
    CoverageMarks.draw(p, d.source().coveredMonths());
    return p;
  }

  /** Pill press and die shipment lines per month, stacked by route. */
  static JFreeChart pillPresses(ReportData d) {
    TimeTableXYDataset ds = new TimeTableXYDataset(java.util.TimeZone.getTimeZone("UTC"));
    StackedXYBarRenderer r = new StackedXYBarRenderer(0.1);
    r.setDrawBarOutline(false);
    r.setShadowVisible(false);
    int s = 0;
    for (Map.Entry<Route, List<Long>> e : d.pillPressLinesByRoute().entrySet()) {
      if (e.getValue().stream().allMatch(v -> v == 0)) {
        continue;
      }
      for (int i = 0; i < d.shipmentMonths().size(); i++) {
        ds.add(ChartKit.period(d.shipmentMonths().get(i)), e.getValue().get(i), label(e.getKey()));
      }
      r.setSeriesPaint(s++, ChartKit.route(e.getKey()));
    }
    NumberAxis y = new NumberAxis("shipment lines per month");
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(ds, ChartKit.monthAxis("month (calendar)"), y, r);
    ChartKit.policyMarkers(
        plot, d.policyEvents(), first(d.shipmentMonths()), last(d.shipmentMonths()), true);
    // The pill press months are the customs shipments' covered months (pill_press_monthly keeps the
    // covered ones, flagged from the same coverage as source_coverage): its own starts and stops.
    CoverageMarks.draw(plot, d.shipmentMonths());
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    LegendItemCollection legend = ChartKit.withMarkers(plot.getLegendItems(), true, false);
    legend.add(CoverageMarks.legend(org.fentrace.core.Source.CUSTOMS_SHIPMENTS.id()));
    plot.setFixedLegendItems(legend);
    return chart;
  }

  /** Percent of each month's fentanyl-family kg that no rule could attribute. */
  static JFreeChart unattributed(ReportData d) {
    TimeSeriesCollection ds = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    TimeSeries s = new TimeSeries("UNATTRIBUTED share of fentanyl-family kg");
    List<double[]> shares = unattributedShares(d);
    for (int i = 0; i < d.months().size(); i++) {
      if (shares.get(i) != null) {
        s.add(ChartKit.period(d.months().get(i)), shares.get(i)[0]);
      }
    }
    ds.addSeries(s);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, new java.awt.Color(0x882255));
    r.setSeriesStroke(0, new BasicStroke(1.8f));
    NumberAxis y = new NumberAxis("% of the month's fentanyl-family kg");
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(ds, ChartKit.monthAxis("month (calendar)"), y, r);
    ChartKit.policyMarkers(plot, d.policyEvents(), first(d.months()), last(d.months()), true);
    CoverageMarks.draw(plot, d.source().coveredMonths());
    return withSourceLegend(plot, d);
  }

  /**
   * Trailing 12-month mean: element i is the mean of months i-11..i, null for the first 11 months
   * (a mean of fewer months would not be a 12-month mean). The series is dense, so a month without
   * seizures counts as 0 kg.
   */
  static Double[] rolling12(List<BigDecimal> kg) {
    Double[] out = new Double[kg.size()];
    BigDecimal window = BigDecimal.ZERO;
    for (int i = 0; i < kg.size(); i++) {
      window = window.add(kg.get(i));
      if (i >= 12) {
        window = window.subtract(kg.get(i - 12));
      }
      if (i >= 11) {
        out[i] = window.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64).doubleValue();
      }
    }
    return out;
  }

  /**
   * Per month, percent of fentanyl-family kg: {Mexico cartel, China direct, all others}; zeros when
   * the month has none.
   */
  static List<double[]> shares(ReportData d) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < d.months().size(); i++) {
      BigDecimal total = d.familyKgTotal(i);
      double[] s = new double[3];
      if (total.signum() > 0) {
        BigDecimal mc = at(d, Route.MEXICO_CARTEL, i);
        BigDecimal cd = at(d, Route.CHINA_DIRECT, i);
        s[0] = percent(mc, total);
        s[1] = percent(cd, total);
        s[2] = percent(total.subtract(mc).subtract(cd), total);
      }
      out.add(s);
    }
    return out;
  }

  /** Per month, {UNATTRIBUTED percent of fentanyl-family kg}, or null when the month has no kg. */
  static List<double[]> unattributedShares(ReportData d) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < d.months().size(); i++) {
      BigDecimal total = d.familyKgTotal(i);
      out.add(
          total.signum() > 0 ? new double[] {percent(at(d, Route.UNATTRIBUTED, i), total)} : null);
    }
    return out;
  }

  static BigDecimal at(ReportData d, Route route, int i) {
    List<BigDecimal> s = d.familyKgByRoute().get(route);
    return s == null ? BigDecimal.ZERO : s.get(i);
  }

  static double percent(BigDecimal part, BigDecimal total) {
    return part.multiply(BigDecimal.valueOf(100))
        .divide(total, MathContext.DECIMAL64)
        .doubleValue();
  }

  static boolean nonZero(List<BigDecimal> values) {
    return values != null && values.stream().anyMatch(v -> v.signum() != 0);
  }

  /** Route names as shown: the vocabulary value itself, so it matches the tables and exports. */
  static String label(Route route) {
    return route.wireName();
  }

  static YearMonth first(List<YearMonth> months) {
    return months.isEmpty() ? null : months.get(0);
  }

  static YearMonth last(List<YearMonth> months) {
    return months.isEmpty() ? null : months.get(months.size() - 1);
  }
}
