package org.fentrace.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parsing and converting seized quantities; each failure is a {@link RowRejectedException} with its
 * own reason.
 */
public final class Quantities {
  /** Scale of every stored kilogram value: micrograms. Matches DECIMAL(22,9) in the schemas. */
  public static final int KG_SCALE = 9;

  private Quantities() {}

  /**
   * Parses a number with {@code .} as decimal point and optional thousands commas in groups of
   * three ({@code "1,234.5"}). A comma anywhere else (a European {@code 1,5}) is rejected rather
   * than guessed.
   */
  public static BigDecimal parseNumber(String raw, String field) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      throw new RowRejectedException(
          RejectReason.MISSING_REQUIRED_VALUE, field, field + " is blank");
    }
    if (!plainNumberChars(s)) {
      throw new RowRejectedException(
          RejectReason.BAD_QUANTITY, field, field + " '" + abbreviate(s) + "' is not a number");
    }
    String digits = s;
    if (s.indexOf(',') >= 0) {
      if (!validThousands(s)) {
        throw new RowRejectedException(
            RejectReason.BAD_QUANTITY,
            field,
            field + " '" + s + "' has a comma that is not a thousands separator");
      }
      digits = s.replace(",", "");
    }
    try {
      return new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw new RowRejectedException(
          RejectReason.BAD_QUANTITY, field, field + " '" + abbreviate(s) + "' is not a number");
    }
  }

  /**
   * Largest exponent accepted in scientific notation; beyond it BigDecimal arithmetic would
   * explode.
   */
  private static final int MAX_EXPONENT = 30;

  /**
   * Digits, one leading sign, dots and commas; and scientific notation with a small exponent,
   * because CBP's published files write tiny weights so ({@code 6.61386786e-05}).
   */
  private static boolean plainNumberChars(String s) {
    int e = Math.max(s.indexOf('e'), s.indexOf('E'));
    String mantissa = e < 0 ? s : s.substring(0, e);
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != ',' && !(i == 0 && (c == '-' || c == '+'))) {
        return false;
      }
    }
    if (e < 0) {
      return true;
    }
    String exponent = s.substring(e + 1);
    if (exponent.isEmpty() || exponent.length() > 4 || mantissa.indexOf(',') >= 0) {
      return false;
    }
    try {
      return Math.abs(Integer.parseInt(exponent)) <= MAX_EXPONENT;
    } catch (NumberFormatException ex) {
      return false;
    }
  }

  private static boolean validThousands(String s) {
    int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s.substring(start) : s.substring(start, dot);
    String[] groups = whole.split(",", -1);
    if (groups[0].isEmpty() || groups[0].length() > 3) {
      return false;
    }
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return false;
      }
    }
    return dot < 0 || s.indexOf(',', dot) < 0;
  }

  /** A parsed quantity in its final form: kilograms for masses, a count for dosage units. */
  public record Measure(BigDecimal kilograms, Long dosageUnits) {}

  /**
   * Converts a positive quantity in {@code unit}; rejects zero, negatives, fractional counts and
   * values whose per-event amount is above the ceilings.
   *
   * @param events how many events the quantity stands for (1, or CBP's Count of Event)
   */
  public static Measure toMeasure(
      BigDecimal quantity,
      MassUnit unit,
      String field,
      long events,
      BigDecimal maxKgPerEvent,
      long maxDosageUnitsPerEvent) {
    if (quantity.signum() < 0) {
      throw new RowRejectedException(
          RejectReason.NEGATIVE_QUANTITY,
          field,
          field + " " + quantity.toPlainString() + " is negative");
    }
    if (quantity.signum() == 0) {
      throw new RowRejectedException(RejectReason.ZERO_QUANTITY, field, field + " is zero");
    }
    BigDecimal perEvent = quantity.divide(BigDecimal.valueOf(events), 9, RoundingMode.HALF_EVEN);
    if (unit.isCount()) {
      long count;
      try {
        count = quantity.longValueExact();
      } catch (ArithmeticException e) {
        throw new RowRejectedException(
            RejectReason.BAD_QUANTITY,
            field,
            field + " " + quantity.toPlainString() + " is not a whole number of dosage units");
      }
      if (perEvent.compareTo(BigDecimal.valueOf(maxDosageUnitsPerEvent)) > 0) {
        throw new RowRejectedException(
            RejectReason.IMPLAUSIBLE_QUANTITY,
            field,
            field
                + " "
                + count
                + " dosage units is above the ceiling of "
                + maxDosageUnitsPerEvent
                + " per seizure");
      }
      return new Measure(null, count);
    }
    BigDecimal kg = quantity.multiply(unit.kilograms()).setScale(KG_SCALE, RoundingMode.HALF_EVEN);
    if (kg.signum() == 0) {
      throw new RowRejectedException(
          RejectReason.ZERO_QUANTITY,
          field,
          field + " " + quantity.toPlainString() + " " + unit + " is below one microgram");
    }
    if (perEvent.multiply(unit.kilograms()).compareTo(maxKgPerEvent) > 0) {
      throw new RowRejectedException(
          RejectReason.IMPLAUSIBLE_QUANTITY,
          field,
          field
              + " "
              + quantity.toPlainString()
              + " "
              + unit.name().toLowerCase()
              + " ("
              + kg.stripTrailingZeros().toPlainString()
              + " kg) is above the ceiling of "
              + maxKgPerEvent.toPlainString()
              + " kg per seizure");
    }
    return new Measure(kg, null);
  }

  /**
   * Converts a mass in {@code unit} to kilograms at the stored scale (for weights that are not
   * seizures).
   */
  public static BigDecimal toKilograms(BigDecimal quantity, MassUnit unit) {
    return quantity.multiply(unit.kilograms()).setScale(KG_SCALE, RoundingMode.HALF_EVEN);
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
