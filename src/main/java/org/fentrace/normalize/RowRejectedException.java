package org.fentrace.normalize;

/**
 * Thrown by a normalizer when a row cannot be normalized. Rows are rejected rarely, so an exception
 * keeps the normal path free of result wrappers; the message names the value and says what to do.
 */
public final class RowRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;
  private final String field;

  public RowRejectedException(RejectReason reason, String field, String problem) {
    super(problem + "; " + reason.hint(), null, false, false);
    this.reason = reason;
    this.field = field;
  }

  public RejectReason reason() {
    return reason;
  }

  /** Column at fault, or null. */
  public String field() {
    return field;
  }
}
