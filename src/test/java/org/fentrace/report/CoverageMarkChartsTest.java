package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Route;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/**
 * Where a source starts and stops is drawn on every time chart of the route section, not only the
 * monthly and share charts: the powder-versus-pills chart marks the report's source, the pill press
 * chart the customs shipments source (the only one with pill presses), each with a legend entry and
 * a note that gives the covered runs.
 */
class CoverageMarkChartsTest {

  /** The green start/stop lines of one plot, as the dates they stand on. */
  private static List<Long> coverageLines(XYPlot plot) {
    List<Long> out = new ArrayList<>();
    var markers = plot.getDomainMarkers(Layer.FOREGROUND);
    if (markers != null) {
      for (Object m : markers) {
        if (m instanceof ValueMarker v && CoverageMarks.COVERAGE.equals(v.getPaint())) {
          out.add((long) v.getValue());
        }
      }
    }
    return out;
  }

  private static long day(String iso) {
    return ChartKit.millis(LocalDate.parse(iso));
  }

  @Test
  void formsChartMarksWhereTheReportSourceStartsAndStops() {
    // The hand-built source (seizure_events) covers 2023-10 to 2025-03 in one run: one line on
    // 2023-10-01 and one at the end of its last month, 2025-03-31, on each panel (kg and units).
    ReportData d = ReportRenderTest.data(List.of(), Map.of());
    var plot = (CombinedDomainXYPlot) TimeCharts.forms(d).getPlot();
    assertThat(plot.getSubplots()).hasSize(2);
    for (Object p : plot.getSubplots()) {
      assertThat(coverageLines((XYPlot) p))
          .containsExactlyInAnyOrder(day("2023-10-01"), day("2025-03-31"));
    }
    assertThat(Figures.forms(d).notes())
        .contains(
            "Green lines: where seizure_events starts and stops (source_coverage): it"
                + " covers 2023-10 to 2025-03.");
    assertThat(Figures.forms(d).svg()).contains("seizure_events starts / stops (source_coverage)");
  }

  @Test
  void pillPressChartMarksWhereCustomsShipmentsStartAndStop() {
    // Customs shipments covered 2023-10 to 2024-03, stopped, and covered 2024-07 to 2024-09 again:
    // two runs, so four lines: 2023-10-01, 2024-03-31 (end of the first run), 2024-07-01 and
    // 2024-09-30. The seizure source's own coverage (2023-10 to 2025-03) is not the one drawn here.
    ReportData base = ReportRenderTest.data(List.of(), Map.of());
    List<YearMonth> shipments = new ArrayList<>(ReportWordingTest.span("2023-10", "2024-03"));
    shipments.addAll(ReportWordingTest.span("2024-07", "2024-09"));
    List<Long> lines = shipments.stream().map(m -> 2L).toList();
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
            shipments,
            Map.of(Route.CHINA_DIRECT, lines),
            Map.of(Route.CHINA_DIRECT, BigDecimal.TEN),
            base.trends(),
            base.quality(),
            base.familyKgByRouteAndConfidence(),
            base.pillPressLinesByRouteAndConfidence(),
            base.policyEvents(),
            base.policyEventsSource(),
            base.source(),
            null,
            null);
    XYPlot plot = (XYPlot) TimeCharts.pillPresses(d).getPlot();
    assertThat(coverageLines(plot))
        .containsExactlyInAnyOrder(
            day("2023-10-01"), day("2024-03-31"), day("2024-07-01"), day("2024-09-30"));
    Figure f = PillPressFigure.of(d);
    assertThat(f.notes())
        .contains(
            "Green lines: where customs_shipments starts and stops (source_coverage): it"
                + " covers 2023-10 to 2024-03 and 2024-07 to 2024-09.");
    assertThat(f.svg()).contains("customs_shipments starts / stops (source_coverage)");
  }
}
