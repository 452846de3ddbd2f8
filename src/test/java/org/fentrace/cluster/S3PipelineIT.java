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
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.fentrace.config.FentraceConfig;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.DeltaKernelRows;
import org.fentrace.testing.NightOnAFileSystem;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.S3TestServer;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.WarehouseLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole night ({@code run}: ingest, attribution, aggregates, trends, policy effects, report)
 * with the landing and the warehouse on {@code s3a://}, against an S3-compatible server on
 * 127.0.0.1 ({@link S3TestServer}), on the shared session, in both table formats: one warehouse
 * written with {@code fentrace.warehouse.format=parquet}, one with {@code delta}, from the same
 * landing on the same server. Each one's published tables, aggregates and exports must equal row
 * for row those of the same night on the local file system (in Parquet: the formats hold the same
 * rows), its manifest must balance file by file as the local one does, and the warehouse lock must
 * work on S3 as it does on a disk. The Delta warehouse also answers for the format: every table is
 * a Delta table whose commits name the run, a second identical night adds no commit, and a reader
 * that is not Spark (Delta Kernel) finds the rows Spark reads from the Parquet warehouse.
 */
class S3PipelineIT {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);
  static final Path SAMPLE = NightOnAFileSystem.SAMPLE;
  static final List<String> FORMATS = List.of("parquet", "delta");

  @TempDir static Path tmp;
  static S3TestServer s3;
  static String landing;
  static final Map<String, PipelineRunner.Outcome> s3Runs = new HashMap<>();
  static final Map<String, JsonNode> s3Manifests = new HashMap<>();
  static Path localWarehouse;
  static Pipelines.Run localRun;
  static Map<String, Long> deltaVersionsAfterNightOne;
  static PipelineRunner.Outcome secondDeltaNight;

  @BeforeAll
  static void runOnS3InBothFormatsAndLocally() throws Exception {
    long start = System.nanoTime();
    s3 = S3TestServer.start(tmp.resolve("s3"));
    landing = s3.uri("landing");
    s3.upload(SAMPLE, "landing");
    // The landing scan orders files by modification time, then path. S3 stamps upload times in
    // whole seconds and the upload goes in path order, so on S3 the order is the path order; the
    // local copy gets one common time so that its order is the path order too.
    Path localLanding = copyWithOneTime(SAMPLE, tmp.resolve("local-landing"));
    long up = System.nanoTime();
    StringBuilder timings = new StringBuilder();
    for (String format : FORMATS) {
      long t = System.nanoTime();
      PipelineRunner.Outcome outcome = runOnS3(format);
      s3Runs.put(format, outcome);
      s3Manifests.put(format, NightOnAFileSystem.manifest(outcome));
      timings.append(
          String.format(
              ", run on s3a (%s) %d s", format, (System.nanoTime() - t) / 1_000_000_000L));
    }
    // The same night again on the Delta warehouse: nothing changed, so no table may gain a commit.
    long again = System.nanoTime();
    deltaVersionsAfterNightOne = latestVersions(warehouse("delta"));
    secondDeltaNight = runOnS3("delta");
    timings.append(
        String.format(
            ", the same night again (delta) %d s", (System.nanoTime() - again) / 1_000_000_000L));
    long onS3 = System.nanoTime();
    localWarehouse = tmp.resolve("local-wh");
    localRun =
        Pipelines.execute(
            "run",
            EnumSet.allOf(PipelineRunner.Step.class),
            localLanding,
            localWarehouse,
            RUN_DATE,
            Map.of());
    System.err.printf(
        "S3PipelineIT: s3proxy up and landing uploaded in %d s%s, local run %d s%n",
        (up - start) / 1_000_000_000L, timings, (System.nanoTime() - onS3) / 1_000_000_000L);
  }

  private static PipelineRunner.Outcome runOnS3(String format) throws Exception {
    return new PipelineRunner(SharedSpark.session())
        .run(
            new PipelineRunner.Request(
                "run",
                EnumSet.allOf(PipelineRunner.Step.class),
                landing,
                warehouse(format),
                RUN_DATE,
                FentraceConfig.load(
                    null,
                    Map.of(
                        "fentrace.party-hash.key",
                        Pipelines.TEST_PARTY_KEY,
                        "fentrace.warehouse.format",
                        format))));
  }

  /** Each table's latest Delta version. */
  private static Map<String, Long> latestVersions(String warehouse) throws IOException {
    Map<String, Long> m = new java.util.TreeMap<>();
    for (String t : WarehouseComparison.tables(warehouse)) {
      m.put(
          t,
          TableReads.latestVersion(
              SharedSpark.session(), new org.apache.hadoop.fs.Path(warehouse, t)));
    }
    return m;
  }

  /** The warehouse of one table format, on the test server. */
  static String warehouse(String format) {
    return s3.uri("warehouse-" + format);
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "delta"})
  void theRunOnS3SucceedsEveryFileBalancesAndNothingIsLeftBehind(String format) {
    PipelineRunner.Outcome run = s3Runs.get(format);
    assertThat(run.exitCode()).as("exit code of the run on s3a:// (%s)", format).isZero();
    assertThat(run.manifest()).as("manifest path").startsWith("s3a://" + s3.bucket() + "/");
    NightOnAFileSystem.assertEverySampleFileBalances(s3Manifests.get(format));
    // Listed by the S3 API itself, not through S3A: the lock is released, the journal and the
    // staging area are gone, the report is published.
    String prefix = "warehouse-" + format + "/";
    List<String> keys = s3.keys(prefix);
    assertThat(keys).doesNotContain(key(new WarehouseLayout(warehouse(format)).lock()));
    assertThat(keys).noneMatch(k -> k.startsWith(prefix + "_staging/") && !k.endsWith("/"));
    assertThat(keys).noneMatch(k -> k.endsWith("journal.json"));
    assertThat(keys).contains(prefix + "report/index.html");
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "delta"})
  void theManifestCountsEqualTheLocalRun(String format) {
    assertThat(localRun.exitCode()).as("exit code of the local run").isZero();
    assertThat(NightOnAFileSystem.accounting(s3Manifests.get(format)))
        .isEqualTo(NightOnAFileSystem.accounting(localRun.manifest()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "delta"})
  void theTablesOnS3EqualTheLocalRun(String format) throws IOException {
    assertThat(s3Runs.get(format).exitCode()).isZero();
    for (String table : WarehouseComparison.CONTRACT_TABLES) {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(warehouse(format), table);
      assertThat(s3.fs().exists(dir)).as("%s on s3a", table).isTrue();
      assertThat(TableReads.isDelta(s3.fs(), dir))
          .as("%s is a Delta table exactly when the format is delta", table)
          .isEqualTo(format.equals("delta"));
    }
    WarehouseComparison.assertSameResults(localWarehouse.toString(), warehouse(format), true);
  }

  @Test
  void everyDeltaTableIsCommittedByTheNightThatWroteIt() throws IOException {
    String runId = s3Manifests.get("delta").get("run_id").asText();
    List<String> tables = WarehouseComparison.tables(warehouse("delta"));
    // Normalized, quarantine, trend, sensitivity, effects and analog tables: more than a handful.
    assertThat(tables)
        .contains("seizures", "shipments", "lab_reports", "rejected", "route_monthly");
    for (String t : tables) {
      List<org.apache.spark.sql.Row> history =
          io.delta.tables.DeltaTable.forPath(SharedSpark.session(), warehouse("delta") + "/" + t)
              .history()
              .select("version", "userMetadata")
              .collectAsList();
      assertThat(history).as("commits of %s", t).isNotEmpty();
      for (org.apache.spark.sql.Row r : history) {
        assertThat(TableReads.runOf(r.getString(1)))
            .as("run named by commit %s of %s", r.getLong(0), t)
            .isEqualTo(runId);
      }
    }
  }

  @Test
  void aSecondIdenticalNightAddsNoDeltaCommit() throws IOException {
    assertThat(secondDeltaNight.exitCode()).as("exit code of the second night").isZero();
    assertThat(latestVersions(warehouse("delta"))).isEqualTo(deltaVersionsAfterNightOne);
    WarehouseComparison.assertSameResults(localWarehouse.toString(), warehouse("delta"), true);
  }

  /**
   * A reader that is not Spark: Delta Kernel reads the Delta warehouse's {@code seizures} on S3
   * through the log, and finds row for row what Spark reads from the local Parquet warehouse's
   * folders: for every candidate key (record id, file, line) the same month, kilograms and route.
   */
  @Test
  void deltaKernelReadsTheSameSeizuresWithoutSpark() throws IOException {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    s3.configure(conf);
    String seizures = warehouse("delta") + "/seizures";
    assertThat(DeltaKernelRows.partitionColumns(seizures, conf)).containsExactly("event_month");
    List<String> byKernel =
        DeltaKernelRows.read(
            seizures,
            conf,
            r -> {
              var schema = r.getSchema();
              int month = schema.indexOf("event_month");
              int kg = schema.indexOf("quantity_kg");
              int route = schema.indexOf("route");
              return String.join(
                  "|",
                  r.getString(schema.indexOf("record_id")),
                  r.getString(schema.indexOf("source_file")),
                  Long.toString(r.getLong(schema.indexOf("source_line"))),
                  r.isNullAt(month) ? "null" : r.getString(month),
                  r.isNullAt(kg) ? "null" : r.getDecimal(kg).toPlainString(),
                  r.isNullAt(route) ? "null" : r.getString(route));
            });
    List<String> bySpark =
        new java.util.ArrayList<>(
            SharedSpark.session()
                .read()
                .parquet(localWarehouse.resolve("seizures").toString())
                .selectExpr(
                    "concat_ws('|', record_id, source_file, CAST(source_line AS STRING),"
                        + " coalesce(event_month, 'null'), coalesce(CAST(quantity_kg AS STRING), 'null'),"
                        + " coalesce(route, 'null'))")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    assertThat(bySpark).isNotEmpty();
    byKernel.sort(null);
    bySpark.sort(null);
    assertThat(byKernel).isEqualTo(bySpark);
  }

  /**
   * A lock held by a live process (this JVM's pid on this host: not a dead run's lock) stops a
   * second run before it touches anything: exit 1, no manifest, the holder's lock left as it was.
   */
  @Test
  void aSecondRunIsRefusedWhileTheLockIsHeld() throws Exception {
    FileSystem fs = s3.fs();
    String warehouse = warehouse("parquet");
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
    List<String> before = s3.keys("warehouse-parquet/");
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
      assertThat(s3.keys("warehouse-parquet/")).as("nothing written or removed").isEqualTo(before);
      try (InputStream in = fs.open(lock)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(holder);
      }
    } finally {
      fs.delete(lock, false);
    }
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
}
