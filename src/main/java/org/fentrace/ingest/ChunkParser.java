package org.fentrace.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.fentrace.formats.ChunkScan;
import org.fentrace.formats.CsvFileReader;
import org.fentrace.formats.RawRecord;
import org.fentrace.normalize.NormalizationContext;

/**
 * Parses one byte range ("chunk") of a plain landing file: chunk {@code i} starts right after the
 * first line feed at or after byte {@code i * split} (the first at the file's start, reading the
 * header) and owns the records that start before the next chunk's start, reading past it to finish
 * its last record. Its rows are parsed once, as if the chunk started at a record start, while its
 * {@link ChunkScan} follows the bytes under both hypotheses; rows carry chunk-relative lines and
 * fall in a head part (before the quoted hypothesis' first record line) or a tail part, each with
 * its statistics, so whichever hypothesis the chain proves can be kept without parsing again. The
 * last row is the chunk's {@link Envelope#CHUNK} summary.
 */
final class ChunkParser {
  private final NormalizationContext context;
  private final Configuration conf;
  private final String runId;

  ChunkParser(NormalizationContext context, Configuration conf, String runId) {
    this.context = context;
    this.conf = conf;
    this.runId = runId;
  }

  /**
   * The SHA-256 of a split file as stored, in a summary row of chunk {@link ParseUnit#CHECKSUM}.
   */
  static InternalRow checksum(Configuration conf, LandingFile file) throws IOException {
    LandingFiles.Opened opened = LandingFiles.open(conf, file.uri());
    try (InputStream ignored = opened.content()) {
      String sha = opened.finishChecksum();
      return Envelope.chunk(
          file.index(),
          ParseUnit.CHECKSUM,
          RowFactory.create(true, 0L, null, null, ChunkScan.NO_LINE, false, 0L, sha, null, null));
    }
  }

  Iterator<InternalRow> parse(ParseUnit unit) throws IOException {
    return new Chunk(unit);
  }

  private final class Chunk extends LookaheadRows {
    private final ParseUnit unit;
    private final RecordEnvelopes.Part head = new RecordEnvelopes.Part();
    private final RecordEnvelopes.Part tail = new RecordEnvelopes.Part();
    private final ChunkScan scan;
    private final ScanningStream bytes;
    private final boolean empty;
    private final long start;

    /**
     * Set when the record hypothesis died before the quoted one's first record: the parse then
     * restarted there, and its lines count from that line.
     */
    private boolean restarted;

    private long lineBase;
    private long fallbackBeforeRestart;
    private CsvFileReader reader;
    private RecordEnvelopes envelopes;
    private RecordEnvelopes.Part last = head;

    Chunk(ParseUnit unit) throws IOException {
      this.unit = unit;
      Path path = new Path(unit.file().uri());
      FSDataInputStream in = path.getFileSystem(conf).open(path, 1 << 16);
      this.start = unit.chunk() == 0 ? 0 : startAfterLineFeed(in, unit.chunk() * unit.splitBytes());
      in.seek(start);
      long endSearchFrom = (unit.chunk() + 1L) * unit.splitBytes() - start;
      this.scan = new ChunkScan(unit.file().delimiter(), endSearchFrom, unit.chunk() == 0);
      this.bytes = new ScanningStream(new BufferedInputStream(in, 1 << 16), scan);
      this.empty = endSearchFrom < 0 || start >= unit.file().size();
    }

    @Override
    protected InternalRow advance() {
      try {
        if (empty) {
          return finish();
        }
        if (reader == null) {
          java.util.function.LongSupplier end = () -> scan.end() < 0 ? Long.MAX_VALUE : scan.end();
          reader =
              unit.chunk() == 0
                  ? CsvFileReader.open(bytes, end)
                  : CsvFileReader.openRange(bytes, unit.file().delimiter(), end);
          envelopes =
              new RecordEnvelopes(
                  unit.file(), unit.file().delimiter(), context, runId, unit.chunk());
        }
        if (reader.hasNext()) {
          RawRecord read = reader.next();
          RawRecord record =
              lineBase == 0
                  ? read
                  : new RawRecord(read.line() + lineBase, read.values(), read.rawText());
          long from = scan.quotedFirstLine();
          last = from != ChunkScan.NO_LINE && record.line() >= from ? tail : head;
          last.rowsRead++;
          return envelopes.toEnvelope(record, reader, null, last);
        }
        if (reader.syntaxError() != null || reader.readError() != null) {
          last.syntaxError = reader.syntaxError();
          last.readError = reader.readError();
        }
        if (restart()) {
          return advance();
        }
        return finish();
      } catch (IOException | UncheckedIOException e) {
        head.readError = e.toString();
        tail.readError = e.toString();
        return finish();
      }
    }

