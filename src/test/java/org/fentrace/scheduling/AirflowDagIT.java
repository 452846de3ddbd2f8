package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jobs/airflow/fentrace_nightly.py under python3, loaded against stand-ins for the Airflow 3
 * modules it imports ({@link AirflowTask}): its schedule, the night a run processes and the exact
 * command line and environment it starts the launcher with, from the Variables or their documented
 * defaults. {@link AirflowDagFailureIT} checks what it does when the run fails. Skipped when
 * python3 is missing.
 */
class AirflowDagIT {
  static final Path OPERATIONS = Path.of("docs/operations.md");

  @RegisterExtension final AirflowTask task = new AirflowTask();

  @Test
  void theDagImportsWithADailyTriggerAtTheCronExamplesMinuteAndADayLongDataInterval()
      throws Exception {
    JsonNode d = task.airflow(Map.of(), "{\"action\": \"describe\"}");
    assertThat(d.get("dag_id").asText()).isEqualTo("fentrace_nightly");
    assertThat(d.get("tasks").toString()).isEqualTo("[\"fentrace_run\"]");
    JsonNode tt = d.get("timetable");
    assertThat(tt.get("class").asText()).isEqualTo("CronTriggerTimetable");
    assertThat(tt.get("cron").asText())
        .as("the cron example's schedule")
        .isEqualTo(AirflowTask.cronEntry().schedule());
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
    String command = AirflowTask.cronEntry().command();
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
    String src = Files.readString(AirflowTask.DAG);
    List<String> imports = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*(?:from|import) (airflow[\\w.]*)").matcher(src);
    while (m.find()) {
      imports.add(m.group(1));
    }
    // Airflow 2's paths (from airflow import AirflowTask.DAG, airflow.operators, airflow.models,
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
        task.run(
            Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}", 0);
    // The run that fires at 2026-03-05 02:30 UTC covers the day before it, and that day is the
    // night.
    assertThat(r.get("data_interval").toString())
        .isEqualTo("[\"2026-03-04T02:30:00+00:00\",\"2026-03-05T02:30:00+00:00\"]");
    assertThat(r.get("state").asText()).isEqualTo("success");
    assertThat(CliArguments.valueOf(task.launcherArgs(), "--run-date")).isEqualTo("2026-03-04");
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
    task.run(Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"" + firedAt + "\"}", 0);
    // Independent source: the cron entry's own date expression, evaluated by GNU date as of that
    // minute.
    assertThat(CliArguments.valueOf(task.launcherArgs(), "--run-date"))
        .isEqualTo(AirflowTask.cronNight(firedAt));
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
    task.run(
        vars,
        "{\"action\": \"run\", \"data_interval\": [\"2026-03-04T02:30:00+00:00\", \"2026-03-05T02:30:00+00:00\"]}",
        0);
    List<String> args = task.launcherArgs();
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
    CliArguments.assertValid(AirflowTask.DAG + " launcher arguments", args);
    assertThat(AirflowTask.optionNames(args))
        .as("the same options as the cron example")
        .isEqualTo(AirflowTask.optionNames(CronExampleIT.entries().get(0).fentraceArgs()));
    assertThat(task.launcherEnv())
        .containsEntry("FENTRACE_JVM_PROFILE", "batch")
        .containsEntry("SPARK_HOME", "/opt/spark-4.2.0");
  }

  @Test
  void withoutVariablesTheDocumentedDefaultsApply() throws Exception {
    task.run(Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}", 0);
    assertThat(task.launcherArgs())
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
    assertThat(task.launcherEnv())
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

  @Test
  void manualRunsAndTheNightParameter() throws Exception {
    // Triggered by hand without a logical date (Airflow 3 then gives no data interval): the day
    // before.
    task.run(
        Map.of(), "{\"action\": \"run\", \"manual_run_after\": \"2026-03-05T10:15:00+00:00\"}", 0);
    assertThat(CliArguments.valueOf(task.launcherArgs(), "--run-date")).isEqualTo("2026-03-04");
    // With logical date 2026-03-05T00:00: the manual data interval is the day before it,
    // 2026-03-04.
    JsonNode r =
        task.run(
            Map.of(),
            "{\"action\": \"run\", \"manual_run_after\": \"2026-03-05T10:15:00+00:00\", "
                + "\"logical_date\": \"2026-03-05T00:00:00+00:00\"}",
            0);
    assertThat(r.get("data_interval").get(0).asText()).isEqualTo("2026-03-04T00:00:00+00:00");
    assertThat(CliArguments.valueOf(task.launcherArgs(), "--run-date")).isEqualTo("2026-03-04");
    // The night parameter wins over the data interval.
    task.run(
        Map.of(),
        "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\", "
            + "\"conf\": {\"night\": \"2026-02-14\"}}",
        0);
    assertThat(CliArguments.valueOf(task.launcherArgs(), "--run-date")).isEqualTo("2026-02-14");
    JsonNode bad =
        task.airflow(
            Map.of(),
            "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\", "
                + "\"conf\": {\"night\": \"14/02/2026\"}}");
    assertThat(bad.get("state").asText()).isEqualTo("failed");
    assertThat(bad.get("error").asText()).contains("14/02/2026").contains("YYYY-MM-DD");
  }
}
