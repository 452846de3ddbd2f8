package org.fentrace.formats;

import java.util.Arrays;

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

  /**
   * Bytes that change no state of a hypothesis standing inside a field (quoted or not) or past an
   * error: all but line feed, carriage return, quote and the delimiter.
   */
  private final boolean[] plain = new boolean[256];

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
    Arrays.fill(plain, true);
    plain['\n'] = false;
    plain['\r'] = false;
    plain['"'] = false;
    plain[delimiter & 0xFF] = false;
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

  /**
   * Takes {@code len} bytes of {@code buf} from {@code off}, as {@link #accept(int)} one by one
   * would, and returns how many of them, from the first, the reader following the record hypothesis
   * wants ({@code len} when all). Most bytes of a range lie inside fields and are {@link #plain}:
   * when both hypotheses stand inside a field (or past an error) and the previous byte ended no
   * line, such a byte only moves the position, so runs of them are skipped in a tight loop (the
   * byte-by-byte scan was 15% of the samples of a parcel-scale parse).
   */
  public int accept(byte[] buf, int off, int len) {
    int end = off + len;
    int wanted = -1;
    int k = off;
    while (k < end) {
      if (position > 0
          && previous != '\n'
          && previous != '\r'
          && insideField(record)
          && insideField(quoted)) {
        int run = k;
        while (run < end && plain[buf[run] & 0xFF]) {
          run++;
        }
        if (run > k) {
          if (stopAt >= 0 && wanted < 0) {
            wanted = k - off;
          }
          position += run - k;
          previous = buf[run - 1] & 0xFF;
          k = run;
          continue;
        }
      }
      if (!accept(buf[k] & 0xFF) && wanted < 0) {
        wanted = k - off;
      }
      k++;
    }
    return wanted < 0 ? len : wanted;
  }

  /** A state that a {@link #plain} byte leaves as it is. */
  private static boolean insideField(CsvState s) {
    return s == CsvState.QUOTED || s == CsvState.UNQUOTED || s == CsvState.INVALID;
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
