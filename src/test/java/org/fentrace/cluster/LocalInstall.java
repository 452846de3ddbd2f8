package org.fentrace.cluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.fentrace.cli.Main;

/**
 * A private, frozen install of fentrace for the process-level tests: a copy of {@code jobs/} (the
 * real entry script), {@code target/fentrace.jar} built from the classes under test and {@code
 * target/embedded-classpath.txt} listing the runtime jars. {@code jobs/fentrace} finds no sources,
 * no pom.xml and nothing newer than the jar beside it, so it neither rebuilds nor re-resolves: the
 * runs use exactly the code this test JVM was compiled from, and a concurrent {@code mvn package}
 * in the working tree cannot swap the jar under them. The runtime jars are the test classpath's
 * jars less the test-scoped artifacts (Spark is {@code provided}, so it is there, as in {@code mvn
 * dependency:build-classpath -DincludeScope=compile}).
 */
final class LocalInstall {
  /**
   * File-name prefixes of the test-scoped jars (pom.xml test dependencies and what only they
   * bring).
   */
  private static final List<String> TEST_ONLY =
      List.of(
          "junit-",
          "opentest4j-",
          "apiguardian-",
          "assertj-",
          "byte-buddy",
          "duckdb_jdbc-",
          "hadoop-client-minicluster-",
          "parquet-avro-",
          "parquet-variant-",
          "surefire",
          "mockito");

  private LocalInstall() {}

  /** The project root: Surefire runs tests in ${basedir}. */
  static Path projectRoot() {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("jobs/fentrace"))) {
      throw new IllegalStateException(
          "tests must run in the project root (no jobs/fentrace in " + root + ")");
    }
    return root;
  }

  /** The runtime jars of the application, from this JVM's classpath. */
  static List<Path> runtimeJars() {
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      String file = p.getFileName() == null ? "" : p.getFileName().toString();
      if (file.endsWith(".jar")
          && Files.isRegularFile(p)
          && TEST_ONLY.stream().noneMatch(file::startsWith)) {
        jars.add(p.toAbsolutePath());
      }
    }
    if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("spark-core_"))) {
      throw new IllegalStateException(
          "no spark-core jar on the test classpath: " + System.getProperty("java.class.path"));
    }
    return jars;
  }

  /** Creates the install under {@code dir} and returns the path of its {@code jobs/fentrace}. */
  static Path create(Path dir) throws IOException {
    Path root = projectRoot();
    copyTree(root.resolve("jobs"), dir.resolve("jobs"));
    Path target = Files.createDirectories(dir.resolve("target"));
    writeAppJar(target.resolve("fentrace.jar"));
    List<String> cp = runtimeJars().stream().map(Path::toString).toList();
    Files.writeString(
        target.resolve("embedded-classpath.txt"), String.join(File.pathSeparator, cp));
    Path script = dir.resolve("jobs/fentrace");
    script.toFile().setExecutable(true);
    // jobs/fentrace rebuilds when anything it watches is newer than the jar: make sure nothing is.
    FileTime newest;
    try (Stream<Path> files = Files.walk(dir.resolve("jobs"))) {
      newest = files.map(LocalInstall::modified).max(FileTime::compareTo).orElseThrow();
    }
    if (modified(target.resolve("fentrace.jar")).compareTo(newest) <= 0) {
      Files.setLastModifiedTime(
          target.resolve("fentrace.jar"), FileTime.fromMillis(newest.toMillis() + 2000));
    }
    return script;
  }

  /**
   * A SPARK_HOME for a standalone Worker: its {@code jars/} folder links the runtime jars, which
   * the Worker puts on its executors' classpath (the application jar itself is shipped by
   * spark-submit).
   */
  static Path sparkHome(Path dir) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    Set<String> names = new HashSet<>();
    for (Path jar : runtimeJars()) {
      String name = jar.getFileName().toString();
      if (!names.add(name)) {
        name = names.size() + "-" + name;
        names.add(name);
      }
      Files.createSymbolicLink(jars.resolve(name), jar);
    }
    return dir;
  }

  /**
   * Environment for child JVMs: the test's own JDK first on the PATH, no inherited Spark install.
   */
  static Map<String, String> baseEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    String javaHome = System.getProperty("java.home");
    env.put("JAVA_HOME", javaHome);
    env.put(
        "PATH",
        javaHome
            + "/bin"
            + File.pathSeparator
            + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    for (String k : System.getenv().keySet()) {
      if ((k.startsWith("SPARK_") && !k.equals("SPARK_LOCAL_IP"))
          || k.equals("FENTRACE_PARTY_HASH_KEY")
          || k.equals("HADOOP_CONF_DIR")
          || k.equals("YARN_CONF_DIR")) {
        env.put(k, null);
      }
    }
    return env;
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The classes under test as the application jar (a directory in Maven's test phase, or a jar).
   */
  private static void writeAppJar(Path jar) throws IOException {
    Path classes;
    try {
      classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isRegularFile(classes)) {
      Files.copy(classes, jar, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.sorted().toList()) {
        String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
        if (name.isEmpty()) {
          continue;
        }
        j.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
        if (Files.isRegularFile(f)) {
          Files.copy(f, j);
        }
        j.closeEntry();
      }
    }
  }

  /**
   * Copies a folder, keeping every file's and folder's time: the launcher counts anything under
   * {@code jobs/} (a folder too) newer than the jar as a source change and would rebuild. Python's
   * byte-code caches are left behind, and files already at the destination are replaced.
   */
  static void copyTree(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> files = Files.walk(from)) {
      all = files.filter(f -> !f.toString().contains("__pycache__")).toList();
    }
    for (Path f : all) {
      Path dest = to.resolve(from.relativize(f).toString());
      if (Files.isDirectory(f)) {
        Files.createDirectories(dest);
      } else {
        Files.copy(
            f, dest, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    // Copying a file into a folder touches the folder: its time is set back once all are copied.
    for (Path f : all) {
      Files.setLastModifiedTime(
          to.resolve(from.relativize(f).toString()), Files.getLastModifiedTime(f));
    }
  }
}
