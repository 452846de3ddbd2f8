package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.testing.Deliveries.deliver;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Deliveries;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seizure published before the shipment it names: a night decides again only the records it
 * touches, so the seizure (in an older month, in no new file) must be touched through its link when
 * the shipment arrives, and again when the shipment is corrected. Each night must equal a clean
 * run.
 *
 * <p>The same nights are also ingested under small caps on the id sets the ingest broadcasts
 * ({@code fentrace.ingest.broadcast-max-ids}), so these tiny files take the plans of a night at
 * scale.
 */
class LateShipmentIT {
  static final String SEIZURES = Deliveries.SEIZURE_HEADER;
  static final String SHIPMENTS = Deliveries.SHIPMENT_HEADER;

  @TempDir Path tmp;

  Row seizure(Path wh, String id) {
    return SharedSpark.session()
        .read()
        .parquet(wh.resolve("seizures").toString())
        .filter("record_id = 'seizure_events:" + id + "'")
        .collectAsList()
        .get(0);
  }

  void assertSameAsCleanRun(Path landing, Path wh, LocalDate runDate, String name)
      throws Exception {
    Path clean = tmp.resolve("clean-" + name);
    assertThat(Pipelines.run(landing, clean, runDate).exitCode()).isZero();
    WarehouseContents.assertSame(clean, wh);
  }

  static final String SH9_FROM_CHINA =
      "SH9,2024-03-02,PRC,international mail,fentanyl powder,Acme Trading,John Q Public,0.6,kg\n";
  static final String SH9_FROM_HONG_KONG =
      "SH9,2024-03-02,Hong Kong,international mail,fentanyl powder,Acme Trading,John Q Public,0.6,kg\n";

  /** A second shipment of night 2 that no seizure names. */
  static final String SH10 = "SH10,2024-03-03,Canada,truck,fentanyl powder,Maple Freight,,0.2,kg\n";

  @Test
  void aShipmentArrivingAfterItsSeizureReattributesTheSeizure() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    // Night 1: S1 names shipment SH9, unknown yet; S2 in the same month names nothing.
    deliver(
        landing,
        "seizures-jan.csv",
        1,
        SEIZURES
            + "S1,2024-01-10,fentanyl,0.5,kg,Coastal/Interior,international mail,,SH9\n"
            + "S2,2024-01-11,fentanyl,3,kg,Southwest Border,truck,MX,\n");
    assertThat(Pipelines.run(landing, wh, LocalDate.of(2024, 6, 1)).exitCode()).isZero();
    assertThat(seizure(wh, "S1").<String>getAs("origin_country")).isNull();
    assertThat(seizure(wh, "S1").<Boolean>getAs("enriched_from_shipment")).isFalse();

    // Night 2: SH9 arrives, in March, from China: S1 (January) takes its origin; only its records
    // are decided again.
    deliver(landing, "shipments-mar.csv", 2, SHIPMENTS + SH9_FROM_CHINA);
    var n2 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 2));
    assertThat(n2.exitCode()).isZero();
    assertThat(WeekOfNightsIT.seizureMonths(n2.manifest()))
        .as("January is rewritten for S1's new origin")
        .containsExactly("2024-01");
    assertThat(seizure(wh, "S1").<String>getAs("origin_country")).isEqualTo("CN");
    assertThat(seizure(wh, "S1").<Boolean>getAs("enriched_from_shipment")).isTrue();
    assertThat(seizure(wh, "S2").<String>getAs("route"))
        .as("an untouched record in a rewritten month stays")
        .isEqualTo("MEXICO_CARTEL");
    assertSameAsCleanRun(landing, wh, LocalDate.of(2024, 6, 2), "night2");

    // Night 3: SH9 is corrected to come from Hong Kong: S1 follows.
    deliver(landing, "shipments-mar.csv", 3, SHIPMENTS + SH9_FROM_HONG_KONG);
    var n3 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 3));
    assertThat(n3.exitCode()).isZero();
    assertThat(seizure(wh, "S1").<String>getAs("origin_country")).isEqualTo("HK");
    assertSameAsCleanRun(landing, wh, LocalDate.of(2024, 6, 3), "night3");
    WarehouseComparison.assertAggregatesMatchTables(wh.toString());
  }

  /**
   * The nights again, ingested under caps that send these few ids down the plans of a night at
   * scale: night 1 (a first load) and night 3 under cap 0, ordinary joins everywhere; night 2 under
   * cap 1, where the two touched shipments exceed the cap while the stored seizures name one, so
   * they are first narrowed to the named one. Nights 2 and 3 must equal a clean run.
   */
  @Test
  void theJoinsOfANightAtScaleGiveTheSameTables() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    String[] nights = {
      SEIZURES
          + "S1,2024-01-10,fentanyl,0.5,kg,Coastal/Interior,international mail,,SH9\n"
          + "S2,2024-01-11,fentanyl,3,kg,Southwest Border,truck,MX,\n",
      SHIPMENTS + SH9_FROM_CHINA + SH10,
      SHIPMENTS + SH9_FROM_HONG_KONG + SH10
    };
    String[] files = {"seizures-jan.csv", "shipments-mar.csv", "shipments-mar.csv"};
    String[] caps = {"0", "1", "0"};
    for (int night = 0; night < nights.length; night++) {
      deliver(landing, files[night], night + 1, nights[night]);
      LocalDate runDate = LocalDate.of(2024, 6, night + 1);
      var run =
          Pipelines.ingest(
              landing, wh, runDate, Map.of("fentrace.ingest.broadcast-max-ids", caps[night]));
      assertThat(run.exitCode()).as("night %d", night + 1).isZero();
      if (night > 0) {
        Path clean = tmp.resolve("clean-" + night);
        assertThat(Pipelines.ingest(landing, clean, runDate).exitCode()).isZero();
        WarehouseContents.assertSame(clean, wh);
      }
    }
    assertThat(seizure(wh, "S1").<String>getAs("origin_country")).isEqualTo("HK");
  }
}
