package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentrace.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * jobs/airflow/fentrace_nightly.py, the scheduling example, against the real CLI. The DAG's application
 * arguments are read from the file as text (no Airflow needed); when python3 is on the machine the DAG
 * module is also executed against stub Airflow modules, which checks it is valid Python, that Python
 * sees the same arguments, and that its operator maps fentrace's exit codes to the documented outcomes.
 */
class AirflowDagTest {
  static final Path DAG = Path.of("jobs/airflow/fentrace_nightly.py");

  @Test
  void applicationArgumentsAreARunWithRealOptionsAndATemplatedRunDate() throws IOException {
    List<String> args = applicationArgs(Files.readString(DAG));
    CliArguments.assertValid(DAG + " application_args", args);
    assertThat(args.get(0)).isEqualTo("run");
    assertThat(CliArguments.valueOf(args, "--run-date")).isEqualTo("{{ ds }}");
    assertThat(CliArguments.valueOf(args, "--input")).isNotBlank();
    assertThat(CliArguments.valueOf(args, "--output")).isNotBlank();
    assertThat(args).as("the master comes from the Spark connection, not from the arguments").doesNotContain("--master");
  }

  @Test
  void theMainClassIsTheCli() throws IOException {
    assertThat(constants(Files.readString(DAG))).containsEntry("MAIN_CLASS", Main.class.getName());
  }

