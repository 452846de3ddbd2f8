package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.PeriodUnit;
import org.fentrace.effects.PolicyEffects;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The policy effects section draws what the published policy_effects rows say, without refitting:
 * one panel per estimated series, each naming its source, with the counterfactual rebuilt from the
 * row's published fit columns; statuses only in the table.
 */
class PolicyEffectFiguresTest {
  static final LocalDate EVENT = LocalDate.of(2020, 3, 20);

  /** An ESTIMATED (or status) row of the event, window 2019-03 .. 2021-03 for monthly series. */
  static PublishedEffects.Row row(
      String source,
      String route,
      PeriodUnit unit,
      String status,
      Double level,
      Double intercept,
      Double preTrend,
      Double sin,
      Double cos) {
    boolean est = status.equals("ESTIMATED");
    return new PublishedEffects.Row(
        "us-title-42-2020",
        EVENT,
        "Title 42 order",
        "85 FR 17060",
        source,
        route,
        "FENTANYL",
        unit,
        status,
        est ? null : "event outside the source's coverage",
        est ? 12 : 0,
        est ? 12 : 0,
        est ? YearMonth.of(2019, 3) : null,
        est ? YearMonth.of(2021, 3) : null,
        level,
        est ? level - 10 : null,
        est ? level + 10 : null,
        est ? 1.0 : null,
        est ? -1.0 : null,
        est ? 3.0 : null,
        preTrend,
        "segmented regression",
        null,
        intercept,
        sin,
        cos);
  }

  static PolicyEffects.Series monthly(String source, String route, double value) {
    List<PolicyEffects.Point> points = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2019, 1);
        !m.isAfter(YearMonth.of(2021, 6));
        m = m.plusMonths(1)) {
      points.add(new PolicyEffects.Point(m, true, value));
    }
    return new PolicyEffects.Series(source, route, "FENTANYL", PeriodUnit.MONTH, points);
  }

  @Test
  void counterfactualComesFromThePublishedFit() {
    // Event 2020-03-20: the period holding it is 2020-03, so t = 0 at 2020-04.
    // intercept ln(11), pre trend +10% a month, no season: at 2020-06 (t = 2)
    // exp(ln 11 + 2 ln 1.1) - 1 = 11 * 1.21 - 1 = 12.31.
    PublishedEffects.Row r =
        row(
            "cbp_published",
            "MEXICO_CARTEL",
            PeriodUnit.MONTH,
            "ESTIMATED",
            -20.0,
            Math.log(11),
            10.0,
            0.0,
            0.0);
    assertThat(r.firstAfter()).isEqualTo(YearMonth.of(2020, 4));
    assertThat(r.counterfactual(YearMonth.of(2020, 6))).isCloseTo(12.31, offset(1e-9));
    // With season: cos coefficient 0.2 at month 12 (cos(2 pi) = 1), t = 8 at 2020-12, no trend:
    // exp(ln 11 + 0.2) - 1 = 11 * 1.2214027582 - 1 = 12.4354303.
    PublishedEffects.Row seasonal =
        row(
            "cbp_published",
            "MEXICO_CARTEL",
            PeriodUnit.MONTH,
            "ESTIMATED",
            -20.0,
            Math.log(11),
            0.0,
            0.0,
            0.2);
    assertThat(seasonal.counterfactual(YearMonth.of(2020, 12))).isCloseTo(12.4354303, offset(1e-6));
  }

  @Test
  void everyEstimatedSeriesGetsAPanelNamingItsSource() {
    List<PublishedEffects.Row> rows =
        List.of(
            row(
                "cbp_published",
                "CHINA_DIRECT",
                PeriodUnit.MONTH,
                "ESTIMATED",
                25.0,
                Math.log(11),
                0.0,
                0.0,
                0.0),
            row(
                "cbp_published",
                "MEXICO_CARTEL",
                PeriodUnit.MONTH,
                "ESTIMATED",
                -40.0,
                Math.log(21),
                0.0,
                0.0,
                0.0),
            row(
                "seizure_events",
                "MEXICO_CARTEL",
                PeriodUnit.MONTH,
                "OUTSIDE_COVERAGE",
                null,
                null,
                null,
                null,
                null));
    Map<String, PolicyEffects.Series> observed =
        PublishedEffects.observed(
            List.of(
                monthly("cbp_published", "CHINA_DIRECT", 12),
                monthly("cbp_published", "MEXICO_CARTEL", 15)));
    Figure f = PolicyEffectFigures.figure(rows, observed, List.of());
    var plot =
        (CombinedDomainXYPlot) PolicyEffectPanels.chart(rows.subList(0, 2), observed).getPlot();
    assertThat(plot.getSubplots()).hasSize(2);
    List<String> titles = new ArrayList<>();
    for (Object o : plot.getSubplots()) {
      XYPlot p = (XYPlot) o;
      titles.add(
          ((TextTitle) ((XYTitleAnnotation) p.getAnnotations().get(0)).getTitle()).getText());
      TimeSeriesCollection data = (TimeSeriesCollection) p.getDataset();
      // Observed: the window 2019-03 .. 2021-03 is 25 months; counterfactual from 2020-04: 12.
      assertThat(data.getSeries(0).getItemCount()).isEqualTo(25);
      assertThat(data.getSeries(1).getItemCount()).isEqualTo(12);
    }
    assertThat(titles)
        .containsExactly(
            "cbp_published, CHINA_DIRECT, FENTANYL: level +25.0% (95% +15.0% to +35.0%)",
            "cbp_published, MEXICO_CARTEL, FENTANYL: level −40.0% (95% −50.0% to −30.0%)");
    // Second panel: intercept ln(21), flat: the counterfactual is 20 kg a month.
    XYPlot second = (XYPlot) plot.getSubplots().get(1);
    assertThat(((TimeSeriesCollection) second.getDataset()).getSeries(1).getValue(0).doubleValue())
        .isCloseTo(20.0, offset(1e-9));
    // Two estimates, +25% and -40%: both intervals exclude 0.
    assertThat(f.summary())
        .contains("2 of 3 series have enough covered data")
        .contains("run from −40.0% to +25.0%; 2 of 2 have a 95% interval that excludes no change.");
    assertThat(f.svg()).isNotNull();
    assertThat(f.tableHtml())
        .contains("OUTSIDE_COVERAGE", "event outside the source&#39;s coverage");
    assertThat(f.notes()).anyMatch(n -> n.startsWith("Numbers from policy_effects as published"));
  }

  @Test
  void anEventWithoutEstimatesHasNoChart() {
    Figure f =
        PolicyEffectFigures.figure(
            List.of(
                row(
                    "seizure_events",
                    "MEXICO_CARTEL",
                    PeriodUnit.MONTH,
                    "OUTSIDE_COVERAGE",
                    null,
                    null,
                    null,
                    null,
                    null)),
            Map.of(),
            List.of());
    assertThat(f.svg()).isNull();
    assertThat(f.summary()).startsWith("No series has enough covered data");
  }
}
