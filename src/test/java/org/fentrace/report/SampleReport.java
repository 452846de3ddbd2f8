package org.fentrace.report;

import static org.fentrace.report.ReportRenderTest.section;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fentrace.testing.SampleWarehouse;

/**
 * The report of {@link SampleWarehouse} as its readers see it: the page, its tables parsed back
 * into exact values, and the CSV exports read independently with commons-csv.
 */
final class SampleReport {
  /** The source the sample report speaks for (the one covering the latest fiscal year best). */
  static final String SOURCE = "seizure_events";

  /** The fentanyl family, as the exports write its classes. */
  static final List<String> FAMILY = List.of("FENTANYL", "FENTANYL_ANALOG");

  private static final Pattern ATTRIBUTE = Pattern.compile("\\sdata-([a-z-]+)=\"([^\"]*)\"");

  private static String html;

  private SampleReport() {}

  /** The page, read once. */
  static synchronized String html() throws IOException {
    if (html == null) {
      html = Files.readString(SampleWarehouse.index(), StandardCharsets.UTF_8);
    }
    return html;
  }

  /**
   * Parses a report table into row key -> column header -> exact value (data-v) of every number
   * cell; the key of a row is the values of its {@code data-}{@code keyAttributes}, joined by a
   * space (rows without them are left out).
   */
  static Map<String, Map<String, BigDecimal>> tableByRowKey(String tableId, String... keyAttributes)
      throws IOException {
    String table = section(html(), "<table id=\"" + tableId + "\">", "</table>");
    List<String> header = new ArrayList<>();
    Matcher th = Pattern.compile("<th scope=\"col\">([^<]*)</th>").matcher(table);
    while (th.find()) {
      header.add(th.group(1));
    }
    Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
    Matcher tr = Pattern.compile("<tr([^>]*)>(.*?)</tr>").matcher(table);
    while (tr.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(tr.group(1));
      while (a.find()) {
        attributes.put(a.group(1), a.group(2));
      }
      List<String> key = new ArrayList<>();
      for (String k : keyAttributes) {
        key.add(attributes.get(k));
      }
      if (key.contains(null)) {
        continue;
      }
      Matcher td = Pattern.compile("<td[^>]*?(?: data-v=\"([^\"]*)\")?>").matcher(tr.group(2));
      Map<String, BigDecimal> cells = new LinkedHashMap<>();
      for (int col = 0; td.find(); col++) {
        if (td.group(1) != null) {
          cells.put(header.get(col), new BigDecimal(td.group(1)));
        }
      }
      out.put(String.join(" ", key), cells);
    }
    return out;
  }

  /** The rows of {@code exports/<export>.csv} of the sample warehouse. */
  static List<CSVRecord> export(String export) throws IOException {
    try (Reader in =
            Files.newBufferedReader(
                SampleWarehouse.warehouse().resolve("exports").resolve(export + ".csv"));
        CSVParser p =
            CSVParser.builder()
                .setReader(in)
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
      return p.getRecords();
    }
  }
}
