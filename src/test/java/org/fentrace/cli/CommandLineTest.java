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
    assertThat(run("ingest", "--input", "x", "--output", "y", "--run-date", "2024-13-01")).isEqualTo(2);
    assertThat(err).contains("--run-date '2024-13-01'");
  }

  @Test
  void unknownConfigurationKeyIsNamed() {
    assertThat(run("run", "--input", "x", "--output", "y", "--conf", "fentrace.quantity.max-kg=5")).isEqualTo(2);
    assertThat(err).contains("unknown configuration key 'fentrace.quantity.max-kg'");
  }

  @Test
  void badConfigurationValueIsNamed() {
    assertThat(run("run", "--input", "x", "--output", "y", "--conf", "fentrace.quality.max-reject-rate=2")).isEqualTo(2);
    assertThat(err).contains("fentrace.quality.max-reject-rate");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"run", "ingest", "trends", "sql", "generate"}) {
      assertThat(run(cmd, "--help")).as(cmd).isZero();
    }
  }
}
