package org.fentrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Usage and configuration errors exit 2 with a message, before any Spark work. */
class CommandLineTest {
  private String err;

  private int run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      return Main.execute(args);
    } finally {
      System.setErr(old);
      err = buf.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void missingOutputIsAUsageError() {
    assertThat(run("run", "--input", "sample-data")).isEqualTo(2);
    assertThat(err).contains("--output");
  }

  @Test
  void badRunDateIsAUsageError() {
    assertThat(run("ingest", "--input", "x", "--output", "y", "--run-date", "2024-13-01"))
        .isEqualTo(2);
    assertThat(err).contains("--run-date '2024-13-01'");
  }

  @Test
  void unknownConfigurationKeyIsNamed() {
    assertThat(run("run", "--input", "x", "--output", "y", "--conf", "fentrace.quantity.max-kg=5"))
        .isEqualTo(2);
    assertThat(err).contains("unknown configuration key 'fentrace.quantity.max-kg'");
  }

  @Test
  void badConfigurationValueIsNamed() {
    assertThat(
            run(
                "run",
                "--input",
                "x",
                "--output",
                "y",
                "--conf",
                "fentrace.quality.max-reject-rate=2"))
        .isEqualTo(2);
    assertThat(err).contains("fentrace.quality.max-reject-rate");
  }

  @Test
  void runsListsRecentRunsNewestFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path runs = java.nio.file.Files.createDirectories(tmp.resolve("_runs"));
    java.nio.file.Files.writeString(
        runs.resolve("r1.json"),
        "{\"run_id\":\"r1\",\"command\":\"run\",\"run_date\":\"2024-01-01\","
            + "\"started_at\":\"2024-01-01T02:00:00Z\",\"finished_at\":\"2024-01-01T02:01:30Z\",\"outcome\":\"SUCCEEDED\","
            + "\"exit_code\":0,\"totals\":{\"files\":3,\"rows_read\":1200,\"normalized\":1190,\"rejected\":10}}");
    java.nio.file.Files.writeString(
        runs.resolve("r2.json"),
        "{\"run_id\":\"r2\",\"command\":\"run\",\"run_date\":\"2024-01-02\","
            + "\"started_at\":\"2024-01-02T02:00:00Z\",\"finished_at\":\"2024-01-02T02:00:12Z\",\"outcome\":\"QUALITY_GATE_FAILED\","
            + "\"exit_code\":3,\"totals\":{\"files\":4,\"rows_read\":50,\"normalized\":40,\"rejected\":10}}");
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.execute("runs", "--warehouse", tmp.toString());
    } finally {
      System.setOut(old);
    }
    assertThat(exit).isZero();
    String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines[0]).startsWith("run_id");
    // Newest first; 02:00:00 to 02:01:30 is 1m30s, 02:00:00 to 02:00:12 is 12.0s.
    assertThat(lines[1])
        .startsWith("r2")
        .contains("QUALITY_GATE_FAILED")
        .contains("12.0s")
        .contains("   50 ");
    assertThat(lines[2])
        .startsWith("r1")
        .contains("SUCCEEDED")
        .contains("1m30s")
        .contains(" 1190 ");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd :
        new String[] {"run", "ingest", "trends", "report", "sql", "runs", "generate"}) {
      assertThat(run(cmd, "--help")).as(cmd).isZero();
    }
  }
}
