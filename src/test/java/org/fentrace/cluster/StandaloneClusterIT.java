package org.fentrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/fentrace run --master spark://...} on a real standalone cluster (Master and Worker in
 * their own JVMs, executors started by the Worker) gives the same warehouse as {@code --master
 * local[2]}, the cluster run with Spark's Kryo serializer and the local one with its default. Both
 * runs are processes of the real entry script (from a frozen install, see {@link LocalInstall});
 * the local one runs while the cluster starts. Being the install's first runs, both also write the
 * launcher's class-data-sharing archive, at the same time.
 */
class StandaloneClusterIT {
  static final String RUN_DATE = "2026-11-28";
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
  static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

  @TempDir static Path tmp;
  static StandaloneCluster cluster;
  static Path clusterWarehouse;
  static Path localWarehouse;
  static int clusterExit;
  static int localExit;
  static String clusterLog;
  static String localLog;

  @BeforeAll
  static void runOnClusterAndLocally() throws Exception {
    long start = System.nanoTime();
    Path script = LocalInstall.create(tmp.resolve("install"));
    clusterWarehouse = tmp.resolve("cluster-wh");
    localWarehouse = tmp.resolve("local-wh");
    try (ChildProcess local = fentrace(script, "local[2]", localWarehouse, "local-run")) {
      cluster = StandaloneCluster.start(tmp.resolve("cluster"));
      long started = System.nanoTime();
      try (ChildProcess onCluster =
          fentrace(script, cluster.masterUrl(), clusterWarehouse, "cluster-run")) {
        clusterExit = onCluster.awaitExit(RUN_TIMEOUT);
        clusterLog = onCluster.tail(60) + cluster.logs();
      }
      long clusterDone = System.nanoTime();
      localExit = local.awaitExit(RUN_TIMEOUT);
      localLog = local.tail(60);
      System.err.printf(
          "StandaloneClusterIT: cluster up after %d s, cluster run %d s, local run done after %d s%n",
          (started - start) / 1_000_000_000L,
          (clusterDone - started) / 1_000_000_000L,
          (System.nanoTime() - start) / 1_000_000_000L);
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * The arguments of {@code run} over sample-data, with the fixed test party key and small-data
   * settings.
   */
  static List<String> runOverSampleData(String master, Path warehouse) {
    return List.of(
        "run",
        "--input",
        LocalInstall.projectRoot().resolve("sample-data").toString(),
        "--output",
        warehouse.toString(),
        "--master",
        master,
        "--run-date",
        RUN_DATE,
        "--conf",
        "fentrace.party-hash.key=" + Pipelines.TEST_PARTY_KEY,
        // Small-data settings (same on both sides): results must not depend on them.
        "--conf",
        "spark.sql.shuffle.partitions=4",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        "spark.executor.memory=1g",
        "--conf",
        "spark.executor.extraJavaOptions=" + StandaloneCluster.SHORT_LIVED_JVM);
  }

  /**
   * {@code jobs/fentrace run} over sample-data as its own process, with the fixed test party key.
   */
  static ChildProcess fentrace(Path script, String master, Path warehouse, String name)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    cmd.addAll(runOverSampleData(master, warehouse));
    if (master.startsWith("spark://")) {
      // The cluster run uses Kryo, as many clusters' spark-defaults.conf do: its tasks carry
      // records, which the executors must read with the registrator the application adds, and the
      // warehouse must not depend on the serializer (the local run keeps Spark's default).
      cmd.addAll(List.of("--conf", "spark.serializer=" + KRYO));
      // An event log, whose environment shows the settings the session ran with.
      Files.createDirectories(tmp.resolve("events"));
      cmd.addAll(
          List.of(
              "--conf",
              "spark.eventLog.enabled=true",
              "--conf",
              "spark.eventLog.compress=false",
              "--conf",
              "spark.eventLog.dir=" + tmp.resolve("events").toUri()));
    }
    Map<String, String> env = LocalInstall.baseEnvironment();
    env.put("FENTRACE_JAVA_OPTS", "-Xmx1536m " + StandaloneCluster.SHORT_LIVED_JVM);
    return ChildProcess.start(name, cmd, env, tmp, tmp.resolve("logs/" + name + ".log"));
  }

  @Test
  void bothRunsSucceed() {
    assertThat(localExit).as("exit code of the local[2] run\n%s", localLog).isZero();
    assertThat(clusterExit).as("exit code of the spark:// run\n%s", clusterLog).isZero();
  }

  @Test
  void theClusterRunRanOnTheWorkersExecutors() throws IOException {
    assertThat(cluster.applicationDirs())
        .as("application folders in the Worker's work dir\n%s", clusterLog)
        .hasSize(1);
  }

  /**
   * The cluster run's session used Kryo with the records registrator the application adds (its
   * event log's environment), so its success above is Kryo's.
   */
  @Test
  void theClusterRunSerializedWithKryoAndTheRecordsRegistrator() throws IOException {
    assertThat(clusterExit).as("cluster run\n%s", clusterLog).isZero();
    // Spark 4 rolls event logs: a folder per application, holding its event files.
    List<Path> logs;
    try (Stream<Path> files = Files.walk(tmp.resolve("events"))) {
      logs = files.filter(f -> f.getFileName().toString().startsWith("events_")).toList();
    }
    assertThat(logs).as("event files of the cluster run").isNotEmpty();
    List<String> lines = new ArrayList<>();
    for (Path log : logs) {
      lines.addAll(Files.readAllLines(log));
    }
    String environment =
        lines.stream()
            .filter(l -> l.contains("\"SparkListenerEnvironmentUpdate\""))
            .findFirst()
            .orElseThrow();
    assertThat(environment)
        .contains("\"spark.serializer\":\"" + KRYO + "\"")
        .contains("\"spark.kryo.registrator\":\"org.fentrace.cli.RecordsKryoRegistrator\"");
  }

  @Test
  void clusterAndLocalWarehousesHoldTheSameResults() throws IOException {
    assertThat(clusterExit).as("cluster run\n%s", clusterLog).isZero();
    assertThat(localExit).as("local run\n%s", localLog).isZero();
    WarehouseComparison.assertSameResults(
        localWarehouse.toString(), clusterWarehouse.toString(), true);
    assertThat(WarehouseComparison.exports(clusterWarehouse.toString()))
        .as("exports written")
        .isNotEmpty();
  }

  /**
   * jobs/fentrace writes target/fentrace-cds.jsa at the end of the first run of a build, under a
   * private name renamed into place, with its class path's fingerprint beside it: two first runs at
   * once leave one whole archive and no temporary file.
   */
  @Test
  void twoConcurrentFirstRunsLeaveOneClassDataSharingArchive() throws IOException {
    assertThat(localExit).as("local run\n%s", localLog).isZero();
    Path target = tmp.resolve("install/target");
    Path archive = target.resolve("fentrace-cds.jsa");
    assertThat(archive).as("archive written by the first runs").isRegularFile();
    // The JDK's own base archive alone is ~13 MB; one of a Spark run's classes is over 100 MB.
    assertThat(Files.size(archive)).as("size of %s", archive).isGreaterThan(50L << 20);
    // The class path's fingerprint beside it: without it the next run would write it again.
    assertThat(target.resolve("fentrace-cds.jsa.classpath")).isNotEmptyFile();
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".tmp")))
          .as("temporary archives left in %s", target)
          .isEmpty();
    }
  }
}
