package org.fentrace.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import org.fentrace.generate.GeneratedCsv.Row;

/** Recognises a bad row from its values alone, independently of how the generator made it. */
final class BadRows {
  private BadRows() {}

  static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ENGLISH)
              .withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ENGLISH)
              .withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("dd-MMM-uuuu", Locale.ENGLISH)
              .withResolverStyle(ResolverStyle.STRICT));

  /** The date, or null when it is in none of the three formats. */
  static LocalDate date(String s) {
    for (DateTimeFormatter f : DATE_FORMATS) {
      try {
        return LocalDate.parse(s, f);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }

  /** The number, thousands commas allowed only in groups of three; null when not a number. */
  static BigDecimal number(String s) {
    String t = s.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? s.replace(",", "") : s;
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static BadKind kindOf(Row row, boolean seizure) {
    String dateColumn = seizure ? "seizure_date" : "arrival_date";
    if (seizure
        ? row.get("seizure_id").isEmpty() || row.get("substance").isEmpty()
        : row.get("shipment_id").isEmpty()
            || row.get("origin_country").isEmpty()
            || row.get("description").isEmpty()) {
      return BadKind.MISSING_REQUIRED;
    }
    LocalDate d = date(row.get(dateColumn));
    if (d == null) {
      return BadKind.UNPARSEABLE_DATE;
    }
    if (d.getYear() == 2099) {
      return BadKind.FUTURE_DATE;
    }
    if (!seizure) {
      return null;
    }
    if (row.get("unit").equals("bricks")) {
      return BadKind.UNKNOWN_UNIT;
    }
    BigDecimal q = number(row.get("quantity"));
    if (q == null) {
      return BadKind.NON_NUMERIC_QUANTITY;
    }
    if (q.signum() < 0) {
      return BadKind.NEGATIVE_QUANTITY;
    }
    if (q.signum() == 0) {
      return BadKind.ZERO_QUANTITY;
    }
    if (row.get("unit").equals("kg") && q.compareTo(new BigDecimal("900000")) >= 0) {
      return BadKind.IMPLAUSIBLE_QUANTITY;
    }
    return null;
  }
}
