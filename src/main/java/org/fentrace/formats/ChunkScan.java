package org.fentrace.formats;

/**
 * Follows one byte range of a delimited file under both states the range can start in, in one pass
 * over its bytes: speculative parsing, as in Ge et al., "Speculative Distributed CSV Data Parsing
 * for Big Data Analytics" (SIGMOD 2019) and Stehle and Jacobsen, "ParPaRaw" (VLDB 2020).
 *
 * <p>A range starts right after a line feed (or at the start of the file), so it starts either at a
 * record start or inside a quoted field that holds a line break: the <em>record</em> hypothesis and
 * the <em>quoted</em> hypothesis. The scan counts the range's physical lines (LF, CRLF or a lone
 * CR, as {@link CsvFileReader} counts them), finds where the range ends (right after the first line
 * feed at or after its nominal end, the next range's start), and records for each hypothesis the
 * state at that end; for the quoted hypothesis also the first line that starts a record (the range
 * owns the records that start in it) and whether the record hypothesis starts a record there too
 * ("aligned": from there on both read the file alike, so the rows parsed under the record
 * hypothesis serve the quoted one from that line on). The previous range's end state, known only
 * once every range is scanned, says which hypothesis holds ({@code ChunkChain}).
 *
 * <p>It also says where the reader following the record hypothesis may stop: at the first line
 * start at or past the range's end where that hypothesis is at a record start (the range's last
 * record is then complete), or just after a byte that makes that hypothesis invalid.
 */
public final class ChunkScan {
  /** No line: the quoted hypothesis starts no record in the range. */
  public static final long NO_LINE = -1;

  private final int delimiter;
  private final long endSearchFrom;

  private long position;
  private long breaks;
  private int previous = -1;
  private CsvState record = CsvState.RECORD_START;
  private CsvState quoted;

  private long end = -1;
  private long breaksAtEnd;
  private CsvState recordAtEnd;
  private CsvState quotedAtEnd;
  private long quotedFirstLine = NO_LINE;
  private long quotedFirstPosition = -1;
  private long recordDiedAt = -1;
  private boolean aligned;
  private long stopAt = -1;

  /**
   * @param delimiter the file's field delimiter
   * @param endSearchFrom offset, from the range's start, from which the first line feed ends the
   *     range; negative when the line feed just before the range's start already ends it (the range
   *     is empty: one line longer than the split size swallowed it)
   * @param fileStart true for the range that starts the file (a record start, no speculation)
   */
  public ChunkScan(int delimiter, long endSearchFrom, boolean fileStart) {
    this.delimiter = delimiter;
    this.endSearchFrom = endSearchFrom;
    this.quoted = fileStart ? CsvState.INVALID : CsvState.QUOTED;
    if (endSearchFrom < 0) {
      markEnd();
      stopAt = 0;
    }
  }

  /**
   * Takes the next byte (0-255). Returns false when the reader following the record hypothesis
   * needs no more bytes: this byte and those after it are not for it (the scan itself still takes
   * them until {@link #complete()}).
   */
  public boolean accept(int b) {
    boolean lineStart = position == 0 || previous == '\n' || (previous == '\r' && b != '\n');
    if (previous == '\r' && b != '\n') {
      breaks++;
    }
    if (lineStart) {
      atLineStart();
    }
    boolean wanted = stopAt < 0;
    if (b == '\n') {
      breaks++;
      if (end < 0 && position >= endSearchFrom) {
        end = position + 1;
      }
    }
    CsvState before = record;
    record = record.next(b, delimiter);
    // Once both hypotheses stand in the same state they read the rest alike: one step serves both.
    quoted = quoted == before ? record : quoted.next(b, delimiter);
    if (record == CsvState.INVALID && recordDiedAt < 0) {
      recordDiedAt = position;
      if (stopAt < 0) {
        stopAt = position + 1;
      }
    }
    previous = b;
    position++;
    return wanted;
  }

  /** The end of the input: the range ends here if no line feed ended it before. */
  public void endOfInput() {
    if (previous == '\r') {
      breaks++;
      previous = -1;
    }
    if (end < 0) {
      end = position;
      markEnd();
    } else if (end == position && recordAtEnd == null) {
      markEnd();
    }
    if (stopAt < 0) {
      stopAt = position;
    }
  }

  private void atLineStart() {
    if (end >= 0 && position == end && recordAtEnd == null) {
      markEnd();
    }
    if (end < 0 || position < end) {
      if (quotedFirstLine == NO_LINE && quoted == CsvState.RECORD_START) {
        quotedFirstLine = breaks;
        quotedFirstPosition = position;
        aligned = record == CsvState.RECORD_START;
      }
    } else if (stopAt < 0 && record == CsvState.RECORD_START) {
      stopAt = position;
    }
  }

  private void markEnd() {
    if (end < 0) {
      end = 0;
    }
    breaksAtEnd = breaks;
    recordAtEnd = record;
    quotedAtEnd = quoted;
  }

  /** True once the range's end and both end states are known. */
  public boolean complete() {
    return recordAtEnd != null;
  }

  /** Offset, from the range's start, where the range ends (the next range's start). */
  public long end() {
    return end;
  }

  /** Physical lines that end in the range: line breaks before its end. */
  public long breaks() {
    return breaksAtEnd;
  }

  public CsvState recordAtEnd() {
    return recordAtEnd;
  }

  public CsvState quotedAtEnd() {
    return quotedAtEnd;
  }

  /**
   * Line (0 = the range's first) where the quoted hypothesis starts its first record in the range,
   * or {@link #NO_LINE}.
   */
  public long quotedFirstLine() {
    return quotedFirstLine;
  }

  /** Offset of the line {@link #quotedFirstLine()}, or -1. */
  public long quotedFirstPosition() {
    return quotedFirstPosition;
  }

  /** Offset of the byte that made the record hypothesis invalid, or -1 while it holds. */
  public long recordDiedAt() {
    return recordDiedAt;
  }

  /** True when the record hypothesis also starts a record at {@link #quotedFirstLine()}. */
  public boolean aligned() {
    return aligned;
  }

  /** Bytes of the range seen so far. */
  public long position() {
    return position;
  }
}
