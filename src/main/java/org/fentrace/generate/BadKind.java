package org.fentrace.generate;

/**
 * The kinds of deliberately bad rows, each with the reject reason the normalizer should give it
 * ({@code org.fentrace.normalize.RejectReason}, stored in {@code rejected.reason_code}). Shipment
 * rows only get the kinds that concern their required columns (dates and blanks).
 */
public enum BadKind {
  /** {@code approx. 2}, {@code N/A}, {@code 1,5}: not a number. */
  NON_NUMERIC_QUANTITY("BAD_QUANTITY"),
  /** A minus sign in front of an otherwise normal quantity. */
  NEGATIVE_QUANTITY("NEGATIVE_QUANTITY"),
  /** {@code 0} or {@code 0.0}. */
  ZERO_QUANTITY("ZERO_QUANTITY"),
  /** {@code bricks}. */
  UNKNOWN_UNIT("UNKNOWN_UNIT"),
  /** {@code 2021-13-45} and the like: the shape of a date, not a real one. */
  UNPARSEABLE_DATE("BAD_DATE"),
  /** A date in 2099. */
  FUTURE_DATE("FUTURE_DATE"),
  /**
   * Blank seizure_id or substance; for shipments blank shipment_id, origin_country or description.
   */
  MISSING_REQUIRED("MISSING_REQUIRED_VALUE"),
  /** 900,000 kg in one seizure. */
  IMPLAUSIBLE_QUANTITY("IMPLAUSIBLE_QUANTITY");

  private final String expectedReason;

  BadKind(String expectedReason) {
    this.expectedReason = expectedReason;
  }

  /** The {@code reason_code} the row should be rejected with. */
  public String expectedReason() {
    return expectedReason;
  }

  static final BadKind[] FOR_SEIZURES = values();
  static final BadKind[] FOR_SHIPMENTS = {UNPARSEABLE_DATE, FUTURE_DATE, MISSING_REQUIRED};
}
