package org.fentrace.trends;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The months a dense series covers: every month from {@code first} to {@code last}, both included.
 * Month index 0 is {@code first}; the regression's x axis is this index.
 */
public record MonthSpan(YearMonth first, YearMonth last) {
  public MonthSpan {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "month span ends (" + last + ") before it starts (" + first + ")");
    }
  }

  public int size() {
    return (int) ChronoUnit.MONTHS.between(first, last) + 1;
  }

  public YearMonth month(int index) {
    return first.plusMonths(index);
  }

  public int index(YearMonth month) {
    return (int) ChronoUnit.MONTHS.between(first, month);
  }

  public List<YearMonth> months() {
    List<YearMonth> out = new ArrayList<>(size());
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** US federal fiscal year of a month: October to September, named by the year it ends in. */
  public static int fiscalYear(YearMonth month) {
    return month.getMonthValue() >= 10 ? month.getYear() + 1 : month.getYear();
  }

  /** Fiscal years the span touches, ascending. */
  public SortedSet<Integer> fiscalYears() {
    SortedSet<Integer> out = new TreeSet<>();
    for (int fy = fiscalYear(first); fy <= fiscalYear(last); fy++) {
      out.add(fy);
    }
    return out;
  }

  /**
   * Whether fiscal year {@code fy} is incomplete: the data starts after its October, ends before
   * its September, or the run date is before its last day (30 September).
   */
  public boolean isPartialFiscalYear(int fy, LocalDate runDate) {
    YearMonth october = YearMonth.of(fy - 1, Month.OCTOBER);
    YearMonth september = YearMonth.of(fy, Month.SEPTEMBER);
    return first.isAfter(october)
        || last.isBefore(september)
        || runDate.isBefore(september.atEndOfMonth());
  }
}
