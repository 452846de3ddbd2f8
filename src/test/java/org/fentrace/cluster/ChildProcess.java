package org.fentrace.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the cluster tests start (Spark Master, Worker, a {@code jobs/fentrace} run): output to
 * a log file, waits with timeouts whose failure messages carry the log, and a kill of the whole
 * process tree.
 */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} with the environment changed by {@code env} (a null value removes a
   * variable).
   */
  static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    env.forEach(
        (k, v) -> {
          if (v == null) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    return new ChildProcess(name, pb.start(), log);
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /**
   * Waits until the log holds {@code needle}; fails with the log if the process ends first or time
   * runs out.
   */
  void awaitLogLine(String needle, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (Files.exists(log)
          && Files.readString(log, StandardCharsets.ISO_8859_1).contains(needle)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            name
                + " exited with code "
                + process.exitValue()
                + " before logging '"
                + needle
                + "'\n"
                + tail(60));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            name
                + " did not log '"
                + needle
                + "' within "
                + timeout.toSeconds()
                + " s\n"
                + tail(60));
      }
      Thread.sleep(200);
    }
  }

  /** Waits for the exit code; on timeout kills the process tree and fails with the log. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(
          name + " did not finish within " + timeout.toSeconds() + " s; killed\n" + tail(80));
    }
    return process.exitValue();
  }

  /** The last lines of the log, headed by the process name and log path. */
  String tail(int lines) {
    return tail(name, log, lines);
  }

  static String tail(String title, Path file, int lines) {
    StringBuilder b =
        new StringBuilder("----- " + title + " (" + file + "), last " + lines + " lines -----\n");
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(l -> b.append(l).append('\n'));
    } catch (IOException e) {
      b.append("(no log: ").append(e).append(")\n");
    }
    return b.toString();
  }

  /** Kills the process and everything it started (executors of a Worker), children first. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
      for (ProcessHandle p : tree) {
        p.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // best effort: a child that will not die is reported by the OS, not by this test
    }
  }
}
