package org.fentrace.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;
import org.fentrace.core.Route;
import org.fentrace.routes.SensitivityRuleSets;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * The attribution sensitivity band: for each fiscal year and route of the report's source, the
 * lowest and highest fentanyl-family kilograms over the route rules in force and the alternative
 * rule sets (route_sensitivity). A wide band is a route that rests on a proxy; a narrow one does
 * not depend on it. A warehouse written before route_sensitivity existed has no band, and the
 * report says so.
 */
final class SensitivityBand {
  static final Color BAND = new Color(0, 0, 0, 70);

  private SensitivityBand() {}

  /** One route_sensitivity row of the report's source. */
  record Range(
      int fiscalYear,
      Route route,
      BigDecimal inForceKg,
      BigDecimal minKg,
      BigDecimal maxKg,
      String minRuleSet,
      String maxRuleSet) {}

  /** The alternative rule sets the band spans, as the caption names them. */
  static String ruleSets() {
    return "the rules in force and "
        + String.join(
            ", ",
            List.of(
                SensitivityRuleSets.MAIL_FACILITIES_ONLY,
                SensitivityRuleSets.GULF_COAST_MEXICO,
                SensitivityRuleSets.ALL_COASTAL_INTERIOR))
        + " (jobs/conf/route-rules-alt-*.yaml; they differ only in the CBP proxy rules)";
  }

  /**
   * The caption of the band: what it is, or why there is none (null ranges: the warehouse has no
   * route_sensitivity table).
   */
  static String caption(List<Range> ranges) {
    if (ranges == null) {
      return "No attribution sensitivity band: this warehouse has no route_sensitivity table (written by the"
          + " trends step since the alternative rule sets were added); the next run of fentrace trends adds it.";
    }
    if (ranges.isEmpty()) {
      return "No attribution sensitivity band: route_sensitivity holds no row for this source.";
    }
    return "Grey band on each bar: the lowest to the highest kilograms the route would have under "
        + ruleSets()
        + " (route_sensitivity). A wide band means the route rests on a proxy rule; no visible band means the"
        + " alternatives agree.";
  }

  /** The range of one year and route, or null. */
  static Range of(List<Range> ranges, int fy, Route route) {
    if (ranges == null) {
      return null;
    }
    return ranges.stream()
        .filter(r -> r.fiscalYear() == fy && r.route() == route)
        .findFirst()
        .orElse(null);
  }

  /**
   * Draws the band over the bars of a fiscal-year chart: one interval bar per route and year, laid
   * out as the bars are (same series and categories, same margins), in translucent grey with a dark
   * outline.
   */
  static boolean draw(
      CategoryPlot plot,
      List<Range> ranges,
      List<Route> routes,
      List<Integer> years,
      List<String> yearLabels,
      double itemMargin) {
    if (ranges == null || ranges.isEmpty() || routes.isEmpty() || years.isEmpty()) {
      return false;
    }
    Number[][] starts = new Number[routes.size()][years.size()];
    Number[][] ends = new Number[routes.size()][years.size()];
    boolean any = false;
    for (int i = 0; i < routes.size(); i++) {
      for (int j = 0; j < years.size(); j++) {
        Range r = of(ranges, years.get(j), routes.get(i));
        if (r != null) {
          starts[i][j] = r.minKg().doubleValue();
          ends[i][j] = r.maxKg().doubleValue();
          any = true;
        }
      }
    }
    if (!any) {
      return false;
    }
    DefaultIntervalCategoryDataset band =
        new DefaultIntervalCategoryDataset(
            routes.stream().map(Route::wireName).toArray(String[]::new),
            yearLabels.toArray(new String[0]),
            starts,
            ends);
    IntervalBarRenderer r = new IntervalBarRenderer();
    r.setItemMargin(itemMargin);
    r.setShadowVisible(false);
    r.setDrawBarOutline(true);
    r.setDefaultSeriesVisibleInLegend(false);
    for (int i = 0; i < routes.size(); i++) {
      r.setSeriesPaint(i, BAND);
      r.setSeriesOutlinePaint(i, new Color(0x333333));
      r.setSeriesOutlineStroke(i, new BasicStroke(1.0f));
    }
    plot.setDataset(1, band);
    plot.setRenderer(1, r);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return true;
  }
}
