package org.fentrace.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fentrace.formats.CsvReads.concat;
import static org.fentrace.formats.CsvReads.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.fentrace.formats.CsvReads.Read;
import org.junit.jupiter.api.Test;

/**
 * What {@link CsvFileReader} makes of a file's bytes: header, delimiter, values and the raw text of
 * each record, and how it ends (at the end of the input, at a syntax error, or where the stream
 * failed).
 */
class CsvFileReaderTest {
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

  @Test
  void aStreamThatFailsMidRowEndsWithTheHalfRowAsOneRecordWithoutValues() throws IOException {
    Read r = read(cutShort("a,b\n1,2\n3,4\n5,\"half"));
    // Lines: header 1, "1,2" 2, "3,4" 3, the half-written "5,"half" 4: it is a row read, not a row
    // lost.
    assertThat(r.records()).hasSize(3);
    assertThat(r.get(1).values()).containsExactly("3", "4");
    assertThat(r.get(2).values()).isNull();
    assertThat(r.get(2).rawText()).isEqualTo("5,\"half");
    assertThat(r.lines()).containsExactly(2L, 3L, 4L);
    assertThat(r.syntaxError()).isNull();
    assertThat(r.readError()).isEqualTo("java.io.EOFException: Unexpected end of input stream");
  }

  @Test
  void aStreamThatFailsAtARowBoundaryLeavesNoExtraRecord() throws IOException {
    Read r = read(cutShort("a,b\n1,2\n3,4\n"));
    assertThat(r.records()).extracting(RawRecord::rawText).containsExactly("1,2", "3,4");
    assertThat(r.readError()).contains("EOFException");
  }
}
