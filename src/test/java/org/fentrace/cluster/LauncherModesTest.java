package org.fentrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modes of the real {@code jobs/fentrace}: from a release layout (bin/fentrace beside
 * lib/fentrace.jar) or a source checkout, embedded or through {@code $SPARK_HOME/bin/spark-submit}.
 * Stub {@code java}, {@code spark-submit} and {@code mvn} first on the PATH record their arguments
 * and the SPARK_LOCAL_IP they were given instead of doing anything, so each case costs a shell, not
 * a JVM. A release must never call Maven (a scheduler host has none); SPARK_LOCAL_IP=127.0.0.1
 * belongs to an embedded local master only (a driver bound to loopback is unreachable from
 * executors on other hosts).
 */
class LauncherModesTest {
  private static final String UNSET = "<unset>";

  @TempDir static Path tmp;
  private static Path stubBin;
  private static Path sparkHome;
  private static Path release;
  private static Path checkout;

  @BeforeAll
  static void layouts() throws IOException {
    Path root = LocalInstall.projectRoot();
    stubBin = Files.createDirectories(tmp.resolve("stub-bin"));
    // Each stub writes its arguments one per line, then the SPARK_LOCAL_IP it saw, into
    // $STUB_OUT/<name>.
    String record =
        "#!/usr/bin/env bash\n{ printf '%s\\n' \"$@\"; echo \"SPARK_LOCAL_IP=${SPARK_LOCAL_IP-"
            + UNSET
            + "}\"; } > \"$STUB_OUT/$(basename \"$0\")\"\n";
    // The java stub also writes the class-data archive it is asked for, as a real run would at
    // exit.
    stub(
        stubBin.resolve("java"),
        record
            + "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*) echo archive >"
            + " \"${a#*=}\";; esac; done\n");
    stub(stubBin.resolve("mvn"), record);
    sparkHome = tmp.resolve("spark-home");
    stub(Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit"), record);

    // A release as the tarball unpacks it (the jars' contents do not matter to the script).
    release = tmp.resolve("fentrace-release");
    copy(
        root.resolve("jobs/fentrace"),
        Files.createDirectories(release.resolve("bin")).resolve("fentrace"));
    Files.writeString(
        Files.createDirectories(release.resolve("lib/runtime"))
            .resolve("spark-core_2.13-4.2.0.jar"),
        "");
    Files.writeString(release.resolve("lib/fentrace.jar"), "");
    copyConf(root.resolve("jobs/conf"), release.resolve("conf"));

    // A checkout whose jar and classpath file are up to date with its sources and pom.
    checkout = tmp.resolve("checkout");
    copy(
        root.resolve("jobs/fentrace"),
        Files.createDirectories(checkout.resolve("jobs")).resolve("fentrace"));
    copyConf(root.resolve("jobs/conf"), checkout.resolve("jobs/conf"));
    Files.writeString(
        Files.createDirectories(checkout.resolve("src/main/java")).resolve("Main.java"),
        "class Main {}\n");
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    Path target = Files.createDirectories(checkout.resolve("target"));
    Files.writeString(target.resolve("fentrace.jar"), "");
    Files.writeString(
        target.resolve("embedded-classpath.txt"),
        target.resolve("spark-core_2.13-4.2.0.jar").toString());
    long now = System.currentTimeMillis();
    try (Stream<Path> files = Files.walk(checkout)) {
      // Folders too: the launcher counts a folder changed after the build (a source added) as a
      // change.
      for (Path f : files.toList()) {
        setTime(f, now - 3_600_000);
      }
    }
    setTime(target.resolve("fentrace.jar"), now - 600_000);
    setTime(target.resolve("embedded-classpath.txt"), now - 600_000);
  }

  private static void stub(Path file, String text) throws IOException {
    Files.writeString(file, text);
    file.toFile().setExecutable(true);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    to.toFile().setExecutable(true);
  }

  private static void copyConf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void setTime(Path p, long epochMillis) throws IOException {
    Files.setLastModifiedTime(p, FileTime.fromMillis(epochMillis));
  }

  /**
   * What one launch did: exit code, the launcher's messages, and each stub's recorded call (if it
   * ran).
   */
  private record Launch(int exit, String stderr, Map<String, List<String>> calls) {
    Optional<List<String>> call(String program) {
      return Optional.ofNullable(calls.get(program));
    }

    List<String> args(String program) {
      return call(program)
          .orElseThrow(
              () ->
                  new AssertionError(
                      program
                          + " was not called; calls "
                          + calls.keySet()
                          + "; launcher output: "
                          + stderr));
    }

    /** The SPARK_LOCAL_IP the program was started with, or {@link #UNSET}. */
    String sparkLocalIp(String program) {
      List<String> a = args(program);
      return a.get(a.size() - 1).substring("SPARK_LOCAL_IP=".length());
    }
  }

  private static Launch launch(Path script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempDirectory(tmp, "calls");
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    cmd.addAll(List.of(args));
    Map<String, String> environment = new LinkedHashMap<>();
    System.getenv().keySet().stream()
        .filter(k -> k.startsWith("SPARK_") || k.startsWith("FENTRACE_") || k.startsWith("XDG_"))
        .forEach(k -> environment.put(k, null));
    // No real Maven or java anywhere on this PATH: only the stubs and the shell's tools.
    environment.put("PATH", stubBin + ":/usr/bin:/bin");
    environment.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    environment.put("STUB_OUT", out.toString());
    environment.put("FENTRACE_CDS", "0");
    environment.putAll(env);
    Path log = tmp.resolve(out.getFileName() + ".log");
    try (ChildProcess p =
        ChildProcess.start("fentrace " + String.join(" ", args), cmd, environment, tmp, log)) {
      int exit = p.awaitExit(Duration.ofSeconds(60));
      Map<String, List<String>> calls = new HashMap<>();
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.toList()) {
          calls.put(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.UTF_8));
        }
      }
      return new Launch(exit, Files.readString(log, StandardCharsets.UTF_8), calls);
    }
  }

  private static String[] run(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                tmp.resolve("landing").toString(),
                "--output",
                tmp.resolve("warehouse").toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static Path releaseScript() {
    return release.resolve("bin/fentrace");
  }

  @Test
  void aReleaseRunsEmbeddedFromItsOwnJarsAndConfAndNeverCallsMaven() throws Exception {
    // An edited configuration file, newer than every jar: read at run time, nothing to rebuild.
    setTime(release.resolve("conf/fentrace.properties"), System.currentTimeMillis());
    Launch l = launch(releaseScript(), Map.of(), run());
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    assertThat(l.call("mvn")).as("Maven calls from a release").isEmpty();
    List<String> java = l.args("java");
    int cp = java.indexOf("-cp");
    assertThat(java.get(cp + 1))
        .isEqualTo(
            release.resolve("lib/fentrace.jar")
                + ":"
                + release.resolve("lib/runtime/spark-core_2.13-4.2.0.jar"));
    assertThat(java)
        .contains(
            "-Dfentrace.conf.dir=" + release.resolve("conf"),
            "-Dlog4j2.configurationFile=" + release.resolve("conf/log4j2.properties"),
            "org.apache.spark.deploy.SparkSubmit",
            "local[*]",
            "-XX:+UseParallelGC");
    assertThat(l.sparkLocalIp("java")).as("embedded local master").isEqualTo("127.0.0.1");
  }

  @Test
  void aReleaseLinkedFromAnotherFolderStillFindsItsJars() throws Exception {
    Path link = Files.createDirectories(tmp.resolve("usr-local-bin")).resolve("fentrace");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, releaseScript());
    Launch l = launch(link, Map.of(), run());
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    assertThat(l.call("mvn")).isEmpty();
    assertThat(l.args("java")).contains(release.resolve("lib/fentrace.jar").toString());
  }

  @Test
  void withSparkHomeAReleaseSubmitsItsJarAndLeavesTheDriverAddressToSpark() throws Exception {
    Launch l =
        launch(
            releaseScript(), Map.of("SPARK_HOME", sparkHome.toString()), run("--master", "yarn"));
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    assertThat(l.call("mvn")).isEmpty();
    assertThat(l.call("java")).as("no embedded JVM").isEmpty();
    List<String> submit = l.args("spark-submit");
    assertThat(submit)
        .containsSequence("--master", "yarn")
        .containsSequence("--class", "org.fentrace.cli.Main")
        .contains(release.resolve("lib/fentrace.jar").toString());
    int opts = submit.indexOf("--driver-java-options");
    assertThat(submit.get(opts + 1))
        .contains("-Dfentrace.conf.dir=" + release.resolve("conf"))
        .doesNotContain("UseParallelGC");
    // The application's own arguments follow the jar, --master excluded (it is spark-submit's).
    assertThat(
            submit.subList(
                submit.indexOf(release.resolve("lib/fentrace.jar").toString()) + 1,
                submit.size() - 1))
        .containsExactly(run());
    assertThat(l.sparkLocalIp("spark-submit"))
        .as("SPARK_LOCAL_IP on the spark-submit path")
        .isEqualTo(UNSET);
  }

  @Test
  void anEmbeddedRunOnAClusterMasterDoesNotBindLoopback() throws Exception {
    Launch l = launch(releaseScript(), Map.of(), run("--master", "spark://master.example:7077"));
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    assertThat(l.args("java"))
        .contains("spark://master.example:7077")
        .doesNotContain("-XX:+UseParallelGC");
    assertThat(l.sparkLocalIp("java")).isEqualTo(UNSET);
    // local[2] is a local master too; and a caller's own address is kept, never overwritten.
    assertThat(launch(releaseScript(), Map.of(), run("--master", "local[2]")).sparkLocalIp("java"))
        .isEqualTo("127.0.0.1");
    assertThat(
            launch(releaseScript(), Map.of("SPARK_LOCAL_IP", "10.1.2.3"), run())
                .sparkLocalIp("java"))
        .isEqualTo("10.1.2.3");
  }

  /**
   * The tests run Spark in their own JVM (Surefire's and Failsafe's argLine in the pom, handed on
   * to the nights the kill tests start): it gets the JVM flags the launcher gives an embedded batch
   * night (Spark's module flags, the collector, the compiler's limits), so that a change to one
   * must be made to the other. Only the launcher's own paths (its configuration folder and log
   * configuration) differ. Run outside Maven (an IDE without the argLine) this fails and says which
   * flags the JVM lacks.
   */
  @Test
  void theTestJvmHasTheJvmFlagsOfAnEmbeddedNight() throws Exception {
    Launch l = launch(releaseScript(), Map.of("FENTRACE_JVM_PROFILE", "batch"), run());
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    List<String> java = l.args("java");
    List<String> flags =
        java.subList(0, java.indexOf("-cp")).stream()
            .filter(a -> !a.startsWith("-Dfentrace.conf.dir=") && !a.startsWith("-Dlog4j2."))
            .toList();
    assertThat(flags)
        .as("the launcher's JVM flags")
        .contains("--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC");
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .as("this test JVM's flags (the pom's argLine)")
        .containsAll(flags);
    assertThat(System.getProperty("fentrace.test.jvmFlags", "").split(" "))
        .as("the flags of a night a kill test starts in a JVM of its own")
        .contains(flags.toArray(String[]::new));
  }

  @Test
  void aReleaseWritesItsClassDataSharingArchiveUnderTheUsersCacheNotIntoItself() throws Exception {
    List<String> before = listing(release);
    Path home = tmp.resolve("home");
    Launch l = launch(releaseScript(), Map.of("FENTRACE_CDS", "1"), run());
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    String archiving =
        l.args("java").stream()
            .filter(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no archive requested: " + l.args("java")));
    assertThat(archiving)
        .startsWith("-XX:ArchiveClassesAtExit=" + home.resolve(".cache/fentrace/cds-"));
    assertThat(listing(release)).as("files of the release after a run").isEqualTo(before);
  }

  /**
   * A checkout moved elsewhere keeps its archive, newer than its jars, but the JVM ignores an
   * archive written for other paths: the launcher must write a new one, not map the stale one on
   * every run.
   */
  @Test
  void aMovedCheckoutWritesItsClassDataSharingArchiveAgain() throws Exception {
    Path first = tmp.resolve("cds-checkout");
    LocalInstall.copyTree(checkout, first);
    Map<String, String> cds = Map.of("FENTRACE_CDS", "1");
    Path archive = first.resolve("target/fentrace-cds.jsa");

    Launch writes = launch(first.resolve("jobs/fentrace"), cds, run());
    assertThat(writes.exit()).as("exit; output: %s", writes.stderr()).isZero();
    assertThat(writes.args("java")).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(archive).exists();

    Launch maps = launch(first.resolve("jobs/fentrace"), cds, run());
    assertThat(maps.args("java")).contains("-XX:SharedArchiveFile=" + archive);

    // Moved as mv moves it: every file keeps its time, so the archive is still newer than the jar.
    Path moved = tmp.resolve("cds-checkout-moved");
    Files.move(first, moved);
    Launch afterMove = launch(moved.resolve("jobs/fentrace"), cds, run());
    assertThat(afterMove.args("java"))
        .as("java's arguments after the move")
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="))
        .anyMatch(
            a ->
                a.startsWith(
                    "-XX:ArchiveClassesAtExit=" + moved.resolve("target/fentrace-cds.jsa")));
  }

  @Test
  void aSiteConfigurationFolderReplacesTheReleasesOwn() throws Exception {
    Path site = Files.createDirectories(tmp.resolve("etc-fentrace"));
    Launch l = launch(releaseScript(), Map.of("FENTRACE_CONF_DIR", site.toString()), run());
    assertThat(l.exit()).as("exit; output: %s", l.stderr()).isZero();
    assertThat(l.args("java"))
        .contains(
            "-Dfentrace.conf.dir=" + site,
            "-Dlog4j2.configurationFile=" + site.resolve("log4j2.properties"));
    Launch typo = launch(releaseScript(), Map.of("FENTRACE_CONF_DIR", site + "-missing"), run());
    assertThat(typo.exit()).as("a configuration error").isEqualTo(2);
    assertThat(typo.calls()).as("nothing started").isEmpty();
    assertThat(typo.stderr()).contains("FENTRACE_CONF_DIR=" + site + "-missing is not a folder");
  }

  @Test
  void aReleaseWithoutRuntimeJarsOrSparkHomeSaysWhatIsMissing() throws Exception {
    Path bare = tmp.resolve("bare-release");
    copy(releaseScript(), Files.createDirectories(bare.resolve("bin")).resolve("fentrace"));
    Files.createDirectories(bare.resolve("lib/runtime"));
    Files.writeString(bare.resolve("lib/fentrace.jar"), "");
    Launch l = launch(bare.resolve("bin/fentrace"), Map.of(), run());
    assertThat(l.exit()).isEqualTo(2);
    assertThat(l.calls()).as("nothing started").isEmpty();
    assertThat(l.stderr()).contains("no jars in " + bare.resolve("lib/runtime"), "set SPARK_HOME");
  }

  @Test
  void inACheckoutAConfEditDoesNotBuildButASourceEditDoes() throws Exception {
    Path script = checkout.resolve("jobs/fentrace");
    long now = System.currentTimeMillis();
    setTime(checkout.resolve("jobs/conf/fentrace.properties"), now);
    setTime(checkout.resolve("jobs/conf/route-rules.yaml"), now);
    Launch confEdit = launch(script, Map.of(), run());
    assertThat(confEdit.exit()).as("exit; output: %s", confEdit.stderr()).isZero();
    assertThat(confEdit.call("mvn")).as("Maven calls after a conf edit").isEmpty();
    assertThat(confEdit.args("java"))
        .contains("-Dfentrace.conf.dir=" + checkout.resolve("jobs/conf"));

    // The control: the same layout with a source newer than the jar builds (through the stub mvn).
    Path source = checkout.resolve("src/main/java/Main.java");
    setTime(source, now);
    try {
      Launch sourceEdit = launch(script, Map.of(), run());
      assertThat(sourceEdit.args("mvn")).contains("package", "-Dassembly.skipAssembly=true");
    } finally {
      setTime(source, now - 3_600_000);
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(dir::relativize).map(Path::toString).sorted().toList();
    }
  }
}
