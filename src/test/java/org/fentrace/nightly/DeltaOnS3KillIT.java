package org.fentrace.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.run.PipelineRunner;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Crashes;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.S3TestServer;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.WarehouseLayout;
import org.fentrace.warehouse.WarehouseViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver dies inside a publication of a warehouse whose tables are Delta tables on S3A (the
 * test S3 server, {@link S3TestServer}): inside the ingest's journal (normalized tables, by
 * partition) and inside the trend tables' (rewritten whole). With Parquet on S3A a kill inside a
 * folder rename leaves a half-copied folder live until the next run ({@link S3PublicationKillIT});
 * a Delta commit is one new log object, not a rename of data, so here readers must see every table
 * whole at night 1's version or at the finished night 2's, never a mix; at least one table is still
 * night 1's; the journal is left behind, and the next run finishes the publication: the warehouse
 * then equals an uninterrupted night 2. Also: {@code fentrace sql --as-of} night 1's run reads
 * night 1's rows after night 2 changed them, and the two nights equal the Parquet format's.
 *
 * <p>Night 1 and the uninterrupted reference night 2 are built once, in the class's format on the
 * local disk (uninterrupted nights on S3 are {@code S3PipelineIT}'s); every case starts from a copy
 * of night 1 uploaded to its own warehouse under the root below, where the kill and the next run
 * happen. A Delta table's log names its files relative to the table, so the copy is the same table.
 *
 * <p>The warehouses go on the test server, or under {@code -Dfentrace.it.warehouse-root=URI}
 * (another bucket, an hdfs:// folder, a local one) in the format of {@code
 * -Dfentrace.it.warehouse-format=delta|parquet} (default delta). The S3 server is the default
 * because it is the harder case for a publication (no atomic rename, a log store that trusts the
 * single writer); {@code -Dfentrace.it.warehouse-root=file:///tmp/wh} runs the same cases on local
 * disk.
 */
class DeltaOnS3KillIT {
  static final LocalDate NIGHT_1 = LocalDate.of(2024, 3, 1);
  static final LocalDate NIGHT_2 = CrashPointsIT.NIGHT_2;
  static final EnumSet<PipelineRunner.Step> DATA_AND_DERIVED =
      EnumSet.of(PipelineRunner.Step.INGEST, PipelineRunner.Step.TRENDS);

  @TempDir static Path tmp;
  static Path landing1;
  static Path landing2;
  static String root;
  static String format;
  static String reference;

  /**
   * Night 1's warehouse (local disk), copied as the starting point of the reference and of every
   * case.
   */
  static String night1;

  static String night1Run;
  static Pipelines.Run referenceNight2;

  static S3TestServer s3;

  /** The folder (any Hadoop URI) under which each case writes a warehouse of its own. */
  static String warehouseRoot() throws Exception {
    String given = System.getProperty("fentrace.it.warehouse-root");
    if (given != null) {
      return given;
    }
    s3 = S3TestServer.start(tmp.resolve("s3"));
    s3.configure(SharedSpark.session().sparkContext().hadoopConfiguration());
    return s3.uri("warehouses");
  }

  @AfterAll
  static void stopTheServer() {
    if (s3 != null) {
      s3.close();
    }
  }

  /** The table format every warehouse of the class is written in. */
  static String tableFormat() {
    return System.getProperty("fentrace.it.warehouse-format", "delta");
  }

  @BeforeAll
  static void landingsAndTheReference() throws Exception {
    format = tableFormat();
    root = warehouseRoot().replaceAll("/+$", "") + "/" + UUID.randomUUID();
    landing1 = CrashPointsIT.nightOneLanding(tmp);
    landing2 = CrashPointsIT.nightTwoLanding(tmp);
    // Night 1 runs once, on the local disk; the reference and every case start from a copy of it.
    night1 = tmp.resolve("night1").toUri().toString();
    night1Run = run(landing1, night1, NIGHT_1, false).manifest().get("run_id").asText();
    reference = copyOfNightOne(tmp.resolve("reference").toUri().toString());
    referenceNight2 = run(landing2, reference, NIGHT_2, false);
    assertThat(referenceNight2.exitCode()).as("night 2 of the reference warehouse").isZero();
  }

  /**
   * The reference night 2 revises a row of night 1: its file balances with the counts worked out by
   * hand, and the tables equal those of the same two nights in the Parquet format. (Night 2's
   * decisions are cached frames read again for the manifest after the night's commits; the store
   * must read the table as the night found it, not the version that already holds feb.csv's rows.)
   */
  @Test
  void theNightThatRevisesARowBalancesAndEqualsTheParquetFormat() throws Exception {
    // feb.csv: 2 rows read; J1 (2.5 kg) wins over jan.csv's J1 of night 1 (a newer delivery), K1
    // is new: both normalized. Nothing rejected, no duplicate inside feb.csv, and jan.csv's losing
    // J1 is counted on jan.csv's night, not here.
    JsonNode feb = referenceNight2.input("feb.csv");
    assertThat(feb.get("rows_read").asLong()).isEqualTo(2);
    assertThat(feb.get("normalized").asLong()).isEqualTo(2);
    assertThat(feb.get("rejected").asLong()).isZero();
    assertThat(feb.get("duplicates").asLong()).isZero();
    assertThat(feb.get("balanced").asBoolean()).isTrue();
    // The Parquet reference on local disk: the formats' equality does not depend on the file
    // system (S3PipelineIT shows it for the whole sample night on S3).
    String parquet = tmp.resolve("parquet-reference").toUri().toString();
    assertThat(run(landing1, parquet, NIGHT_1, false, "parquet").exitCode()).isZero();
    assertThat(run(landing2, parquet, NIGHT_2, false, "parquet").exitCode()).isZero();
    // The landings hold seizures only (no shipments): every table present is compared.
    WarehouseComparison.assertSameResults(parquet, reference, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {FaultInjection.MID_PUBLISH, FaultInjection.MID_PUBLISH_TRENDS})
  void aKillMidPublicationLeavesNightOneReadableAndTheNextRunFinishesIt(String point)
      throws Exception {
    String wh = copyOfNightOne(root + "/case-" + point);
    List<String> tables = WarehouseComparison.tables(wh);
    try (AutoCloseable crash = Crashes.dieAt(point)) {
      assertThatThrownBy(() -> run(landing2, wh, NIGHT_2, false))
          .isInstanceOf(Crashes.SimulatedCrash.class);
    }
    FileSystem fs = fs(wh);
    assertThat(fs.exists(new WarehouseLayout(wh).journal()))
        .as("the dead run's publication is journalled")
        .isTrue();
    List<String> stillNightOne = new ArrayList<>();
    for (String t : tables) {
      List<String> now = rows(wh, t);
      if (now.equals(NIGHT_ONE_ROWS.computeIfAbsent(t, DeltaOnS3KillIT::nightOneRows))) {
        stillNightOne.add(t);
      } else {
        assertThat(now)
            .as("%s after the kill: night 1's rows or the finished night 2's", t)
            .isEqualTo(REFERENCE_ROWS.computeIfAbsent(t, DeltaOnS3KillIT::referenceRows));
      }
    }
    assertThat(stillNightOne).as("tables the kill left at night 1").isNotEmpty();

    // The next run (breaking the dead run's lock) replays the journal, then runs night 2 again.
    assertThat(run(landing2, wh, NIGHT_2, true).exitCode()).isZero();
    assertThat(fs.exists(new WarehouseLayout(wh).journal())).isFalse();
    // The landings hold seizures only (no shipments): every table present is compared.
    WarehouseComparison.assertSameResults(reference, wh, false);
  }

  @Test
  void everyKilledWarehouseIsWhereItWasAsked() {
    assertThat(root)
        .startsWith(
            s3 != null
                ? "s3a://" + s3.bucket() + "/"
                : System.getProperty("fentrace.it.warehouse-root").replaceAll("/+$", ""));
    assertThat(format).isEqualTo(tableFormat());
  }

  /** Time travel by run id: night 1's seizures, read after night 2 revised J1 and added K1. */
  @Test
  void asOfTheFirstRunReadsTheFirstNightsRows() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(format.equals("delta"), "time travel is Delta's");
    SparkSession spark = SharedSpark.session();
    // One commit a night: version 0 is night 1's, version 1 night 2's (docs/querying.md's example).
    org.apache.hadoop.fs.Path seizures = new org.apache.hadoop.fs.Path(reference, "seizures");
    assertThat(TableReads.versionAsOf(spark, seizures, night1Run)).hasValue(0L);
    assertThat(TableReads.latestVersion(spark, seizures)).isEqualTo(1L);
    // Hand-derived from the landings: night 1 holds J1 (2 kg) and J2 (1 kg); night 2 J1 at 2.5 kg,
    // J2, and K1 (4 kg).
    assertThat(WarehouseViews.register(spark, reference, night1Run)).contains("seizures");
    assertThat(kgById(spark))
        .isEqualTo(Map.of("seizure_events:J1", "2.000000000", "seizure_events:J2", "1.000000000"));
    WarehouseViews.register(spark, reference);
    assertThat(kgById(spark))
        .isEqualTo(
            Map.of(
                "seizure_events:J1",
                "2.500000000",
                "seizure_events:J2",
                "1.000000000",
                "seizure_events:K1",
                "4.000000000"));
  }

  private static Map<String, String> kgById(SparkSession spark) {
    Map<String, String> m = new HashMap<>();
    for (Row r : spark.sql("SELECT record_id, quantity_kg FROM seizures").collectAsList()) {
      m.put(r.getString(0), r.getDecimal(1).toPlainString());
    }
    return m;
  }

  /** Night 1's and the uninterrupted night 2's rows by table, read once for all cases. */
  private static final Map<String, List<String>> NIGHT_ONE_ROWS = new HashMap<>();

  private static final Map<String, List<String>> REFERENCE_ROWS = new HashMap<>();

  private static List<String> nightOneRows(String table) {
    try {
      return rows(night1, table);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> referenceRows(String table) {
    try {
      return rows(reference, table);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A table's rows as sorted JSON, the run-specific columns left out. */
  private static List<String> rows(String warehouse, String table) throws Exception {
    Dataset<Row> df = WarehouseComparison.read(SharedSpark.session(), warehouse, table, null);
    for (String c : List.of("run_id", "new_this_run")) {
      df = df.drop(c);
    }
    List<String> out =
        new ArrayList<>(
            df.select(to_json(struct(col("*"))))
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    out.sort(null);
    return out;
  }

  /** A new warehouse at {@code to} (any Hadoop URI) holding exactly night 1's warehouse. */
  private static String copyOfNightOne(String to) throws Exception {
    org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(night1);
    assertThat(
            org.apache.hadoop.fs.FileUtil.copy(
                fs(night1),
                from,
                fs(to),
                new org.apache.hadoop.fs.Path(to),
                false,
                SharedSpark.session().sparkContext().hadoopConfiguration()))
        .as("night 1 copied to %s", to)
        .isTrue();
    return to;
  }

  private static FileSystem fs(String uri) throws Exception {
    return new org.apache.hadoop.fs.Path(uri)
        .getFileSystem(SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  private static Pipelines.Run run(Path landing, String wh, LocalDate night, boolean breakLock)
      throws Exception {
    return run(landing, wh, night, breakLock, format);
  }

  private static Pipelines.Run run(
      Path landing, String wh, LocalDate night, boolean breakLock, String tableFormat)
      throws Exception {
    Map<String, String> conf = new HashMap<>();
    conf.put("fentrace.warehouse.format", tableFormat);
    if (breakLock) {
      conf.put("fentrace.lock.stale-after", "PT0S");
    }
    return Pipelines.execute("run", DATA_AND_DERIVED, landing, wh, night, conf, breakLock);
  }
}
