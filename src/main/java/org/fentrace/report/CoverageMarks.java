package org.fentrace.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/**
 * Where the report's source starts and stops, drawn on its time charts: one solid green line at the
 * first day of each run of consecutive covered months (source_coverage) and one at the end of its
 * last month, so a reader sees that a rise or fall at the edge of a gap is the source starting or
 * stopping.
 */
final class CoverageMarks {
  static final Color COVERAGE = new Color(0x009E73);
  static final Stroke STROKE = new BasicStroke(1.6f);

  private CoverageMarks() {}

  /** A run of consecutive covered months. */
  record Span(YearMonth first, YearMonth last) {}

  /** The runs of consecutive months in {@code covered} (ascending). */
  static List<Span> spans(List<YearMonth> covered) {
    List<Span> out = new ArrayList<>();
    YearMonth first = null;
    YearMonth prev = null;
    for (YearMonth m : covered) {
      if (first == null) {
        first = m;
      } else if (!m.equals(prev.plusMonths(1))) {
        out.add(new Span(first, prev));
        first = m;
      }
      prev = m;
    }
    if (first != null) {
      out.add(new Span(first, prev));
    }
    return out;
  }

  /** "cbp_published covers 2018-10 to 2022-09 and 2023-10 to 2025-12" for a figure note. */
  static String sentence(ReportData.SourceChoice source) {
    return sentence(source.chosen().id(), source.coveredMonths());
  }

  /** As {@link #sentence(ReportData.SourceChoice)}, for any source and its covered months. */
  static String sentence(String source, List<YearMonth> covered) {
    List<String> parts = spans(covered).stream().map(s -> s.first() + " to " + s.last()).toList();
    return parts.isEmpty()
        ? source + " covers no month."
        : "Green lines: where "
            + source
            + " starts and stops (source_coverage): it covers "
            + String.join(" and ", parts)
            + ".";
  }

  /** Draws the start and stop of every covered run on a monthly plot. */
  static void draw(XYPlot plot, List<YearMonth> covered) {
    for (Span s : spans(covered)) {
      plot.addDomainMarker(
          new ValueMarker(ChartKit.millis(s.first().atDay(1)), COVERAGE, STROKE), Layer.FOREGROUND);
      plot.addDomainMarker(
          new ValueMarker(ChartKit.millis(s.last().atEndOfMonth()), COVERAGE, STROKE),
          Layer.FOREGROUND);
    }
  }

  static LegendItem legend(String source) {
    return ChartKit.lineItem(source + " starts / stops (source_coverage)", COVERAGE, STROKE);
  }
}
