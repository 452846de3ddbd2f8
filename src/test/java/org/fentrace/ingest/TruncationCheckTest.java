package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check that decides whether a compressed landing file's rows may be used at all: it goes
 * through the same Hadoop codec the parser uses, and the number of content bytes it reports before
 * the end is compared with what the JDK's own gzip reader (an independent decoder) gets out of the
 * same bytes.
 */
class TruncationCheckTest {
  @TempDir static Path tmp;
  static byte[] content;
  static byte[] gzip;

  @BeforeAll
  static void compress() throws IOException {
    StringBuilder csv = new StringBuilder("seizure_id,seizure_date,substance,quantity,unit\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append("S")
          .append(i)
          .append(",2023-01-")
          .append(10 + i % 19)
          .append(",fentanyl,")
          .append(i % 97 + 1)
          .append(",kg\n");
    }
    content = csv.toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    gzip = out.toByteArray();
  }

  private static String check(String name, byte[] bytes) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, bytes);
    return LandingFiles.truncation(new Configuration(), f.toUri().toString());
  }

  /** Content bytes the JDK's gzip reader yields from {@code bytes} before it runs out of input. */
  private static long jdkDecodable(byte[] bytes) throws IOException {
    long total = 0;
    byte[] buf = new byte[8192];
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
      }
    } catch (EOFException e) {
      return total;
    }
    throw new AssertionError("the JDK read the cut file to its end");
  }

  @Test
  void aWholeGzipFilePasses() throws IOException {
    assertThat(check("whole.csv.gz", gzip)).isNull();
  }

  @Test
  void aGzipFileCutInTheMiddleEndsEarly() throws IOException {
    byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);
    long decodable = jdkDecodable(cut);
    assertThat(decodable).isPositive().isLessThan(content.length);
    assertThat(check("half.csv.gz", cut))
        .startsWith(
            "the compressed file ends early, after "
                + decodable
                + " bytes of content (java.io.EOFException");
  }

  @Test
  void aGzipFileMissingOnlyPartOfItsTrailerEndsEarly() throws IOException {
    // Every content byte is there; the last 4 bytes (the content length) of gzip's 8-byte trailer
    // are not.
    assertThat(check("trailer.csv.gz", Arrays.copyOf(gzip, gzip.length - 4)))
        .startsWith(
            "the compressed file ends early, after " + content.length + " bytes of content");
  }

  @Test
  void aGzipFileWithAWrongChecksumIsCorruptNotTruncated() {
    byte[] bad = gzip.clone();
    bad[bad.length - 8] ^= 0x01; // first byte of the CRC-32 in the trailer
    assertThatThrownBy(() -> check("crc.csv.gz", bad))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(EOFException.class);
  }

  @Test
  void plainCsvIsNotChecked() throws IOException {
    // Plain text has no framing: a cut plain file cannot be told from a whole one, and is not read
    // twice.
    assertThat(check("cut.csv", Arrays.copyOf(content, content.length / 2))).isNull();
  }
}
