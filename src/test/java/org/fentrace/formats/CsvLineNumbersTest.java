package org.fentrace.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.formats.CsvReads.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fentrace.formats.CsvReads.Read;
import org.junit.jupiter.api.Test;

/**
 * The line number of each record: the physical line of the file it starts on (the header is line
 * 1), counting blank lines and the line breaks inside quoted fields, on small files and on 200,000
 * rows.
 */
class CsvLineNumbersTest {
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

  /**
   * What a line break is, counted by hand for each text: each LF, each CRLF, each CR not followed
   * by LF, in a String as in any other character sequence it may be given.
   */
  @Test
  void aBreakIsAnLfACrlfOrALoneCr() {
    java.util.Map<String, Integer> expected =
        java.util.Map.of(
            "", 0,
            "a,b", 0,
            "a,b\n", 1,
            "a,b\r\n", 1,
            "a,b\r", 1,
            "\n\n1,2\n", 3,
            "a\r\rb\n", 3,
            "a\r\nb\rc\n", 3,
            "\"x\ny\",2\n", 2,
            "\r\n\r\n", 2);
    expected.forEach(
        (text, breaks) -> {
          assertThat(CsvFileReader.countBreaks(text)).as("String %s", text).isEqualTo(breaks);
          assertThat(CsvFileReader.countBreaks(new StringBuilder(text)))
              .as("StringBuilder %s", text)
              .isEqualTo(breaks);
        });
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
