package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The DAG's task, run for real by python3 against stand-ins for the Airflow 3 modules it imports
 * (src/test/resources/airflow-standins: apache-airflow cannot be installed where fentrace is built,
 * so the stand-ins mirror the Airflow 3.3 signatures and rules the DAG relies on; their README says
 * which). The task starts a stub launcher, written into the test's own folder, that records its
 * command line and environment and exits with a chosen code. Registered on a test class, it skips
 * every test when python3 is missing.
 */
final class AirflowTask implements BeforeEachCallback, AfterEachCallback {
  static final Path DAG = Path.of("jobs/airflow/fentrace_nightly.py");
  static final Path STANDINS = Path.of("src/test/resources/airflow-standins");
  static final ObjectMapper JSON = new ObjectMapper();

  private static Boolean python3;
  private Path tmp;

  /** Skips the test when python3 (3.9 or later) is missing; else gives it a fresh folder. */
  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    synchronized (AirflowTask.class) {
      if (python3 == null) {
        python3 =
            CronExampleIT.works("python3", "-c", "import sys; sys.exit(sys.version_info < (3, 9))");
      }
    }
    assumeTrue(python3, "python3 (3.9 or later) is not available");
    tmp = Files.createTempDirectory("fentrace-airflow-");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (tmp != null) {
      try (Stream<Path> paths = Files.walk(tmp)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The test's own folder: the stub launcher and what it records. */
  Path tmp() {
    return tmp;
  }

  /** Runs the task with a stub launcher (recording into tmp) that exits with {@code exit}. */
  JsonNode run(Map<String, String> variables, String request, int exit) throws Exception {
    Path launcher = tmp.resolve("launcher");
    Files.writeString(
        launcher,
        """
        #!/usr/bin/env bash
        # Stand-in launcher: records how it was started, then exits with STUB_EXIT.
        here="$(dirname "$0")"
        printf '%s\\n' "$@" > "$here/args"
        { echo "FENTRACE_JVM_PROFILE=${FENTRACE_JVM_PROFILE-}"; echo "SPARK_HOME=${SPARK_HOME-}"; } > "$here/env"
        echo "stub launcher: exit $STUB_EXIT"
        exit "$STUB_EXIT"
        """);
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
    Files.deleteIfExists(tmp.resolve("args"));
    Map<String, String> vars = new HashMap<>(variables);
    vars.put("fentrace_launcher", launcher.toString());
    vars.put("STUB_EXIT", Integer.toString(exit));
    return airflow(vars, request);
  }

  List<String> launcherArgs() throws IOException {
    assertThat(tmp.resolve("args")).as("the launcher was started").exists();
    return Files.readAllLines(tmp.resolve("args"));
  }

  Map<String, String> launcherEnv() throws IOException {
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(tmp.resolve("env"))) {
      env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    return env;
  }

  /**
   * python3 standin_runner.py DAG REQUEST with the given Airflow Variables (as AIRFLOW_VAR_*
   * environment variables, names upper-cased; other entries, such as STUB_EXIT, are passed as they
   * are).
   */
  JsonNode airflow(Map<String, String> variables, String request) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            "python3", STANDINS.resolve("standin_runner.py").toString(), DAG.toString(), request);
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("AIRFLOW_VAR_")
                    || k.equals("SPARK_HOME")
                    || k.startsWith("FENTRACE_"));
    env.put("PYTHONPATH", STANDINS.toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    variables.forEach(
        (k, v) -> env.put(k.startsWith("fentrace_") ? "AIRFLOW_VAR_" + k.toUpperCase() : k, v));
    Path stderr = Files.createTempFile(tmp, "task-log", ".txt");
    pb.redirectError(stderr.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    assertThat(p.exitValue())
        .as("python3 running %s against the stand-ins:\n%s", DAG, Files.readString(stderr))
        .isZero();
    return JSON.readTree(out);
  }

  static CronExampleIT.Entry cronEntry() throws IOException {
    List<CronExampleIT.Entry> entries = CronExampleIT.entries();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  /**
   * The cron entry's run date (d=$(date -u -d yesterday +\%F)) as GNU date computes it at {@code
   * moment}.
   */
  static String cronNight(String moment) throws Exception {
    Matcher m = Pattern.compile("d=\\$\\((date [^)]*)\\)").matcher(cronEntry().command());
    assertThat(m.find()).as("the cron entry computes its run date with d=$(date ...)").isTrue();
    List<String> words = ShellWords.split(m.group(1).replace("\\%", "%"));
    int d = words.indexOf("-d");
    assertThat(d).as("date -d WHEN in %s", words).isPositive();
    words.set(d + 1, moment + " " + words.get(d + 1));
    Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as("%s: %s", words, out)
        .isTrue();
    return out;
  }

  static List<String> optionNames(List<String> args) {
    return args.stream().filter(a -> a.startsWith("--")).sorted().toList();
  }
}
