package org.fentrace.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Form;
import org.fentrace.core.Route;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Month;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Shared chart styling and rendering: one colour per route (Okabe-Ito, readable with
 * colour-blindness), the policy-event and lead-change markers every time chart carries, and
 * JFreeChart-to-SVG rendering through JFreeSVG with a per-chart prefix on every SVG id, so several
 * charts inline in one page do not share clip paths or gradients.
 */
final class ChartKit {
  private ChartKit() {}

  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Color GRID = new Color(0xDDDDDD);
  static final Color EVENT = new Color(0x444444);
  static final Color LEAD = new Color(0xCC79A7);
  static final Stroke EVENT_STROKE =
      new BasicStroke(
          1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f);
  static final Stroke LEAD_STROKE =
      new BasicStroke(
          2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);

  private static final Map<Route, Color> ROUTE_COLORS =
      new EnumMap<>(
          Map.of(
              Route.CHINA_DIRECT,
              new Color(0xD55E00),
              Route.MEXICO_CARTEL,
              new Color(0x0072B2),
              Route.CHINA_PRECURSOR_VIA_MEXICO,
              new Color(0xCC79A7),
              Route.OTHER_ORIGIN,
              new Color(0x009E73),
              Route.UNATTRIBUTED,
              new Color(0x999999)));

  /** The "other routes and unattributed" series, drawn together. */
  static final Color OTHER_ROUTES = new Color(0x8C8C8C);

  private static final Map<Form, Color> FORM_COLORS =
      new EnumMap<>(
          Map.of(
              Form.POWDER,
              new Color(0xE69F00),
              Form.PILLS,
              new Color(0x56B4E9),
              Form.LIQUID,
              new Color(0x009E73),
              Form.PATCH,
              new Color(0xCC79A7),
              Form.OTHER,
              new Color(0x666666),
              Form.UNKNOWN,
              new Color(0xAAAAAA)));

  static Color route(Route route) {
    return ROUTE_COLORS.getOrDefault(route, new Color(0x555555));
  }

  static Color form(Form form) {
    return FORM_COLORS.getOrDefault(form, new Color(0x555555));
  }

  static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /**
   * A plain, light theme applied to every chart. The theme would clear the series paints and
   * strokes set by the chart builders, so renderers are first told not to auto-populate them.
   */
  static void style(JFreeChart chart) {
    keepSeriesStyles(chart.getPlot());
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(FONT.deriveFont(Font.BOLD, 15f));
    theme.setLargeFont(FONT.deriveFont(Font.BOLD, 13f));
    theme.setRegularFont(FONT);
    theme.setSmallFont(FONT.deriveFont(11f));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setShadowVisible(false);
    theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
  }

  private static void keepSeriesStyles(org.jfree.chart.plot.Plot plot) {
    if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
      for (Object sub : c.getSubplots()) {
        keepSeriesStyles((org.jfree.chart.plot.Plot) sub);
      }
    }
    if (plot instanceof XYPlot xy) {
      for (int i = 0; i < xy.getRendererCount(); i++) {
        keep(xy.getRenderer(i));
      }
    }
    if (plot instanceof org.jfree.chart.plot.CategoryPlot cp) {
      for (int i = 0; i < cp.getRendererCount(); i++) {
        keep(cp.getRenderer(i));
      }
    }
  }

  private static void keep(Object renderer) {
    if (renderer instanceof org.jfree.chart.renderer.AbstractRenderer r) {
      r.setAutoPopulateSeriesPaint(false);
      r.setAutoPopulateSeriesStroke(false);
    }
  }

  /**
   * Renders the chart as an inline {@code <svg>} element with the given id and a viewBox (scales
   * with CSS).
   */
  static String svg(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(
        id,
        true,
        new ViewBox(0, 0, width, height),
        PreserveAspectRatio.XMID_YMID,
        MeetOrSlice.MEET);
  }

  static Month period(YearMonth m) {
    return new Month(m.getMonthValue(), m.getYear());
  }

  static long millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * UTC date axis labelled by month, so tick positions do not depend on the machine's time zone.
   */
  static DateAxis monthAxis(String label) {
    DateAxis axis = new DateAxis(label, java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.US);
    axis.setDateFormatOverride(utc("MMM yyyy"));
    return axis;
  }

  static java.text.SimpleDateFormat utc(String pattern) {
    java.text.SimpleDateFormat f = new java.text.SimpleDateFormat(pattern, java.util.Locale.US);
    f.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    return f;
  }

  /**
   * Draws each policy event inside [first, last] as a dashed vertical line labelled with its number
   * (its position in the full event list, 1-based, as in the report's events table); returns how
   * many were drawn.
   */
  static int policyMarkers(
      XYPlot plot,
      List<PolicyEvents.PolicyEvent> events,
      YearMonth first,
      YearMonth last,
      boolean labelled) {
    int drawn = 0;
    for (int i = 0; i < events.size(); i++) {
      LocalDate d = events.get(i).date();
      if (first == null || d.isBefore(first.atDay(1)) || d.isAfter(last.atEndOfMonth())) {
        continue;
      }
      ValueMarker m = new ValueMarker(millis(d), EVENT, EVENT_STROKE);
      if (labelled) {
        labelEvent(m, Integer.toString(i + 1), RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
      }
      plot.addDomainMarker(m, Layer.FOREGROUND);
      drawn++;
    }
    return drawn;
  }

  /** Events inside [first, last], 1-based numbers as drawn. */
  static List<Integer> eventsInside(
      List<PolicyEvents.PolicyEvent> events, YearMonth first, YearMonth last) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      LocalDate d = events.get(i).date();
      if (first != null && !d.isBefore(first.atDay(1)) && !d.isAfter(last.atEndOfMonth())) {
        out.add(i + 1);
      }
    }
    return out;
  }

  /** A legend entry drawn as a short line in the given paint and stroke (for markers). */
  static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
    LegendItem item =
        new LegendItem(label, null, null, null, new Line2D.Double(-9, 0, 9, 0), stroke, paint);
    item.setLabelFont(FONT);
    return item;
  }

  /** A legend entry drawn as a filled box. */
  static LegendItem boxItem(String label, Paint paint) {
    LegendItem item = new LegendItem(label, paint);
    item.setShape(new Rectangle2D.Double(-5, -5, 10, 10));
    item.setLabelFont(FONT);
    return item;
  }

  /**
   * The plot's own legend items plus the marker entries, fixed (JFreeChart does not list markers
   * itself).
   */
  static LegendItemCollection withMarkers(LegendItemCollection own, boolean events, boolean leads) {
    LegendItemCollection all = new LegendItemCollection();
    all.addAll(own);
    if (events) {
      all.add(lineItem("policy event (number: see table)", EVENT, EVENT_STROKE));
    }
    if (leads) {
      all.add(lineItem("lead change (China direct / Mexico cartel)", LEAD, LEAD_STROKE));
    }
    return all;
  }

  /**
   * Labels a policy-event marker the same way on every chart: bold, in the event colour, at the
   * given anchor.
   */
  static void labelEvent(
      org.jfree.chart.plot.Marker m, String label, RectangleAnchor anchor, TextAnchor textAnchor) {
    m.setLabel(label);
    m.setLabelFont(FONT.deriveFont(Font.BOLD, 11f));
    m.setLabelPaint(EVENT);
    m.setLabelAnchor(anchor);
    m.setLabelTextAnchor(textAnchor);
  }
}