  @Test
  void theExitCodeConstantsAreTheClisExitCodes() throws IOException {
    Map<Integer, String> cli = new TreeMap<>();
    for (String entry : Main.class.getAnnotation(Command.class).exitCodeList()) {
      cli.put(Integer.parseInt(entry.substring(0, entry.indexOf(':')).strip()), entry.substring(entry.indexOf(':') + 1));
    }
    Map<String, Integer> dag = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^(EXIT_\\w+)\\s*=\\s*(\\d+)").matcher(Files.readString(DAG));
    while (m.find()) {
      dag.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    assertThat(new java.util.TreeSet<>(dag.values())).isEqualTo(cli.keySet());
    assertThat(cli.get(dag.get("EXIT_RUN_FAILED"))).contains("failed");
    assertThat(cli.get(dag.get("EXIT_USAGE"))).contains("configuration error");
    assertThat(cli.get(dag.get("EXIT_QUALITY_GATE"))).contains("data-quality gate");
  }

  @Test
  void underPythonTheDagSeesTheSameArgumentsAndMapsExitCodes() throws Exception {
    JsonNode r = runHarness();
    List<String> pythonArgs = new ArrayList<>();
    r.get("application_args").forEach(n -> pythonArgs.add(n.asText()));
    assertThat(pythonArgs).isEqualTo(applicationArgs(Files.readString(DAG)));
    assertThat(r.get("java_class").asText()).isEqualTo(Main.class.getName());
    assertThat(r.get("retries").asInt()).as("retries").isPositive();
    assertThat(r.get("retry_delay_seconds").asDouble()).as("retry delay").isPositive();
    JsonNode o = r.get("outcomes");
    assertThat(o.get("0").asText()).isEqualTo("success");
    assertThat(o.get("1").asText()).as("exit 1 is retried").startsWith("retry");
    assertThat(o.get("2").asText()).as("exit 2 fails without retry").startsWith("fail").contains("exit 2");
    assertThat(o.get("3").asText()).as("exit 3 fails without retry, clearly").startsWith("fail")
        .contains("DATA-QUALITY GATE FAILED");
    assertThat(o.get("k8s-3").asText()).as("on Kubernetes the driver pod's exit code counts").startsWith("fail")
        .contains("DATA-QUALITY GATE FAILED");
  }

  /** application_args=[...] of the DAG: string literals and module-level string constants. */
  static List<String> applicationArgs(String src) {
    Matcher start = Pattern.compile("application_args\\s*=\\s*\\[").matcher(src);
    assertThat(start.find()).as("application_args=[ in %s", DAG).isTrue();
    Map<String, String> constants = constants(src);
    List<String> args = new ArrayList<>();
    int i = start.end();
    while (true) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
      } else if (c == '#') {
        i = src.indexOf('\n', i);
      } else if (c == ']') {
        return args;
      } else if (c == '"' || c == '\'') {
        int end = src.indexOf(c, i + 1);
        args.add(src.substring(i + 1, end));
        i = end + 1;
      } else {
        Matcher name = Pattern.compile("[A-Za-z_]\\w*").matcher(src).region(i, src.length());
        assertThat(name.lookingAt()).as("a literal or a name at %s", src.substring(i, Math.min(i + 40, src.length())))
            .isTrue();
        assertThat(src.charAt(name.end())).as("f-strings and calls are not supported in application_args")
            .isNotIn('"', '\'', '(');
        assertThat(constants).as("module-level string constant %s", name.group()).containsKey(name.group());
        args.add(constants.get(name.group()));
        i = name.end();
      }
    }
  }

  /** NAME = "literal" at module level. */
  static Map<String, String> constants(String src) {
    Map<String, String> m = new HashMap<>();
    Matcher c = Pattern.compile("(?m)^([A-Za-z_]\\w*)\\s*=\\s*(['\"])(.*?)\\2\\s*(#.*)?$").matcher(src);
    while (c.find()) {
      m.put(c.group(1), c.group(3));
    }
    return m;
  }

  /** Executes the DAG module with stub airflow and pendulum modules and reports what it built. */
  static final String HARNESS = """
      import importlib.util, json, sys, types
      class AirflowException(Exception): pass
      class AirflowFailException(AirflowException): pass
      class DAG:
          def __init__(self, **kw): self.kw = kw
          def __enter__(self): return self
          def __exit__(self, *a): return False
      class SparkSubmitOperator:
          failure = None
          instances = []
          def __init__(self, **kw):
              self.kw = kw
              SparkSubmitOperator.instances.append(self)
          def execute(self, context):
              if SparkSubmitOperator.failure:
                  raise AirflowException("Cannot execute: spark-submit ... " + SparkSubmitOperator.failure)
      def module(name, **attrs):
          m = types.ModuleType(name); m.__dict__.update(attrs); sys.modules[name] = m
      module("pendulum", datetime=lambda *a, **k: None)
      module("airflow", DAG=DAG)
      module("airflow.exceptions", AirflowException=AirflowException, AirflowFailException=AirflowFailException)
      for p in ["airflow.providers", "airflow.providers.apache", "airflow.providers.apache.spark",
                "airflow.providers.apache.spark.operators"]:
          module(p)
      module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=SparkSubmitOperator)
      spec = importlib.util.spec_from_file_location("fentrace_nightly", sys.argv[1])
      dag = importlib.util.module_from_spec(spec)
      spec.loader.exec_module(dag)
      [task] = SparkSubmitOperator.instances
      outcomes = {}
      failures = {"0": None, "1": "Error code is: 1.", "2": "Error code is: 2.", "3": "Error code is: 3.",
                  "k8s-3": "Error code is: 0. Kubernetes spark exit code is: 3"}
      for case, failure in failures.items():
          SparkSubmitOperator.failure = failure
          try:
              task.execute({"ds": "2026-11-28"})
              outcomes[case] = "success"
          except AirflowFailException as e:
              outcomes[case] = "fail: " + str(e)
          except AirflowException as e:
              outcomes[case] = "retry: " + str(e)
      default_args = dag.dag.kw["default_args"]
      print(json.dumps({"application_args": task.kw["application_args"], "java_class": task.kw["java_class"],
                        "retries": default_args["retries"],
                        "retry_delay_seconds": default_args["retry_delay"].total_seconds(),
                        "outcomes": outcomes}))
      """;

  private static JsonNode runHarness() throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", HARNESS, DAG.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not available: " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("python3 running %s with stub Airflow:\n%s", DAG, err).isZero();
    return new ObjectMapper().readTree(out);
  }
}
