package org.fentrace.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/test, the README's test command, run with a PATH that holds only stubs (plus the bash and
 * dirname it runs on): {@code java} prints a chosen version, {@code id -u} a chosen user id, {@code
 * apt-get} and {@code mvn} write their arguments to a log, and {@code apt-get install} puts a stub
 * {@code chromium} on the PATH as the real package would. So the script's decisions (install,
 * refuse, or run Maven) are seen without root, a network or a real build.
 */
class TestCommandTest {
  static final Path SCRIPT = Path.of("jobs/test").toAbsolutePath();

  @TempDir Path tmp;
  Path bin;
  Path calls;

  record Result(int exit, String stderr, List<String> calls) {}

  @BeforeEach
  void stubs() throws IOException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    calls = tmp.resolve("calls.log");
    Files.createFile(calls);
    for (String real : List.of("bash", "dirname")) {
      Files.createSymbolicLink(bin.resolve(real), onHostPath(real));
    }
    stub(
        "mvn", "printf 'mvn %s FENTRACE_CHROMIUM=%s\\n' \"$*\" \"$FENTRACE_CHROMIUM\" >> " + calls);
    stub(
        "apt-get",
        "printf 'apt-get %s DEBIAN_FRONTEND=%s\\n' \"$*\" \"$DEBIAN_FRONTEND\" >> "
            + calls
            + "\n"
            + "case \"$1\" in install) printf '#!/bin/sh\\n' > "
            + bin.resolve("chromium")
            + " && "
            + onHostPath("chmod")
            + " +x "
            + bin.resolve("chromium")
            + ";; esac");
    stub("python3", "exit 0");
    java(17);
    user(1000);
  }

  /** The executable named {@code name} on this JVM's PATH (the real one the stubs stand beside). */
  static Path onHostPath(String name) {
    for (String dir :
        System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(name + " is not on the PATH");
  }

  void stub(String name, String body) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    assertThat(p.toFile().setExecutable(true)).isTrue();
  }

  /** {@code java -version} as OpenJDK prints it, on stderr. */
  void java(int major) throws IOException {
    stub("java", "echo 'openjdk version \"" + major + ".0.2\" 2024-01-16' >&2");
  }

  void user(int uid) throws IOException {
    stub("id", "[ \"$1\" = -u ] && echo " + uid);
  }

  Result run(String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString());
    pb.command().addAll(List.of(args));
    pb.environment()
        .clear(); // no JAVA_HOME, no FENTRACE_CHROMIUM from the machine running the tests
    pb.environment().put("PATH", bin.toString());
    Path err = tmp.resolve("stderr.txt");
    Process p =
        pb.redirectErrorStream(false)
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jobs/test finished").isTrue();
    return new Result(p.exitValue(), Files.readString(err), Files.readAllLines(calls));
  }

  @Test
  void withEverythingPresentItRunsUnitAndIntegrationTestsPassingArgumentsOn() throws Exception {
    stub("chromium", "exit 0");
    Result r = run("-o", "-Dit.test=FooIT");
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.calls())
        .containsExactly(
            "mvn -B verify -o -Dit.test=FooIT FENTRACE_CHROMIUM=" + bin.resolve("chromium"));
  }

  @Test
  void missingChromiumAsNonRootSaysWhatToInstallAndExits2() throws Exception {
    Result r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("(sudo apt-get install chromium)");
    assertThat(r.calls()).as("neither apt-get nor Maven runs").isEmpty();
  }

  @Test
  void missingChromiumAsRootWithoutAptGetSaysWhatToInstallAndExits2() throws Exception {
    user(0);
    Files.delete(bin.resolve("apt-get"));
    Result r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("(sudo apt-get install chromium)");
    assertThat(r.calls()).isEmpty();
  }

  @Test
  void missingChromiumAndPython3AsRootAreInstalledWithAptGetThenMavenRuns() throws Exception {
    user(0);
    Files.delete(bin.resolve("python3"));
    Result r = run();
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.calls())
        .containsExactly(
            "apt-get update -qq DEBIAN_FRONTEND=noninteractive",
            "apt-get install -y -qq chromium python3-minimal DEBIAN_FRONTEND=noninteractive",
            "mvn -B verify FENTRACE_CHROMIUM=" + bin.resolve("chromium"));
  }

  @Test
  void missingPython3AsNonRootNamesItsPackage() throws Exception {
    stub("chromium", "exit 0");
    Files.delete(bin.resolve("python3"));
    Result r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr())
        .contains("(sudo apt-get install python3-minimal)")
        .doesNotContain("chromium");
  }

  @Test
  void java11IsRefusedWithExit2BeforeAnythingRuns() throws Exception {
    java(11);
    user(0);
    Result r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("Java 17 or newer is needed, java is Java 11");
    assertThat(r.calls()).as("no install, no Maven").isEmpty();
  }

  @Test
  void missingJavaIsRefusedWithExit2() throws Exception {
    Files.delete(bin.resolve("java"));
    Result r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("Java 17 or newer is needed, java is Java none");
    assertThat(r.calls()).isEmpty();
  }

  @Test
  void missingMavenIsRefusedWithExit2() throws Exception {
    Files.delete(bin.resolve("mvn"));
    Result r = run();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("Maven 3.8 or newer is needed");
  }
}
