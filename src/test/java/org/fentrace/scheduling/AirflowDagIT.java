package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jobs/airflow/fentrace_nightly.py under python3, loaded against stand-ins for the Airflow 3
 * modules it imports (src/test/resources/airflow-standins: apache-airflow cannot be installed where
 * fentrace is built, so the stand-ins mirror the Airflow 3.3 signatures and rules the DAG relies
 * on; their README says which). The DAG's task runs for real: it starts a stub launcher that
 * records its command line and environment and exits with a chosen code, so these tests check the
 * night a run processes, the exact command, the Variables' defaults and the exit code to retry/fail
 * mapping. Skipped when python3 is missing.
 */
class AirflowDagIT {
  static final Path DAG = Path.of("jobs/airflow/fentrace_nightly.py");
  static final Path STANDINS = Path.of("src/test/resources/airflow-standins");
  static final Path CRON = Path.of("jobs/cron/fentrace.cron");
  static final Path OPERATIONS = Path.of("docs/operations.md");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @BeforeAll
  static void python3IsThere() {
    assumeTrue(
        CronExampleIT.works("python3", "-c", "import sys; sys.exit(sys.version_info < (3, 9))"),
        "python3 (3.9 or later) is not available");
  }

  @Test
  void theDagImportsWithADailyTriggerAtTheCronExamplesMinuteAndADayLongDataInterval()
      throws Exception {
    JsonNode d = airflow(Map.of(), "{\"action\": \"describe\"}");
    assertThat(d.get("dag_id").asText()).isEqualTo("fentrace_nightly");
    assertThat(d.get("tasks").toString()).isEqualTo("[\"fentrace_run\"]");
    JsonNode tt = d.get("timetable");
    assertThat(tt.get("class").asText()).isEqualTo("CronTriggerTimetable");
    assertThat(tt.get("cron").asText())
        .as("the cron example's schedule")
        .isEqualTo(cronEntry().schedule());
    assertThat(tt.get("timezone").asText()).isEqualTo("UTC");
    assertThat(tt.get("interval_seconds").asDouble()).as("one day").isEqualTo(86_400.0);
    assertThat(d.get("catchup").asBoolean()).isFalse();
    assertThat(d.get("max_active_runs").asInt())
        .as("fentrace locks the warehouse: one run at a time")
        .isEqualTo(1);
    assertThat(d.get("params").get("night").isNull())
        .as("no night parameter unless the run says so")
        .isTrue();
    // The cron example tries three times ("for attempt in 1 2 3"), 20 minutes apart ("sleep 1200").
    String command = cronEntry().command();
    assertThat(command).contains("for attempt in 1 2 3").contains("sleep 1200");
    assertThat(d.get("retries").asInt()).isEqualTo(2);
    assertThat(d.get("retry_delay_seconds").asDouble()).isEqualTo(1200.0);
    assertThat(d.get("default_args").toString())
        .as(
            "failure mail goes through the callback, to the Variable's "
                + "recipients; no email_on_failure without a recipient")
        .doesNotContain("email")
        .contains("on_failure_callback");
  }

  @Test
  void itImportsOnlyAirflow3Modules() throws IOException {
    String src = Files.readString(DAG);
    List<String> imports = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*(?:from|import) (airflow[\\w.]*)").matcher(src);
    while (m.find()) {
      imports.add(m.group(1));
    }
    // Airflow 2's paths (from airflow import DAG, airflow.operators, airflow.models,
    // airflow.decorators) are
    // gone; airflow.exceptions and airflow.timetables.trigger are the fallbacks where Airflow 3.0
    // has them.
    assertThat(imports)
        .contains("airflow.sdk")
        .allMatch(
            i ->
                i.startsWith("airflow.sdk")
                    || i.startsWith("airflow.providers.")
                    || i.equals("airflow.exceptions")
                    || i.equals("airflow.timetables.trigger"),
            "airflow.sdk, a provider, or an Airflow 3.0 fallback");
    assertThat(src)
        .as("the night comes from the data interval, not from ds")
        .doesNotContain("{{ ds }}");
  }

  @Test
  void aScheduledRunProcessesTheFirstDayOfItsDataInterval() throws Exception {
    JsonNode r =
        runTask(
            Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}", 0);
    // The run that fires at 2026-03-05 02:30 UTC covers the day before it, and that day is the
    // night.
    assertThat(r.get("data_interval").toString())
        .isEqualTo("[\"2026-03-04T02:30:00+00:00\",\"2026-03-05T02:30:00+00:00\"]");
    assertThat(r.get("state").asText()).isEqualTo("success");
    assertThat(CliArguments.valueOf(launcherArgs(), "--run-date")).isEqualTo("2026-03-04");
    assertThat(r.get("returned").asText())
        .as("the night, for downstream tasks")
        .isEqualTo("2026-03-04");
  }

