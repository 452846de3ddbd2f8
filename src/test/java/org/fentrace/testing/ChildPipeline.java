package org.fentrace.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A night ({@code fentrace run}) in a JVM of its own, on the test classpath, for the tests that
 * kill it: local[2], UI off, the test party key, output to a log file. The kill tests add only what
 * their file system needs ({@code extraArgs}, environment).
 */
public final class ChildPipeline {
  private ChildPipeline() {}

  public static Process start(
      String landing,
      String warehouse,
      LocalDate night,
      List<String> extraArgs,
      Map<String, String> environment,
      Path log)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(System.getProperty("fentrace.test.jvmFlags", "").split(" ")));
    cmd.removeIf(String::isBlank);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.fentrace.cli.Main",
            "run",
            "--input",
            landing,
            "--output",
            warehouse,
            "--run-date",
            night.toString(),
            "--master",
            "local[2]",
            "--conf",
            "fentrace.party-hash.key=" + Pipelines.TEST_PARTY_KEY,
            "--conf",
            "spark.ui.enabled=false"));
    cmd.addAll(extraArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(environment);
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    return p;
  }
}
