package org.fentrace.report;

import java.awt.Color;
import java.awt.Paint;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Route;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.GanttRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;

/**
 * Charts with categories on one axis: fiscal-year totals (the year in progress drawn lighter and
 * labelled partial), the analog and source-coverage timelines (first to last month seen, with the
 * policy events), and rejects by reason.
 */
final class CategoryCharts {
  private CategoryCharts() {}

  /** The category label of a fiscal year: {@code FY2024}, or {@code FY2024 (partial)}. */
  static String fyLabel(ReportData d, int fy) {
    return "FY" + fy + (d.isPartial(fy) ? " (partial)" : "");
  }

  /**
   * Fentanyl-family kg per fiscal year and route; partial years lighter, events marked on their
   * fiscal year.
   */
  static JFreeChart fiscalYears(ReportData d) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    List<Route> routes = new ArrayList<>();
    for (ReportData.FiscalYearRow r : d.fiscalYears()) {
      if (!routes.contains(r.route())
          && d.fiscalYears().stream()
              .anyMatch(x -> x.route() == r.route() && x.kg().signum() != 0)) {
        routes.add(r.route());
      }
    }
    for (int fy : d.fiscalYearList()) {
      for (Route route : routes) {
        ReportData.FiscalYearRow r = d.fiscalYear(fy, route);
        // No bar for no kg; a bar too small to see still gets a visible minimum length (below).
        ds.addValue(
            r == null || r.kg().signum() == 0 ? null : r.kg().doubleValue(),
            route.wireName(),
            fyLabel(d, fy));
      }
    }
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            // The rows were added in the order of routes (every route in the first year).
            Color c = ChartKit.route(routes.get(row));
            return ((String) ds.getColumnKey(column)).endsWith("(partial)")
                ? ChartKit.translucent(c, 90)
                : c;
          }
        };
    renderer.setItemMargin(0.05);
    renderer.setMinimumBarLength(3.0);
    for (int i = 0; i < routes.size(); i++) {
      renderer.setSeriesPaint(i, ChartKit.route(routes.get(i)));
    }
    CategoryPlot plot =
        new CategoryPlot(
            ds,
            new CategoryAxis("US federal fiscal year (October to September)"),
            new NumberAxis("fentanyl-family kg per fiscal year"),
            renderer);
    List<Integer> years = d.fiscalYearList();
    boolean band =
        SensitivityBand.draw(
            plot,
            d.sensitivity(),
            routes,
            years,
            years.stream().map(fy -> fyLabel(d, fy)).toList(),
            renderer.getItemMargin());
    Map<Integer, List<Integer>> eventsByFy = new LinkedHashMap<>();
    List<Integer> fys = d.fiscalYearList();
    for (int i = 0; i < d.policyEvents().size(); i++) {
      int fy = fiscalYear(d.policyEvents().get(i).date());
      if (fys.contains(fy)) {
        eventsByFy.computeIfAbsent(fy, k -> new ArrayList<>()).add(i + 1);
      }
    }
    eventsByFy.forEach(
        (fy, numbers) -> {
          CategoryMarker m =
              new CategoryMarker(fyLabel(d, fy), ChartKit.EVENT, ChartKit.EVENT_STROKE);
          m.setDrawAsLine(true);
          ChartKit.labelEvent(
              m,
              "events "
                  + numbers.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""),
              RectangleAnchor.TOP,
              TextAnchor.TOP_CENTER);
          plot.addDomainMarker(m, Layer.FOREGROUND);
        });
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    LegendItemCollection legend =
        ChartKit.withMarkers(plot.getLegendItems(), !eventsByFy.isEmpty(), false);
    if (fys.stream().anyMatch(d::isPartial)) {
      legend.add(
          ChartKit.boxItem(
              "lighter bars: partial fiscal year (data do not cover all 12 months)",
              new Color(0xBBBBBB)));
    }
    if (band) {
      legend.add(
          ChartKit.boxItem(
              "grey band: lowest to highest kg over the alternative rule sets (route_sensitivity)",
              SensitivityBand.BAND));
    }
    plot.setFixedLegendItems(legend);
    return chart;
  }

  /** US federal fiscal year of a date: 1 October to 30 September, named by the year it ends in. */
  static int fiscalYear(LocalDate d) {
    return d.getMonthValue() >= 10 ? d.getYear() + 1 : d.getYear();
  }

  /**
   * Each analog from its first to its last month seen; unlisted analogs in their own colour, new
   * ones flagged.
   */
  static JFreeChart analogs(ReportData d) {
    TaskSeries series = new TaskSeries("analogs");
    List<Boolean> unlisted = new ArrayList<>();
    for (ReportData.Analog a : d.analogs()) {
      series.add(
          new Task(
              a.name() + (a.newThisRun() ? " (new)" : ""),
              start(a.firstMonth()),
              end(a.lastMonth())));
      unlisted.add(a.unlisted());
    }
    Color listed = new Color(0x0072B2);
    Color notListed = new Color(0xD55E00);
    JFreeChart chart =
        timeline(
            series,
            "substance (first to last month seen)",
            i -> unlisted.get(i) ? notListed : listed,
            d,
            first(d.analogs().stream().map(ReportData.Analog::firstMonth).toList()),
            last(d.analogs().stream().map(ReportData.Analog::lastMonth).toList()));
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(ChartKit.boxItem("in the substance dictionary", listed));
    legend.add(ChartKit.boxItem("unlisted (read as an analog, not in the dictionary)", notListed));
    ((CategoryPlot) chart.getPlot()).setFixedLegendItems(ChartKit.withMarkers(legend, true, false));
    return chart;
  }

  /** Each source format from its first to its last month in the seizures table. */
  static JFreeChart coverage(ReportData d) {
    TaskSeries series = new TaskSeries("sources");
    for (ReportData.Coverage c : d.quality().coverageByFormat()) {
      series.add(new Task(c.source(), start(c.firstMonth()), end(c.lastMonth())));
    }
    List<ReportData.Coverage> cov = d.quality().coverageByFormat();
    JFreeChart chart =
        timeline(
            series,
            "source format",
            i -> new Color(0x009E73),
            d,
            first(cov.stream().map(ReportData.Coverage::firstMonth).toList()),
            last(cov.stream().map(ReportData.Coverage::lastMonth).toList()));
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(ChartKit.boxItem("months with seizures from this source", new Color(0x009E73)));
    ((CategoryPlot) chart.getPlot()).setFixedLegendItems(ChartKit.withMarkers(legend, true, false));
    return chart;
  }

  private static JFreeChart timeline(
      TaskSeries series,
      String categoryLabel,
      java.util.function.IntFunction<Color> color,
      ReportData d,
      YearMonth first,
      YearMonth last) {
    TaskSeriesCollection ds = new TaskSeriesCollection();
    ds.add(series);
    GanttRenderer renderer =
        new GanttRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return color.apply(column);
          }
        };
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    DateAxis axis = ChartKit.monthAxis("month");
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(categoryLabel), axis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    for (int i = 0; i < d.policyEvents().size(); i++) {
      LocalDate date = d.policyEvents().get(i).date();
      if (first == null || date.isBefore(first.atDay(1)) || date.isAfter(last.atEndOfMonth())) {
        continue;
      }
      ValueMarker m = new ValueMarker(ChartKit.millis(date), ChartKit.EVENT, ChartKit.EVENT_STROKE);
      ChartKit.labelEvent(
          m, Integer.toString(i + 1), RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
      plot.addRangeMarker(m, Layer.FOREGROUND);
    }
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    return chart;
  }

  /** Rows in the quarantine by reason code, largest first. */
  static JFreeChart rejects(ReportData d) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    d.quality().rejectsByReason().entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ds.addValue(e.getValue(), "rejected rows", e.getKey()));
    BarRenderer renderer = new BarRenderer();
    renderer.setSeriesPaint(0, new Color(0xCC6677));
    NumberAxis x = new NumberAxis("rows in the quarantine (rejected table)");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CategoryAxis reasons = new CategoryAxis("reason_code");
    reasons.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    CategoryPlot plot = new CategoryPlot(ds, reasons, x, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, false);
    ChartKit.style(chart);
    return chart;
  }

  private static Date start(YearMonth m) {
    return new Date(ChartKit.millis(m.atDay(1)));
  }

  private static Date end(YearMonth m) {
    return new Date(ChartKit.millis(m.plusMonths(1).atDay(1)) - 1);
  }

  private static YearMonth first(List<YearMonth> months) {
    return months.stream()
        .filter(java.util.Objects::nonNull)
        .min(YearMonth::compareTo)
        .orElse(null);
  }

  private static YearMonth last(List<YearMonth> months) {
    return months.stream()
        .filter(java.util.Objects::nonNull)
        .max(YearMonth::compareTo)
        .orElse(null);
  }
}