    /**
     * When the record hypothesis died (text after a closing quote, typically an escaped quote right
     * after the range's first line feed) before the quoted hypothesis started its first record, the
     * rows parsed so far cannot serve the quoted one: parse again from that record, whose lines
     * then count from its line. The bytes skipped are decoded once for the fallback count alone.
     */
    private boolean restart() throws IOException {
      if (restarted || scan.recordDiedAt() < 0) {
        return false;
      }
      bytes.drainScan();
      long from = scan.quotedFirstPosition();
      if (scan.quotedFirstLine() == ChunkScan.NO_LINE
          || scan.aligned()
          || scan.recordDiedAt() >= from) {
        return false;
      }
      restarted = true;
      reader.close();
      Path path = new Path(unit.file().uri());
      FSDataInputStream in = path.getFileSystem(conf).open(path, 1 << 16);
      in.seek(start);
      fallbackBeforeRestart = fallbackBytes(in.readNBytes(Math.toIntExact(from)));
      ChunkScan again = new ChunkScan(unit.file().delimiter(), scan.end() - 1 - from, true);
      reader =
          CsvFileReader.openRange(
              new ScanningStream(new BufferedInputStream(in, 1 << 16), again),
              unit.file().delimiter(),
              () -> again.end() < 0 ? Long.MAX_VALUE : again.end());
      lineBase = scan.quotedFirstLine();
      return true;
    }

    private InternalRow finish() {
      done = true;
      long fallback = 0;
      try {
        bytes.drainScan();
        if (reader != null) {
          fallback = reader.fallbackBytes() + fallbackBeforeRestart;
          reader.close();
        } else {
          bytes.close();
        }
      } catch (IOException | UncheckedIOException e) {
        head.readError = head.readError == null ? e.toString() : head.readError;
        tail.readError = tail.readError == null ? e.toString() : tail.readError;
      }
      return Envelope.chunk(
          unit.file().index(),
          unit.chunk(),
          RowFactory.create(
              empty,
              scan.breaks(),
              scan.recordAtEnd() == null ? null : scan.recordAtEnd().name(),
              scan.quotedAtEnd() == null ? null : scan.quotedAtEnd().name(),
              scan.quotedFirstLine(),
              scan.aligned() || restarted,
              fallback,
              null,
              head.statsRow(null, 0),
              tail.statsRow(null, 0)));
    }
  }

  /** Bytes of {@code text} that are not valid UTF-8, as {@link CsvFileReader} counts them. */
  private static long fallbackBytes(byte[] text) throws IOException {
    try (org.fentrace.formats.FallbackDecodingReader decoder =
        new org.fentrace.formats.FallbackDecodingReader(new java.io.ByteArrayInputStream(text))) {
      char[] buf = new char[1 << 14];
      while (decoder.read(buf, 0, buf.length) >= 0) {
        // decoded only to count
      }
      return decoder.fallbackBytes();
    }
  }

  /** The offset just after the first line feed at or after {@code from}, or the file's end. */
  private static long startAfterLineFeed(FSDataInputStream in, long from) throws IOException {
    in.seek(from);
    InputStream buffered = new BufferedInputStream(in, 1 << 12);
    long position = from;
    for (int b; (b = buffered.read()) >= 0; ) {
      position++;
      if (b == '\n') {
        return position;
      }
    }
    return position;
  }

  /**
   * Hands a chunk's bytes to the parser through its {@link ChunkScan}, and ends (returns end of
   * input) where the scan says the parser needs no more; {@link #drainScan()} then lets the scan
   * read on alone until it knows the chunk's end.
   */
  private static final class ScanningStream extends InputStream {
    private final InputStream in;
    private final ChunkScan scan;
    private boolean stopped;

    ScanningStream(InputStream in, ChunkScan scan) {
      this.in = in;
      this.scan = scan;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (stopped) {
        return -1;
      }
      int n = in.read(b, off, len);
      if (n < 0) {
        scan.endOfInput();
        stopped = true;
        return -1;
      }
      int wanted = scan.accept(b, off, n);
      if (wanted < n) {
        stopped = true;
        return wanted == 0 ? -1 : wanted;
      }
      return n;
    }

    void drainScan() throws IOException {
      byte[] buf = new byte[1 << 16];
      while (!scan.complete()) {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          scan.endOfInput();
          return;
        }
        scan.accept(buf, 0, n);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
