package org.fentrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM profile {@code jobs/fentrace} picks by default ({@code FENTRACE_JVM_PROFILE=auto}): the
 * quick JIT ({@code -XX:TieredStopAtLevel=1}) and Spark without adaptive query execution for a run
 * or ingest whose local landing holds less than {@code FENTRACE_SHORT_MAX_MB} of files newer than
 * the warehouse ledger, the full JIT otherwise. The real script runs from a {@link LocalInstall}; a
 * stub {@code java} first on the PATH records the command line instead of starting a JVM, so each
 * case costs a shell, not a Spark session. Sizes come from sparse files (no disk used).
 */
class LauncherProfileIT {
  private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
  private static final String NO_AQE = "spark.sql.adaptive.enabled=false";
  private static final long MB = 1L << 20;

  @TempDir static Path tmp;
  private static Path script;
  private static Path stubBin;

  @BeforeAll
  static void install() throws IOException {
    script = LocalInstall.create(tmp.resolve("install"));
    stubBin = Files.createDirectories(tmp.resolve("bin"));
    Path java = stubBin.resolve("java");
    // Records its arguments, one per line, where the test says; exits 0 like a good run. The
    // launcher
    // asks the real jar where the warehouse keeps its ledger (`fentrace paths`): that question goes
    // to
    // the real java, so the ledger the test writes is the one the launcher compares landing files
    // with.
    String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "for a in \"$@\"; do [[ \"$a\" == paths ]] && exec '"
            + realJava
            + "' \"$@\"; done\n"
            + "printf '%s\\n' \"$@\" > \"$STUB_JAVA_ARGS\"\n");
    java.toFile().setExecutable(true);
  }

  /**
   * What one launch did: its exit code, the launcher's own messages, the java arguments (empty if
   * none).
   */
  private record Launch(int exit, String stderr, List<String> javaArgs) {
    boolean quickJit() {
      return javaArgs.contains(QUICK_JIT);
    }

    /**
     * Whether spark-submit is told to run without adaptive query execution, before the
     * application's own arguments (which may still override it).
     */
    boolean withoutAdaptiveExecution() {
      int at = javaArgs.indexOf(NO_AQE);
      return at > 0
          && javaArgs.get(at - 1).equals("--conf")
          && at < javaArgs.indexOf("--class")
          && javaArgs.indexOf("org.apache.spark.deploy.SparkSubmit") < at;
    }

    /** The -XX options given to java, for failure messages (the class path is long). */
    List<String> xx() {
      return javaArgs.stream().filter(a -> a.startsWith("-XX:")).toList();
    }
  }

  private static Launch launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path argsFile = Files.createTempFile(tmp, "java-args", ".txt");
    Files.delete(argsFile);
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    cmd.addAll(List.of(args));
    Map<String, String> environment = LocalInstall.baseEnvironment();
    System.getenv().keySet().stream()
        .filter(k -> k.startsWith("FENTRACE_"))
        .forEach(k -> environment.put(k, null));
    environment.put("PATH", stubBin + File.pathSeparator + environment.get("PATH"));
    environment.put("STUB_JAVA_ARGS", argsFile.toString());
    environment.put("FENTRACE_CDS", "0");
    environment.putAll(env);
    // The stub writes nothing to the console, so the log holds the launcher's own messages alone.
    Path log = Files.createTempFile(tmp, "launch", ".log");
    try (ChildProcess p =
        ChildProcess.start("jobs/fentrace " + String.join(" ", args), cmd, environment, tmp, log)) {
      int exit = p.awaitExit(Duration.ofSeconds(60));
      List<String> javaArgs = Files.exists(argsFile) ? Files.readAllLines(argsFile) : List.of();
      return new Launch(exit, Files.readString(log, StandardCharsets.UTF_8), javaArgs);
    }
  }

  private static Path landing(String name) throws IOException {
    return Files.createDirectories(tmp.resolve(name));
  }

  /** A sparse file of the given size (the launcher looks at sizes only). */
  private static Path file(Path dir, String name, long bytes) throws IOException {
    Path f = dir.resolve(name);
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
      r.setLength(bytes);
    }
    return f;
  }

  private static void setTime(Path p, long epochMillis) throws IOException {
    Files.setLastModifiedTime(p, FileTime.fromMillis(epochMillis));
  }

  @Test
  void aSmallLandingGetsTheQuickJitAndSaysSo() throws Exception {
    Path in = landing("small");
    file(in, "seizures.csv", 3 * MB);
    Launch l =
        launch(
            Map.of(),
            "ingest",
            "--input",
            in.toString(),
            "--output",
            tmp.resolve("w-small").toString());
    assertThat(l.exit()).as("exit; stderr: %s", l.stderr()).isZero();
    assertThat(l.quickJit()).as("java -XX options %s", l.xx()).isTrue();
    assertThat(l.stderr()).contains("JVM profile short (3.0 MB of new landing files)");
    assertThat(l.withoutAdaptiveExecution()).as("java arguments %s", l.javaArgs()).isTrue();
    assertThat(l.xx())
        .as("big generated stage methods are compiled, whatever the profile")
        .contains("-XX:-DontCompileHugeMethods", "-XX:+UseParallelGC");
    // C1 alone would get a 48 MB code cache, which a Delta night filled: the tiered size is kept.
    assertThat(l.xx()).contains("-XX:ReservedCodeCacheSize=240m");
    assertThat(l.xx())
        .as("a short night's heap starts at the JVM's default: a larger start grew its peak RSS")
        .noneMatch(a -> a.startsWith("-XX:InitialRAMPercentage"));
  }

  @Test
  void aLandingAtTheThresholdGetsTheFullJit() throws Exception {
    // 64 MB is the default threshold and "less than" is the rule: 40 + 24 MB is not less.
    Path in = landing("big");
    file(in, "a.csv", 40 * MB);
    file(Files.createDirectories(in.resolve("2026/10")), "b.csv", 24 * MB);
    file(in, "notes.txt", 500 * MB); // not a landing file: not counted either way
    Launch l =
        launch(
            Map.of(), "run", "--input", in.toString(), "--output", tmp.resolve("w-big").toString());
    assertThat(l.quickJit()).as("java -XX options %s", l.xx()).isFalse();
    assertThat(l.javaArgs()).as("the application still runs").contains("org.fentrace.cli.Main");
    assertThat(l.stderr()).contains("JVM profile batch (64.0 MB of new landing files)");
    assertThat(l.xx())
        .as("a batch JVM's optimizing compiler inlines less deeply, to compile less")
        .contains("-XX:MaxInlineLevel=6", "-XX:InlineSmallCode=500");
    assertThat(l.xx())
        .as("the throughput collector starts with an eighth of memory, not a 64th, as its heap")
        .contains("-XX:+UseParallelGC", "-XX:InitialRAMPercentage=12.5");
    assertThat(l.withoutAdaptiveExecution()).as("java arguments %s", l.javaArgs()).isFalse();
    // The same landing under a raised threshold, given in MB.
    Launch raised =
        launch(
            Map.of("FENTRACE_SHORT_MAX_MB", "65"),
            "run",
            "--input=" + in,
            "--output=" + tmp.resolve("w-big"));
    assertThat(raised.quickJit()).as("java -XX options %s", raised.xx()).isTrue();
    assertThat(raised.withoutAdaptiveExecution())
        .as("java arguments %s", raised.javaArgs())
        .isTrue();
    assertThat(raised.xx())
        .as("the same landing as a short night: the heap's start follows the profile")
        .contains("-XX:+UseParallelGC")
        .noneMatch(a -> a.startsWith("-XX:InitialRAMPercentage"));
  }

  @Test
  void compressedFilesCountFiveTimesTheirSize() throws Exception {
    Path in = landing("gz");
    file(in, "seizures.csv.gz", 13 * MB); // 65 MB unpacked, by the launcher's estimate
    Launch l =
        launch(
            Map.of(),
            "ingest",
            "--input",
            in.toString(),
            "--output",
            tmp.resolve("w-gz").toString());
    assertThat(l.quickJit()).as("java -XX options %s", l.xx()).isFalse();
    assertThat(l.stderr()).contains("JVM profile batch (65.0 MB of new landing files)");
  }

  @Test
  void onlyFilesNewerThanTheLedgerCount() throws Exception {
    Path in = landing("history");
    Path old = file(in, "history.csv", 100 * MB);
    Path fresh = file(in, "day.csv", 2 * MB);
    Path warehouse = tmp.resolve("w-history");
    Path ledger = Files.createDirectories(warehouse.resolve("_state")).resolve("ledger.json");
    Files.writeString(ledger, "{}");
    long now = System.currentTimeMillis();
    setTime(old, now - 3_600_000);
    setTime(ledger, now - 1_800_000);
    setTime(fresh, now - 60_000);
    Launch night =
        launch(Map.of(), "run", "--input", in.toString(), "--output", warehouse.toString());
    assertThat(night.quickJit())
        .as("a night over a big history; java -XX options %s", night.xx())
        .isTrue();
    assertThat(night.stderr()).contains("JVM profile short (2.0 MB of new landing files)");
    // The history re-delivered after the last run: it will be read again, so it counts.
    setTime(old, now);
    Launch redelivery =
        launch(Map.of(), "run", "--input", in.toString(), "--output", warehouse.toString());
    assertThat(redelivery.quickJit()).as("java -XX options %s", redelivery.xx()).isFalse();
    assertThat(redelivery.stderr()).contains("JVM profile batch (102.0 MB of new landing files)");
  }

  @Test
  void aLandingThatIsNotALocalFolderAndOtherCommandsKeepTheFullJit() throws Exception {
    Launch remote =
        launch(
            Map.of(),
            "run",
            "--input",
            "hdfs://namenode:8020/landing",
            "--output",
            tmp.resolve("w-remote").toString());
    assertThat(remote.quickJit()).as("java -XX options %s", remote.xx()).isFalse();
    assertThat(remote.stderr()).contains("JVM profile batch (the landing is not a local folder)");
    Launch trends = launch(Map.of(), "trends", "--output", tmp.resolve("w-trends").toString());
    assertThat(trends.quickJit()).as("java -XX options %s", trends.xx()).isFalse();
    assertThat(trends.stderr()).doesNotContain("JVM profile");
  }

  @Test
  void anExplicitProfileWinsAndABadOneIsAUsageError() throws Exception {
    Path in = landing("explicit");
    file(in, "big.csv", 200 * MB);
    String out = tmp.resolve("w-explicit").toString();
    assertThat(
            launch(
                    Map.of("FENTRACE_JVM_PROFILE", "short"),
                    "ingest",
                    "--input",
                    in.toString(),
                    "--output",
                    out)
                .quickJit())
        .as("short over a big landing")
        .isTrue();
    Path small = landing("explicit-small");
    file(small, "day.csv", MB);
    Launch batch =
        launch(
            Map.of("FENTRACE_JVM_PROFILE", "batch"),
            "ingest",
            "--input",
            small.toString(),
            "--output",
            out);
    assertThat(batch.quickJit())
        .as("batch over a small landing; java -XX options %s", batch.xx())
        .isFalse();
    assertThat(batch.stderr()).doesNotContain("JVM profile");
    Launch bad =
        launch(
            Map.of("FENTRACE_JVM_PROFILE", "fast"),
            "ingest",
            "--input",
            small.toString(),
            "--output",
            out);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.javaArgs()).as("no JVM started").isEmpty();
    assertThat(bad.stderr())
        .contains("FENTRACE_JVM_PROFILE must be 'auto', 'batch' or 'short', got 'fast'");
    Launch badMax =
        launch(
            Map.of("FENTRACE_SHORT_MAX_MB", "64MB"),
            "ingest",
            "--input",
            small.toString(),
            "--output",
            out);
    assertThat(badMax.exit()).isEqualTo(2);
    assertThat(badMax.stderr())
        .contains("FENTRACE_SHORT_MAX_MB must be a whole number of MB, got '64MB'");
  }
}
