package org.fentrace.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * policy_effects from the night over a landing holding the real NFLIS-Drug export (all states, 2017
 * H1 to 2025 H2, query run 2026-03-03) and the real CBP "Nationwide Drug Seizures" file (FY2019 to
 * FY2022, October 2018 to September 2022), which are not in the repository. Point {@code
 * -Dfentrace.nflis.file} and {@code -Dfentrace.cbp.file} at them (or FENTRACE_NFLIS_FILE /
 * FENTRACE_CBP_FILE); without both the test is skipped. Expected windows are counted by hand from
 * the files' spans and the event dates.
 */
class PolicyEffectsRealFilesIT {
  static Path warehouse;
  static List<Row> rows;

  @BeforeAll
  static void run() throws IOException {
    String nflis = System.getProperty("fentrace.nflis.file", System.getenv("FENTRACE_NFLIS_FILE"));
    String cbp = System.getProperty("fentrace.cbp.file", System.getenv("FENTRACE_CBP_FILE"));
    assumeTrue(
        nflis != null
            && Files.isRegularFile(Path.of(nflis))
            && cbp != null
            && Files.isRegularFile(Path.of(cbp)),
        "set -Dfentrace.nflis.file and -Dfentrace.cbp.file to the real exports to run this test");
    Path tmp = Files.createTempDirectory("fentrace-effects-real-");
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.copy(Path.of(nflis), landing.resolve(Path.of(nflis).getFileName()));
    Files.copy(Path.of(cbp), landing.resolve(Path.of(cbp).getFileName()));
    warehouse = tmp.resolve("warehouse");
    Pipelines.Run run = Pipelines.run(landing, warehouse, LocalDate.of(2026, 3, 3));
    assertThat(run.exitCode()).isZero();
    rows = EffectsWarehouse.rows(warehouse);
  }

  @Test
  void everyRowIsAnEstimateWithEnoughDataOrSaysWhyNot() throws IOException {
    EffectsWarehouse.assertConsistent(warehouse, rows);
  }

  @Test
  void nflisSeriesAroundTheClassWideControls() {
    // China, 1 May 2019: 2019 H1 is the transition half-year; 2017 H1 .. 2018 H2 = 4 before, 2019
    // H2 .. 2022 H1 = 6
    // after (the window's cap).
    for (String cls : List.of("FENTANYL", "FENTANYL_ANALOG")) {
      Row china =
          EffectsWarehouse.find(rows, "cn-fentanyl-class-2019", "nflis_lab_reports", null, cls)
              .orElseThrow();
      assertThat(EffectsWarehouse.status(china)).as(cls).isEqualTo("ESTIMATED");
      assertThat(china.getInt(EffectsWarehouse.col("periods_before"))).isEqualTo(4);
      assertThat(china.getInt(EffectsWarehouse.col("periods_after"))).isEqualTo(6);
      assertThat(china.getString(EffectsWarehouse.col("period_unit"))).isEqualTo("half_year");
      // US, 6 February 2018: 2018 H1 is the transition; only 2017 H1 and H2 before, fewer than 3: a
      // row, no estimate.
      Row us =
          EffectsWarehouse.find(rows, "us-fentanyl-class-2018", "nflis_lab_reports", null, cls)
              .orElseThrow();
      assertThat(EffectsWarehouse.status(us)).as(cls).isEqualTo("TOO_FEW_PERIODS");
      assertThat(us.getInt(EffectsWarehouse.col("periods_before"))).isEqualTo(2);
    }
  }

  @Test
  void cbpMonthlySeriesAroundEveryEventWithTwelveCoveredMonthsEachSide() {
    // CBP covers October 2018 .. September 2022. Only Title 42 (20 March 2020) has 12 covered
    // months on each side:
    // Oct 2018 .. Feb 2020 = 17 before, Apr 2020 .. Sep 2022 = 30 after.
    List<Row> cbp =
        rows.stream()
            .filter(r -> r.getString(EffectsWarehouse.col("source")).equals("cbp_published"))
            .toList();
    assertThat(cbp).isNotEmpty();
    Row title42 =
        EffectsWarehouse.find(
                rows, "us-title-42-2020", "cbp_published", "MEXICO_CARTEL", "FENTANYL")
            .orElseThrow();
    assertThat(EffectsWarehouse.status(title42)).isEqualTo("ESTIMATED");
    assertThat(title42.getInt(EffectsWarehouse.col("periods_before"))).isEqualTo(17);
    assertThat(title42.getInt(EffectsWarehouse.col("periods_after"))).isEqualTo(30);
    // The November 2023 agreement and the 2025 de minimis suspensions fall after the file ends:
    // rows that say so.
    for (String event :
        List.of("us-cn-woodside-2023", "us-de-minimis-china-2025", "us-de-minimis-all-2025")) {
      assertThat(
              cbp.stream().filter(r -> r.getString(EffectsWarehouse.col("event_id")).equals(event)))
          .as(event)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(EffectsWarehouse.status(r)).isEqualTo("OUTSIDE_COVERAGE"));
    }
    // China's May 2019 control: Oct 2018 .. Apr 2019 = 7 months before, too few.
    assertThat(
            cbp.stream()
                .filter(
                    r ->
                        r.getString(EffectsWarehouse.col("event_id"))
                            .equals("cn-fentanyl-class-2019")))
        .allSatisfy(r -> assertThat(EffectsWarehouse.status(r)).isIn("TOO_FEW_PERIODS"));
  }
}
