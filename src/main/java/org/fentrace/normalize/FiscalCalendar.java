package org.fentrace.normalize;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;

/** The US federal fiscal calendar: fiscal year N runs from 1 October N-1 to 30 September N. */
public final class FiscalCalendar {
  private FiscalCalendar() {}

  public static int fiscalYear(LocalDate date) {
    return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
  }

  /**
   * First day of a month given as a fiscal year and a month abbreviation ({@code OCT} .. {@code
   * SEP}), as CBP publishes: {@code (2019, "OCT")} is 2018-10-01, {@code (2019, "SEP")} is
   * 2019-09-01.
   *
   * @throws IllegalArgumentException naming the value when the month is not a month abbreviation
   */
  public static LocalDate firstDayOfFiscalMonth(int fiscalYear, String monthAbbreviation) {
    Month m = parseMonthAbbreviation(monthAbbreviation);
    int calendarYear = m.getValue() >= 10 ? fiscalYear - 1 : fiscalYear;
    return LocalDate.of(calendarYear, m, 1);
  }

  /** Three-letter English month abbreviation, any case; full names are accepted too. */
  public static Month parseMonthAbbreviation(String raw) {
    String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    if (s.length() >= 3) {
      String head = s.substring(0, 3);
      for (Month m : Month.values()) {
        if (m.name().startsWith(head) && m.name().startsWith(s.length() > 3 ? s : head)) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("'" + raw + "' is not a month abbreviation (OCT ... SEP)");
  }

  /** Position of a month in the fiscal year: October is 1, September is 12. */
  public static int fiscalMonthIndex(LocalDate date) {
    return (date.getMonthValue() + 2) % 12 + 1;
  }
}
