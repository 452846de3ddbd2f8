package org.fentrace.report;

import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fentrace.core.SubstanceClass;
import org.fentrace.effects.EffectStatus;
import org.fentrace.effects.PolicyEffects;
import org.fentrace.effects.PolicyEffectsTable;
import org.fentrace.effects.PolicyEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The report's "Policy effects" section: one figure per policy event with its
 * interrupted-time-series estimates ({@code policy_effects}). The chart shows one series (the first
 * estimated fentanyl series, by source and route): observed values over the window used, the
 * pre-event trend (and season) carried forward as the counterfactual, and the event. The table
 * lists every series: the estimate with its 95% interval, or why there is none. The words say
 * association, not causation, and name overlapping events.
 */
final class PolicyEffectFigures {
  static final String SECTION = "Policy effects";
  private static final Color OBSERVED = new Color(0x0072B2);
  private static final Color COUNTERFACTUAL = new Color(0xD55E00);

  private PolicyEffectFigures() {}

  static List<Figure> all(List<PolicyEffects.Effect> effects) {
    Map<String, List<PolicyEffects.Effect>> byEvent = new LinkedHashMap<>();
    effects.forEach(e -> byEvent.computeIfAbsent(e.event().id(), k -> new ArrayList<>()).add(e));
    List<Figure> out = new ArrayList<>();
    byEvent.values().forEach(list -> out.add(figure(list)));
    return out;
  }