  @ParameterizedTest(name = "fired at {0}")
  @ValueSource(
      strings = {
        "2026-03-05T02:30:00+00:00",
        "2026-03-01T02:30:00+00:00",
        "2027-01-01T02:30:00+00:00",
        "2028-03-01T02:30:00+00:00"
      })
  void theNightIsTheOneTheCronExampleComputesAtTheSameMinute(String firedAt) throws Exception {
    assumeTrue(
        CronExampleIT.works("date", "-u", "-d", "yesterday", "+%F"), "GNU date is not available");
    runTask(Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"" + firedAt + "\"}", 0);
    // Independent source: the cron entry's own date expression, evaluated by GNU date as of that
    // minute.
    assertThat(CliArguments.valueOf(launcherArgs(), "--run-date")).isEqualTo(cronNight(firedAt));
  }

  @Test
  void theCommandLineIsTheCronExamplesWithTheVariablesValues() throws Exception {
    Map<String, String> vars =
        Map.of(
            "fentrace_landing", "/data/fentrace/landing",
            "fentrace_warehouse", "/data/fentrace/warehouse",
            "fentrace_config", "/etc/fentrace/fentrace.properties",
            "fentrace_master", "spark://127.0.0.1:7077",
            "fentrace_jvm_profile", "batch",
            "fentrace_spark_home", "/opt/spark-4.2.0");
    runTask(
        vars,
        "{\"action\": \"run\", \"data_interval\": [\"2026-03-04T02:30:00+00:00\", \"2026-03-05T02:30:00+00:00\"]}",
        0);
    List<String> args = launcherArgs();
    assertThat(args)
        .containsExactly(
            "run",
            "--input",
            "/data/fentrace/landing",
            "--output",
            "/data/fentrace/warehouse",
            "--run-date",
            "2026-03-04",
            "--config",
            "/etc/fentrace/fentrace.properties",
            "--master",
            "spark://127.0.0.1:7077");
    CliArguments.assertValid(DAG + " launcher arguments", args);
    assertThat(optionNames(args))
        .as("the same options as the cron example")
        .isEqualTo(optionNames(CronExampleIT.entries().get(0).fentraceArgs()));
    assertThat(launcherEnv())
        .containsEntry("FENTRACE_JVM_PROFILE", "batch")
        .containsEntry("SPARK_HOME", "/opt/spark-4.2.0");
  }

  @Test
  void withoutVariablesTheDocumentedDefaultsApply() throws Exception {
    runTask(Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}", 0);
    assertThat(launcherArgs())
        .containsExactly(
            "run",
            "--input",
            "hdfs:///data/fentrace/landing",
            "--output",
            "hdfs:///data/fentrace/warehouse",
            "--run-date",
            "2026-03-04",
            "--config",
            "/opt/fentrace/conf/fentrace.properties");
    assertThat(launcherEnv())
        .as("no SPARK_HOME unless the worker or the Variable has one")
        .containsEntry("FENTRACE_JVM_PROFILE", "short")
        .containsEntry("SPARK_HOME", "");
    String docs = Files.readString(OPERATIONS);
    for (String documented :
        List.of(
            "`fentrace_launcher` | `/opt/fentrace/bin/fentrace`",
            "`fentrace_landing` | `hdfs:///data/fentrace/landing`",
            "`fentrace_warehouse` | `hdfs:///data/fentrace/warehouse`",
            "`fentrace_config` | `/opt/fentrace/conf/fentrace.properties`",
            "`fentrace_jvm_profile` | `short`",
            "`fentrace_smtp_conn_id` | `smtp_default`",
            "`fentrace_master` |",
            "`fentrace_spark_home` |",
            "`fentrace_alert_emails` |")) {
      assertThat(docs)
          .as("docs/operations.md documents the Variable and its default")
          .contains("| " + documented);
    }
  }

  @ParameterizedTest(name = "exit {0} on try {1}: {2}")
  @CsvSource({
    "0, 1, success, ''",
    "1, 1, up_for_retry, 'exit 1, the run failed'",
    "1, 3, failed, 'exit 1, the run failed'",
    "2, 1, failed, 'exit 2, usage or configuration error'",
    "3, 1, failed, DATA-QUALITY GATE FAILED",
    "137, 1, up_for_retry, unexpected exit 137"
  })
  void exitCodesMapToRetryOrFail(int exit, int tryNumber, String state, String message)
      throws Exception {
    JsonNode r =
        runTask(
            Map.of("fentrace_alert_emails", "data-oncall@example.org"),
            "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\", \"try_number\": "
                + tryNumber
                + "}",
            exit);
    assertThat(r.get("state").asText()).as("%s", r).isEqualTo(state);
    if (exit == 2 || exit == 3) {
      assertThat(r.get("error_type").asText()).as("no retry").isEqualTo("AirflowFailException");
    }
    if (exit != 0) {
      assertThat(r.get("error").asText()).contains(message).contains("--run-date 2026-03-04");
    }
    // Mail only when the task has failed for good, not on a success or a retry.
    assertThat(r.get("mails")).hasSize(state.equals("failed") ? 1 : 0);
  }

