package org.fentrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.fentrace.effects.PolicyEventsFile;

/**
 * The dated policy events drawn on every time chart of the report: the same file, read by the same
 * loader, as the policy effects ({@link PolicyEventsFile}: {@code jobs/conf/policy-events.csv},
 * bundled in the jar as {@code /conf/policy-events.csv}), so a chart never marks an event the
 * effects table does not know, and a bad row stops both with the file, line and problem named. The
 * report keeps only what it draws.
 */
public final class PolicyEvents {
  /** The bundled default, on the classpath. */
  public static final String DEFAULT_RESOURCE = PolicyEventsFile.DEFAULT_RESOURCE;

  private PolicyEvents() {}

  /** One dated event, as the report draws and lists it. */
  public record PolicyEvent(LocalDate date, String label, String description, String sourceUrl) {}

  /** The events and where they were read from. */
  public record Loaded(String source, List<PolicyEvent> events) {
    public Loaded {
      events = List.copyOf(events);
    }
  }

  /**
   * Reads {@code path} (any Hadoop file system URI or local path) when given, else the bundled
   * default; see {@link PolicyEventsFile#load}.
   */
  public static Loaded load(String path, Configuration conf) throws IOException {
    PolicyEventsFile.Loaded loaded = PolicyEventsFile.load(path, conf);
    return new Loaded(loaded.source(), view(loaded.events()));
  }

  /** Parses the CSV text; events sorted by date. */
  public static List<PolicyEvent> parse(String source, InputStream in) throws IOException {
    return view(PolicyEventsFile.parse(source, in));
  }

  private static List<PolicyEvent> view(List<org.fentrace.effects.PolicyEvent> events) {
    return events.stream()
        .map(e -> new PolicyEvent(e.date(), e.label(), e.description(), e.sourceUrl()))
        .toList();
  }
}
