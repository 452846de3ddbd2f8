package org.fentrace.normalize;

/**
 * Why an input row was quarantined. The code is stored in {@code rejected.reason_code}; the hint is
 * appended to every message so the person reading the quarantine knows what to do.
 */
public enum RejectReason {
  MISSING_REQUIRED_COLUMN(
      "the file's header lacks a required column; fix the export so the header carries it, then deliver the file again"),
  MALFORMED_CSV(
      "the file stops being valid CSV here (usually a quote that is never closed); fix the quoting from this line on and deliver the file again"),
  TRUNCATED_INPUT(
      "reading stopped before the end of the file (usually a compressed file cut short in transfer or copied while still being written); deliver the complete file again under the same name, and it replaces these rows"),
  FIELD_COUNT_MISMATCH(
      "the row has a different number of fields than the header; check for an unquoted delimiter inside a value"),
  FIELD_TOO_LONG(
      "a value is longer than any real one could be; check the export for a runaway quoted field"),
  MISSING_REQUIRED_VALUE("a required value is blank; fill it in and deliver the row again"),
  BAD_DATE("write the date as yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy"),
  FUTURE_DATE("the date is after the run date; correct the date or run with a later --run-date"),
  DATE_OUT_OF_RANGE(
      "the date is before the earliest plausible date (fentrace.dates.earliest); correct the date"),
  BAD_QUANTITY(
      "write the quantity as a plain number with '.' as decimal point (thousands commas only inside quotes)"),
  NEGATIVE_QUANTITY("a seized quantity cannot be negative; correct the sign"),
  ZERO_QUANTITY("a seizure of nothing is not a seizure; correct the quantity or drop the row"),
  IMPLAUSIBLE_QUANTITY(
      "the quantity is above the plausibility ceiling (fentrace.quantity.*); check the unit, or raise the ceiling if it is real"),
  OUT_OF_RANGE(
      "the number has more digits than its column holds (data-dictionary.md gives each column's type); check the value and its unit"),
  UNKNOWN_UNIT("use kg, g, mg, lb, lbs, oz, or pills/tablets/dosage units for counts"),
  BAD_COUNT("the event count must be a positive whole number");

  private final String hint;

  RejectReason(String hint) {
    this.hint = hint;
  }

  /** What the person fixing the input should do. */
  public String hint() {
    return hint;
  }
}