  static Figure figure(List<PolicyEffects.Effect> effects) {
    PolicyEvent event = effects.get(0).event();
    List<PolicyEffects.Effect> estimated =
        effects.stream().filter(e -> e.status() == EffectStatus.ESTIMATED).toList();
    Optional<PolicyEffects.Effect> shown =
        estimated.stream()
            .filter(e -> e.series().substanceClass().equals(SubstanceClass.FENTANYL.wireName()))
            .findFirst()
            .or(() -> estimated.stream().findFirst());
    String id = "fig-effect-" + event.id();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Association, not causation: a level or slope change around the date is what the data show next to"
            + " the event; other measures, enforcement, reporting or markets may move the series at the same time.");
    notes.add(
        "Primary source of the date: " + event.primaryCitation() + " (" + event.sourceUrl() + ").");
    List<String> overlaps =
        estimated.stream().flatMap(e -> e.overlapping().stream()).distinct().toList();
    if (!overlaps.isEmpty()) {
      notes.add(
          "Other events inside the windows used, whose changes the estimates mix in: "
              + String.join("; ", overlaps)
              + ".");
    }
    notes.add(
        "Method: "
            + PolicyEffects.METHOD_MONTHLY
            + " (half-yearly NFLIS series: no seasonal pair, t(n-4)).");
    String summary;
    if (shown.isPresent()) {
      PolicyEffects.Effect e = shown.get();
      summary =
          "Around "
              + event.date()
              + " ("
              + describe(e)
              + "), the level changed by "
              + Html.signedPct(e.levelChangePct())
              + " (95% interval "
              + Html.signedPct(e.levelLowPct())
              + " to "
              + Html.signedPct(e.levelHighPct())
              + ") against the pre-event trend carried forward"
              + (e.levelLowPct() > 0 || e.levelHighPct() < 0
                  ? ""
                  : "; the interval includes no change")
              + ". "
              + estimated.size()
              + " of "
              + effects.size()
              + " series have enough covered data on both sides.";
    } else {
      summary =
          "No series has enough covered data on both sides of "
              + event.date()
              + " for an estimate (12 covered months, or 3 half-years, each side); the table says why for each.";
    }
    String svg = shown.map(e -> Figures.svg(chart(e), id, 340)).orElse(null);
    return new Figure(
        id,
        SECTION,
        event.label() + " (" + event.date() + ")",
        summary,
        shown
            .map(
                e ->
                    e.series().unit() == org.fentrace.effects.PeriodUnit.MONTH
                        ? "kg per month"
                        : "drug reports per half-year")
            .orElse("percent change"),
        List.of(PolicyEffectsTable.TABLE, "route_monthly", "lab_reports"),
        "not applicable (estimates per series)",
        svg,
        false,
        List.of(),
        notes,
        table(id, effects));
  }

  private static String describe(PolicyEffects.Effect e) {
    return e.series().source()
        + (e.series().route() == null ? "" : ", " + e.series().route())
        + ", "
        + e.series().substanceClass()
        + ", "
        + e.periodsBefore()
        + " "
        + e.series().unit().id()
        + "s before and "
        + e.periodsAfter()
        + " after";
  }

  /**
   * Observed values over the window, the counterfactual from the first period after the event, the
   * event line.
   */
  static JFreeChart chart(PolicyEffects.Effect e) {
    TimeSeries observed = new TimeSeries("observed");
    TimeSeries counterfactual = new TimeSeries("pre-event trend carried forward (counterfactual)");
    int months = e.series().unit().months();
    List<PolicyEffects.Point> window =
        e.series().points().stream()
            .filter(PolicyEffects.Point::covered)
            .filter(p -> !p.start().isBefore(e.windowFirst()) && !p.start().isAfter(e.windowLast()))
            .sorted(Comparator.comparing(PolicyEffects.Point::start))
            .toList();
    YearMonth holding =
        PolicyEffects.periodStart(YearMonth.from(e.event().date()), e.series().unit());
    YearMonth post =
        e.event().date().equals(holding.atDay(1)) ? holding : holding.plusMonths(months);
    for (PolicyEffects.Point p : window) {
      observed.addOrUpdate(ChartKit.period(p.start()), p.value());
      if (!p.start().isBefore(post)) {
        double t = ChronoUnit.MONTHS.between(post, p.start()) / (double) months;
        counterfactual.addOrUpdate(
            ChartKit.period(p.start()),
            Math.expm1(PolicyEffects.counterfactualLog(e.fit(), t, p.start().getMonthValue())));
      }
    }
    TimeSeriesCollection data = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    data.addSeries(observed);
    data.addSeries(counterfactual);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, OBSERVED);
    renderer.setSeriesStroke(0, new BasicStroke(1.8f));
    renderer.setSeriesPaint(1, COUNTERFACTUAL);
    renderer.setSeriesStroke(
        1,
        new BasicStroke(
            1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    XYPlot plot =
        new XYPlot(
            data,
            ChartKit.monthAxis(null),
            new org.jfree.chart.axis.NumberAxis(
                e.series().unit() == org.fentrace.effects.PeriodUnit.MONTH ? "kg" : "drug reports"),
            renderer);
    ValueMarker marker =
        new ValueMarker(ChartKit.millis(e.event().date()), ChartKit.EVENT, ChartKit.EVENT_STROKE);
    plot.addDomainMarker(marker);
    JFreeChart chart = new JFreeChart(describe(e), ChartKit.FONT, plot, true);
    ChartKit.style(chart);
    return chart;
  }

  static String table(String id, List<PolicyEffects.Effect> effects) {
    List<String> rows = new ArrayList<>();
    for (PolicyEffects.Effect e : effects) {
      boolean est = e.status() == EffectStatus.ESTIMATED;
      rows.add(
          Html.row(
              List.of("source", e.series().source(), "status", e.status().name()),
              textCell(e.series().source()),
              textCell(e.series().route() == null ? "(none)" : e.series().route()),
              textCell(e.series().substanceClass()),
              textCell(e.series().unit().id()),
              textCell(e.status().name()),
              numCell(Integer.toString(e.periodsBefore())),
              numCell(Integer.toString(e.periodsAfter())),
              numCell(est ? Html.signedPct(e.levelChangePct()) : "–"),
              numCell(
                  est
                      ? Html.signedPct(e.levelLowPct()) + " to " + Html.signedPct(e.levelHighPct())
                      : "–"),
              numCell(est ? Html.signedPct(e.slopeChangePct()) : "–"),
              numCell(
                  est
                      ? Html.signedPct(e.slopeLowPct()) + " to " + Html.signedPct(e.slopeHighPct())
                      : "–"),
              textCell(e.note())));
    }
    return Html.table(
        id + "-table",
        List.of(
            "source",
            "route",
            "substance class",
            "period",
            "status",
            "before",
            "after",
            "level change",
            "95% interval",
            "slope change per period",
            "95% interval",
            "note"),
        rows);
  }
}
