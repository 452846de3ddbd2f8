package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.storage.StorageLevel;
import org.fentrace.config.FentraceConfig;
import org.fentrace.config.ParseCache;
import org.fentrace.generate.LandingGenerator;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fentrace.ingest.parse-cache}: the parse output is kept at the storage level the key names,
 * and where it is kept changes no row of any table. Both levels ingest the same generated landing
 * (duplicates, bad rows, seizures and shipments in two files each over six months, so the
 * decisions, both tables' staging, the other versions and the quarantine all read the cached
 * parse), and the warehouses are compared row by row. The level is read off Spark's own list of
 * persisted RDDs while the run stands right after its parse, so a level that never reached the
 * cache fails the test.
 */
class ParseCacheTest {
  static final String KEY = ParseCache.KEY;
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);

  @TempDir Path tmp;

  @Test
  void bothLevelsCacheTheParseWhereTheySayAndWriteTheSameTables() throws Exception {
    Path landing = tmp.resolve("landing");
    LandingGenerator.generate(
        new LandingGenerator.Options(
            2_000, landing, 5, LocalDate.of(2023, 1, 1), 180, 2, 0.02, 0.3));
    Set<StorageLevel> onDisk = ingest(landing, "disk");
    Set<StorageLevel> inMemory = ingest(landing, "memory-and-disk");
    assertThat(onDisk)
        .as("levels of the RDDs the disk run persisted")
        .contains(StorageLevel.DISK_ONLY());
    assertThat(onDisk).doesNotContain(StorageLevel.MEMORY_AND_DISK());
    assertThat(inMemory).contains(StorageLevel.MEMORY_AND_DISK());
    assertThat(inMemory).doesNotContain(StorageLevel.DISK_ONLY());
    WarehouseComparison.assertSameResults(
        tmp.resolve("memory-and-disk").toString(), tmp.resolve("disk").toString(), true);
  }

  /**
   * Ingests the landing with the named level; returns the levels persisted when the parse ended.
   */
  private Set<StorageLevel> ingest(Path landing, String level) throws Exception {
    SparkContext sc = SharedSpark.session().sparkContext();
    Set<Integer> before = new HashSet<>();
    sc.getPersistentRDDs().keys().foreach(id -> before.add((Integer) id));
    Set<StorageLevel> levels = new HashSet<>();
    FaultInjection.install(
        point -> {
          if (point.equals(FaultInjection.AFTER_PARSE)) {
            sc.getPersistentRDDs()
                .foreach(
                    e -> {
                      if (!before.contains((Integer) e._1())) {
                        levels.add(e._2().getStorageLevel());
                      }
                      return null;
                    });
          }
        });
    Pipelines.Run run;
    try {
      run = Pipelines.ingest(landing, tmp.resolve(level), RUN_DATE, Map.of(KEY, level));
    } finally {
      FaultInjection.install(FaultInjection.NONE);
    }
    assertThat(run.exitCode()).as("exit code of the %s run", level).isZero();
    // What the docstring promises the landing holds: rows the decisions drop and rows quarantined.
    assertThat(run.manifest().path("totals").path("duplicates").asLong()).isPositive();
    assertThat(run.manifest().path("totals").path("rejected").asLong()).isPositive();
    return levels;
  }

  @Test
  void theDefaultIsDiskAndAnUnknownLevelStopsTheRunBeforeItStarts() {
    Map<String, String> party =
        Map.of("fentrace.party-hash.key", "parse-cache-test-key-0123456789");
    assertThat(FentraceConfig.load(null, party).parseCache()).isEqualTo(ParseCache.DISK);
    Map<String, String> upper = new java.util.HashMap<>(party);
    upper.put(KEY, " MEMORY-AND-DISK ");
    assertThat(FentraceConfig.load(null, upper).parseCache()).isEqualTo(ParseCache.MEMORY_AND_DISK);
    Map<String, String> wrong = new java.util.HashMap<>(party);
    wrong.put(KEY, "MEMORY_ONLY");
    assertThatThrownBy(() -> FentraceConfig.load(null, wrong))
        .hasMessageContaining(KEY)
        .hasMessageContaining("MEMORY_ONLY")
        .hasMessageContaining("[disk, memory-and-disk]");
  }
}
