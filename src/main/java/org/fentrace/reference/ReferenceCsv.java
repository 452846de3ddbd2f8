package org.fentrace.reference;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The CSV dialect of the hand-edited reference files (the scheduling dates here, the policy events
 * of {@code effects}): lines starting with {@code #} are comments, blank lines are skipped, cells
 * are trimmed, the first record is the header, and column names are matched whatever their case or
 * surrounding spaces. One dialect, so a file an analyst edits reads the same wherever it goes.
 */
public final class ReferenceCsv {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setHeader()
          .setSkipHeaderRecord(true)
          .get();

  private ReferenceCsv() {}

  /** A parser over {@code reader}, its header already read. */
  public static CSVParser open(Reader reader) throws IOException {
    return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
  }

  /** The header's columns by their stripped lower-case names, to their positions. */
  public static Map<String, Integer> header(CSVParser parser) {
    Map<String, Integer> header = new HashMap<>();
    parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
    return header;
  }
}
