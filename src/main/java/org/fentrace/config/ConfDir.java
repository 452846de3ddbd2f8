package org.fentrace.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration folder the launcher names with {@code -Dfentrace.conf.dir}: {@code conf/} of a
 * release, {@code jobs/conf} of a source checkout, or {@code $FENTRACE_CONF_DIR}. Its files are
 * read at run time, so editing one takes effect on the next run without rebuilding the jar (a
 * scheduler host has no Maven). Without the property (tests, a hand-written spark-submit line)
 * nothing is looked up here and the defaults bundled in the jar apply.
 */
public final class ConfDir {
  /** JVM system property the launcher sets on the driver. */
  public static final String PROPERTY = "fentrace.conf.dir";

  public static final String PROPERTIES_FILE = "fentrace.properties";
  public static final String ROUTE_RULES_FILE = "route-rules.yaml";
  public static final String POLICY_EVENTS_FILE = "policy-events.csv";
  public static final String SCHEDULING_FILE = "scheduling.csv";

  private ConfDir() {}

  /**
   * The file {@code name} in the configuration folder, when the launcher named a folder and it
   * holds a regular file of that name. A driver started in a cluster's deploy mode runs on another
   * host, where the folder is absent: it falls back to the bundled defaults, as documented for that
   * mode.
   */
  public static Optional<Path> file(String name) {
    String dir = System.getProperty(PROPERTY, "");
    if (dir.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(dir).resolve(name).toAbsolutePath().normalize();
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
