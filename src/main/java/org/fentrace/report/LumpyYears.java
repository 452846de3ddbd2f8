package org.fentrace.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Year-on-year changes that rest on one cell. A route's fiscal-year total is a sum of monthly
 * cells; a single large seizure (one Houston seizure was 46% of a year's CBP China-direct
 * kilograms) makes its month dominate the year. A change is flagged as lumpy when leaving out the
 * largest cell of each of the two years flips its sign (or makes it vanish). The cell is the
 * route's month within the report's source, the finest cell the report reads: it holds the year's
 * largest single row, so leaving it out removes at least that row.
 */
final class LumpyYears {
  private LumpyYears() {}

  /** The largest month of one route's year: when, how much, and its share of the year. */
  record Largest(YearMonth month, BigDecimal kg, BigDecimal yearKg) {
    double share() {
      return yearKg.signum() == 0 ? 0 : kg.divide(yearKg, MathContext.DECIMAL64).doubleValue();
    }
  }

  /** A flagged change: the change with every cell, and without each year's largest cell. */
  record Flag(
      String route,
      int fromFy,
      int toFy,
      Largest from,
      Largest to,
      BigDecimal change,
      BigDecimal changeWithoutLargest) {
    /** The sentence the report shows. */
    String sentence(String routeName) {
      return "FY"
          + fromFy
          + " to FY"
          + toFy
          + ", "
          + routeName
          + ": the change ("
          + signedKg(change)
          + " kg) rests on one month; without each year's largest month ("
          + from.month()
          + ": "
          + Html.kg(from.kg())
          + " kg, "
          + Html.pct(100 * from.share())
          + " of FY"
          + fromFy
          + "; "
          + to.month()
          + ": "
          + Html.kg(to.kg())
          + " kg, "
          + Html.pct(100 * to.share())
          + " of FY"
          + toFy
          + ") it would be "
          + signedKg(changeWithoutLargest)
          + " kg.";
    }
  }

  /** The largest cell of a year (the first of equal ones), or empty when the year has no cells. */
  static Optional<Largest> largest(List<YearMonth> months, List<BigDecimal> kg) {
    int best = -1;
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < kg.size(); i++) {
      sum = sum.add(kg.get(i));
      if (best < 0 || kg.get(i).compareTo(kg.get(best)) > 0) {
        best = i;
      }
    }
    return best < 0
        ? Optional.empty()
        : Optional.of(new Largest(months.get(best), kg.get(best), sum));
  }

  /**
   * The flag for a change from year {@code fromFy} (its cells {@code fromKg}, months {@code
   * fromMonths}) to {@code toFy}, or empty when the change keeps its sign without each year's
   * largest cell, or there is no change at all.
   */
  static Optional<Flag> check(
      String route,
      int fromFy,
      List<YearMonth> fromMonths,
      List<BigDecimal> fromKg,
      int toFy,
      List<YearMonth> toMonths,
      List<BigDecimal> toKg) {
    Optional<Largest> a = largest(fromMonths, fromKg);
    Optional<Largest> b = largest(toMonths, toKg);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal change = b.get().yearKg().subtract(a.get().yearKg());
    BigDecimal without =
        b.get().yearKg().subtract(b.get().kg()).subtract(a.get().yearKg().subtract(a.get().kg()));
    if (change.signum() == 0 || without.signum() == change.signum()) {
      return Optional.empty();
    }
    return Optional.of(new Flag(route, fromFy, toFy, a.get(), b.get(), change, without));
  }

  /**
   * Every lumpy change of the report's source between consecutive fiscal years it covered the same
   * way, over the covered months of both (for a partial year: the same months of the year before),
   * for the given routes.
   */
  static List<Flag> flags(ReportData d, List<String> routes) {
    List<Flag> out = new ArrayList<>();
    for (int fy : d.fiscalYearList()) {
      List<YearMonth> now = d.source().coveredIn(fy);
      if (now.isEmpty()) {
        continue;
      }
      List<YearMonth> before = now.stream().map(m -> m.minusYears(1)).toList();
      if (!d.months().containsAll(now)
          || !d.months().containsAll(before)
          || !d.source().coveredMonths().containsAll(before)) {
        continue;
      }
      for (String route : routes) {
        List<BigDecimal> series = d.familyKgByRoute().get(route);
        if (series == null) {
          continue;
        }
        check(route, fy - 1, before, cells(d, series, before), fy, now, cells(d, series, now))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  private static List<BigDecimal> cells(
      ReportData d, List<BigDecimal> series, List<YearMonth> months) {
    return months.stream().map(m -> series.get(d.months().indexOf(m))).toList();
  }

  private static String signedKg(BigDecimal v) {
    return (v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "") + Html.kg(v.abs());
  }
}
