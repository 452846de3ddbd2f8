package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What jobs/airflow/fentrace_nightly.py does when the run fails, under python3 against the Airflow
 * 3 stand-ins ({@link AirflowTask}): each exit code of the launcher to a retry or a final failure
 * (the codes it never retries mean what the CLI says), a launcher that cannot start, and the
 * failure mail. Skipped when python3 is missing.
 */
class AirflowDagFailureIT {
  @RegisterExtension final AirflowTask task = new AirflowTask();

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
        task.run(
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
        task.airflow(
            Map.of("fentrace_launcher", task.tmp().resolve("no-such-launcher").toString()),
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
        task.run(
            Map.of(), "{\"action\": \"run\", \"scheduled_at\": \"2026-03-05T02:30:00+00:00\"}", 2);
    assertThat(none.get("state").asText()).isEqualTo("failed");
    assertThat(none.get("mails")).as("no recipient set: no mail").isEmpty();

    JsonNode some =
        task.run(
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
}
