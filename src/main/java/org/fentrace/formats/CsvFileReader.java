package org.fentrace.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one delimited text file record by record, keeping for each record its physical start line
 * (header = line 1) and its text as delivered, so a quarantined row can be found and fixed in its
 * file.
 *
 * <p>Handles what real exports contain: a UTF-8 byte-order mark, CRLF or LF, comma, semicolon or
 * tab delimiters (chosen from the header line), quoted fields with delimiters, quotes and line
 * breaks, blank lines, and non-UTF-8 bytes (see {@link FallbackDecodingReader}). Decompression is
 * the caller's business: pass the decompressed stream.
 *
 * <p>A syntax error (for example a quote never closed) ends the file: {@link #next()} then returns
 * one last record with {@code values == null} covering the unreadable rest, and {@link
 * #syntaxError()} says what went wrong. A stream that fails instead (a gzip file cut short ends in
 * an EOFException) ends the file the same way: the text received after the last whole record, if
 * any, is that last record, and {@link #readError()} says what went wrong; a half-written row is
 * never silently dropped.
 */
public final class CsvFileReader implements Closeable, Iterator<RawRecord> {
  static final int COMPACT_THRESHOLD = 1 << 16;

  private final FallbackDecodingReader decoder;
  private final RecordingReader text;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final char delimiter;
  private final List<String> header;

  /** Next record read from the parser but not yet returned, with its start position. */
  private CSVRecord ahead;

  private long aheadPosition;

  /** Line number at the character position {@code consumedTo}. */
  private long lineAtConsumed;

  private long consumedTo;
  private String syntaxError;
  private String readError;

  /** The last record after a syntax or read error (the unparsed rest) has been returned. */
  private boolean tailReported;

  /** Bytes of a UTF-8 byte-order mark skipped at the start, 0 or 3. */
  private final int bomBytes;

  private CsvFileReader(
      InputStream in, char knownDelimiter, long firstLine, LongSupplier countFallbackBefore)
      throws IOException {
    boolean wholeFile = firstLine == 1;
    PushbackInputStream pin = new PushbackInputStream(in, 3);
    this.bomBytes = wholeFile ? skipUtf8Bom(pin) : 0;
    this.decoder = new FallbackDecodingReader(pin);
    decoder.countBefore(() -> countFallbackBefore.getAsLong() - bomBytes);
    this.text = new RecordingReader(decoder);
    this.delimiter = wholeFile ? sniffDelimiter(text.peekLine()) : knownDelimiter;
    this.lineAtConsumed = firstLine;
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();
    this.parser = CSVParser.builder().setReader(text).setFormat(format).get();
    this.records = parser.iterator();
    fetchAhead();
    if (ahead == null || !wholeFile) {
      this.header = List.of();
    } else {
      this.header = List.of(ahead.values());
      long headerStart = aheadPosition;
      fetchAhead();
      advancePast(endOf(headerStart));
    }
  }

  /** Opens a reader over a decompressed stream; reads the header at once. */
  public static CsvFileReader open(InputStream in) throws IOException {
    return new CsvFileReader(in, ',', 1, () -> Long.MAX_VALUE);
  }

  /**
   * Opens a reader over the first byte range of a file: as {@link #open(InputStream)}, but {@link
   * #fallbackBytes()} counts only bytes before the offset {@code countFallbackBefore} gives when
   * such a byte is met (bytes the range reads past its end to finish its last record are the next
   * range's).
   */
  public static CsvFileReader open(InputStream in, LongSupplier countFallbackBefore)
      throws IOException {
    return new CsvFileReader(in, ',', 1, countFallbackBefore);
  }

  /**
   * Opens a reader over a byte range of a file that starts at a record start after the header: no
   * header, no byte-order mark, the delimiter the header chose; lines are numbered from 0, the
   * range's first line (the caller adds the range's offset); fallback bytes are counted as in
   * {@link #open(InputStream, LongSupplier)}.
   */
  public static CsvFileReader openRange(
      InputStream in, char delimiter, LongSupplier countFallbackBefore) throws IOException {
    return new CsvFileReader(in, delimiter, 0, countFallbackBefore);
  }

  /** The header cells, or an empty list for an empty file. */
  public List<String> header() {
    return header;
  }

  public char delimiter() {
    return delimiter;
  }

  /** Bytes read as Windows-1252 because they were not valid UTF-8. */
  public long fallbackBytes() {
    return decoder.fallbackBytes();
  }

  /** The parser's message when the file stopped being valid CSV, else null. */
  public String syntaxError() {
    return syntaxError;
  }

  /**
   * The input stream's failure (for example a compressed stream that ends early) when it stopped
   * reading, else null.
   */
  public String readError() {
    return readError;
  }

  @Override
  public boolean hasNext() {
    if (ahead != null) {
      return true;
    }
    if (tailReported) {
      return false;
    }
    // After a syntax error the rest is unparseable text; after a read error, only what arrived is
    // left,
    // and a stream that failed exactly at a record boundary leaves nothing.
    return syntaxError != null
        || (readError != null && !stripBreaks(text.slice(consumedTo, text.position())).isEmpty());
  }

  @Override
  public RawRecord next() {
    if (ahead == null) {
      if (hasNext()) {
        tailReported = true;
        String rest =
            syntaxError != null
                ? text.drainFrom(consumedTo)
                : text.slice(consumedTo, text.position());
        long line = lineAtConsumed + leadingBreaks(rest);
        return new RawRecord(line, null, stripBreaks(rest));
      }
      throw new NoSuchElementException();
    }
    CSVRecord current = ahead;
    long start = aheadPosition;
    fetchAhead();
    long end = endOf(start);
    String slice = text.slice(start, end);
    long line = lineAtConsumed + leadingBreaks(slice);
    advancePast(end, slice);
    return new RawRecord(line, current.values(), stripBreaks(slice));
  }

  /**
   * Where the record starting at {@code start} ends (after its line terminator): the next record's
   * start when there is one; at a syntax error in the next record, found by scanning this (valid)
   * record's text for its first line break outside quotes; else the end of the input.
   */
  private long endOf(long start) {
    if (ahead != null) {
      return aheadPosition;
    }
    if (syntaxError == null && readError == null) {
      return text.position();
    }
    String rest = text.slice(start, text.position());
    boolean quoted = false;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        int end = c == '\r' && i + 1 < rest.length() && rest.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        return start + end;
      }
    }
    return text.position();
  }

  private void advancePast(long end) {
    advancePast(end, text.slice(consumedTo, end));
  }

  private void advancePast(long end, String consumed) {
    lineAtConsumed += countBreaks(consumed);
    consumedTo = end;
    if (consumedTo - text.base() > COMPACT_THRESHOLD) {
      text.discardBefore(consumedTo);
    }
  }

  private void fetchAhead() {
    ahead = null;
    if (syntaxError != null || readError != null) {
      return;
    }
    try {
      if (records.hasNext()) {
        ahead = records.next();
        aheadPosition = ahead.getCharacterPosition();
      } else {
        text.drainToEnd();
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      if (text.failure() != null) {
        // The stream failed, not the syntax: reading again would only fail again.
        readError = text.failure().toString();
      } else {
        syntaxError =
            e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getMessage();
      }
    }
  }

  static int countBreaks(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  private static int leadingBreaks(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
      i++;
    }
    return countBreaks(s.substring(0, i));
  }

  private static String stripBreaks(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == '\r' || s.charAt(from) == '\n')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == '\r' || s.charAt(to - 1) == '\n')) {
      to--;
    }
    return s.substring(from, to);
  }

  private static int skipUtf8Bom(PushbackInputStream in) throws IOException {
    byte[] b = new byte[3];
    int n = in.readNBytes(b, 0, 3);
    if (!(n == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
      in.unread(b, 0, n);
      return 0;
    }
    return 3;
  }

  /**
   * The most frequent of comma, semicolon and tab outside quotes in the header line; comma on ties.
   */
  static char sniffDelimiter(String headerLine) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  @Override
  public String toString() {
    return "CsvFileReader[delimiter="
        + delimiter
        + ", header="
        + Arrays.toString(header.toArray())
        + "]";
  }
}
