package org.fentrace.effects;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fentrace.reference.ReferenceCsv;

/**
 * Reads the policy events file ({@code jobs/conf/policy-events.csv}, bundled as {@code
 * /conf/policy-events.csv}): UTF-8 CSV, {@code #} comments, a header naming at least {@code
 * id,date,label,source_url,primary_citation} (any order, case-insensitive; {@code description}
 * optional).
 *
 * <p>Every event needs a primary source: {@code source_url} must be an http(s) URL on a host of the
 * body that made the measure or of its official gazette ({@link #PRIMARY_HOSTS}: the Federal
 * Register and GovInfo, congress.gov, the White House, the US agencies acting, China's State
 * Council, MPS and NNCC, Mexico's DOF and gob.mx, the UN drug bodies), and {@code primary_citation}
 * must say which document it is. A news site is not a primary source. A bad row is an error naming
 * the file and line: an estimate anchored on a date nobody can check would mislead.
 */
public final class PolicyEventsFile {
  /** The bundled default, on the classpath. */
  public static final String DEFAULT_RESOURCE = "/conf/policy-events.csv";

  public static final List<String> REQUIRED_COLUMNS =
      List.of("id", "date", "label", "source_url", "primary_citation");

  /** Hosts (and their subdomains) accepted as primary sources. */
  public static final List<String> PRIMARY_HOSTS =
      List.of(
          "federalregister.gov",
          "govinfo.gov",
          "congress.gov",
          "whitehouse.gov",
          "bidenwhitehouse.archives.gov",
          "trumpwhitehouse.archives.gov",
          "justice.gov",
          "dea.gov",
          "cbp.gov",
          "dhs.gov",
          "treasury.gov",
          "state.gov",
          "cdc.gov",
          "gov.cn",
          "mps.gov.cn",
          "nncc626.com",
          "dof.gob.mx",
          "gob.mx",
          "unodc.org",
          "un.org",
          "incb.org");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

  private PolicyEventsFile() {}

  /** The events and where they were read from. */
  public record Loaded(String source, List<PolicyEvent> events) {
    public Loaded {
      events = List.copyOf(events);
    }
  }

  /**
   * Reads {@code path} (any Hadoop URI) when given, else the bundled default (none there reads as
   * no events).
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
    try (InputStream in = PolicyEventsFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        return new Loaded("none (no " + DEFAULT_RESOURCE + " on the classpath)", List.of());
      }
      return new Loaded("bundled " + DEFAULT_RESOURCE, parse(DEFAULT_RESOURCE, in));
    }
  }

  /** Parses the CSV text; events sorted by date, then id. */
  public static List<PolicyEvent> parse(String source, InputStream in) throws IOException {
    List<PolicyEvent> events = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = ReferenceCsv.open(reader)) {
      Map<String, Integer> header = ReferenceCsv.header(parser);
      for (String required : REQUIRED_COLUMNS) {
        if (!header.containsKey(required)) {
          throw new IOException(
              source
                  + ": the header lacks the column '"
                  + required
                  + "'; expected "
                  + String.join(",", REQUIRED_COLUMNS)
                  + " (and description)");
        }
      }
      for (CSVRecord r : parser) {
        String where = source + " line " + parser.getCurrentLineNumber();
        PolicyEvent e = event(where, r, header);
        if (!ids.add(e.id())) {
          throw new IOException(where + ": id '" + e.id() + "' is used by an earlier event");
        }
        events.add(e);
      }
    }
    events.sort(Comparator.comparing(PolicyEvent::date).thenComparing(PolicyEvent::id));
    return events;
  }

  private static PolicyEvent event(String where, CSVRecord r, Map<String, Integer> header)
      throws IOException {
    String id = value(r, header, "id");
    String date = value(r, header, "date");
    String label = value(r, header, "label");
    String url = value(r, header, "source_url");
    String citation = value(r, header, "primary_citation");
    if (!ID.matcher(id).matches()) {
      throw new IOException(
          where + ": id '" + id + "' must be lower-case letters, digits and dashes (at most 48)");
    }
    LocalDate d;
    try {
      d = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IOException(where + ": date '" + date + "' is not yyyy-MM-dd");
    }
    if (label.isEmpty()) {
      throw new IOException(where + ": label is empty");
    }
    String host = host(url);
    if (host == null) {
      throw new IOException(
          where
              + ": source_url '"
              + url
              + "' is not an http(s) URL; every event needs a primary source");
    }
    if (!isPrimaryHost(host)) {
      throw new IOException(
          where
              + ": source_url host '"
              + host
              + "' is not a primary source (the body that made the"
              + " measure or its official gazette: "
              + String.join(", ", PRIMARY_HOSTS)
              + ")");
    }
    if (citation.isEmpty()) {
      throw new IOException(
          where + ": primary_citation is empty; name the document (e.g. 83 FR 5188)");
    }
    return new PolicyEvent(id, d, label, value(r, header, "description"), url, citation);
  }

  /** Whether {@code host} is one of {@link #PRIMARY_HOSTS} or a subdomain of one. */
  public static boolean isPrimaryHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return PRIMARY_HOSTS.stream().anyMatch(p -> h.equals(p) || h.endsWith("." + p));
  }

  private static String host(String url) {
    try {
      URI u = new URI(url);
      boolean web = "https".equals(u.getScheme()) || "http".equals(u.getScheme());
      return web ? u.getHost() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String value(CSVRecord r, Map<String, Integer> header, String column) {
    Integer i = header.get(column);
    return i == null || i >= r.size() ? "" : r.get(i).strip();
  }
}