  @Test
  void theCodesTheDagRefusesToRetryMeanWhatTheCliSays() {
    Map<Integer, String> cli = new HashMap<>();
    for (String entry :
        org.fentrace.cli.Main.class
            .getAnnotation(picocli.CommandLine.Command.class)
            .exitCodeList()) {
      cli.put(
          Integer.parseInt(entry.substring(0, entry.indexOf(':')).strip()),
          entry.substring(entry.indexOf(':') + 1));
    }
    assertThat(cli.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(cli.get(1)).contains("failed");
    assertThat(cli.get(2)).contains("configuration error");
    assertThat(cli.get(3)).contains("data-quality gate");
  }

  @Test
  void aLauncherThatCannotStartIsAConfigurationErrorAndIsNotRetried() throws Exception {
    JsonNode r =
        airflow(
            Map.of("fentrace_launcher", tmp.resolve("no-such-launcher").toString()),
            "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}");
    assertThat(r.get("state").asText()).isEqualTo("failed");
    assertThat(r.get("error_type").asText()).isEqualTo("AirflowFailException");
    assertThat(r.get("error").asText())
        .contains("cannot start the launcher")
        .contains("fentrace_launcher");
  }

  @Test
  void failureMailGoesToTheVariablesRecipientsThroughItsSmtpConnection() throws Exception {
    JsonNode none =
        runTask(
            Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}", 2);
    assertThat(none.get("state").asText()).isEqualTo("failed");
    assertThat(none.get("mails")).as("no recipient set: no mail").isEmpty();

    JsonNode some =
        runTask(
            Map.of(
                "fentrace_alert_emails",
                " data-oncall@example.org, etl@example.org ",
                "fentrace_smtp_conn_id",
                "smtp_fentrace"),
            "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}",
            3);
    JsonNode mail = some.get("mails").get(0);
    assertThat(mail.get("to").toString())
        .isEqualTo("[\"data-oncall@example.org\",\"etl@example.org\"]");
    assertThat(mail.get("smtp_conn_id").asText()).isEqualTo("smtp_fentrace");
    assertThat(mail.get("subject").asText()).contains("fentrace_nightly.fentrace_run failed");
  }

  @Test
  void manualRunsAndTheNightParameter() throws Exception {
    // Triggered by hand without a logical date (Airflow 3 then gives no data interval): the day
    // before.
    runTask(
        Map.of(), "{\"action\": \"run\", \"manual_run_after\": \"2026-03-05T10:15:00+00:00\"}", 0);
    assertThat(CliArguments.valueOf(launcherArgs(), "--run-date")).isEqualTo("2026-03-04");
    // With logical date 2026-03-05T00:00: the manual data interval is the day before it,
    // 2026-03-04.
    JsonNode r =
        runTask(
            Map.of(),
            "{\"action\": \"run\", \"manual_run_after\": \"2026-03-05T10:15:00+00:00\", "
                + "\"logical_date\": \"2026-03-05T00:00:00+00:00\"}",
            0);
    assertThat(r.get("data_interval").get(0).asText()).isEqualTo("2026-03-04T00:00:00+00:00");
    assertThat(CliArguments.valueOf(launcherArgs(), "--run-date")).isEqualTo("2026-03-04");
    // The night parameter wins over the data interval.
    runTask(
        Map.of(),
        "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\", "
            + "\"conf\": {\"night\": \"2026-02-14\"}}",
        0);
    assertThat(CliArguments.valueOf(launcherArgs(), "--run-date")).isEqualTo("2026-02-14");
    JsonNode bad =
        airflow(
            Map.of(),
            "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\", "
                + "\"conf\": {\"night\": \"14/02/2026\"}}");
    assertThat(bad.get("state").asText()).isEqualTo("failed");
    assertThat(bad.get("error").asText()).contains("14/02/2026").contains("YYYY-MM-DD");
  }

  // ---------------------------------------------------------------------------------------------------

  /** Runs the task with a stub launcher (recording into tmp) that exits with {@code exit}. */
  private JsonNode runTask(Map<String, String> variables, String request, int exit)
      throws Exception {
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

  private List<String> launcherArgs() throws IOException {
    assertThat(tmp.resolve("args")).as("the launcher was started").exists();
    return Files.readAllLines(tmp.resolve("args"));
  }

  private Map<String, String> launcherEnv() throws IOException {
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
  private JsonNode airflow(Map<String, String> variables, String request) throws Exception {
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

  private static CronExampleIT.Entry cronEntry() throws IOException {
    List<CronExampleIT.Entry> entries = CronExampleIT.entries();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  /**
   * The cron entry's run date (d=$(date -u -d yesterday +\%F)) as GNU date computes it at {@code
   * moment}.
   */
  private static String cronNight(String moment) throws Exception {
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

  private static List<String> optionNames(List<String> args) {
    return args.stream().filter(a -> a.startsWith("--")).sorted().toList();
  }
}
