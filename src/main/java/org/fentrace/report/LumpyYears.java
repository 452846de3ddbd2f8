package org.fentrace.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fentrace.core.Route;

/**
 * Year-on-year changes that rest on one row. A route's fiscal-year total is a sum of source rows; a
 * single large seizure (one Houston seizure was 46% of a year's CBP China-direct kilograms) can
 * carry a year. A change is flagged as lumpy when leaving out the heaviest single row of each of
 * the two years flips its sign (or makes it vanish). The row is the source's own: one seizure event
 * in an event file, one published row in CBP's statistics ({@link LargestRows}). The year's largest
 * month is still given beside it (see {@link #largest}), but a month sums many rows and is not what
 * the flag leaves out.
 */
final class LumpyYears {
  private LumpyYears() {}

  /**
   * The largest cell of one route's year (a month's total, or the heaviest single row and the month
   * it is in): when, how much, and its share of the year's {@code yearKg}.
   */
  record Largest(YearMonth month, BigDecimal kg, BigDecimal yearKg) {
    double share() {
      return yearKg.signum() == 0 ? 0 : kg.divide(yearKg, MathContext.DECIMAL64).doubleValue();
    }
  }

  /**
   * A flagged change: the change with every row, and without each year's heaviest row ({@code
   * rowName}: what one row is, e.g. "seizure event").
   */
  record Flag(
      Route route,
      int fromFy,
      int toFy,
      Largest from,
      Largest to,
      BigDecimal change,
      BigDecimal changeWithoutLargest,
      String rowName) {
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
          + " kg) rests on one "
          + rowName
          + "; without each year's largest single "
          + rowName
          + " ("
          + part(from, fromFy)
          + "; "
          + part(to, toFy)
          + ") it would be "
          + signedKg(changeWithoutLargest)
          + " kg.";
    }

    private static String part(Largest l, int fy) {
      return Html.kg(l.kg())
          + " kg in "
          + l.month()
          + ", "
          + Html.pct(100 * l.share())
          + " of FY"
          + fy;
    }
  }

  /** The largest cell of a year (the first of equal ones), or empty when the year has no cells. */
  static Optional<Largest> largest(List<YearMonth> months, List<BigDecimal> kg) {
    return largest(months, kg, kg.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /**
   * The largest of {@code cells} (one per month; the first of equal ones) as a share of {@code
   * yearKg}, or empty when there are no cells.
   */
  static Optional<Largest> largest(
      List<YearMonth> months, List<BigDecimal> cells, BigDecimal yearKg) {
    int best = -1;
    for (int i = 0; i < cells.size(); i++) {
      if (best < 0 || cells.get(i).compareTo(cells.get(best)) > 0) {
        best = i;
      }
    }
    return best < 0
        ? Optional.empty()
        : Optional.of(new Largest(months.get(best), cells.get(best), yearKg));
  }

  /** One year of one route: its months, the kg of each, and the heaviest single row of each. */
  record Year(int fy, List<YearMonth> months, List<BigDecimal> kg, List<BigDecimal> largestRows) {
    BigDecimal total() {
      return kg.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Optional<Largest> largestRow() {
      return largest(months, largestRows, total());
    }
  }

  /**
   * The flag for a change from {@code from} to {@code to}, or empty when the change keeps its sign
   * without each year's heaviest row, or there is no change at all.
   */
  static Optional<Flag> check(Route route, Year from, Year to, String rowName) {
    Optional<Largest> a = from.largestRow();
    Optional<Largest> b = to.largestRow();
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal change = to.total().subtract(from.total());
    BigDecimal without =
        to.total().subtract(b.get().kg()).subtract(from.total().subtract(a.get().kg()));
    if (change.signum() == 0 || without.signum() == change.signum()) {
      return Optional.empty();
    }
    return Optional.of(
        new Flag(route, from.fy(), to.fy(), a.get(), b.get(), change, without, rowName));
  }

  /**
   * Every lumpy change of the report's source between consecutive fiscal years it covered the same
   * way, over the covered months of both (for a partial year: the same months of the year before),
   * for the given routes. None when the data hold no heaviest rows (hand-built data without them).
   */
  static List<Flag> flags(ReportData d, List<Route> routes) {
    List<Flag> out = new ArrayList<>();
    if (d.largestRowKgByRoute() == null) {
      return out;
    }
    String rowName = LargestRows.rowName(d.source().id());
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
      for (Route route : routes) {
        List<BigDecimal> series = d.familyKgByRoute().get(route);
        if (series == null) {
          continue;
        }
        List<BigDecimal> rows = d.largestRowKgByRoute().get(route);
        check(route, year(d, fy - 1, before, series, rows), year(d, fy, now, series, rows), rowName)
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The year's heaviest single row of a route over the covered {@code months}, or null when the
   * data hold no heaviest rows or not all of those months.
   */
  static Largest largestRow(ReportData d, Route route, List<YearMonth> months) {
    List<BigDecimal> series = d.familyKgByRoute().get(route);
    if (d.largestRowKgByRoute() == null || series == null || !d.months().containsAll(months)) {
      return null;
    }
    return year(d, 0, months, series, d.largestRowKgByRoute().get(route)).largestRow().orElse(null);
  }

  private static Year year(
      ReportData d, int fy, List<YearMonth> months, List<BigDecimal> kg, List<BigDecimal> rows) {
    return new Year(
        fy,
        months,
        cells(d, kg, months),
        rows == null ? months.stream().map(m -> BigDecimal.ZERO).toList() : cells(d, rows, months));
  }

  private static List<BigDecimal> cells(
      ReportData d, List<BigDecimal> series, List<YearMonth> months) {
    return months.stream().map(m -> series.get(d.months().indexOf(m))).toList();
  }

  private static String signedKg(BigDecimal v) {
    return (v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "") + Html.kg(v.abs());
  }
}
