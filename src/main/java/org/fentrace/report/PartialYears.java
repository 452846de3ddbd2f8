package org.fentrace.report;

import java.time.YearMonth;
import java.util.List;
import org.fentrace.core.Route;

/**
 * What a partial fiscal year holds, in words that match the data: "data through 2025-12, 3 of 12
 * months" when the data stop inside the year, "data from 2018-12" when they start inside it, and
 * never "year in progress" for data that simply stop. A partial year is compared only with the same
 * months of the year before ({@link #sameMonthsBefore}).
 */
final class PartialYears {
  private PartialYears() {}

  /** First month (October of the year before) of fiscal year {@code fy}. */
  static YearMonth start(int fy) {
    return YearMonth.of(fy - 1, 10);
  }

  /** Last month (September) of fiscal year {@code fy}. */
  static YearMonth end(int fy) {
    return YearMonth.of(fy, 9);
  }

  /**
   * The months of fiscal year {@code fy} the data cover, described: "data through 2025-12, 3 of 12
   * months", "data from 2018-12, 10 of 12 months", "data 2019-01 to 2019-06, 6 of 12 months", "all
   * 12 months", or "no month covered".
   */
  static String describe(int fy, List<YearMonth> covered) {
    if (covered.isEmpty()) {
      return "no month covered";
    }
    YearMonth first = covered.get(0);
    YearMonth last = covered.get(covered.size() - 1);
    String n = covered.size() + " of 12 months";
    boolean late = first.isAfter(start(fy));
    boolean early = last.isBefore(end(fy));
    if (late && early) {
      return "data " + first + " to " + last + ", " + n;
    }
    if (early) {
      return "data through " + last + ", " + n;
    }
    if (late) {
      return "data from " + first + ", " + n;
    }
    return covered.size() == 12 ? "all 12 months" : "gaps inside the year, " + n;
  }

  /** The same months one year earlier: what a partial year is compared with. */
  static List<YearMonth> sameMonthsBefore(List<YearMonth> covered) {
    return covered.stream().map(m -> m.minusYears(1)).toList();
  }

  /** "2024-10 to 2024-12" (or one month). */
  static String span(List<YearMonth> months) {
    YearMonth a = months.get(0);
    YearMonth b = months.get(months.size() - 1);
    return a.equals(b) ? a.toString() : a + " to " + b;
  }

  /**
   * The headline sentence of a partial fiscal year: its kg on the two main routes, and the change
   * from the same months of the year before when the source covered them (never from a whole year).
   */
  static String line(ReportData d, int fy, String in, String mcName, String cdName) {
    List<YearMonth> covered = d.source().coveredIn(fy);
    Route mc = Headline.MC;
    Route cd = Headline.CD;
    String head =
        "FY"
            + fy
            + " (partial: "
            + describe(fy, covered)
            + ")"
            + in
            + ": "
            + Pounds.kgText(d, Headline.kg(d, fy, mc))
            + " "
            + mcName
            + ", "
            + Pounds.kgText(d, Headline.kg(d, fy, cd))
            + " "
            + cdName;
    List<YearMonth> before = sameMonthsBefore(covered);
    if (covered.isEmpty()
        || !d.months().containsAll(covered)
        || !d.months().containsAll(before)
        || !d.source().coveredMonths().containsAll(before)) {
      return head
          + "; not compared with FY"
          + (fy - 1)
          + ": the source did not cover the same months of it.";
    }
    java.math.BigDecimal mcBefore = sum(d, mc, before);
    java.math.BigDecimal cdBefore = sum(d, cd, before);
    return head
        + "; compared with the same months of FY"
        + (fy - 1)
        + " ("
        + span(before)
        + "): "
        + mcName
        + " "
        + Html.signedPct(Headline.pctChange(mcBefore, sum(d, mc, covered)))
        + " (from "
        + Pounds.kgText(d, mcBefore)
        + "), "
        + cdName
        + " "
        + Html.signedPct(Headline.pctChange(cdBefore, sum(d, cd, covered)))
        + " (from "
        + Pounds.kgText(d, cdBefore)
        + ").";
  }

  /** A route's kg over some months of the report's monthly series. */
  static java.math.BigDecimal sum(ReportData d, Route route, List<YearMonth> months) {
    List<java.math.BigDecimal> series = d.familyKgByRoute().get(route);
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    if (series == null) {
      return total;
    }
    for (YearMonth m : months) {
      int i = d.months().indexOf(m);
      if (i >= 0) {
        total = total.add(series.get(i));
      }
    }
    return total;
  }
}
