package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jobs/cron/fentrace.cron, the scheduling example: its entry calls jobs/fentrace with options the
 * CLI really has, is valid bash, and maps fentrace's exit codes as its comments say (run in a
 * sandbox against a stub jobs/fentrace that exits with a chosen code).
 */
class CronExampleIT {
  static final Path CRON = Path.of("jobs/cron/fentrace.cron");

  /** One crontab entry in /etc/cron.d format: schedule, user, command. */
  record Entry(int line, String schedule, String user, String command) {
    List<String> fentraceArgs() {
      List<String> words = ShellWords.split(command);
      int at = -1;
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i).endsWith("jobs/fentrace")) {
          at = i;
          break;
        }
      }
      assertThat(at).as("line %d calls jobs/fentrace: %s", line, command).isNotNegative();
      List<String> args = new ArrayList<>();
      for (String w : words.subList(at + 1, words.size())) {
        if (ShellWords.isOperator(w)) {
          break;
        }
        args.add(w);
      }
      return args;
    }
  }

  static List<Entry> entries() throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(CRON, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#") || l.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        continue;
      }
      int fields = l.startsWith("@") ? 1 : 5;
      String[] parts = l.split("\\s+", fields + 2);
      assertThat(parts).as("line %d: schedule, user and command", i + 1).hasSize(fields + 2);
      entries.add(
          new Entry(
              i + 1,
              String.join(" ", java.util.Arrays.copyOf(parts, fields)),
              parts[fields],
              parts[fields + 1]));
    }
    return entries;
  }

  @Test
  void everyEntryHasAScheduleAUserAndCallsFentraceRunWithRealOptions() throws IOException {
    assertThat(entries()).isNotEmpty();
    for (Entry e : entries()) {
      assertThat(e.schedule())
          .as("line %d schedule", e.line())
          .matches("@\\w+|([0-9*/,-]+ ){4}[0-9*/,-]+");
      assertThat(e.user()).as("line %d user", e.line()).matches("[a-z_][a-z0-9_-]*");
      List<String> args = e.fentraceArgs();
      CliArguments.assertValid(CRON + " line " + e.line(), args);
      assertThat(args.get(0)).isEqualTo("run");
      assertThat(CliArguments.valueOf(args, "--input")).as("--input").isNotBlank();
      assertThat(CliArguments.valueOf(args, "--output")).as("--output").isNotBlank();
      assertThat(CliArguments.valueOf(args, "--run-date"))
          .as("--run-date is computed, not fixed")
          .contains("$");
      assertThat(e.command()).as("flock").contains("flock -n");
    }
  }

  @Test
  void theCommandIsValidBash() throws Exception {
    assumeTrue(works("bash", "-c", "true"), "bash is not available");
    for (Entry e : entries()) {
      Process p =
          new ProcessBuilder("bash", "-n", "-c", unescapePercent(e.command()))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("bash -n on line %d: %s", e.line(), out).isZero();
    }
  }

  @TempDir Path sandbox;

  @ParameterizedTest(name = "exit {0}: {1} call(s), mail ''{2}''")
  @CsvSource({
    "0, 1, ''",
    "1, 3, run FAILED 3 times",
    "2, 1, usage or configuration error",
    "3, 1, DATA-QUALITY GATE FAILED"
  })
  void exitCodesAreMappedAsDocumented(int exit, int calls, String mail) throws Exception {
    assumeTrue(
        works("flock", "--version") && works("date", "-u", "-d", "yesterday", "+%F"),
        "flock or GNU date is not available");
    Result r = runInSandbox(exit);
    assertThat(r.calls()).as("calls of jobs/fentrace; output: %s", r.mail()).hasSize(calls);
    if (mail.isEmpty()) {
      assertThat(r.mail()).as("a success mails nothing").isEmpty();
    } else {
      assertThat(r.mail()).contains(mail);
    }
    String runDate = CliArguments.valueOf(List.of(r.calls().get(0).split(" ")), "--run-date");
    assertThat(runDate).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(sandbox.resolve("log/nightly-" + runDate + ".log")).exists();
  }

  @Test
  void aRunThatStillHoldsTheLockMakesTheNextOneSkip() throws Exception {
    assumeTrue(
        works("flock", "--version") && works("date", "-u", "-d", "yesterday", "+%F"),
        "flock or GNU date is not available");
    Files.createDirectories(sandbox.resolve("lock"));
    Process holder =
        new ProcessBuilder(
                "flock", sandbox.resolve("lock/fentrace-nightly.lock").toString(), "sleep", "60")
            .start();
    try {
      for (int i = 0;
          i < 100
              && works(
                  "flock", "-n", sandbox.resolve("lock/fentrace-nightly.lock").toString(), "true");
          i++) {
        Thread.sleep(50);
      }
      Result r = runInSandbox(0);
      assertThat(r.calls()).isEmpty();
      assertThat(r.mail()).contains("skipped, the previous run still holds");
    } finally {
      holder.descendants().forEach(ProcessHandle::destroyForcibly);
      holder.destroyForcibly();
    }
  }

  record Result(List<String> calls, String mail) {}

  /** Runs the entry's command with its paths moved into the sandbox and a stub jobs/fentrace. */
  private Result runInSandbox(int exit) throws Exception {
    Entry e = entries().get(0);
    Path home = Files.createDirectories(sandbox.resolve("home/jobs"));
    Files.createDirectories(sandbox.resolve("log"));
    Files.createDirectories(sandbox.resolve("lock"));
    Path stub = home.resolve("fentrace");
    Files.writeString(
        stub, "#!/usr/bin/env bash\necho \"$*\" >> \"$STUB_CALLS\"\nexit \"$STUB_EXIT\"\n");
    stub.toFile().setExecutable(true);
    Path calls = sandbox.resolve("calls-" + exit + ".txt");
    String command =
        unescapePercent(e.command())
            .replace("/var/lock/", sandbox.resolve("lock") + "/")
            .replace("/var/log/fentrace/", sandbox.resolve("log") + "/")
            .replaceAll("sleep \\d+", "sleep 0");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
    pb.environment().put("FENTRACE_HOME", sandbox.resolve("home").toString());
    pb.environment().put("STUB_EXIT", Integer.toString(exit));
    pb.environment().put("STUB_CALLS", calls.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> called = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    return new Result(called, out);
  }

  /** cron turns an unescaped % into a newline and \% into %; the shell then sees %. */
  private static String unescapePercent(String command) {
    return command.replace("\\%", "%");
  }

  /**
   * True when the command runs and exits 0 within 10 seconds (used to skip when a tool is missing).
   */
  static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
