package org.fentrace.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seizure-event CSV text (ASCII, so a character is a byte) built so that quoted line breaks fall
 * exactly at, just before and just after the nominal chunk boundaries {@code k * split}, with the
 * physical line of each row written down as it is built (the header is line 1; every line break
 * before a row's first byte adds one), so a test can check {@code source_line} against numbers that
 * do not come from the parser.
 */
final class BoundaryFiles {
  static final String HEADER =
      "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country,location";

  /** Where the quoted line break of a boundary row falls, relative to the boundary byte. */
  private static final int[] DELTAS = {0, 1, -1, 3, 0, 2};

  final StringBuilder text = new StringBuilder();
  final Map<String, Long> lineOf = new LinkedHashMap<>();
  private long line = 1;
  private int next = 1;

  private final String prefix;

  private BoundaryFiles(String newline, String prefix) {
    this.prefix = prefix;
    append(HEADER + newline);
  }

  /**
   * A file of about {@code boundaries * split} bytes: plain rows, and at each boundary one row
   * whose quoted location holds a line break at the boundary plus a delta; every third such break
   * is CRLF, every fourth location holds an escaped quote next to the break, and every fifth
   * boundary row's location runs over several chunks. Record ids are {@code prefix} and a number.
   */
  static BoundaryFiles build(int split, int boundaries, String newline, String prefix) {
    BoundaryFiles f = new BoundaryFiles(newline, prefix);
    for (int k = 1; k <= boundaries; k++) {
      int at = k * split + DELTAS[k % DELTAS.length];
      String rest = ",2023-01-05,fentanyl,1,kg,Southwest Border,truck,MX,\"";
      int width = (f.prefix + f.next).length() + rest.length();
      f.plainRowsUpTo(at - width - 6, newline);
      String id = f.prefix + f.next;
      // Six or more characters of location before the break (more when the rows overshot).
      String before = "P".repeat(Math.max(6, at - f.text.length() - id.length() - rest.length()));
      if (k % 4 == 0) {
        before = before.substring(2) + "\"\"";
      }
      String inner = k % 3 == 0 ? "\r\n" : "\n";
      String after = k % 4 == 0 ? "\"\"lane " + k : "lane " + k;
      if (k % 5 == 0) {
        after = after + ("\nbooth " + "B".repeat(split / 2)).repeat(3);
      }
      f.row(id, rest + before + inner + after + "\"" + newline);
      f.next++;
    }
    f.plainRow(newline);
    // A line longer than a chunk: the chunk it swallows holds no line feed of its own.
    f.row(
        f.prefix + f.next,
        ",2023-01-06,heroin,2,kg,Southwest Border,truck,MX," + "L".repeat(split * 2) + newline);
    f.next++;
    // The last row has no line break: the file ends in an unquoted field.
    f.row(f.prefix + f.next, ",2023-01-07,fentanyl,3,kg,Southwest Border,truck,MX,\"end\"");
    return f;
  }

  private void plainRowsUpTo(int length, String newline) {
    while (text.length() < length) {
      String id = prefix + next;
      String row = ",2023-01-04,fentanyl,1,kg,Southwest Border,truck,MX,Nogales";
      int room = length - text.length() - id.length() - row.length() - newline.length();
      if (room < 0) {
        // Too short for a row: a blank line fills it (blank lines are skipped but counted).
        while (text.length() < length) {
          text.append(newline);
          line++;
        }
        return;
      }
      row(id, row + "x".repeat(Math.min(room, 20)) + newline);
      next++;
    }
  }

  private void plainRow(String newline) {
    row(prefix + next, ",2023-01-04,fentanyl,1,kg,Southwest Border,truck,MX,Nogales" + newline);
    next++;
  }

  private void row(String id, String rest) {
    lineOf.put(id, line);
    append(id + rest);
  }

  private void append(String s) {
    text.append(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
  }
}
