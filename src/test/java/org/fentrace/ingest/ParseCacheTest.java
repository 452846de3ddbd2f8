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
 * {@code fentrace.ingest.parse-cache}: the parse output is kept at the storage level the key names
 * (auto chooses by the landing's size), and where it is kept changes no row of any table. The three
 * settings ingest the same generated landing (duplicates, bad rows, seizures and shipments in two
 * files each over six months, so the decisions, both tables' staging, the other versions and the
 * quarantine all read the cached parse), and the warehouses are compared row by row. The level is
 * read off Spark's own list of persisted RDDs while the run stands right after its parse, so a
 * level that never reached the cache fails the test, and so does a manifest that names another
 * level than the one used, or a decision frame kept elsewhere than the parse.
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
    // A landing of some hundred kilobytes against the test JVM's storage memory: auto keeps it
    // there.
    Set<StorageLevel> auto = ingest(landing, "auto");
    assertThat(auto).contains(StorageLevel.MEMORY_AND_DISK());
    assertThat(auto).doesNotContain(StorageLevel.DISK_ONLY());
    assertThat(onDisk)
        .as("levels of the RDDs the disk run persisted")
        .contains(StorageLevel.DISK_ONLY());
    assertThat(onDisk).doesNotContain(StorageLevel.MEMORY_AND_DISK());
    assertThat(inMemory).contains(StorageLevel.MEMORY_AND_DISK());
    assertThat(inMemory).doesNotContain(StorageLevel.DISK_ONLY());
    WarehouseComparison.assertSameResults(
        tmp.resolve("memory-and-disk").toString(), tmp.resolve("disk").toString(), true);
    WarehouseComparison.assertSameResults(
        tmp.resolve("memory-and-disk").toString(), tmp.resolve("auto").toString(), true);
  }

  /**
   * Ingests the landing with the named level; returns the levels persisted when the parse ended.
   */
  private Set<StorageLevel> ingest(Path landing, String level) throws Exception {
    SparkContext sc = SharedSpark.session().sparkContext();
    Set<Integer> before = new HashSet<>();
    sc.getPersistentRDDs().keys().foreach(id -> before.add((Integer) id));
    Set<StorageLevel> levels = new HashSet<>();
    Set<Integer> parseRdds = new HashSet<>();
    Set<StorageLevel> decisionLevels = new HashSet<>();
    FaultInjection.install(
        point -> {
          if (point.equals(FaultInjection.AFTER_PARSE)) {
            sc.getPersistentRDDs()
                .foreach(
                    e -> {
                      if (!before.contains((Integer) e._1())) {
                        levels.add(e._2().getStorageLevel());
                        parseRdds.add((Integer) e._1());
                      }
                      return null;
                    });
          } else if (point.equals(FaultInjection.AFTER_DECIDE_SHIPMENTS)) {
            // Persisted since the parse: the decisions' frames (both tables' index, the
            // shipments' decisions).
            sc.getPersistentRDDs()
                .foreach(
                    e -> {
                      Integer id = (Integer) e._1();
                      if (!before.contains(id) && !parseRdds.contains(id)) {
                        decisionLevels.add(e._2().getStorageLevel());
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
    // The manifest says which level was asked and which was used: the used one must be the level
    // Spark holds the parse at (read above), and the bytes it was chosen by the landing's, counted
    // here from the files themselves (every generated file is plain CSV).
    var cache = run.manifest().path("parse_cache");
    assertThat(cache.path("asked").asText()).isEqualTo(level);
    StorageLevel used = ParseCache.fromName(cache.path("used").asText("missing")).storageLevel();
    assertThat(levels).as("levels persisted by the %s run", level).contains(used);
    // The decisions' frames grow with the landing as the parse does, and are kept where it is.
    assertThat(decisionLevels)
        .as("levels of the decisions' frames in the %s run", level)
        .containsExactly(used);
    long plain;
    try (var files = java.nio.file.Files.walk(landing)) {
      plain =
          files
              .filter(f -> f.getFileName().toString().endsWith(".csv"))
              .mapToLong(f -> f.toFile().length())
              .sum();
    }
    assertThat(cache.path("landing_plain_bytes").asLong()).isEqualTo(plain).isPositive();
    assertThat(cache.path("landing_compressed_bytes").asLong()).isZero();
    assertThat(cache.path("storage_memory_bytes").asLong())
        .as("local[2]: the driver's block manager is the executors'")
        .isPositive();
    return levels;
  }

  /**
   * Auto's choice, worked by hand from its two factors (4.1 cached bytes per plain byte, 7 plain
   * bytes per compressed byte) against half the storage memory.
   */
  @Test
  void autoKeepsInMemoryWhatFillsAtMostHalfTheStorageMemory() {
    long storage = 3_600_000_000L; // half: 1,800,000,000
    // 182,196,088 plain bytes (the 1,000,000-row landing): 4.1 x that = 747,003,961, under half.
    assertThat(LandingParse.choose(ParseCache.AUTO, 182_196_088L, 0, storage))
        .isEqualTo(ParseCache.MEMORY_AND_DISK);
    // 439,024,390 plain bytes: 4.1 x that = 1,799,999,999, one byte under half.
    assertThat(LandingParse.choose(ParseCache.AUTO, 439_024_390L, 0, storage))
        .isEqualTo(ParseCache.MEMORY_AND_DISK);
    // 439,024,391: 1,800,000,003, over half.
    assertThat(LandingParse.choose(ParseCache.AUTO, 439_024_391L, 0, storage))
        .isEqualTo(ParseCache.DISK);
    // 62,717,771 gzip bytes hold some 7 x that = 439,024,397 plain ones: 1,800,000,028, over half,
    // where the same bytes plain (4.1 x 62,717,771 = 257,142,861) stay in memory.
    assertThat(LandingParse.choose(ParseCache.AUTO, 0, 62_717_771L, storage))
        .isEqualTo(ParseCache.DISK);
    assertThat(LandingParse.choose(ParseCache.AUTO, 62_717_771L, 0, storage))
        .isEqualTo(ParseCache.MEMORY_AND_DISK);
    // No storage memory known (a cluster): the disk, however small the landing.
    assertThat(LandingParse.choose(ParseCache.AUTO, 1_000, 0, 0)).isEqualTo(ParseCache.DISK);
    // A level named explicitly is kept whatever the sizes.
    assertThat(LandingParse.choose(ParseCache.DISK, 1_000, 0, storage)).isEqualTo(ParseCache.DISK);
    assertThat(LandingParse.choose(ParseCache.MEMORY_AND_DISK, 0, 62_717_771L, storage))
        .isEqualTo(ParseCache.MEMORY_AND_DISK);
  }

  @Test
  void theDefaultIsAutoAndAnUnknownLevelStopsTheRunBeforeItStarts() {
    Map<String, String> party =
        Map.of("fentrace.party-hash.key", "parse-cache-test-key-0123456789");
    assertThat(FentraceConfig.load(null, party).parseCache()).isEqualTo(ParseCache.AUTO);
    Map<String, String> upper = new java.util.HashMap<>(party);
    upper.put(KEY, " MEMORY-AND-DISK ");
    assertThat(FentraceConfig.load(null, upper).parseCache()).isEqualTo(ParseCache.MEMORY_AND_DISK);
    Map<String, String> wrong = new java.util.HashMap<>(party);
    wrong.put(KEY, "MEMORY_ONLY");
    assertThatThrownBy(() -> FentraceConfig.load(null, wrong))
        .hasMessageContaining(KEY)
        .hasMessageContaining("MEMORY_ONLY")
        .hasMessageContaining("[auto, disk, memory-and-disk]");
  }
}
