package org.fentrace.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.formats.CsvReads.concat;
import static org.fentrace.formats.CsvReads.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.fentrace.formats.CsvReads.Read;
import org.junit.jupiter.api.Test;

/**
 * How {@link CsvFileReader} decodes bytes: UTF-8, falling back byte by byte to Windows-1252 where a
 * byte is not valid UTF-8, counting the bytes it read that way, however the stream is chunked.
 */
class CsvEncodingTest {
  @Test
  void latin1ByteFallsBackToWindows1252() throws IOException {
    Read r = read("country,n\nM\u00e9xico,1\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.get(0).values()[0]).isEqualTo("México");
    assertThat(r.get(0).rawText()).isEqualTo("México,1");
    assertThat(r.fallbackBytes()).isEqualTo(1);
  }

  @Test
  void properUtf8IsNotReinterpreted() throws IOException {
    Read r = read("country,n\nM\u00e9xico,1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.get(0).values()[0]).isEqualTo("México");
    assertThat(r.fallbackBytes()).isZero();
  }

  @Test
  void windows1252QuotesAreDecoded() throws IOException {
    // 0x93 and 0x94 are Windows-1252 curly quotes U+201C and U+201D, invalid as UTF-8
    byte[] row = {(byte) 0x93, 'q', (byte) 0x94, '\n'};
    Read r = read(concat("a\n".getBytes(StandardCharsets.US_ASCII), row));
    assertThat(r.get(0).values()).containsExactly("\u201Cq\u201D");
    assertThat(r.fallbackBytes()).isEqualTo(2);
  }

  @Test
  void truncatedUtf8SequenceAtTheEndFallsBack() throws IOException {
    // 0xC3 starts a two-byte sequence that never comes: read as Windows-1252 'Ã'
    Read r = read(concat("a\nx".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3}));
    assertThat(r.get(0).values()).containsExactly("x\u00C3");
    assertThat(r.fallbackBytes()).isEqualTo(1);
  }

  @Test
  void decodingDoesNotDependOnHowTheStreamIsChunked() throws IOException {
    // UTF-8 'é' (2 bytes) and '€' (3 bytes) straddling the 64 KiB buffer, plus one Latin-1 0xE9
    byte[] pad = "x".repeat(65_535).getBytes(StandardCharsets.US_ASCII);
    byte[] bytes =
        concat(
            "a,b\n".getBytes(StandardCharsets.US_ASCII),
            pad,
            "\u00e9\u20ac,M".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xE9},
            "xico\n".getBytes(StandardCharsets.US_ASCII));
    String expectedFirst = "x".repeat(65_535) + "\u00e9\u20ac";
    for (int chunk : new int[] {1, 3, 8192, Integer.MAX_VALUE}) {
      try (CsvFileReader r = CsvFileReader.open(new ChunkedStream(bytes, chunk))) {
        RawRecord rec = r.next();
        assertThat(rec.values()).as("chunk " + chunk).containsExactly(expectedFirst, "México");
        assertThat(r.fallbackBytes()).as("chunk " + chunk).isEqualTo(1);
      }
    }
  }

  /** Returns at most {@code chunk} bytes per read, as a network or decompressing stream may. */
  private static final class ChunkedStream extends java.io.InputStream {
    private final byte[] data;
    private final int chunk;
    private int pos;

    ChunkedStream(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
