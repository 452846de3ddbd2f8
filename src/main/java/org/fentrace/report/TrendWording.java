package org.fentrace.report;

import java.time.YearMonth;

/**
 * Trend statistics in words: the window a trend was fitted on (first and last month, calendar
 * months, not fiscal years), and its percent-per-month interval as an annual range, saying what an
 * interval that spans 0 allows ("between −12% and +8% a year: a fall as well as a rise").
 */
final class TrendWording {
  private TrendWording() {}

  /** A monthly percent rate compounded over 12 months: (1 + p/100)^12 − 1, in percent. */
  static double annual(double pctPerMonth) {
    return (Math.pow(1 + pctPerMonth / 100.0, 12) - 1) * 100.0;
  }

  /** The {@code months} calendar months ending with {@code asOf}: "2021-10 to 2023-09". */
  static String window(YearMonth asOf, int months) {
    return asOf.minusMonths(months - 1) + " to " + asOf;
  }

  /** The interval as an annual range, and what it allows; "–" without an interval. */
  static String annualRange(Double lowPerMonth, Double highPerMonth) {
    if (lowPerMonth == null || highPerMonth == null) {
      return "–";
    }
    double lo = annual(lowPerMonth);
    double hi = annual(highPerMonth);
    String range = "between " + Html.signedPct(lo) + " and " + Html.signedPct(hi) + " a year";
    if (lo < 0 && hi > 0) {
      return range
          + ": the data allow a fall of up to "
          + Html.pct(-lo)
          + " a year as well as a rise of up to "
          + Html.pct(hi)
          + "; no clear trend, not a stable one";
    }
    return range + (hi <= 0 ? ": a fall" : ": a rise");
  }
}
