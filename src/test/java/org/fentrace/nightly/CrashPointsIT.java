package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Crashes;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver dies at each point of a run (deterministic fault hook): readers still see whole
 * tables, and the next run (breaking the dead run's lock) ends with the same warehouse as an
 * uninterrupted run. Night 1 and the uninterrupted reference are built once; each case starts from
 * a copy of night 1.
 */
class CrashPointsIT {
  static final String HEADER =
      "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country\n";
  static final LocalDate NIGHT_2 = LocalDate.of(2024, 3, 2);

  @TempDir static Path tmp;
  static Path night1;
  static Path landing2;
  static Path reference;
  static List<String> night1Seizures;

  /**
   * Night 1's landing, {@code dir/landing1}: jan.csv with J1 (2 kg, Mexico) and J2 (1 kg, China).
   */
  static Path nightOneLanding(Path dir) throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing1"));
    Files.writeString(
        landing.resolve("jan.csv"),
        HEADER
            + "J1,2024-01-05,fentanyl,2,kg,Southwest Border,truck,MX\n"
            + "J2,2024-01-06,fentanyl,1,kg,Coastal/Interior,international mail,CN\n");
    return landing;
  }

  /**
   * Night 2's landing, {@code dir/landing2}, after {@link #nightOneLanding}: the same jan.csv (same
   * size and time, so unchanged) plus feb.csv revising J1 to 2.5 kg and adding K1 (4 kg, February):
   * January is rewritten and February is new, so every table changes.
   */
  static Path nightTwoLanding(Path dir) throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing2"));
    Files.copy(
        dir.resolve("landing1").resolve("jan.csv"),
        landing.resolve("jan.csv"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(
        landing.resolve("feb.csv"),
        HEADER
            + "J1,2024-01-05,fentanyl,2.5,kg,Southwest Border,truck,MX\n"
            + "K1,2024-02-01,fentanyl,4,kg,Southwest Border,pedestrian,\n");
    // feb.csv is the later delivery, so its J1 wins: a minute after jan.csv, stated, not left to
    // the clock (files written in the same millisecond tie, and the tie goes to the path order,
    // which puts feb.csv first).
    java.nio.file.attribute.FileTime jan = Files.getLastModifiedTime(landing.resolve("jan.csv"));
    Files.setLastModifiedTime(
        landing.resolve("feb.csv"),
        java.nio.file.attribute.FileTime.from(jan.toInstant().plusSeconds(60)));
    return landing;
  }

  @BeforeAll
  static void buildNightOneAndTheReference() throws Exception {
    Path landing1 = nightOneLanding(tmp);
    night1 = tmp.resolve("night1");
    assertThat(Pipelines.run(landing1, night1, LocalDate.of(2024, 3, 1)).exitCode()).isZero();
    night1Seizures = WarehouseContents.rows(night1, "seizures");
    landing2 = nightTwoLanding(tmp);
    reference = tmp.resolve("reference");
    assertThat(Pipelines.run(landing2, reference, NIGHT_2).exitCode()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        FaultInjection.AFTER_PARSE,
        FaultInjection.AFTER_STAGE,
        FaultInjection.MID_PUBLISH,
        FaultInjection.AFTER_PUBLISH
      })
  void aRunThatDiesAnywhereIsFinishedByTheNext(String point) throws Exception {
    Path wh = copy(night1, tmp.resolve("case-" + point));
    try (AutoCloseable crash = Crashes.dieAt(point)) {
      assertThatThrownBy(() -> Pipelines.run(landing2, wh, NIGHT_2))
          .isInstanceOf(Crashes.SimulatedCrash.class);
    }
    List<String> afterCrash = WarehouseContents.rows(wh, "seizures");
    if (point.equals(FaultInjection.AFTER_PARSE) || point.equals(FaultInjection.AFTER_STAGE)) {
      assertThat(afterCrash)
          .as("nothing was published before the journal")
          .containsExactlyElementsOf(night1Seizures);
    } else {
      assertThat(afterCrash).as("every partition reads whole (old or new)").isNotEmpty();
    }
    var next =
        Pipelines.run(landing2, wh, NIGHT_2, Map.of("fentrace.lock.stale-after", "PT0S"), true);
    assertThat(next.exitCode()).isZero();
    WarehouseContents.assertSame(reference, wh);
  }

  static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }
}
