package org.fentrace.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentrace.routes.RouteRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's configuration folder ({@code -Dfentrace.conf.dir}) is read at run time: a rule
 * file or a policy events file placed there replaces the bundled copy without a rebuild, an
 * explicit setting still wins, and without the property (or without the file) the bundled defaults
 * apply as before.
 */
class ConfDirTest {
  @TempDir Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(ConfDir.PROPERTY);
  }

  /**
   * The version line of the shipped jobs/conf/route-rules.yaml, which the bundled copy is built
   * from.
   */
  private static String shippedVersion() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^version: \"([^\"]+)\"")
            .matcher(Files.readString(Path.of("jobs/conf/route-rules.yaml")));
    assertThat(m.find()).as("jobs/conf/route-rules.yaml has a version line").isTrue();
    return m.group(1);
  }

  /**
   * jobs/conf/route-rules.yaml with only its version changed: a rule file the bundled copy cannot
   * be.
   */
  private Path editedRules(Path folder) throws IOException {
    String shipped = Files.readString(Path.of("jobs/conf/route-rules.yaml"));
    Path f = folder.resolve(ConfDir.ROUTE_RULES_FILE);
    Files.writeString(
        f, shipped.replace("version: \"" + shippedVersion() + "\"", "version: \"9.9.9-edited\""));
    return f;
  }

  @Test
  void theFolderTheLauncherNamesIsReadAtRunTime() throws IOException {
    Path rules = editedRules(dir);
    Path events =
        Files.copy(Path.of("jobs/conf/policy-events.csv"), dir.resolve(ConfDir.POLICY_EVENTS_FILE));
    System.setProperty(ConfDir.PROPERTY, dir.toString());

    FentraceConfig c = FentraceConfig.load(null, Map.of());
    assertThat(RouteRules.configured(c).version()).isEqualTo("9.9.9-edited");
    assertThat(c.get(FentraceConfig.Key.ROUTE_RULES)).isEqualTo(rules.toAbsolutePath().toString());
    // A file: URI, so a cluster whose default file system is HDFS still reads the local file.
    assertThat(c.get(FentraceConfig.Key.POLICY_EVENTS))
        .isEqualTo(events.toAbsolutePath().toUri().toString())
        .startsWith("file:/");
  }

  @Test
  void anExplicitSettingWinsOverTheFolder() throws IOException {
    editedRules(dir);
    Path other = Files.createDirectories(dir.resolve("other"));
    Path explicit = other.resolve("mine.yaml");
    Files.writeString(
        explicit,
        Files.readString(Path.of("jobs/conf/route-rules.yaml"))
            .replace("version: \"" + shippedVersion() + "\"", "version: \"explicit\""));
    System.setProperty(ConfDir.PROPERTY, dir.toString());

    FentraceConfig c =
        FentraceConfig.load(null, Map.of("fentrace.routes.rules", explicit.toString()));
    assertThat(RouteRules.configured(c).version()).isEqualTo("explicit");
  }

  @Test
  void withoutTheFolderOrItsFileTheBundledDefaultsApply() throws IOException {
    // The bundled copy is jobs/conf/route-rules.yaml at build time, so it has the shipped version.
    assertThat(RouteRules.configured(FentraceConfig.load(null, Map.of())).source())
        .startsWith("bundled ");
    System.setProperty(ConfDir.PROPERTY, dir.toString()); // an empty folder
    FentraceConfig c = FentraceConfig.load(null, Map.of());
    assertThat(RouteRules.configured(c).source()).startsWith("bundled ");
    assertThat(RouteRules.configured(c).version()).isEqualTo(shippedVersion());
    assertThat(c.get(FentraceConfig.Key.POLICY_EVENTS)).isEmpty();
    assertThat(ConfDir.file(ConfDir.PROPERTIES_FILE)).isEmpty();
  }

  /**
   * The shipped fentrace.properties says it lists "every key with its default": read as the
   * configuration a release uses without --config, it must change nothing.
   */
  @Test
  void theShippedPropertiesFileHoldsExactlyTheDefaults() {
    Map<String, String> defaults = FentraceConfig.load(null, Map.of()).printable();
    Map<String, String> shipped =
        FentraceConfig.load(Path.of("jobs/conf/fentrace.properties"), Map.of()).printable();
    assertThat(shipped).isEqualTo(defaults);
  }
}
