package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.fentrace.routes.RouteSensitivity;
import org.fentrace.run.PipelineRunner;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.testing.Crashes;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseContents;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver dies inside the publication of a table rewritten whole (the trend tables,
 * route_sensitivity, the report), after its first move. Before this publication went through the
 * journal, a kill between its two renames left the live table in {@code _trash}, and the next start
 * deleted it. Now: every table still reads whole (the ones not yet moved still hold night 1's
 * rows), the journal is left behind, its replay alone finishes the dead run's publication (the
 * tables then hold exactly what the uninterrupted run wrote: the dead run's staged copies, not a
 * recomputation), and a following run ends with the same warehouse as an uninterrupted one.
 */
class DerivedTablesCrashIT {
  static final LocalDate NIGHT_2 = CrashPointsIT.NIGHT_2;
  static final EnumSet<PipelineRunner.Step> ALL_STEPS = EnumSet.allOf(PipelineRunner.Step.class);

  @TempDir static Path tmp;
  static Path night1;
  static Path landing2;
  static Path reference;

  @BeforeAll
  static void buildNightOneAndTheReference() throws Exception {
    Path landing1 = Files.createDirectories(tmp.resolve("landing1"));
    Files.writeString(
        landing1.resolve("jan.csv"),
        CrashPointsIT.HEADER
            + "J1,2024-01-05,fentanyl,2,kg,Southwest Border,truck,MX\nJ2,2024-01-06,fentanyl,1,kg,Coastal/Interior,international mail,CN\n");
    night1 = tmp.resolve("night1");
    assertThat(run(landing1, night1, LocalDate.of(2024, 3, 1), false)).isZero();
    // Night 2 adds February and revises J1: every derived table and route_sensitivity change.
    landing2 = Files.createDirectories(tmp.resolve("landing2"));
    Files.copy(
        landing1.resolve("jan.csv"),
        landing2.resolve("jan.csv"),
        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(
        landing2.resolve("feb.csv"),
        CrashPointsIT.HEADER
            + "J1,2024-01-05,fentanyl,2.5,kg,Southwest Border,truck,MX\nK1,2024-02-01,fentanyl,4,kg,Southwest Border,pedestrian,\n");
    reference = tmp.resolve("reference");
    assertThat(run(landing2, reference, NIGHT_2, false)).isZero();
  }

  /**
   * Every whole-table publication point of {@link FaultInjection} (a constant named {@code
   * MID_PUBLISH_<what>}; {@code MID_PUBLISH} alone is the partitions'), found by reflection so that
   * a new derived publication is killed here too, and fails below until {@link #publishedWhole}
   * names its tables.
   */
  static List<String> wholeTablePublishPoints() throws IllegalAccessException {
    List<String> points = new ArrayList<>();
    for (Field f : FaultInjection.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getType() == String.class
          && f.getName().startsWith("MID_PUBLISH_")) {
        points.add((String) f.get(null));
      }
    }
    points.sort(null);
    // The four known today: trends, route_sensitivity, policy_effects, the report.
    assertThat(points)
        .contains(
            FaultInjection.MID_PUBLISH_TRENDS,
            FaultInjection.MID_PUBLISH_SENSITIVITY,
            FaultInjection.MID_PUBLISH_EFFECTS,
            FaultInjection.MID_PUBLISH_REPORT);
    return points;
  }

  @ParameterizedTest
  @MethodSource("wholeTablePublishPoints")
  void aKillInsideAWholeTablePublicationIsFinishedByTheJournal(String point) throws Exception {
    Path wh = CrashPointsIT.copy(night1, tmp.resolve("case-" + point));
    List<String> tables = publishedWhole(point);
    Map<String, List<String>> night1Rows = rowsOf(night1, tables);
    try (AutoCloseable crash = Crashes.dieAt(point)) {
      assertThatThrownBy(() -> run(landing2, wh, NIGHT_2, false))
          .isInstanceOf(Crashes.SimulatedCrash.class);
    }
    WarehouseLayout layout = new WarehouseLayout(wh.toString());
    Path journal = Path.of(layout.journal().toString());
    assertThat(journal).as("the dead run's publication is journalled").exists();
    String deadRun = new ObjectMapper().readTree(journal.toFile()).get("runId").asText();

    // Killed after the first move: that table is new, every later one still night 1's, each
    // readable whole.
    for (int i = 0; i < tables.size(); i++) {
      String t = tables.get(i);
      assertThat(wh.resolve(t)).as("%s after the kill", t).isDirectory();
      if (i > 0) {
        assertThat(WarehouseContents.rows(wh, t))
            .as("%s not yet moved: night 1's rows", t)
            .containsExactlyElementsOf(night1Rows.get(t));
      }
    }
    if (point.equals(FaultInjection.MID_PUBLISH_REPORT)) {
      // One move: the new page is in place whole (it names the run that wrote it), the journal
      // still to finish.
      assertThat(
              Files.readString(
                  wh.resolve(WarehouseLayout.REPORT).resolve(WarehouseLayout.REPORT_INDEX)))
          .contains(deadRun);
    }

    // The journal's replay alone finishes the publication: the dead run's staged tables, all in
    // place.
    Warehouse warehouse = new Warehouse(wh.toString(), new Configuration());
    assertThat(new PartitionPublisher(warehouse).recover()).isEqualTo(deadRun);
    assertThat(journal).doesNotExist();
    assertThat(Path.of(layout.staging(deadRun).toString())).doesNotExist();
    assertThat(Path.of(layout.trash(deadRun).toString())).doesNotExist();
    for (String t : tables) {
      if (point.equals(FaultInjection.MID_PUBLISH_TRENDS)) {
        assertThat(Files.readString(wh.resolve(t).resolve(WarehouseLayout.SUCCESS)))
            .as("%s's marker", t)
            .contains(deadRun);
      }
      assertThat(WarehouseContents.rows(wh, t))
          .as("%s after recovery", t)
          .containsExactlyElementsOf(WarehouseContents.rows(reference, t));
    }

    // And a following run (breaking the dead run's lock) ends where an uninterrupted night 2 did.
    assertThat(run(landing2, wh, NIGHT_2, true)).isZero();
    WarehouseContents.assertSame(reference, wh);
  }

  /** The tables one publication moves, in its order. */
  private static List<String> publishedWhole(String point) {
    return switch (point) {
      case FaultInjection.MID_PUBLISH_TRENDS -> TrendsAction.TABLES;
      case FaultInjection.MID_PUBLISH_SENSITIVITY -> List.of(RouteSensitivity.TABLE);
      case FaultInjection.MID_PUBLISH_EFFECTS ->
          List.of(org.fentrace.effects.PolicyEffectsTable.TABLE);
      case FaultInjection.MID_PUBLISH_REPORT -> List.of(WarehouseLayout.REPORT);
      default ->
          throw new AssertionError(
              "a whole-table publication this test does not know the tables of: " + point);
    };
  }

  private static Map<String, List<String>> rowsOf(Path wh, List<String> tables) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    tables.forEach(t -> m.put(t, new ArrayList<>(WarehouseContents.rows(wh, t))));
    return m;
  }

  private static int run(Path landing, Path wh, LocalDate night, boolean breakLock)
      throws Exception {
    return Pipelines.execute(
            "run",
            ALL_STEPS,
            landing,
            wh,
            night,
            breakLock ? Map.of("fentrace.lock.stale-after", "PT0S") : Map.of(),
            breakLock)
        .exitCode();
  }
}
