package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.SparkContext;
import org.fentrace.generate.LandingGenerator;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest that fails after deciding its revisions leaves nothing cached: the parse output and
 * every frame the decisions persisted are released on the way out, as on success. In embedded mode
 * the cache is the driver's own heap, and a session that outlives the failed run (the test suite, a
 * notebook) would otherwise keep it.
 */
class FailedIngestUncachesTest {
  @TempDir Path tmp;

  @Test
  void aRunThatFailsAfterStagingReleasesItsCachedFrames() throws Exception {
    Path landing = tmp.resolve("landing");
    // A few hundred rows in one month: enough for every decision frame to be persisted and read.
    LandingGenerator.generate(
        new LandingGenerator.Options(300, landing, 11, LocalDate.of(2023, 3, 1), 28, 1, 0.0, 0.3));
    SparkContext sc = SharedSpark.session().sparkContext();
    int cachedBefore = sc.getPersistentRDDs().size();
    // A failure where staging is done and publication has not started (as an error writing the
    // journal would be): every cached frame of the run exists by then.
    FaultInjection.install(
        point -> {
          if (point.equals(FaultInjection.AFTER_STAGE)) {
            throw new IllegalStateException("injected failure after staging");
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
