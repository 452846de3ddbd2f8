package org.fentrace.normalize;

/**
 * Thrown by a normalizer when a row cannot be normalized. Rows are rejected rarely, so an exception
 * keeps the normal path free of result wrappers; the message names the value and says what to do.
 */
public final class RowRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;
  private final String field;
  private final java.time.LocalDate futureDate;

  public RowRejectedException(RejectReason reason, String field, String problem) {
    this(reason, field, problem, null);
  }

  /**
   * A rejection as {@link RejectReason#FUTURE_DATE}, remembering the date so the file can be
   * re-read once it has passed.
   */
  public RowRejectedException(
      RejectReason reason, String field, String problem, java.time.LocalDate futureDate) {
    super(problem + "; " + reason.hint(), null, false, false);
    this.reason = reason;
    this.field = field;
    this.futureDate = futureDate;
  }

  /** For FUTURE_DATE rejections: the date that was after the run date; else null. */
  public java.time.LocalDate futureDate() {
    return futureDate;
  }

  public RejectReason reason() {
    return reason;
  }

  /** Column at fault, or null. */
  public String field() {
    return field;
  }
}
