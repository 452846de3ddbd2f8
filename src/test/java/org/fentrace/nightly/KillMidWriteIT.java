package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fentrace.generate.LandingGenerator;
import org.fentrace.testing.ChildPipeline;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9: the pipeline runs in its own JVM and is killed while it writes its staged tables.
 * Readers must still see the previous night's tables, and the next run must finish the work to the
 * same warehouse as an uninterrupted run.
 */
class KillMidWriteIT {
  static final LocalDate NIGHT = LocalDate.of(2024, 1, 10);

  @TempDir Path tmp;

  @Test
  void killedRunLeavesThePreviousStateAndTheNextRunFinishes() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    LandingGenerator.generate(
        new LandingGenerator.Options(
            2000, landing.resolve("first"), 11, LocalDate.of(2023, 1, 1), 300, 2, 0.005, 0.3));
    assertThat(Pipelines.run(landing, wh, NIGHT).exitCode()).isIn(0, 3);
    List<String> before = WarehouseContents.rows(wh, "seizures");

    LandingGenerator.generate(
        new LandingGenerator.Options(
            8000, landing.resolve("second"), 12, LocalDate.of(2023, 6, 1), 200, 2, 0.005, 0.3));
    Process p = startPipeline(landing, wh);
    Path staging = wh.resolve("_staging");
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!hasParquetUnder(staging) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(p.isAlive())
        .as(
            "the run must still be writing when it is killed; its output:%n%s",
            Files.exists(tmp.resolve("run.log")) ? Files.readString(tmp.resolve("run.log")) : "")
        .isTrue();
    p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly().waitFor();
    assertThat(Files.exists(wh.resolve("_lock"))).as("a killed run leaves its lock").isTrue();

    // Readers still see the first night's tables, whole.
    assertThat(WarehouseContents.rows(wh, "seizures")).containsExactlyElementsOf(before);

    // The next run breaks the dead process's lock (same host, pid gone) and finishes the work.
    var rerun = Pipelines.run(landing, wh, NIGHT);
    assertThat(rerun.exitCode()).isIn(0, 3);
    Path clean = tmp.resolve("clean");
    Pipelines.run(landing, clean, NIGHT);
    WarehouseContents.assertSame(clean, wh);
  }

  private Process startPipeline(Path landing, Path wh) throws Exception {
    return ChildPipeline.start(
        landing.toString(), wh.toString(), NIGHT, List.of(), Map.of(), tmp.resolve("run.log"));
  }

  private static boolean hasParquetUnder(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(f -> f.toString().endsWith(".parquet"));
    }
  }
}
