package org.fentrace.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fentrace.config.ConfDir;
import org.fentrace.run.RunManifest;
import org.fentrace.trends.TrendsResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling reference is read from the launcher's configuration folder when it holds
 * scheduling.csv (as the route rules and the policy events are), else from the jar's copy; the run
 * manifest records which one.
 */
class SchedulingFileTest {
  private static final String HEADER =
      "substance,kind,us_temporary_date,us_temporary_source,us_permanent_date,"
          + "us_permanent_source,us_class_wide_date,us_class_wide_source,us_precursor_date,us_precursor_source,"
          + "china_date,china_source,china_class_wide_date,china_class_wide_source,un_date,un_source,mexico_date,"
          + "mexico_source,notes\n";

  @TempDir Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(ConfDir.PROPERTY);
  }

  @Test
  void withoutAConfFolderTheJarCopyIsRead() {
    assertThat(SchedulingFile.describe()).isEqualTo("bundled /conf/scheduling.csv");
    SchedulingReference ref = SchedulingFile.load();
    assertThat(ref.sourceName()).isEqualTo("scheduling.csv");
    assertThat(ref.entries()).hasSameSizeAs(SchedulingReference.loadDefault().entries());
  }

  @Test
  void aConfFolderWithoutTheFileFallsBackToTheJarCopy() {
    System.setProperty(ConfDir.PROPERTY, dir.toString());
    assertThat(SchedulingFile.describe()).isEqualTo(SchedulingFile.BUNDLED);
    assertThat(SchedulingFile.load().sourceName()).isEqualTo("scheduling.csv");
  }

  @Test
  void theConfFoldersFileIsReadAndRecordedInTheManifest() throws IOException {
    // An edited reference with one row, a date the shipped file does not give acetyl fentanyl
    // (1999-01-01): the loaded reference holds exactly that row and that date.
    Path file = dir.resolve("scheduling.csv");
    Files.writeString(file, HEADER + "acetyl fentanyl,ANALOG,1999-01-01,99 FR 1,,,,,,,,,,,,,,,\n");
    System.setProperty(ConfDir.PROPERTY, dir.toString());

    SchedulingReference ref = SchedulingFile.load();
    assertThat(ref.sourceName()).isEqualTo(file.toAbsolutePath().normalize().toString());
    assertThat(ref.entries()).hasSize(1);
    assertThat(ref.forSubstance("acetyl fentanyl").orElseThrow().control(Control.US_TEMPORARY))
        .contains(new ControlDate(LocalDate.of(1999, 1, 1), "99 FR 1"));
    assertThat(SchedulingFile.describe()).isEqualTo(file.toAbsolutePath().normalize().toString());

    var manifest =
        new RunManifest("r1", "run", "2026-11-28", Instant.parse("2026-11-28T00:00:00Z"))
            .trends(
                new TrendsResult(
                    "r1",
                    LocalDate.of(2026, 11, 28),
                    null,
                    null,
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of()))
            .tree();
    assertThat(manifest.get("trends").get("scheduling_source").asText())
        .isEqualTo(file.toAbsolutePath().normalize().toString());
  }

  @Test
  void aBadFileInTheConfFolderFailsNamingIt() throws IOException {
    Path file = dir.resolve("scheduling.csv");
    Files.writeString(file, HEADER + "acetyl fentanyl,ANALOG,1999-01-01,,,,,,,,,,,,,,,,\n");
    System.setProperty(ConfDir.PROPERTY, dir.toString());
    assertThatThrownBy(SchedulingFile::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toAbsolutePath().normalize().toString() + " line 2");
  }
}
