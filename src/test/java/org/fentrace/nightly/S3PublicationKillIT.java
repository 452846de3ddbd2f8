package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.ChildPipeline;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.S3RequestKill;
import org.fentrace.testing.S3TestServer;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.testing.WarehouseFormatUnderTest;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.WarehouseLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kill in the middle of a publication does to a warehouse on S3A, shown rather than hidden.
 *
 * <p>fentrace publishes by renames under a journal. On HDFS and local disks a folder rename is one
 * atomic step; on S3A it is a copy of every object to the new key, then a delete of the old keys.
 * Here the pipeline runs in a JVM of its own against the test S3 server, and is halted ({@link
 * S3RequestKill}, a kill -9 at an exact S3 request) while S3A copies the first trend table from the
 * staging area into its live folder: one object of the staged folder has been copied, the next one
 * not. The test then records what a reader sees in that window (a table with a marker and no rows)
 * and that the next run completes the publication by itself.
 */
class S3PublicationKillIT {
  static final LocalDate NIGHT_1 = LocalDate.of(2024, 3, 1);
  static final LocalDate NIGHT_2 = CrashPointsIT.NIGHT_2;
  static final String TABLE = TrendsAction.TABLES.get(0);

  /**
   * The steps of the in-process nights: the kill falls inside the trend tables' publication, and
   * the report, written after it, is a page rather than a table the comparison reads.
   */
  static final EnumSet<PipelineRunner.Step> DATA_AND_DERIVED = DeltaOnS3KillIT.DATA_AND_DERIVED;

  @TempDir static Path tmp;
  static S3TestServer s3;
  static String landing;
  static String warehouse;
  static Path reference;

