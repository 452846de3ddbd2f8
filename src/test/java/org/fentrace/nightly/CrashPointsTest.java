package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver dies at each point of a run (deterministic fault hook): readers still see whole tables,
 * and the next run (breaking the dead run's lock) ends with the same warehouse as an uninterrupted run.
 */
class CrashPointsTest {
  static final String HEADER = "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country\n";

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {FaultInjection.AFTER_PARSE, FaultInjection.AFTER_STAGE, FaultInjection.MID_PUBLISH,
      FaultInjection.AFTER_PUBLISH})
  void aRunThatDiesAnywhereIsFinishedByTheNext(String point) throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Path wh = tmp.resolve("warehouse");
    Files.writeString(landing.resolve("jan.csv"), HEADER
        + "J1,2024-01-05,fentanyl,2,kg,Southwest Border,truck,MX\nJ2,2024-01-06,fentanyl,1,kg,Coastal/Interior,international mail,CN\n");
    assertThat(Pipelines.run(landing, wh, LocalDate.of(2024, 3, 1)).exitCode()).isZero();
    List<String> night1 = WarehouseContents.rows(wh, "seizures");

    // Night 2 revises J1 (January) and adds February.
    Files.writeString(landing.resolve("feb.csv"), HEADER
        + "J1,2024-01-05,fentanyl,2.5,kg,Southwest Border,truck,MX\nK1,2024-02-01,fentanyl,4,kg,Southwest Border,pedestrian,\n");
    System.setProperty(FaultInjection.PROPERTY, point);
    try {
      assertThatThrownBy(() -> Pipelines.run(landing, wh, LocalDate.of(2024, 3, 2)))
          .isInstanceOf(FaultInjection.SimulatedCrash.class);
    } finally {
      System.clearProperty(FaultInjection.PROPERTY);
    }
    List<String> afterCrash = WarehouseContents.rows(wh, "seizures");
    if (point.equals(FaultInjection.AFTER_PARSE) || point.equals(FaultInjection.AFTER_STAGE)) {
      assertThat(afterCrash).as("nothing was published before the journal").containsExactlyElementsOf(night1);
    } else {
      assertThat(afterCrash).as("every partition reads whole (old or new)").isNotEmpty();
    }

    var next = Pipelines.run(landing, wh, LocalDate.of(2024, 3, 2), Map.of("fentrace.lock.stale-after", "PT0S"), true);
    assertThat(next.exitCode()).isZero();
    Path clean = tmp.resolve("clean");
    Pipelines.run(landing, clean, LocalDate.of(2024, 3, 2));
    WarehouseContents.assertSame(clean, wh);
  }
}
