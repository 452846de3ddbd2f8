package org.fentrace.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The speculative scan of one byte range, on ranges worked through by hand: each comment follows
 * the bytes under the record-start hypothesis (R) and the quoted-field hypothesis (Q).
 */
class ChunkScanTest {
  /** Feeds the text, then the end of input; returns the bytes taken before it said stop. */
  private static int feed(ChunkScan scan, String text) {
    int wanted = 0;
    boolean stopped = false;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (scan.accept(b & 0xFF) && !stopped) {
        wanted++;
      } else {
        stopped = true;
      }
    }
    scan.endOfInput();
    return wanted;
  }

  @Test
  void aRangeStartingInsideAQuotedFieldAlignsAtTheNextRecord() {
    // Text: lane 3",x \n R2,y \n (15 bytes, 2 line feeds).
    // R: 'lane 3' unquoted, the quote is an ordinary character, ',' field start, 'x', LF: record
    //    start on line 1.
    // Q: 'lane 3' quoted, '"' quote in quoted, ',' field start: now the same state as R, so both
    //    start a record on line 1 (aligned). No line feed before the end of input ends the range.
    ChunkScan scan = new ChunkScan(',', 1000, false);
    assertThat(feed(scan, "lane 3\",x\nR2,y\n")).isEqualTo(15);
    assertThat(scan.quotedFirstLine()).isEqualTo(1);
    assertThat(scan.aligned()).isTrue();
    assertThat(scan.breaks()).isEqualTo(2);
    assertThat(scan.end()).isEqualTo(15);
    assertThat(scan.recordAtEnd()).isEqualTo(CsvState.RECORD_START);
    assertThat(scan.quotedAtEnd()).isEqualTo(CsvState.RECORD_START);
  }

  @Test
  void theQuotedHypothesisDiesOnAQuoteFollowedByText() {
    // Text: "a",b \n "c" \n.
    // R: '"' opens a quoted field, 'a', '"' closes it, ',' , 'b', LF: record start (line 1);
    //    '"c"' quoted, LF: record start.
    // Q: '"' closes the quoted field, then 'a' is text after a closing quote: a syntax error.
    ChunkScan scan = new ChunkScan(',', 1000, false);
    feed(scan, "\"a\",b\n\"c\"\n");
    assertThat(scan.quotedFirstLine()).isEqualTo(ChunkScan.NO_LINE);
    assertThat(scan.quotedAtEnd()).isEqualTo(CsvState.INVALID);
    assertThat(scan.recordAtEnd()).isEqualTo(CsvState.RECORD_START);
    assertThat(scan.breaks()).isEqualTo(2);
  }

  @Test
  void theRangeEndsAfterTheFirstLineFeedAtItsNominalEnd() {
    // Text: x LF y LF "p LF q" LF z LF; bytes 0..11, line feeds at 1, 3, 6, 9, 11.
    // Nominal end 3: the line feed at 3 ends the range at 4, after 2 line breaks.
    // R is at a record start at 4, so the parser needs nothing from byte 4 on.
    // Q is still inside its quoted field at 4 (no quote in 'x LF y LF').
    ChunkScan scan = new ChunkScan(',', 3, false);
    assertThat(feed(scan, "x\ny\n\"p\nq\"\nz\n")).isEqualTo(4);
    assertThat(scan.end()).isEqualTo(4);
    assertThat(scan.breaks()).isEqualTo(2);
    assertThat(scan.recordAtEnd()).isEqualTo(CsvState.RECORD_START);
    assertThat(scan.quotedAtEnd()).isEqualTo(CsvState.QUOTED);
    assertThat(scan.quotedFirstLine()).isEqualTo(ChunkScan.NO_LINE);
  }

  @Test
  void theLastRecordIsReadPastTheRangeEnd() {
    // Text: a,"b LF c" LF d LF; line feeds at 4, 7, 9. Nominal end 0: the range ends at 5.
    // R is inside the quoted field at 5; its record ends with the line feed at 7, so the parser
    // takes bytes 0..7 and stops at 8.
    // Q: 'a' quoted, ',' quoted, '"' quote in quoted, 'b' after it: a syntax error.
    ChunkScan scan = new ChunkScan(',', 0, false);
    assertThat(feed(scan, "a,\"b\nc\"\nd\n")).isEqualTo(8);
    assertThat(scan.end()).isEqualTo(5);
    assertThat(scan.breaks()).isEqualTo(1);
    assertThat(scan.recordAtEnd()).isEqualTo(CsvState.QUOTED);
    assertThat(scan.quotedAtEnd()).isEqualTo(CsvState.INVALID);
  }

  @Test
  void anEscapedQuoteAfterTheBoundaryKillsTheRecordHypothesisFirst() {
    // Text: ""lane 4" LF G2,x LF: the range starts inside a quoted field right before an escaped
    // quote. R: '"' opens a quoted field, '"' quote in quoted, 'l' text after it: dead at byte 2.
    // Q: '""' is an escaped quote, 'lane 4' quoted, '"' closes, LF: record start on line 1 (byte
    // 10), where R, dead, starts nothing: not aligned, so the chunk parses again from byte 10.
    ChunkScan scan = new ChunkScan(',', 1000, false);
    assertThat(feed(scan, "\"\"lane 4\"\nG2,x\n")).isEqualTo(3);
    assertThat(scan.recordDiedAt()).isEqualTo(2);
    assertThat(scan.quotedFirstLine()).isEqualTo(1);
    assertThat(scan.quotedFirstPosition()).isEqualTo(10);
    assertThat(scan.aligned()).isFalse();
  }

  @Test
  void crlfAndLoneCarriageReturnsCountAsOneBreakEach() {
    // Text: a CR LF b CR c LF: CRLF is one break, the lone CR another, LF a third.
    ChunkScan scan = new ChunkScan(';', 1000, true);
    feed(scan, "a\r\nb\rc\n");
    assertThat(scan.breaks()).isEqualTo(3);
    // The first range of a file starts at a record start: there is no quoted hypothesis.
    assertThat(scan.quotedAtEnd()).isEqualTo(CsvState.INVALID);
  }

  @Test
  void aRangeSwallowedByALongLineIsEmpty() {
    // The line feed ending the previous range lies at or past this range's nominal end.
    ChunkScan scan = new ChunkScan(',', -5, false);
    assertThat(scan.complete()).isTrue();
    assertThat(scan.end()).isZero();
    assertThat(scan.breaks()).isZero();
    assertThat(scan.recordAtEnd()).isEqualTo(CsvState.RECORD_START);
    assertThat(scan.quotedAtEnd()).isEqualTo(CsvState.QUOTED);
  }

  @Test
  void csvStatesFollowTheRfc4180Lexer() {
    // A quote inside an unquoted field is text; blanks may follow a closing quote.
    assertThat(CsvState.UNQUOTED.next('"', ',')).isEqualTo(CsvState.UNQUOTED);
    assertThat(CsvState.QUOTE_IN_QUOTED.next(' ', ',')).isEqualTo(CsvState.AFTER_QUOTED);
    assertThat(CsvState.AFTER_QUOTED.next(',', ',')).isEqualTo(CsvState.FIELD_START);
    assertThat(CsvState.QUOTE_IN_QUOTED.next('"', ',')).isEqualTo(CsvState.QUOTED);
    assertThat(CsvState.QUOTED.next('\n', ',')).isEqualTo(CsvState.QUOTED);
    assertThat(CsvState.QUOTE_IN_QUOTED.next('x', ',')).isEqualTo(CsvState.INVALID);
    assertThat(CsvState.FIELD_START.next('\t', '\t')).isEqualTo(CsvState.FIELD_START);
    assertThat(CsvState.QUOTED.canEndFile()).isFalse();
    assertThat(CsvState.UNQUOTED.canEndFile()).isTrue();
  }

  /**
   * The bulk scan that skips runs of plain bytes gives what the byte-by-byte scan gives: on 3,000
   * random texts over an alphabet of the bytes that matter (delimiter, quote, CR, LF, a blank,
   * plain letters, a UTF-8 letter, and a semicolon that is plain under a comma and the delimiter
   * under a semicolon), each fed once byte by byte and once in blocks of random sizes, with random
   * range ends and both starts, every result the chunk tasks read is the same, and so is the count
   * of bytes the reader wants. The seed is fixed, so a failure repeats.
   */
  @Test
  void theBulkScanAgreesWithTheByteByByteScan() {
    byte[] alphabet = "ab,;\"\n\r xé".getBytes(StandardCharsets.UTF_8);
    Random random = new Random(20261205L);
    for (int i = 0; i < 3000; i++) {
      byte[] text = new byte[random.nextInt(200)];
      for (int k = 0; k < text.length; k++) {
        // Mostly plain letters, as in a real file, so runs form.
        text[k] = random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'a';
      }
      int delimiter = random.nextBoolean() ? ',' : ';';
      long endSearchFrom = random.nextInt(text.length + 2) - 1;
      boolean fileStart = random.nextInt(4) == 0;
      ChunkScan one = new ChunkScan(delimiter, endSearchFrom, fileStart);
      int wantedOne = text.length;
      for (int k = 0; k < text.length; k++) {
        if (!one.accept(text[k] & 0xFF) && wantedOne == text.length) {
          wantedOne = k;
        }
      }
      one.endOfInput();
      ChunkScan bulk = new ChunkScan(delimiter, endSearchFrom, fileStart);
      int wantedBulk = text.length;
      for (int off = 0; off < text.length; ) {
        int len = Math.min(text.length - off, 1 + random.nextInt(40));
        int wanted = bulk.accept(text, off, len);
        if (wanted < len && wantedBulk == text.length) {
          wantedBulk = off + wanted;
        }
        off += len;
      }
      bulk.endOfInput();
      String what = "text " + i + ": " + new String(text, StandardCharsets.UTF_8);
      assertThat(wantedBulk).as(what).isEqualTo(wantedOne);
      assertThat(results(bulk)).as(what).isEqualTo(results(one));
    }
  }

  private static List<Object> results(ChunkScan s) {
    List<Object> r = new ArrayList<>();
    r.add(s.complete());
    r.add(s.end());
    r.add(s.breaks());
    r.add(s.recordAtEnd());
    r.add(s.quotedAtEnd());
    r.add(s.quotedFirstLine());
    r.add(s.quotedFirstPosition());
    r.add(s.recordDiedAt());
    r.add(s.aligned());
    r.add(s.position());
    return r;
  }
}
