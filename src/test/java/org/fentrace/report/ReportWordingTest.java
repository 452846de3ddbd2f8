package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Route;
import org.junit.jupiter.api.Test;

/**
 * The small wording functions: partial years, trend intervals as annual ranges, pounds, where the
 * source starts and stops, and the sensitivity band's caption and drawing.
 */
class ReportWordingTest {
  static List<YearMonth> span(String a, String b) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = YearMonth.parse(a); !m.isAfter(YearMonth.parse(b)); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  @Test
  void partialYearsSayWhereTheDataStopOrStart() {
    assertThat(PartialYears.describe(2026, span("2025-10", "2025-12")))
        .isEqualTo("data through 2025-12, 3 of 12 months");
    assertThat(PartialYears.describe(2019, span("2018-12", "2019-09")))
        .isEqualTo("data from 2018-12, 10 of 12 months");
    assertThat(PartialYears.describe(2019, span("2019-01", "2019-06")))
        .isEqualTo("data 2019-01 to 2019-06, 6 of 12 months");
    assertThat(PartialYears.describe(2019, span("2018-10", "2019-09"))).isEqualTo("all 12 months");
    assertThat(PartialYears.sameMonthsBefore(span("2025-10", "2025-12")))
        .isEqualTo(span("2024-10", "2024-12"));
  }

  @Test
  void partialYearIsComparedWithTheSameMonthsBefore() {
    // Monthly kg in the hand-built data: MEXICO_CARTEL 10 x month number, CHINA_DIRECT the month
    // number.
    // FY2025 covers 2024-10 .. 2025-03, and 2023-10 .. 2024-03 is covered too, with the same month
    // numbers:
    // both sums are 10+11+12+1+2+3 = 39 (x10 for the cartel), a change of +0.0%.
    ReportData d = ReportRenderTest.data(List.of(), Map.of());
    String line = PartialYears.line(d, 2025, " (seizure_events)", "MEXICO_CARTEL", "CHINA_DIRECT");
    assertThat(line)
        .contains(
            "compared with the same months of FY2024 (2023-10 to 2024-03): MEXICO_CARTEL +0.0%"
                + " (from 390.0 kg), CHINA_DIRECT +0.0% (from 39.0 kg)");
  }

  @Test
  void intervalsAreGivenAsAnnualRanges() {
    // (1 - 0.01)^12 - 1 = -11.36%; (1 + 0.0065)^12 - 1 = +8.08% (by hand with a calculator).
    assertThat(TrendWording.annual(-1.0)).isCloseTo(-11.3615, offset(1e-3));
    assertThat(TrendWording.annual(0.65)).isCloseTo(8.0847, offset(1e-3));
    assertThat(TrendWording.annualRange(-1.0, 0.65))
        .startsWith(
            "between −11.4% and +8.1% a year: the data allow a fall"
                + " of up to 11.4% a year as well as a rise of up to 8.1%");
    assertThat(TrendWording.annualRange(0.5, 1.0)).endsWith(": a rise");
    assertThat(TrendWording.annualRange(null, 1.0)).isEqualTo("–");
    assertThat(TrendWording.window(YearMonth.of(2023, 9), 24)).isEqualTo("2021-10 to 2023-09");
  }

  @Test
  void poundsAreKilogramsOverTheInternationalPound() {
    // CBP's FY2019 fentanyl, 2,803.6 lb, stored as 2,803.6 x 0.45359237 = 1,271.69... kg, gives
    // back 2,803.6 lb.
    BigDecimal kg = new BigDecimal("2803.6").multiply(Pounds.KG_PER_LB);
    assertThat(Pounds.of(kg)).isEqualByComparingTo("2803.6");
    assertThat(Pounds.of(BigDecimal.ONE).doubleValue()).isCloseTo(2.20462, offset(1e-5));
  }

  @Test
  void coverageRunsAreTheStartsAndStopsOfTheSource() {
    List<YearMonth> covered = new ArrayList<>(span("2018-10", "2022-09"));
    covered.addAll(span("2023-10", "2025-12"));
    assertThat(CoverageMarks.spans(covered))
        .containsExactly(
            new CoverageMarks.Span(YearMonth.of(2018, 10), YearMonth.of(2022, 9)),
            new CoverageMarks.Span(YearMonth.of(2023, 10), YearMonth.of(2025, 12)));
    assertThat(CoverageMarks.spans(List.of())).isEmpty();
  }

