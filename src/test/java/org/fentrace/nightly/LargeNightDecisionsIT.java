package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.fentrace.ingest.CbpRevisionsIT;
import org.fentrace.testing.Deliveries;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night that changes more records than {@code fentrace.ingest.broadcast-max-ids} (a parcel-scale
 * day file) finds the records to decide again in one pass over the index by record id instead of
 * through a set of distinct ids. Under cap 0 these tiny files take that plan on every night that
 * changes a record, and each night must still equal a clean run over the same landing, for every
 * reason a stored record is decided again: a new candidate, a replaced file that no longer holds
 * it, a shipment it names that changed, and a CBP fiscal year whose owner changed.
 */
class LargeNightDecisionsIT {
  static final String SEIZURES = Deliveries.SEIZURE_HEADER;
  static final String LARGE_PLAN = "fentrace ingest: decide revisions of the records touched in ";

  @TempDir Path tmp;

  @Test
  void everyNightUnderTheLargePlanEqualsACleanRun() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    List<String> descriptions = new CopyOnWriteArrayList<>();
    SparkContext sc = SharedSpark.session().sparkContext();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String d = start.properties().getProperty("spark.job.description");
            if (d != null) {
              descriptions.add(d);
            }
          }
        };
    sc.addSparkListener(listener);
    try {
      // Night 1, a first load: S3 is delivered twice in one file, S1 names shipment SH9.
      OtherVersionsStoreIT.deliverNight1(landing);
      night(1, landing, wh);
      // Night 2: S2 revised, S4 new; SH9 corrected to Hong Kong, so S1 (in no new file) is decided
      // again through its link.
      OtherVersionsStoreIT.deliverNight2(landing);
      night(2, landing, wh);
      // Night 3: January's seizure file re-delivered without S2 and S3, and with S5: S3 loses its
      // every candidate (only the replaced file's rows name it), S2 keeps February's.
      Deliveries.deliver(
          landing,
          "seizures-jan.csv",
          3,
          SEIZURES
              + "S1,2024-01-10,fentanyl,0.5,kg,Coastal/Interior,international mail,,SH9\n"
              + "S5,2024-01-20,fentanyl,2,kg,Southwest Border,truck,MX,\n");
      night(3, landing, wh);
      assertThat(WarehouseContents.rows(wh, "seizures"))
          .noneMatch(r -> r.contains("seizure_events:S3"));
      // Nights 4 and 5: CBP's older file, then a newer one that takes over fiscal year 2022, whose
      // every month is decided again.
      Deliveries.deliver(landing, "cbp-old.csv", 4, CbpRevisionsIT.OLD);
      night(4, landing, wh);
      Deliveries.deliver(landing, "cbp-new.csv", 5, CbpRevisionsIT.NEW);
      night(5, landing, wh);
      sc.listenerBus().waitUntilEmpty();
    } finally {
      sc.removeSparkListener(listener);
    }
    // The plan under test ran, for both tables (else this test would only repeat the others).
    assertThat(descriptions).contains(LARGE_PLAN + "seizures").contains(LARGE_PLAN + "shipments");
  }

  /**
   * Ingests night {@code n} under cap 0, then the same landing into a clean warehouse under the
   * default cap; from night 2 on (night 1 is a first load, decided without the store) the two must
   * hold the same rows.
   */
  void night(int n, Path landing, Path wh) throws Exception {
    LocalDate runDate = LocalDate.of(2024, 6, n);
    var run =
        Pipelines.ingest(landing, wh, runDate, Map.of("fentrace.ingest.broadcast-max-ids", "0"));
    assertThat(run.exitCode()).as("night %d", n).isZero();
    if (n > 1) {
      Path clean = tmp.resolve("clean-" + n);
      assertThat(Pipelines.ingest(landing, clean, runDate).exitCode()).as("clean %d", n).isZero();
      WarehouseContents.assertSame(clean, wh);
    }
  }
}
