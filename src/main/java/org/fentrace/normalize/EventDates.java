package org.fentrace.normalize;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;

/**
 * Parses the date formats of the contract: {@code yyyy-MM-dd}, {@code MM/dd/yyyy} and {@code
 * dd-MMM-yyyy} (English month abbreviation, any case). Single-digit months and days are accepted in
 * the slash and abbreviation forms because spreadsheets drop leading zeros.
 *
 * <p>Hand-parsed rather than tried against a list of {@code DateTimeFormatter}s: failed attempts
 * throw, and exceptions per row cost more than the parse itself at millions of rows.
 */
public final class EventDates {
  private EventDates() {}

  /**
   * @return the date
   * @throws DateTimeParseException with a message naming the value and the accepted formats
   */
  public static LocalDate parse(String raw) {
    String s = raw == null ? "" : raw.strip();
    try {
      if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
        return LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
      }
      int slash1 = s.indexOf('/');
      if (slash1 > 0) {
        int slash2 = s.indexOf('/', slash1 + 1);
        if (slash2 > slash1 + 1
            && s.length() - slash2 - 1 == 4
            && slash1 <= 2
            && slash2 - slash1 <= 3) {
          return LocalDate.of(
              num(s, slash2 + 1, s.length()), num(s, 0, slash1), num(s, slash1 + 1, slash2));
        }
      }
      int dash1 = s.indexOf('-');
      int dash2 = dash1 < 0 ? -1 : s.indexOf('-', dash1 + 1);
      if (dash1 > 0 && dash1 <= 2 && dash2 == dash1 + 4 && s.length() - dash2 - 1 == 4) {
        Month m = FiscalCalendar.parseMonthAbbreviation(s.substring(dash1 + 1, dash2));
        return LocalDate.of(num(s, dash2 + 1, s.length()), m.getValue(), num(s, 0, dash1));
      }
    } catch (RuntimeException e) {
      throw new DateTimeParseException(
          "'"
              + s
              + "' is not a valid date ("
              + e.getMessage()
              + "); expected yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy",
          s,
          0);
    }
    throw new DateTimeParseException(
        "'"
            + s
            + "' is not a date in an accepted format; expected yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy",
        s,
        0);
  }

  private static int num(String s, int from, int to) {
    if (from >= to) {
      throw new NumberFormatException("empty number");
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException("'" + s.substring(from, to) + "' is not a number");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
