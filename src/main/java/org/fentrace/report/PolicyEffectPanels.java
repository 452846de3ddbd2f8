package org.fentrace.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fentrace.core.PeriodUnit;
import org.fentrace.effects.PolicyEffects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The policy-effect chart of one event: one small panel per series with an estimate (source x route
 * x class, or NFLIS x class), each titled by its series and its published level change: observed
 * values over the window used, the published fit's counterfactual from the first period after the
 * event, and the event line.
 */
final class PolicyEffectPanels {
  static final Color OBSERVED = new Color(0x0072B2);
  static final Color COUNTERFACTUAL = new Color(0xD55E00);
  static final String OBSERVED_NAME = "observed";
  static final String COUNTERFACTUAL_NAME = "pre-event trend carried forward (counterfactual)";
  private static final int PANEL = 150;

  private PolicyEffectPanels() {}

  /** Pixel height of a chart of {@code panels} panels. */
  static int height(int panels) {
    return 90 + PANEL * panels;
  }

  static JFreeChart chart(
      List<PublishedEffects.Row> estimated, Map<String, PolicyEffects.Series> observed) {
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartKit.monthAxis(null));
    plot.setGap(10);
    for (PublishedEffects.Row e : estimated) {
      plot.add(panel(e, observed.get(e.key())), 1);
    }
    JFreeChart chart = new JFreeChart(null, ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    // One legend for all panels: the first panel's two lines and the event.
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(ChartKit.lineItem(OBSERVED_NAME, OBSERVED, new BasicStroke(1.8f)));
    legend.add(ChartKit.lineItem(COUNTERFACTUAL_NAME, COUNTERFACTUAL, dashed()));
    legend.add(ChartKit.lineItem("policy event", ChartKit.EVENT, ChartKit.EVENT_STROKE));
    plot.setFixedLegendItems(legend);
    return chart;
  }

  /** One series: observed over the window, counterfactual after the event, the event. */
  static XYPlot panel(PublishedEffects.Row e, PolicyEffects.Series series) {
    TimeSeries obs = new TimeSeries(e.series() + " " + OBSERVED_NAME);
    TimeSeries cf = new TimeSeries(e.series() + " " + COUNTERFACTUAL_NAME);
    List<PolicyEffects.Point> window =
        series == null
            ? List.of()
            : series.points().stream()
                .filter(PolicyEffects.Point::covered)
                .filter(
                    p -> !p.start().isBefore(e.windowFirst()) && !p.start().isAfter(e.windowLast()))
                .sorted(Comparator.comparing(PolicyEffects.Point::start))
                .toList();
    YearMonth post = e.firstAfter();
    for (PolicyEffects.Point p : window) {
      obs.addOrUpdate(ChartKit.period(p.start()), p.value());
      if (!p.start().isBefore(post) && e.fitIntercept() != null) {
        cf.addOrUpdate(ChartKit.period(p.start()), e.counterfactual(p.start()));
      }
    }
    TimeSeriesCollection data = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    data.addSeries(obs);
    data.addSeries(cf);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, OBSERVED);
    r.setSeriesStroke(0, new BasicStroke(1.8f));
    r.setSeriesPaint(1, COUNTERFACTUAL);
    r.setSeriesStroke(1, dashed());
    NumberAxis y = new NumberAxis(e.unit() == PeriodUnit.MONTH ? "kg / month" : "reports / half");
    y.setAutoRangeIncludesZero(true);
    XYPlot p = new XYPlot(data, null, y, r);
    p.addDomainMarker(
        new ValueMarker(ChartKit.millis(e.eventDate()), ChartKit.EVENT, ChartKit.EVENT_STROKE));
    TextTitle name =
        new TextTitle(
            e.series()
                + ": level "
                + Html.signedPct(e.levelPct())
                + " (95% "
                + Html.signedPct(e.levelLow())
                + " to "
                + Html.signedPct(e.levelHigh())
                + ")",
            ChartKit.FONT.deriveFont(java.awt.Font.BOLD));
    name.setBackgroundPaint(new Color(255, 255, 255, 200));
    p.addAnnotation(new XYTitleAnnotation(0.5, 0.98, name, RectangleAnchor.TOP));
    return p;
  }

  private static BasicStroke dashed() {
    return new BasicStroke(
        1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }
}
