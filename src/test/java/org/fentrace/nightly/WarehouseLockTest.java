package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.fentrace.state.WarehouseLock;
import org.fentrace.testing.Pipelines;
import org.fentrace.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time: a second run fails naming the holder; stale locks can be broken on purpose.
 */
class WarehouseLockTest {
  @TempDir Path tmp;

  @Test
  void aSecondRunIsRefusedWithTheHolderNamed() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("wh").toString(), new Configuration());
    Instant started = Instant.parse("2024-01-01T02:00:00Z");
    try (WarehouseLock held = WarehouseLock.acquire(w, "run-A", started, null)) {
      assertThatThrownBy(() -> WarehouseLock.acquire(w, "run-B", started.plusSeconds(60), null))
          .isInstanceOf(WarehouseLock.HeldException.class)
          .hasMessageContaining("run run-A")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("started 2024-01-01T02:00:00Z")
          .hasMessageContaining("--force-unlock");
      // The pipeline itself exits 1 and publishes nothing.
      Path landing = Files.createDirectories(tmp.resolve("landing"));
      Files.writeString(
          landing.resolve("a.csv"),
          "seizure_id,seizure_date,substance,quantity,unit\nX,2023-01-01,fentanyl,1,kg\n");
      var refused = Pipelines.run(landing, tmp.resolve("wh"), LocalDate.of(2024, 1, 1));
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(tmp.resolve("wh/seizures")).doesNotExist();
    }
  }

  @Test
  void forceUnlockBreaksOnlyLocksOlderThanTheConfiguredAge() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("wh").toString(), new Configuration());
    Instant started = Instant.parse("2024-01-01T02:00:00Z");
    WarehouseLock.acquire(w, "run-A", started, null); // never released: its run "died"
    assertThatThrownBy(
            () ->
                WarehouseLock.acquire(
                    w, "run-B", started.plus(Duration.ofHours(1)), Duration.ofHours(6)))
        .isInstanceOf(WarehouseLock.HeldException.class)
        .hasMessageContaining("younger than");
    try (WarehouseLock broken =
        WarehouseLock.acquire(w, "run-C", started.plus(Duration.ofHours(7)), Duration.ofHours(6))) {
      assertThat(broken.runId()).isEqualTo("run-C");
    }
    assertThat(tmp.resolve("wh/_lock")).doesNotExist();
  }
}
