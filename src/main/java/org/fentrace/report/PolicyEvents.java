package org.fentrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The dated policy events drawn on every time chart of the report, from a CSV file the user edits
 * ({@code jobs/conf/policy-events.csv}, bundled in the jar as {@code /conf/policy-events.csv}).
 *
 * <p>Format: UTF-8, a header row {@code date,label,description,source_url} (any order, case-insensitive;
 * extra columns ignored), one event per row, lines starting with {@code #} are comments. {@code date} is
 * {@code yyyy-MM-dd}; {@code label} and {@code source_url} are required, the URL must be http(s).
 * A bad row is an error naming the file, line and problem: a report that silently drops an event the
 * user added would mislead.
 */
public final class PolicyEvents {
  /** The bundled default, on the classpath. */
  public static final String DEFAULT_RESOURCE = "/conf/policy-events.csv";
  static final List<String> COLUMNS = List.of("date", "label", "description", "source_url");

  private PolicyEvents() {}

  /** One dated event. */
  public record PolicyEvent(LocalDate date, String label, String description, String sourceUrl) {}

  /** The events and where they were read from. */
  public record Loaded(String source, List<PolicyEvent> events) {
    public Loaded {
      events = List.copyOf(events);
    }
  }

  /**
   * Reads {@code path} (any Hadoop file system URI or local path) when given, else the bundled default.
   * A missing bundled default reads as no events (the report says so); a missing explicit file is an error.
   */
  public static Loaded load(String path, Configuration conf) throws IOException {
    if (path != null && !path.isBlank()) {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        throw new IOException("policy events file " + path + " does not exist");
      }
      try (InputStream in = fs.open(p)) {
        return new Loaded(path, parse(path, in));
      }
    }
    try (InputStream in = PolicyEvents.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        return new Loaded("none (no " + DEFAULT_RESOURCE + " on the classpath)", List.of());
      }
      return new Loaded("bundled " + DEFAULT_RESOURCE, parse(DEFAULT_RESOURCE, in));
    }
  }

  /** Parses the CSV text; events sorted by date, then label. */
  public static List<PolicyEvent> parse(String source, InputStream in) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(true).setHeader().setSkipHeaderRecord(true).get();
    List<PolicyEvent> events = new ArrayList<>();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, Integer> header = lowerCaseHeader(parser.getHeaderMap());
      for (String required : List.of("date", "label", "source_url")) {
        if (!header.containsKey(required)) {
          throw new IOException(source + ": the header lacks the column '" + required + "'; expected "
              + String.join(",", COLUMNS));
        }
      }
      for (CSVRecord r : parser) {
        events.add(event(source + " line " + parser.getCurrentLineNumber(), r, header));
      }
    }
    events.sort(Comparator.comparing(PolicyEvent::date).thenComparing(PolicyEvent::label));
    return events;
  }

  private static PolicyEvent event(String where, CSVRecord r, Map<String, Integer> header) throws IOException {
    String date = value(r, header, "date");
    String label = value(r, header, "label");
    String url = value(r, header, "source_url");
    LocalDate d;
    try {
      d = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IOException(where + ": date '" + date + "' is not yyyy-MM-dd");
    }
    if (label.isEmpty()) {
      throw new IOException(where + ": label is empty");
    }
    if (!isHttpUrl(url)) {
      throw new IOException(where + ": source_url '" + url + "' is not an http(s) URL; every event needs a source");
    }
    return new PolicyEvent(d, label, value(r, header, "description"), url);
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI u = new URI(url);
      return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String value(CSVRecord r, Map<String, Integer> header, String column) {
    Integer i = header.get(column);
    return i == null || i >= r.size() ? "" : r.get(i).strip();
  }

  private static Map<String, Integer> lowerCaseHeader(Map<String, Integer> header) {
    Map<String, Integer> out = new java.util.HashMap<>();
    header.forEach((k, v) -> out.put(k.strip().toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }
}
