package org.fentrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.fentrace.config.FentraceConfig;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.S3TestServer;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.testing.WarehouseFormatUnderTest;
import org.fentrace.warehouse.WarehouseLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole night ({@code run}: ingest, attribution, aggregates, trends, policy effects, report)
 * with the landing and the warehouse on {@code s3a://}, against an S3-compatible server on
 * 127.0.0.1 ({@link S3TestServer}), on the shared session. The published tables, aggregates and
 * exports must equal row for row those of the same night on the local file system, the manifest
 * must balance file by file as the local one does, and the warehouse lock must work on S3 as it
 * does on a disk. The table format is {@link WarehouseFormatUnderTest} (parquet unless the Maven
 * command line names another).
 */
class S3PipelineIT {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);
  static final Path SAMPLE = Path.of("sample-data");

  @TempDir static Path tmp;
  static S3TestServer s3;
  static String landing;
  static String warehouse;
  static Path localWarehouse;
  static PipelineRunner.Outcome s3Run;
  static JsonNode s3Manifest;
  static Pipelines.Run localRun;

  @BeforeAll
  static void runOnS3AndLocally() throws Exception {
    long start = System.nanoTime();
    s3 = S3TestServer.start(tmp.resolve("s3"));
    landing = s3.uri("landing");
    warehouse = s3.uri("warehouse");
    s3.upload(SAMPLE, "landing");
    // The landing scan orders files by modification time, then path. S3 stamps upload times in
    // whole seconds and the upload goes in path order, so on S3 the order is the path order; the
    // local copy gets one common time so that its order is the path order too.
    Path localLanding = copyWithOneTime(SAMPLE, tmp.resolve("local-landing"));
    long up = System.nanoTime();

    Map<String, String> conf = new HashMap<>(WarehouseFormatUnderTest.overrides());
    conf.put("fentrace.party-hash.key", Pipelines.TEST_PARTY_KEY);
    s3Run =
        new PipelineRunner(SharedSpark.session())
            .run(
                new PipelineRunner.Request(
                    "run",
                    EnumSet.allOf(PipelineRunner.Step.class),
                    landing,
                    warehouse,
                    RUN_DATE,
                    FentraceConfig.load(null, conf)));
    long onS3 = System.nanoTime();
    if (s3Run.manifest() != null) {
      try (InputStream in = s3.fs().open(new org.apache.hadoop.fs.Path(s3Run.manifest()))) {
        s3Manifest = new ObjectMapper().readTree(in);
      }
    }
    localWarehouse = tmp.resolve("local-wh");
    localRun =
        Pipelines.execute(
            "run",
            EnumSet.allOf(PipelineRunner.Step.class),
            localLanding,
            localWarehouse,
            RUN_DATE,
            WarehouseFormatUnderTest.overrides());
    System.err.printf(
        "S3PipelineIT (%s): s3proxy up and landing uploaded in %d s, run on s3a %d s, local run %d s%n",
        WarehouseFormatUnderTest.name(),
        (up - start) / 1_000_000_000L,
        (onS3 - up) / 1_000_000_000L,
        (System.nanoTime() - onS3) / 1_000_000_000L);
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void theRunOnS3SucceedsEveryFileBalancesAndNothingIsLeftBehind() {
    assertThat(s3Run.exitCode()).as("exit code of the run on s3a://").isZero();
    assertThat(s3Run.manifest()).as("manifest path").startsWith("s3a://" + s3.bucket() + "/");
    assertThat(s3Manifest.get("inputs")).hasSize(inputCount());
    for (JsonNode input : s3Manifest.get("inputs")) {
      assertThat(input.get("balanced").asBoolean())
          .as("%s balances", input.get("path").asText())
          .isTrue();
    }
    // Listed by the S3 API itself, not through S3A: the lock is released, the journal and the
    // staging area are gone, the report is published.
    List<String> keys = s3.keys("warehouse/");
    assertThat(keys).doesNotContain(key(new WarehouseLayout(warehouse).lock()));
    assertThat(keys).noneMatch(k -> k.startsWith("warehouse/_staging/") && !k.endsWith("/"));
    assertThat(keys).noneMatch(k -> k.endsWith("journal.json"));
    assertThat(keys).contains("warehouse/report/index.html");
  }

  @Test
  void theManifestCountsEqualTheLocalRun() {
    assertThat(localRun.exitCode()).as("exit code of the local run").isZero();
    assertThat(accounting(s3Manifest)).isEqualTo(accounting(localRun.manifest()));
  }

  @Test
  void theTablesOnS3EqualTheLocalRun() throws IOException {
    assertThat(s3Run.exitCode()).isZero();
    for (String table : WarehouseComparison.CONTRACT_TABLES) {
      assertThat(s3.fs().exists(new org.apache.hadoop.fs.Path(warehouse + "/" + table)))
          .as("%s on s3a", table)
          .isTrue();
    }
    WarehouseComparison.assertSameResults(localWarehouse.toString(), warehouse, true);
  }

  /**
   * A lock held by a live process (this JVM's pid on this host: not a dead run's lock) stops a
   * second run before it touches anything: exit 1, no manifest, the holder's lock left as it was.
   */
  @Test
  void aSecondRunIsRefusedWhileTheLockIsHeld() throws Exception {
    FileSystem fs = s3.fs();
    org.apache.hadoop.fs.Path lock = new WarehouseLayout(warehouse).lock();
    String holder =
        new ObjectMapper()
            .createObjectNode()
            .put("host", java.net.InetAddress.getLocalHost().getHostName())
            .put("pid", ProcessHandle.current().pid())
            .put("run_id", "holder-run")
            .put("started_at", Instant.now().toString())
            .toString();
    try (OutputStream out = fs.create(lock, false)) {
      out.write(holder.getBytes(StandardCharsets.UTF_8));
    }
    List<String> before = s3.keys("warehouse/");
    try {
      PipelineRunner.Outcome refused =
          new PipelineRunner(SharedSpark.session())
              .run(
                  new PipelineRunner.Request(
                      "run",
                      EnumSet.allOf(PipelineRunner.Step.class),
                      landing,
                      warehouse,
                      RUN_DATE,
                      FentraceConfig.load(
                          null, Map.of("fentrace.party-hash.key", Pipelines.TEST_PARTY_KEY))));
      assertThat(refused.exitCode()).isEqualTo(PipelineRunner.EXIT_FAILED);
      assertThat(refused.manifest()).as("a refused run writes no manifest").isNull();
      assertThat(s3.keys("warehouse/")).as("nothing written or removed").isEqualTo(before);
      try (InputStream in = fs.open(lock)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(holder);
      }
    } finally {
      fs.delete(lock, false);
    }
  }

  /** Per input file: format, checksum, size, status and the counts the manifest balances. */
  private static Map<String, List<String>> accounting(JsonNode manifest) {
    Map<String, List<String>> m = new TreeMap<>();
    for (JsonNode n : manifest.get("inputs")) {
      m.put(
          n.get("path").asText(),
          List.of(
              n.path("format").asText(),
              n.path("sha256").asText(),
              n.path("size_bytes").asText(),
              n.path("status").asText(),
              n.path("rows_read").asText(),
              n.path("normalized").asText(),
              n.path("rejected").asText(),
              n.path("duplicates").asText()));
    }
    return m;
  }

  /** The object key of a path in the test bucket. */
  private static String key(org.apache.hadoop.fs.Path p) {
    return p.toUri().getPath().substring(1);
  }

  private static Path copyWithOneTime(Path from, Path to) throws IOException {
    FileTime t = FileTime.from(Instant.parse("2026-11-28T00:00:00Z"));
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path dest = to.resolve(from.relativize(f).toString());
        Files.createDirectories(dest.getParent());
        Files.copy(f, dest);
        Files.setLastModifiedTime(dest, t);
      }
    }
    return to;
  }

  private static int inputCount() {
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      return (int)
          files
              .filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".csv.gz"))
              .count();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
