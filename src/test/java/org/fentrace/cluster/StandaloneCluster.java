package org.fentrace.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on 127.0.0.1: one Master and one Worker, each its own JVM started
 * from the project's runtime jars (no Spark distribution), on free ports, with a SPARK_HOME whose
 * jars/ links those jars (without one the Worker's executors fail with "Cannot find any build
 * directories"). Closing it kills both process trees.
 */
final class StandaloneCluster implements AutoCloseable {
  static final Duration STARTUP = Duration.ofSeconds(120);

  /**
   * JVM flags for the test's short-lived JVMs on small data: the C1 compiler only and the serial
   * collector halve the CPU a sample-data run costs (measured: 50 s to 25 s of CPU), which is what
   * a 2-core CI machine runs out of. Results do not depend on them.
   */
  static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private final Path dir;
  private String masterUrl;
  private final List<ChildProcess> processes = new ArrayList<>();

  private StandaloneCluster(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts the Master, then the Worker (2 cores, 2 GiB), and waits until the Worker is registered.
   */
  static StandaloneCluster start(Path dir) throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      cluster.startDaemons();
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  private void startDaemons() throws IOException, InterruptedException {
    Path sparkHome = LocalInstall.sparkHome(dir.resolve("spark-home"));
    Map<String, String> env = LocalInstall.baseEnvironment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString());
    String classpath =
        String.join(
            File.pathSeparator, LocalInstall.runtimeJars().stream().map(Path::toString).toList());

    ChildProcess master =
        ChildProcess.start(
            "spark-master",
            daemon(
                classpath,
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(freePort()),
                "--webui-port",
                Integer.toString(freePort())),
            env,
            dir,
            dir.resolve("logs/master.log"));
    processes.add(master);
    master.awaitLogLine("I have been elected leader", STARTUP);
    // The port it really bound (Spark moves to the next one if another process took ours
    // meanwhile).
    Matcher url =
        Pattern.compile("Starting Spark master at (spark://\\S+)")
            .matcher(Files.readString(master.log(), StandardCharsets.ISO_8859_1));
    if (!url.find()) {
      throw new AssertionError(
          "no 'Starting Spark master at' line in the Master's log\n" + master.tail(40));
    }
    masterUrl = url.group(1);

    Path work = Files.createDirectories(dir.resolve("work"));
    ChildProcess worker =
        ChildProcess.start(
            "spark-worker",
            daemon(
                classpath,
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(freePort()),
                "--webui-port",
                Integer.toString(freePort()),
                "--cores",
                "2",
                "--memory",
                "2g",
                "--work-dir",
                work.toString(),
                masterUrl()),
            env,
            dir,
            dir.resolve("logs/worker.log"));
    processes.add(worker);
    try {
      worker.awaitLogLine("Successfully registered with master", STARTUP);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + master.tail(40), e);
    }
  }

  private static List<String> daemon(String classpath, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.addAll(Arrays.asList(SHORT_LIVED_JVM.split(" ")));
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    // The REST submission server would take the fixed port 6066; nothing here uses it.
    cmd.add("-Dspark.master.rest.enabled=false");
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  String masterUrl() {
    return masterUrl;
  }

  /** Application folders the Worker created: proof that executors really ran there. */
  List<Path> applicationDirs() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("work"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("app-")).toList();
    }
  }

  /** The daemons' logs and every executor's stderr, for failure messages. */
  String logs() {
    StringBuilder b = new StringBuilder();
    processes.forEach(p -> b.append(p.tail(40)));
    try (Stream<Path> s = Files.walk(dir.resolve("work"))) {
      s.filter(p -> p.getFileName().toString().equals("stderr"))
          .forEach(p -> b.append(ChildProcess.tail("executor", p, 40)));
    } catch (IOException e) {
      b.append("(no executor logs: ").append(e).append(")\n");
    }
    return b.toString();
  }

  /**
   * Kills the Worker (and its executors), then the Master; removes the jar links (JUnit warns about
   * them).
   */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    try (Stream<Path> links = Files.list(dir.resolve("spark-home/jars"))) {
      for (Path link : links.toList()) {
        Files.deleteIfExists(link);
      }
    } catch (IOException e) {
      // nothing was created, or JUnit's temp-dir cleanup will remove it
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
