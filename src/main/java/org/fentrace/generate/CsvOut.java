package org.fentrace.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A CSV file being written, RFC 4180 quoting (a field is quoted only when it holds a comma, a
 * quote, CR or LF; quotes inside are doubled). Rows are built in one reused buffer and flushed in
 * large blocks: no String.format, no regex, no per-row objects beyond the values themselves. Tracks
 * the physical line each record starts on, since quoted newlines make records span lines.
 */
final class CsvOut implements AutoCloseable {
  private static final int FLUSH_AT = 1 << 16;
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** The three date layouts of the contract. */
  enum DateStyle {
    ISO,
    US,
    DAY_MONTH_ABBREVIATION
  }

  private final Writer out;
  private final String eol;
  private final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);
  private char[] chars = new char[FLUSH_AT + 4096];
  private boolean firstField = true;

  /** Physical line on which the record being built starts (1 = header). */
  private long line = 1;

  private long recordStartLine = 1;

  /** Newlines inside quoted fields of the record being built. */
  private long embeddedNewlines;

  CsvOut(Path file, String eol, List<String> header) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.eol = eol;
    for (String h : header) {
      text(h);
    }
    endRow();
  }

  /** Physical line on which the last finished record started. */
  long lastRecordLine() {
    return recordStartLine;
  }

  private void separator() {
    if (!firstField) {
      sb.append(',');
    }
    firstField = false;
  }

  /** A text value; null and "" are both written as an empty field. */
  CsvOut text(String s) {
    separator();
    if (s == null || s.isEmpty()) {
      return this;
    }
    boolean quote = false;
    int quotes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '\r') {
        quote = true;
      } else if (c == '"') {
        quote = true;
        quotes++;
      } else if (c == '\n') {
        quote = true;
        embeddedNewlines++;
      }
    }
    if (!quote) {
      sb.append(s);
      return this;
    }
    sb.append('"');
    if (quotes == 0) {
      sb.append(s);
    } else {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          sb.append('"');
        }
        sb.append(c);
      }
    }
    sb.append('"');
    return this;
  }

  /**
   * A non-negative number with up to {@code decimals} decimals (trailing zeros dropped); with
   * {@code thousands} the whole part is grouped with commas and the field quoted, as {@code
   * "1,234.5"}.
   */
  CsvOut number(double value, int decimals, boolean thousands) {
    separator();
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long scaled = Math.round(value * scale);
    long whole = scaled / scale;
    long frac = scaled % scale;
    boolean grouped = thousands && whole >= 1000;
    if (grouped) {
      sb.append('"');
      appendGrouped(whole);
    } else {
      sb.append(whole);
    }
    if (frac != 0) {
      sb.append('.');
      long div = scale / 10;
      while (frac != 0) {
        sb.append((char) ('0' + frac / div));
        frac %= div;
        div /= 10;
      }
    }
    if (grouped) {
      sb.append('"');
    }
    return this;
  }

  private void appendGrouped(long whole) {
    String digits = Long.toString(whole);
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
  }

  CsvOut date(long epochDay, DateStyle style) {
    separator();
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int y = d.getYear();
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    switch (style) {
      case ISO:
        sb.append(y).append('-');
        two(m).append('-');
        two(day);
        break;
      case US:
        two(m).append('/');
        two(day).append('/').append(y);
        break;
      default:
        two(day).append('-').append(MONTHS[m - 1]).append('-').append(y);
    }
    return this;
  }

  private StringBuilder two(int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  /** Ends the record; flushes the buffer to the file when it is large. */
  void endRow() throws IOException {
    sb.append(eol);
    recordStartLine = line;
    line += 1 + embeddedNewlines;
    embeddedNewlines = 0;
    firstField = true;
    if (sb.length() >= FLUSH_AT) {
      flush();
    }
  }

  private void flush() throws IOException {
    int n = sb.length();
    if (chars.length < n) {
      chars = new char[n];
    }
    sb.getChars(0, n, chars, 0);
    out.write(chars, 0, n);
    sb.setLength(0);
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }
}
