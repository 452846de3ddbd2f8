package org.fentrace.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fentrace.testing.SampleWarehouse;
import org.junit.jupiter.api.Test;

/**
 * policy_effects from the night over sample-data (always runs): the real CBP file (covers October
 * 2018 to September 2022) and the real NFLIS slice for New Hampshire and Arizona (2017 H1 to 2025
 * H2), with the bundled events file.
 */
class PolicyEffectsSampleDataIT {
  @Test
  void theNightWritesAnEstimateOrAReasonForEveryEventAndSeries() throws IOException {
    // The shared night over sample-data (ingest and trends), read only.
    Path warehouse = SampleWarehouse.warehouse();
    assertThat(SampleWarehouse.run().exitCode()).isZero();
    List<Row> rows = EffectsWarehouse.rows(warehouse);
    EffectsWarehouse.assertConsistent(warehouse, rows);
    // CBP FENTANYL on the Mexico route: Title 42 (20 March 2020) has Oct 2018 .. Feb 2020 = 17
    // covered months
    // before and April 2020 .. Sep 2022 = 30 after, March 2020 left out as the transition month.
    Row title42 =
        EffectsWarehouse.find(
                rows, "us-title-42-2020", "cbp_published", "MEXICO_CARTEL", "FENTANYL")
            .orElseThrow();
    assertThat(EffectsWarehouse.status(title42)).isEqualTo("ESTIMATED");
    assertThat(title42.getInt(EffectsWarehouse.col("periods_before"))).isEqualTo(17);
    assertThat(title42.getInt(EffectsWarehouse.col("periods_after"))).isEqualTo(30);
    // Woodside (November 2023) is after CBP's file ends: a row that says so.
    Row woodside =
        EffectsWarehouse.find(
                rows, "us-cn-woodside-2023", "cbp_published", "MEXICO_CARTEL", "FENTANYL")
            .orElseThrow();
    assertThat(EffectsWarehouse.status(woodside)).isEqualTo("OUTSIDE_COVERAGE");
    // NFLIS half-years: May 2019 has 4 before (2017 H1 .. 2018 H2) and 6 after; February 2018 only
    // 2 before.
    Row china =
        EffectsWarehouse.find(rows, "cn-fentanyl-class-2019", "nflis_lab_reports", null, "FENTANYL")
            .orElseThrow();
    assertThat(EffectsWarehouse.status(china)).isEqualTo("ESTIMATED");
    assertThat(china.getInt(EffectsWarehouse.col("periods_before"))).isEqualTo(4);
    assertThat(china.getInt(EffectsWarehouse.col("periods_after"))).isEqualTo(6);
    Row us =
        EffectsWarehouse.find(rows, "us-fentanyl-class-2018", "nflis_lab_reports", null, "FENTANYL")
            .orElseThrow();
    assertThat(EffectsWarehouse.status(us)).isEqualTo("TOO_FEW_PERIODS");
    assertThat(us.getInt(EffectsWarehouse.col("periods_before"))).isEqualTo(2);
  }
}