  @Test
  void sensitivityBandIsDrawnWithItsCaptionOrItsAbsenceIsSaid() {
    ReportData base = ReportRenderTest.data(List.of(), Map.of());
    assertThat(FiscalYearFigure.of(base).notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(
                        "No attribution sensitivity band: this warehouse has no route_sensitivity table"));
    List<SensitivityBand.Range> ranges =
        List.of(
            new SensitivityBand.Range(
                2024,
                Route.CHINA_DIRECT,
                new BigDecimal("78"),
                new BigDecimal("40"),
                new BigDecimal("150"),
                "mail-facilities-only",
                "all-coastal-interior"));
    ReportData d =
        new ReportData(
            base.run(),
            base.months(),
            base.familyKgByRoute(),
            base.fiscalYears(),
            base.familyKgByForm(),
            base.familyUnitsByForm(),
            base.leadChanges(),
            base.analogs(),
            base.shipmentMonths(),
            base.pillPressLinesByRoute(),
            base.pillPressKgByRoute(),
            base.trends(),
            base.quality(),
            base.familyKgByRouteAndConfidence(),
            base.pillPressLinesByRouteAndConfidence(),
            base.policyEvents(),
            base.policyEventsSource(),
            base.source(),
            ranges,
            null);
    Figure f = FiscalYearFigure.of(d);
    assertThat(f.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("Grey band on each bar")
                    .contains("mail-facilities-only")
                    .contains("gulf-coast-mexico")
                    .contains("all-coastal-interior"));
    assertThat(f.svg()).contains("grey band: lowest to highest kg over the alternative rule sets");
    assertThat(f.tableHtml())
        .contains("40.0 (mail-facilities-only) to 150.0 (all-coastal-interior)");
    // The FY2024 CHINA_DIRECT row has 12 events: 78 / 12 = 6.50 kg per event.
    String row =
        f.tableHtml()
            .substring(
                f.tableHtml().indexOf("data-fiscal-year=\"2024\" data-route=\"CHINA_DIRECT\""));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains(">12<").contains(">6.50<");
  }

  @Test
  void aRouteOrMeasureWithNothingInTheSourceGetsNoPanelButASentence() {
    ReportData base = ReportRenderTest.data(List.of(), Map.of());
    java.util.Map<Route, List<BigDecimal>> kg =
        new java.util.LinkedHashMap<>(base.familyKgByRoute());
    kg.put(Route.CHINA_DIRECT, base.months().stream().map(m -> BigDecimal.ZERO).toList());
    ReportData d =
        new ReportData(
            base.run(),
            base.months(),
            kg,
            base.fiscalYears(),
            base.familyKgByForm(),
            Map.of(),
            base.leadChanges(),
            base.analogs(),
            base.shipmentMonths(),
            base.pillPressLinesByRoute(),
            base.pillPressKgByRoute(),
            base.trends(),
            base.quality(),
            base.familyKgByRouteAndConfidence(),
            base.pillPressLinesByRouteAndConfidence(),
            base.policyEvents(),
            base.policyEventsSource(),
            base.source(),
            null,
            null);
    Figure monthly = Figures.monthly(d);
    assertThat(monthly.notes()).contains("CHINA_DIRECT: none in this source (no panel drawn).");
    // The legend lists each drawn series; with its panel gone, CHINA_DIRECT's series are not drawn.
    assertThat(monthly.svg())
        .contains("MEXICO_CARTEL monthly")
        .doesNotContain("CHINA_DIRECT monthly");
    // Axis titles are drawn as glyph outlines in the SVG: read them from the chart itself. Each
    // panel is
    // titled by its route (the only other route with kg here is UNATTRIBUTED), its axis by the
    // unit.
    var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) TimeCharts.monthlyByRoute(d).getPlot();
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("month (calendar)");
    assertThat(plot.getSubplots())
        .extracting(p -> ((org.jfree.chart.plot.XYPlot) p).getRangeAxis().getLabel())
        .containsExactly("kg per month", "kg per month");
    assertThat(plot.getSubplots())
        .extracting(
            p ->
                ((org.jfree.chart.annotations.XYTitleAnnotation)
                        ((org.jfree.chart.plot.XYPlot) p).getAnnotations().get(0))
                    .getTitle())
        .extracting(t -> ((org.jfree.chart.title.TextTitle) t).getText())
        .containsExactly("MEXICO_CARTEL", "UNATTRIBUTED");
    assertThat(
            base.familyKgByRoute().get(Route.CHINA_DIRECT).stream().anyMatch(v -> v.signum() > 0))
        .isTrue();
    Figure forms = Figures.forms(d);
    assertThat(forms.notes()).contains("Dosage units: none in this source (no panel drawn).");
    var formPlot = (org.jfree.chart.plot.CombinedDomainXYPlot) TimeCharts.forms(d).getPlot();
    assertThat(formPlot.getSubplots())
        .extracting(p -> ((org.jfree.chart.plot.XYPlot) p).getRangeAxis().getLabel())
        .containsExactly("kg per month");
    // Every source's starts and stops are drawn and said: the hand-built source covers 2023-10 to
    // 2025-03.
    assertThat(monthly.notes())
        .contains(
            "Green lines: where seizure_events starts and stops (source_coverage): it"
                + " covers 2023-10 to 2025-03.");
    assertThat(monthly.svg()).contains("seizure_events starts / stops (source_coverage)");
    assertThat(Figures.share(d).svg()).contains("seizure_events starts / stops (source_coverage)");
  }
}
