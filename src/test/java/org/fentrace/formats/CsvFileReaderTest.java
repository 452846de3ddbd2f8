package org.fentrace.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CsvFileReaderTest {

  /** Everything a reader produced, read to the end. */
  private record Read(
      List<String> header,
      char delimiter,
      List<RawRecord> records,
      String syntaxError,
      long fallbackBytes) {
    RawRecord get(int i) {
      return records.get(i);
    }

    List<Long> lines() {
      return records.stream().map(RawRecord::line).toList();
    }
  }

  private static Read read(byte[] bytes) throws IOException {
    try (CsvFileReader r = CsvFileReader.open(new ByteArrayInputStream(bytes))) {
      List<RawRecord> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return new Read(r.header(), r.delimiter(), out, r.syntaxError(), r.fallbackBytes());
    }
  }

  private static Read read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ---------------------------------------------------------------- values and raw text

  @Test
  void readsHeaderAndValuesWithLf() throws IOException {
    Read r = read("a,b\n1,2\n3,4\n");
    assertThat(r.header()).containsExactly("a", "b");
    assertThat(r.delimiter()).isEqualTo(',');
    assertThat(r.records()).hasSize(2);
    assertThat(r.get(0).values()).containsExactly("1", "2");
    assertThat(r.get(1).values()).containsExactly("3", "4");
    assertThat(r.syntaxError()).isNull();
    assertThat(r.fallbackBytes()).isZero();
  }

  @Test
  void crlfTerminatorsAreNotPartOfValuesOrRawText() throws IOException {
    Read r = read("a,b\r\n1,2\r\n3,4\r\n");
    assertThat(r.header()).containsExactly("a", "b");
    assertThat(r.get(0).values()).containsExactly("1", "2");
    assertThat(r.get(0).rawText()).isEqualTo("1,2");
    assertThat(r.get(1).rawText()).isEqualTo("3,4");
  }

  @Test
  void loneCrTerminatorsSeparateRecords() throws IOException {
    Read r = read("a,b\r1,2\r3,4\r");
    assertThat(r.records()).extracting(RawRecord::rawText).containsExactly("1,2", "3,4");
  }

  @Test
  void rawTextKeepsEmbeddedQuotesAndLineBreaksExactly() throws IOException {
    String row = "\"he said \"\"hi\"\"\r\nthen left\",\"a,b\"";
    Read r = read("x,y\r\n" + row + "\r\n9,9\r\n");
    assertThat(r.get(0).values()).containsExactly("he said \"hi\"\r\nthen left", "a,b");
    assertThat(r.get(0).rawText()).isEqualTo(row);
    assertThat(r.get(1).rawText()).isEqualTo("9,9");
  }

  @Test
  void lastRowWithoutTerminatorIsRead() throws IOException {
    Read r = read("a,b\n1,2\n3,4");
    assertThat(r.records()).extracting(RawRecord::rawText).containsExactly("1,2", "3,4");
  }

  @Test
  void valuesAreNotTrimmedAndRowsOfOtherLengthsAreReturnedAsIs() throws IOException {
    Read r = read("a,b,c\n 1 , 2 ,\n1,2\n1,2,3,4\n");
    assertThat(r.get(0).values()).containsExactly(" 1 ", " 2 ", "");
    assertThat(r.get(1).values()).containsExactly("1", "2");
    assertThat(r.get(2).values()).containsExactly("1", "2", "3", "4");
  }

  @Test
  void utf8BomIsStrippedFromFirstHeaderCell() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Read r = read(concat(bom, "seizure_id,unit\r\nS1,kg\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.header()).containsExactly("seizure_id", "unit");
    assertThat(r.get(0).values()).containsExactly("S1", "kg");
    assertThat(r.fallbackBytes()).isZero();
  }

  @Test
  void semicolonDelimiterIsSniffedFromHeader() throws IOException {
    Read r = read("a;b;c\n1;2,5;\"x;y\"\n");
    assertThat(r.delimiter()).isEqualTo(';');
    assertThat(r.get(0).values()).containsExactly("1", "2,5", "x;y");
    assertThat(r.get(0).rawText()).isEqualTo("1;2,5;\"x;y\"");
  }

  @Test
  void tabDelimiterIsSniffedFromHeader() throws IOException {
    Read r = read("a\tb\tc\n1\t2,5\t3\n");
    assertThat(r.delimiter()).isEqualTo('\t');
    assertThat(r.get(0).values()).containsExactly("1", "2,5", "3");
  }

  @Test
  void delimitersInsideQuotedHeaderCellsDoNotCount() throws IOException {
    Read r = read("\"a;b;c\",d\n1,2\n");
    assertThat(r.delimiter()).isEqualTo(',');
    assertThat(r.header()).containsExactly("a;b;c", "d");
  }

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

  @Test
  void oneMegabyteFieldIsReadIntact() throws IOException {
    StringBuilder big = new StringBuilder(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      big.append((char) ('a' + i % 26));
    }
    Read r = read("id,text\n1,\"" + big + "\"\n2,after\n");
    assertThat(r.records()).hasSize(2);
    assertThat(r.get(0).values()[1]).isEqualTo(big.toString());
    assertThat(r.get(0).rawText()).isEqualTo("1,\"" + big + "\"");
    assertThat(r.get(1).values()).containsExactly("2", "after");
    assertThat(r.get(1).rawText()).isEqualTo("2,after");
  }

  @Test
  void emptyInputHasEmptyHeaderAndNoRecords() throws IOException {
    Read r = read(new byte[0]);
    assertThat(r.header()).isEmpty();
    assertThat(r.records()).isEmpty();
    assertThat(r.syntaxError()).isNull();
  }

  @Test
  void headerOnlyHasNoRecords() throws IOException {
    assertThat(read("a,b\n").records()).isEmpty();
    assertThat(read("a,b").records()).isEmpty();
    assertThat(read("a,b\r\n\r\n\r\n").records()).isEmpty();
  }

  @Test
  void nextAfterTheEndThrows() throws IOException {
    try (CsvFileReader r = CsvFileReader.open(new ByteArrayInputStream("a\n1\n".getBytes()))) {
      r.next();
      assertThat(r.hasNext()).isFalse();
      assertThatThrownBy(r::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void unterminatedQuoteGivesOneFinalRecordWithoutValues() throws IOException {
    Read r = read("a,b\n1,2\n\"3,4\n5,6\n");
    assertThat(r.syntaxError()).isNotNull();
    assertThat(r.records()).isNotEmpty();
    RawRecord last = r.get(r.records().size() - 1);
    assertThat(last.values()).isNull();
    assertThat(r.records().subList(0, r.records().size() - 1))
        .allSatisfy(x -> assertThat(x.values()).isNotNull());
    assertThat(r.get(0).values()).containsExactly("1", "2");
  }

  /**
   * Delivers {@code bytes}, then fails as a gzip stream cut short does: EOFException on the next
   * read.
   */
  private static java.io.InputStream cutShort(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new java.io.InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos == bytes.length) {
          throw new java.io.EOFException("Unexpected end of input stream");
        }
        return bytes[pos++] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == bytes.length) {
          throw new java.io.EOFException("Unexpected end of input stream");
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  private static Read readAll(java.io.InputStream in, List<String> readErrors) throws IOException {
    try (CsvFileReader r = CsvFileReader.open(in)) {
      List<RawRecord> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      readErrors.add(r.readError());
      return new Read(r.header(), r.delimiter(), out, r.syntaxError(), r.fallbackBytes());
    }
  }

  @Test
  void aStreamThatFailsMidRowEndsWithTheHalfRowAsOneRecordWithoutValues() throws IOException {
    List<String> errors = new ArrayList<>();
    Read r = readAll(cutShort("a,b\n1,2\n3,4\n5,\"half"), errors);
    // Lines: header 1, "1,2" 2, "3,4" 3, the half-written "5,"half" 4: it is a row read, not a row
    // lost.
    assertThat(r.records()).hasSize(3);
    assertThat(r.get(1).values()).containsExactly("3", "4");
    assertThat(r.get(2).values()).isNull();
    assertThat(r.get(2).rawText()).isEqualTo("5,\"half");
    assertThat(r.lines()).containsExactly(2L, 3L, 4L);
    assertThat(r.syntaxError()).isNull();
    assertThat(errors.get(0)).isEqualTo("java.io.EOFException: Unexpected end of input stream");
  }

  @Test
  void aStreamThatFailsAtARowBoundaryLeavesNoExtraRecord() throws IOException {
    List<String> errors = new ArrayList<>();
    Read r = readAll(cutShort("a,b\n1,2\n3,4\n"), errors);
    assertThat(r.records()).extracting(RawRecord::rawText).containsExactly("1,2", "3,4");
    assertThat(errors.get(0)).contains("EOFException");
  }

  // ---------------------------------------------------------------- line numbers: relative (hold
  // today)

  @Test
  void lineNumbersStepByOnePhysicalLine() throws IOException {
    for (String text :
        List.of("a,b\n1,2\n3,4\n5,6\n", "a,b\r\n1,2\r\n3,4\r\n5,6\r\n", "a,b\r1,2\r3,4\r5,6\r")) {
      List<Long> lines = read(text).lines();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1) - lines.get(0)).as(text).isEqualTo(1);
      assertThat(lines.get(2) - lines.get(1)).as(text).isEqualTo(1);
    }
  }

  @Test
  void rowAfterAThreeLineQuotedFieldStartsThreeLinesLater() throws IOException {
    Read r = read("a,b\n\"x\ny\nz\",2\n3,4\n");
    assertThat(r.get(0).values()).containsExactly("x\ny\nz", "2");
    assertThat(r.get(0).rawText()).isEqualTo("\"x\ny\nz\",2");
    assertThat(r.get(1).line() - r.get(0).line()).isEqualTo(3);
  }

  @Test
  void blankLinesAreSkippedButCounted() throws IOException {
    Read r = read("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n\n5,6\n");
    assertThat(r.records()).extracting(RawRecord::rawText).containsExactly("1,2", "3,4", "5,6");
    List<Long> lines = r.lines();
    assertThat(lines.get(1) - lines.get(0)).isEqualTo(3); // "1,2", two blank lines, "3,4"
    assertThat(lines.get(2) - lines.get(1)).isEqualTo(2); // "3,4", one blank line, "5,6"
  }

  // ---------------------------------------------------------------- line numbers: absolute (header
  // is line 1)

  @Test
  void firstDataRowIsLineTwo() throws IOException {
    assertThat(read("a,b\n1,2\n3,4\n").lines()).containsExactly(2L, 3L);
    assertThat(read("a,b\r\n1,2\r\n3,4\r\n").lines()).containsExactly(2L, 3L);
    assertThat(read("a,b\r1,2\r3,4\r").lines()).containsExactly(2L, 3L);
  }

  @Test
  void rowAfterMultiLineFieldHasItsPhysicalLine() throws IOException {
    // line 1 header, lines 2-4 the quoted field, line 5 "3,4"
    assertThat(read("a,b\n\"x\ny\nz\",2\n3,4\n").lines()).containsExactly(2L, 5L);
  }

  @Test
  void blankLinesKeepPhysicalLineNumbers() throws IOException {
    // 1 header, 2 blank, 3 "1,2", 4 blank, 5 blank, 6 "3,4"
    assertThat(read("a,b\n\n1,2\n\n\n3,4\n").lines()).containsExactly(3L, 6L);
    assertThat(read("\uFEFFa,b\r\n\r\n1,2\r\n\r\n3,4").lines()).containsExactly(3L, 5L);
  }

  @Test
  void unterminatedQuoteRecordStartsAtTheBrokenRow() throws IOException {
    // 1 header, 2 "1,2", 3 the opening quote that never closes
    Read r = read("a,b\n1,2\n\"3,4\n5,6\n");
    assertThat(r.records()).hasSize(2);
    assertThat(r.get(0).rawText()).isEqualTo("1,2"); // today: "1,2\n\"3,4\n5,6"
    assertThat(r.get(1).values()).isNull();
    assertThat(r.get(1).rawText()).isEqualTo("\"3,4\n5,6"); // today: ""
    assertThat(r.syntaxError()).isNotBlank();
    assertThat(r.get(0).line()).isEqualTo(2);
    assertThat(r.get(1).line()).isEqualTo(3); // today: 4
  }

  @Test
  void unterminatedQuoteInFirstRowDoesNotIncludeTheHeader() throws IOException {
    Read r = read("a,b\n\"1,2\n3,4\n");
    assertThat(r.records()).hasSize(1);
    assertThat(r.get(0).values()).isNull();
    assertThat(r.get(0).rawText()).isEqualTo("\"1,2\n3,4"); // today: "a,b\n\"1,2\n3,4"
    assertThat(r.get(0).line()).isEqualTo(2); // today: 1
  }

  // ---------------------------------------------------------------- volume

  @Test
  void twoHundredThousandRowsReadInBoundedMemory() throws IOException {
    // Each row spans two physical lines, so reads past the 64 KiB compaction threshold many times.
    StringBuilder s = new StringBuilder(3_500_000).append("id,v\n");
    int rows = 200_000;
    for (int i = 1; i <= rows; i++) {
      s.append(i).append(",\"v\n").append(i).append("\"\n");
    }
    try (CsvFileReader r =
        CsvFileReader.open(
            new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.US_ASCII)))) {
      RawRecord first = r.next();
      RawRecord last = first;
      int n = 1;
      while (r.hasNext()) {
        last = r.next();
        n++;
      }
      assertThat(n).isEqualTo(rows);
      assertThat(last.values()).containsExactly(Integer.toString(rows), "v\n" + rows);
      assertThat(last.rawText()).isEqualTo(rows + ",\"v\n" + rows + "\"");
      // row i starts on physical line 2i; relative to the first row: 2 * (rows - 1)
      assertThat(last.line() - first.line()).isEqualTo(2L * (rows - 1));
    }
  }

  @Test
  void lastOfTwoHundredThousandRowsHasItsPhysicalLine() throws IOException {
    StringBuilder s = new StringBuilder("id,v\r\n");
    for (int i = 1; i <= 200_000; i++) {
      s.append(i).append(",x\r\n");
    }
    Read r = read(s.toString());
    assertThat(r.records()).hasSize(200_000);
    assertThat(r.get(199_999).line()).isEqualTo(200_001); // header on line 1, row i on line i + 1
  }
}
