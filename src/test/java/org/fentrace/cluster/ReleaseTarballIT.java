package org.fentrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball {@code mvn package} writes ({@code target/fentrace-VERSION-bin.tar.gz}),
 * unpacked into an empty folder outside the checkout and run on sample-data with no Maven on the
 * PATH:
 *
 * <ul>
 *   <li>embedded (no SPARK_HOME, its own lib/runtime jars, local master), while
 *   <li>a standalone cluster starts; then through {@code spark-submit} (SPARK_HOME) against that
 *       cluster.
 * </ul>
 *
 * Before the runs, the release's conf/ is edited as an operator would (a rule file version, a lock
 * setting): both runs must use the edit, read at run time, with nothing rebuilt. The two warehouses
 * must hold the same results.
 */
class ReleaseTarballIT {
  static final String RUN_DATE = "2026-11-28";
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  static final String SITE_RULES_VERSION = "site-edited";

  @TempDir static Path tmp;
  static Path release;
  static List<String> releaseFilesBefore;
  static StandaloneCluster cluster;
  static Path embeddedWarehouse;
  static Path clusterWarehouse;
  static int embeddedExit;
  static int clusterExit;
  static String embeddedLog;
  static String clusterLog;

  @BeforeAll
  static void unpackAndRun() throws Exception {
    Path tarball = tarball();
    Path unpacked = Files.createDirectories(tmp.resolve("opt"));
    exec(List.of("tar", "xzf", tarball.toString(), "-C", unpacked.toString()));
    try (Stream<Path> s = Files.list(unpacked)) {
      release = s.findFirst().orElseThrow();
    }
    editConf();
    releaseFilesBefore = listing(release);

    embeddedWarehouse = tmp.resolve("embedded-wh");
    clusterWarehouse = tmp.resolve("cluster-wh");
    Map<String, String> embeddedEnv = environment();
    // The launcher's own local-mode setting, not the caller's, must make the embedded run work.
    embeddedEnv.put("SPARK_LOCAL_IP", null);
    try (ChildProcess embedded =
        fentrace(embeddedWarehouse, "local[2]", embeddedEnv, "embedded-run")) {
      cluster = StandaloneCluster.start(tmp.resolve("cluster"));
      Map<String, String> submitEnv = environment();
      submitEnv.put("SPARK_HOME", sparkHome(tmp.resolve("spark-home")).toString());
      // The cluster listens on loopback only: the caller says so (the launcher leaves it to the
      // caller).
      submitEnv.put("SPARK_LOCAL_IP", "127.0.0.1");
      try (ChildProcess submitted =
          fentrace(clusterWarehouse, cluster.masterUrl(), submitEnv, "cluster-run")) {
        clusterExit = submitted.awaitExit(RUN_TIMEOUT);
        clusterLog = submitted.tail(80) + cluster.logs();
      }
      embeddedExit = embedded.awaitExit(RUN_TIMEOUT);
      embeddedLog = embedded.tail(80);
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The tarball of this build: `mvn verify` packages before its integration tests run. */
  static Path tarball() throws IOException {
    Path target = LocalInstall.projectRoot().resolve("target");
    try (Stream<Path> s = Files.list(target)) {
      List<Path> found =
          s.filter(p -> p.getFileName().toString().matches("fentrace-.*-bin\\.tar\\.gz")).toList();
      assertThat(found).as("release tarballs in %s (run mvn package first)", target).hasSize(1);
      return found.get(0);
    }
  }

  /**
   * An operator's edits: the site's rule version, a lock setting in the default properties file.
   */
  static void editConf() throws IOException {
    Path rules = release.resolve("conf/route-rules.yaml");
    String text = Files.readString(rules);
    // Whatever version ships, the operator's edit replaces it (one version line, at the start of a
    // line).
    String edited =
        text.replaceFirst("(?m)^version: \"[^\"]+\"", "version: \"" + SITE_RULES_VERSION + "\"");
    assertThat(edited).as("conf/route-rules.yaml has a version line").isNotEqualTo(text);
    Files.writeString(rules, edited);
    Path props = release.resolve("conf/fentrace.properties");
    Files.writeString(
        props,
        Files.readString(props)
            .replace("fentrace.lock.stale-after=PT6H", "fentrace.lock.stale-after=PT7H"));
    assertThat(Files.readString(props)).contains("fentrace.lock.stale-after=PT7H");
  }

  /**
   * The child environment: this JDK, and every program of the system folders except Maven, linked
   * into one folder (so the run really has no mvn to call); HOME in the temp folder (the launcher's
   * cache goes there).
   */
  static Map<String, String> environment() throws IOException, InterruptedException {
    Path tools = tmp.resolve("tools-without-maven");
    if (!Files.isDirectory(tools)) {
      Files.createDirectories(tools);
      for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
        if (!Files.isDirectory(Path.of(dir))) {
          continue;
        }
        try (Stream<Path> s = Files.list(Path.of(dir))) {
          for (Path p : s.toList()) {
            String name = p.getFileName().toString();
            if (!name.startsWith("mvn")
                && !Files.exists(tools.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              Files.createSymbolicLink(tools.resolve(name), p);
            }
          }
        }
      }
    }
    Map<String, String> env = LocalInstall.baseEnvironment();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + tools);
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    System.getenv().keySet().stream()
        .filter(k -> k.startsWith("FENTRACE_"))
        .forEach(k -> env.put(k, null));
    // No class-data-sharing archive: dumping one costs CPU this test does not need to spend.
    env.put("FENTRACE_CDS", "0");
    ProcessBuilder probe = new ProcessBuilder("bash", "-c", "command -v mvn");
    probe.environment().putAll(withoutNulls(env));
    assertThat(probe.start().waitFor()).as("mvn must not be on the runs' PATH").isNotZero();
    return env;
  }

  private static Map<String, String> withoutNulls(Map<String, String> env) {
    Map<String, String> m = new java.util.HashMap<>();
    env.forEach(
        (k, v) -> {
          if (v != null) {
            m.put(k, v);
          }
        });
    return m;
  }

  /**
   * A SPARK_HOME for the client side: its jars/ is the release's lib/runtime, and its
   * bin/spark-submit does what Spark's own does (bin/spark-class): org.apache.spark.launcher.Main
   * builds the java command line (driver options, class path), printed NUL-separated, which the
   * script then runs.
   */
  static Path sparkHome(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(dir.resolve("jars"), release.resolve("lib/runtime"));
    Path submit = dir.resolve("bin/spark-submit");
    Files.writeString(
        submit,
        """
        #!/usr/bin/env bash
        # Spark's bin/spark-class, cut to what a distribution's spark-submit does here: the launcher prints
        # its messages line by line, a line holding a NUL, then the command's arguments NUL-separated.
        export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
        build_command() {
          java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@"
          printf '%d\\0' $?
        }
        CMD=()
        DELIM=$'\\n'
        STARTED=false
        while IFS= read -d "$DELIM" -r ARG; do
          if [[ $STARTED == true ]]; then
            CMD+=("$ARG")
          elif [[ -z "$ARG" ]]; then
            # The NUL line (bash drops the NUL byte, leaving an empty line): the command follows.
            DELIM=''
            STARTED=true
          elif [[ -n "$ARG" ]]; then
            echo "$ARG"
          fi
        done < <(build_command "$@")
        LAST=$(( ${#CMD[@]} - 1 ))
        CODE="${CMD[$LAST]}"
        [[ "$CODE" == 0 ]] || exit "$CODE"
        exec "${CMD[@]:0:$LAST}"
        """);
    submit.toFile().setExecutable(true);
    return dir;
  }

  /**
   * {@code bin/fentrace run} over sample-data from the unpacked release, with the fixed test party
   * key.
   */
  static ChildProcess fentrace(Path warehouse, String master, Map<String, String> env, String name)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(release.resolve("bin/fentrace").toString()));
    cmd.addAll(StandaloneClusterIT.runOverSampleData(master, warehouse));
    // No -Xmx: spark-submit refuses one in the driver's Java options (its default driver heap is 1
    // GiB).
    env.put("FENTRACE_JAVA_OPTS", StandaloneCluster.SHORT_LIVED_JVM);
    Path work = Files.createDirectories(tmp.resolve("work-" + name));
    return ChildProcess.start(name, cmd, env, work, tmp.resolve("logs/" + name + ".log"));
  }

  private static void exec(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s: %s", cmd, out).isZero();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(dir::relativize).map(Path::toString).sorted().toList();
    }
  }

  private static JsonNode manifest(Path warehouse) throws IOException {
    try (Stream<Path> s = Files.list(warehouse.resolve("_runs"))) {
      List<Path> runs = s.filter(p -> p.toString().endsWith(".json")).toList();
      assertThat(runs).as("run manifests in %s", warehouse).hasSize(1);
      return new ObjectMapper().readTree(runs.get(0).toFile());
    }
  }

  @Test
  void theReleaseHoldsTheLauncherTheJarTheRuntimeAndTheConf() {
    assertThat(release.resolve("bin/fentrace")).isExecutable();
    assertThat(release.resolve("lib/fentrace.jar")).isRegularFile();
    assertThat(release.resolve("conf/fentrace.properties")).isRegularFile();
    assertThat(release.resolve("conf/log4j2.properties")).isRegularFile();
    assertThat(release.resolve("lib/runtime").toFile().list((d, n) -> n.startsWith("spark-core_")))
        .hasSize(1);
    assertThat(release.resolve("pom.xml")).doesNotExist();
    assertThat(release.resolve("src")).doesNotExist();
  }

  @Test
  void theEmbeddedRunWritesTheWarehouse() throws IOException {
    assertThat(embeddedExit).as("exit code of the embedded run\n%s", embeddedLog).isZero();
    assertThat(embeddedLog).doesNotContain("building the application jar");
    List<String> tables = WarehouseComparison.tables(embeddedWarehouse.toString());
    assertThat(tables).containsAll(WarehouseComparison.CONTRACT_TABLES);
    for (String table : WarehouseComparison.CONTRACT_TABLES) {
      Path dir = embeddedWarehouse.resolve(table);
      assertThat(dir.resolve("_SUCCESS")).as("marker of %s", table).isRegularFile();
      try (Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet")))
            .as("Parquet files of %s", table)
            .isNotEmpty();
      }
    }
    assertThat(embeddedWarehouse.resolve("report/index.html")).isRegularFile();
  }

  @Test
  void bothRunsReadTheEditedConfAtRunTime() throws IOException {
    assertThat(embeddedExit).as("embedded run\n%s", embeddedLog).isZero();
    assertThat(clusterExit).as("cluster run\n%s", clusterLog).isZero();
    for (Path warehouse : List.of(embeddedWarehouse, clusterWarehouse)) {
      JsonNode m = manifest(warehouse);
      assertThat(m.at("/reference_data/route_rules_version").asText())
          .as("rules of %s", warehouse)
          .isEqualTo(SITE_RULES_VERSION);
      assertThat(m.at("/reference_data/route_rules_source").asText())
          .isEqualTo(release.resolve("conf/route-rules.yaml").toString());
      assertThat(m.at("/configuration/fentrace.lock.stale-after").asText()).isEqualTo("PT7H");
    }
  }

  @Test
  void theSubmittedRunRanOnTheClustersExecutorsAndMatchesTheEmbeddedOne() throws IOException {
    assertThat(clusterExit).as("exit code of the spark-submit run\n%s", clusterLog).isZero();
    assertThat(embeddedExit).as("embedded run\n%s", embeddedLog).isZero();
    assertThat(cluster.applicationDirs())
        .as("application folders in the Worker's work dir\n%s", clusterLog)
        .hasSize(1);
    WarehouseComparison.assertSameResults(
        embeddedWarehouse.toString(), clusterWarehouse.toString(), true);
  }

  @Test
  void theRunsLeftTheReleaseFolderAsUnpacked() throws IOException {
    assertThat(embeddedExit).isZero();
    assertThat(clusterExit).isZero();
    assertThat(listing(release)).isEqualTo(releaseFilesBefore);
  }
}
