package org.fentrace.formats;

/**
 * One CSV record as read, before any interpretation.
 *
 * @param line physical line where the record starts; the header is line 1
 * @param values the fields, in header order
 * @param rawText the record's text as delivered, without its line terminator (may span lines)
 */
public record RawRecord(long line, String[] values, String rawText) {

  /** The value at {@code index}, or null when the index is -1 or beyond the row. */
  public String value(int index) {
    return index < 0 || index >= values.length ? null : values[index];
  }
}
