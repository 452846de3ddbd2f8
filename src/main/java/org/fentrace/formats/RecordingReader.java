package org.fentrace.formats;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Passes characters through to the parser while keeping those not yet discarded, addressed by
 * absolute character position, so a record's original text can be sliced out after parsing.
 */
final class RecordingReader extends Reader {
  private final Reader in;
  private final StringBuilder kept = new StringBuilder();
  private long base;

  /** Characters peeked before the parser started, replayed to it first. */
  private int replay;

  private boolean replaying;

  /**
   * The underlying reader's failure, kept: the parser reports it wrapped like its own syntax
   * errors.
   */
  private IOException failure;

  RecordingReader(Reader in) {
    this.in = in;
  }

  /** Reads ahead up to the first line break (or 64 KiB) without consuming it for the parser. */
  String peekLine() throws IOException {
    char[] buf = new char[1];
    while (kept.length() < CsvFileReader.COMPACT_THRESHOLD && in.read(buf, 0, 1) == 1) {
      kept.append(buf[0]);
      if (buf[0] == '\n' || buf[0] == '\r') {
        break;
      }
    }
    replaying = true;
    return kept.toString();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (replaying) {
      int n = Math.min(len, kept.length() - replay);
      if (n > 0) {
        kept.getChars(replay, replay + n, cbuf, off);
        replay += n;
        return n;
      }
      replaying = false;
    }
    int n;
    try {
      n = in.read(cbuf, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    if (n > 0) {
      kept.append(cbuf, off, n);
    }
    return n;
  }

  IOException failure() {
    return failure;
  }

  long base() {
    return base;
  }

  /** Absolute position just after the last character handed to the parser. */
  long position() {
    return base + kept.length();
  }

  String slice(long from, long to) {
    return kept.substring((int) (from - base), (int) (to - base));
  }

  void discardBefore(long position) {
    kept.delete(0, (int) (position - base));
    replay = Math.max(0, replay - (int) (position - base));
    base = position;
  }

  void drainToEnd() {
    try {
      char[] buf = new char[8192];
      while (read(buf, 0, buf.length) > 0) {
        // read() keeps what it reads
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String drainFrom(long from) {
    drainToEnd();
    return kept.substring((int) Math.max(0, from - base));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
