package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.SparkContext;
import org.fentrace.generate.LandingGenerator;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An ingest that fails after deciding its revisions leaves nothing cached: the parse output and
 * every frame the decisions persisted are released on the way out, as on success. Two failure
 * points: after staging, when every cached frame of the run exists, and between the two tables'
 * decisions, before the ingest holds the decisions of both (the shipments' frames must be freed all
 * the same). In embedded mode the cache is the driver's own heap, and a session that outlives the
 * failed run (the test suite, a notebook) would otherwise keep it.
 */
class FailedIngestUncachesTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {FaultInjection.AFTER_STAGE, FaultInjection.AFTER_DECIDE_SHIPMENTS})
  void aRunThatFailsReleasesItsCachedFrames(String failurePoint) throws Exception {
    Path landing = tmp.resolve("landing");
    // A few hundred rows in one month: enough for every decision frame to be persisted and read.
    LandingGenerator.generate(
        new LandingGenerator.Options(300, landing, 11, LocalDate.of(2023, 3, 1), 28, 1, 0.0, 0.3));
    SparkContext sc = SharedSpark.session().sparkContext();
    int cachedBefore = sc.getPersistentRDDs().size();
    // An ordinary failure (as an error reading the store or writing the journal would be), not the
    // crash tests' Error that simulates a killed JVM.
    FaultInjection.install(
        point -> {
          if (point.equals(failurePoint)) {
            throw new IllegalStateException("injected failure at " + point);
          }
        });
    Pipelines.Run run;
    try {
      run = Pipelines.ingest(landing, tmp.resolve("warehouse"), LocalDate.of(2026, 11, 28));
    } finally {
      FaultInjection.install(FaultInjection.NONE);
    }
    assertThat(run.exitCode()).as("a run that fails exits 1").isEqualTo(1);
    assertThat(sc.getPersistentRDDs().size())
        .as("cached RDDs after the failed ingest, against %d before", cachedBefore)
        .isEqualTo(cachedBefore);
  }
}