  /** Night 1 on S3, night 2's landing uploaded, and the same two nights on local disk. */
  @BeforeAll
  static void nightOneOnS3AndTheReference() throws Exception {
    s3 = S3TestServer.start(tmp.resolve("s3"));
    landing = s3.uri("landing");
    warehouse = s3.uri("warehouse");
    // Night 1: January. Night 2 adds February and revises J1, so every trend table changes.
    Path jan = tmp.resolve("local-landing/jan.csv");
    Files.createDirectories(jan.getParent());
    Files.writeString(
        jan,
        CrashPointsIT.HEADER
            + "J1,2024-01-05,fentanyl,2,kg,Southwest Border,truck,MX\n"
            + "J2,2024-01-06,fentanyl,1,kg,Coastal/Interior,international mail,CN\n");
    Files.setLastModifiedTime(jan, FileTime.from(Instant.parse("2024-03-01T00:00:00Z")));
    s3.upload(jan.getParent(), "landing");
    assertThat(run(NIGHT_1)).as("night 1 on s3a").isZero();

    Path feb = tmp.resolve("local-landing/feb.csv");
    Files.writeString(
        feb,
        CrashPointsIT.HEADER
            + "J1,2024-01-05,fentanyl,2.5,kg,Southwest Border,truck,MX\n"
            + "K1,2024-02-01,fentanyl,4,kg,Southwest Border,pedestrian,\n");
    Files.setLastModifiedTime(feb, FileTime.from(Instant.parse("2024-03-02T00:00:00Z")));
    s3.fs()
        .copyFromLocalFile(
            new org.apache.hadoop.fs.Path(feb.toUri()),
            new org.apache.hadoop.fs.Path(landing + "/feb.csv"));

    // The reference: the same two nights, uninterrupted, on local disk (jan.csv older than feb.csv
    // as on S3, where feb.csv was uploaded after night 1).
    Path localJan = Files.createDirectories(tmp.resolve("ref-landing")).resolve("jan.csv");
    Files.copy(jan, localJan, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    reference = tmp.resolve("reference");
    assertThat(local(localJan.getParent(), NIGHT_1)).isZero();
    Files.copy(
        feb, localJan.resolveSibling("feb.csv"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    assertThat(local(localJan.getParent(), NIGHT_2)).isZero();
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aKillInsideTheCopyOfATrendTableLeavesAHalfCopiedFolderUntilTheNextRun() throws Exception {
    String live = "warehouse/" + TABLE + "/";
    List<String> night1Objects = objects(live);
    assertThat(night1Objects).as("night 1's %s: a data file and its marker", TABLE).hasSize(2);

    // Night 2 in a JVM of its own, halted just before the second object is copied into the live
    // folder of the first trend table.
    Process p = startPipeline(S3RequestKill.environment("CopyObject", live + "[^/]+", 2));
    assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("the run ends within 15 minutes").isTrue();
    assertThat(p.exitValue())
        .as("halted by the kill switch; its output:%n%s", Files.readString(tmp.resolve("run.log")))
        .isEqualTo(S3RequestKill.KILLED);

    // What the dead run left: its lock, its journal, the staged table whole (S3A deletes the
    // sources only after every copy), night 1's table moved aside whole into _trash, and in the
    // live folder one of the two objects.
    String deadRun = onlyRunUnder("warehouse/_staging/");
    assertThat(s3.keys("warehouse/")).contains("warehouse/_lock", "warehouse/_state/journal.json");
    List<String> staged = objects("warehouse/_staging/" + deadRun + "/" + TABLE + "/");
    assertThat(staged).hasSize(2);
    List<String> trash = objects("warehouse/_trash/" + deadRun + "/0/");
    assertThat(trash).as("night 1's table, moved aside whole").isEqualTo(night1Objects);
    List<String> halfCopied = objects(live);
    // S3A copies a folder's objects on a pool of threads, so which of the two arrived first varies
    // from run to run: the live folder holds exactly one of the staged objects.
    assertThat(halfCopied).as("the live folder in the window").hasSize(1);
    assertThat(staged).as("the live folder in the window").containsAll(halfCopied);
    if (halfCopied.get(0).equals(WarehouseLayout.SUCCESS)) {
      // The new marker, naming the dead run, and no data file: a reader finds no table at all.
      assertThat(read(live + WarehouseLayout.SUCCESS)).contains(deadRun);
      assertThat(WarehouseComparison.tables(warehouse)).doesNotContain(TABLE);
    } else {
      // The new data file without its marker: a reader sees night 2's rows of a run that never
      // finished, while every other table still holds night 1's.
      long liveRows = SharedSpark.session().read().parquet(s3.uri(live)).count();
      long stagedRows =
          SharedSpark.session()
              .read()
              .parquet(s3.uri("warehouse/_staging/" + deadRun + "/" + TABLE + "/"))
              .count();
      assertThat(liveRows).as("rows of the half-copied folder").isEqualTo(stagedRows);
    }
    // Either way it is neither night 1's folder nor night 2's whole: on HDFS the same kill leaves
    // one of those.

    // The next run breaks the dead process's lock (same host, pid gone) and replays the journal,
    // which moves the live folder aside before copying the staged one in. The dead run already
    // moved night 1's folder to _trash/RUN/0, and S3A refuses to rename onto a non-empty folder, so
    // the half-copied folder goes to a fresh name beside it; the staged folder (still whole: S3A
    // deletes the sources only after every copy) goes live, and the run ends where the
    // uninterrupted two nights did.
    assertThat(run(NIGHT_2)).as("the next run").isZero();
    assertThat(s3.keys("warehouse/")).noneMatch(k -> k.startsWith("warehouse/_trash/" + deadRun));
    assertThat(s3.keys("warehouse/")).doesNotContain("warehouse/_state/journal.json");
    assertThat(objects(live)).hasSize(2);
    // (The landing holds seizures only: no shipments table, so the contract tables are not
    // required.)
    assertThat(WarehouseComparison.tables(warehouse)).contains("seizures", TABLE);
    WarehouseComparison.assertSameResults(reference.toString(), warehouse, false);
  }

  /** The objects directly under a prefix, by name (S3A's directory markers left out). */
  private static List<String> objects(String prefix) {
    List<String> names = new ArrayList<>();
    for (String k : s3.keys(prefix)) {
      String rest = k.substring(prefix.length());
      if (!rest.isEmpty() && !rest.contains("/")) {
        names.add(rest);
      }
    }
    return names;
  }

  private static String onlyRunUnder(String prefix) {
    List<String> runs =
        s3.keys(prefix).stream()
            .map(k -> k.substring(prefix.length()))
            .filter(r -> r.contains("/"))
            .map(r -> r.substring(0, r.indexOf('/')))
            .distinct()
            .toList();
    assertThat(runs).as("runs with a staging area").hasSize(1);
    return runs.get(0);
  }

  private static String read(String key) throws Exception {
    try (var in = s3.fs().open(new org.apache.hadoop.fs.Path(s3.uri(key)))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static int run(LocalDate night) throws Exception {
    Map<String, String> conf = new HashMap<>(WarehouseFormatUnderTest.overrides());
    conf.put("fentrace.party-hash.key", Pipelines.TEST_PARTY_KEY);
    return new PipelineRunner(org.fentrace.testing.SharedSpark.session())
        .run(
            new PipelineRunner.Request(
                "run",
                DATA_AND_DERIVED,
                landing,
                warehouse,
                night,
                org.fentrace.config.FentraceConfig.load(null, conf)))
        .exitCode();
  }

  private static int local(Path localLanding, LocalDate night) throws Exception {
    return Pipelines.execute(
            "run",
            DATA_AND_DERIVED,
            localLanding,
            reference,
            night,
            WarehouseFormatUnderTest.overrides())
        .exitCode();
  }

  private static Process startPipeline(Map<String, String> killAt) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--conf",
                "spark.hadoop.fs.s3a.audit.execution.interceptors="
                    + S3RequestKill.class.getName()));
    args.addAll(s3.sparkConfArgs());
    WarehouseFormatUnderTest.overrides()
        .forEach(
            (k, v) -> {
              args.add("--conf");
              args.add(k + "=" + v);
            });
    return ChildPipeline.start(landing, warehouse, NIGHT_2, args, killAt, tmp.resolve("run.log"));
  }
}
