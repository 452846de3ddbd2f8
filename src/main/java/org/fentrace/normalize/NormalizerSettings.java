package org.fentrace.normalize;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The knobs of normalization, validated once on the driver and shipped to executors.
 *
 * @param runDate dates after it are rejected as {@link RejectReason#FUTURE_DATE}
 * @param earliestDate dates before it are rejected as {@link RejectReason#DATE_OUT_OF_RANGE}
 * @param maxKgPerSeizure plausibility ceiling for one seizure event
 * @param maxDosageUnitsPerSeizure plausibility ceiling for one seizure event, in pills
 * @param maxFieldChars longest value accepted in any field
 */
public record NormalizerSettings(
    LocalDate runDate,
    LocalDate earliestDate,
    BigDecimal maxKgPerSeizure,
    long maxDosageUnitsPerSeizure,
    int maxFieldChars)
    implements Serializable {

  public static final BigDecimal DEFAULT_MAX_KG_PER_SEIZURE = new BigDecimal("50000");
  public static final long DEFAULT_MAX_DOSAGE_UNITS_PER_SEIZURE = 20_000_000L;
  public static final LocalDate DEFAULT_EARLIEST_DATE = LocalDate.of(1990, 1, 1);
  public static final int DEFAULT_MAX_FIELD_CHARS = 10_000;

  public NormalizerSettings {
    if (runDate == null || earliestDate == null || !earliestDate.isBefore(runDate)) {
      throw new IllegalArgumentException(
          "earliest date " + earliestDate + " must be before the run date " + runDate);
    }
    if (maxKgPerSeizure == null || maxKgPerSeizure.signum() <= 0) {
      throw new IllegalArgumentException("the kg ceiling must be positive, got " + maxKgPerSeizure);
    }
    if (maxDosageUnitsPerSeizure <= 0 || maxFieldChars <= 0) {
      throw new IllegalArgumentException("ceilings must be positive");
    }
  }

  /** Defaults for a given run date. */
  public static NormalizerSettings defaults(LocalDate runDate) {
    return new NormalizerSettings(
        runDate,
        DEFAULT_EARLIEST_DATE,
        DEFAULT_MAX_KG_PER_SEIZURE,
        DEFAULT_MAX_DOSAGE_UNITS_PER_SEIZURE,
        DEFAULT_MAX_FIELD_CHARS);
  }

  /** Parses and range-checks an event date. */
  public LocalDate eventDate(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      throw new RowRejectedException(
          RejectReason.MISSING_REQUIRED_VALUE, field, field + " is blank");
    }
    LocalDate d;
    try {
      d = EventDates.parse(raw);
    } catch (java.time.format.DateTimeParseException e) {
      throw new RowRejectedException(RejectReason.BAD_DATE, field, field + ": " + e.getMessage());
    }
    return checkRange(d, field);
  }

  public LocalDate checkRange(LocalDate d, String field) {
    if (d.isAfter(runDate)) {
      throw new RowRejectedException(
          RejectReason.FUTURE_DATE,
          field,
          field + " " + d + " is after the run date " + runDate,
          d);
    }
    if (d.isBefore(earliestDate)) {
      throw new RowRejectedException(
          RejectReason.DATE_OUT_OF_RANGE, field, field + " " + d + " is before " + earliestDate);
    }
    return d;
  }
}
