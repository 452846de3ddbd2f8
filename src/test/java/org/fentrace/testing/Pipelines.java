package org.fentrace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.fentrace.config.FentraceConfig;
import org.fentrace.run.PipelineRunner;

/** Runs the pipeline in tests on the shared session and reads back what it wrote. */
public final class Pipelines {
  /** A fixed test key: hashing must be reproducible across test runs. */
  public static final String TEST_PARTY_KEY = "fentrace-test-party-key-0123456789";

  private Pipelines() {}

  /** Result of a run: its exit code and its manifest. */
  public record Run(int exitCode, JsonNode manifest) {
    public JsonNode input(String relativePath) {
      for (JsonNode n : manifest.get("inputs")) {
        if (n.get("path").asText().equals(relativePath)) {
          return n;
        }
      }
      throw new AssertionError(
          "no input " + relativePath + " in manifest: " + manifest.get("inputs"));
    }
  }

  public static Run ingest(Path landing, Path warehouse, LocalDate runDate) throws IOException {
    return ingest(landing, warehouse, runDate, Map.of());
  }

  public static Run ingest(
      Path landing, Path warehouse, LocalDate runDate, Map<String, String> conf)
      throws IOException {
    return execute(
        "ingest", java.util.Set.of(PipelineRunner.Step.INGEST), landing, warehouse, runDate, conf);
  }

  /**
   * The steps {@link #run} takes: the nightly pipeline but the report, which has tests of its own.
   */
  public static final java.util.Set<PipelineRunner.Step> DATA_STEPS =
      java.util.EnumSet.of(PipelineRunner.Step.INGEST, PipelineRunner.Step.TRENDS);

  /** The nightly pipeline's data steps (ingest, trends), as {@code fentrace run} takes them. */
  public static Run run(Path landing, Path warehouse, LocalDate runDate) throws IOException {
    return execute("run", DATA_STEPS, landing, warehouse, runDate, Map.of());
  }

  /** The whole pipeline with configuration and --force-unlock. */
  public static Run run(
      Path landing,
      Path warehouse,
      LocalDate runDate,
      Map<String, String> conf,
      boolean forceUnlock)
      throws IOException {
    return execute("run", DATA_STEPS, landing, warehouse, runDate, conf, forceUnlock);
  }

  public static Run execute(
      String command,
      java.util.Set<PipelineRunner.Step> steps,
      Path landing,
      Path warehouse,
      LocalDate runDate,
      Map<String, String> conf)
      throws IOException {
    return execute(command, steps, landing, warehouse, runDate, conf, false);
  }

  public static Run execute(
      String command,
      java.util.Set<PipelineRunner.Step> steps,
      Path landing,
      Path warehouse,
      LocalDate runDate,
      Map<String, String> conf,
      boolean forceUnlock)
      throws IOException {
    return execute(command, steps, landing, warehouse.toString(), runDate, conf, forceUnlock);
  }

  /** The same with the warehouse as any Hadoop URI (hdfs://, s3a://, a local path). */
  public static Run execute(
      String command,
      java.util.Set<PipelineRunner.Step> steps,
      Path landing,
      String warehouse,
      LocalDate runDate,
      Map<String, String> conf,
      boolean forceUnlock)
      throws IOException {
    Map<String, String> withKey = new java.util.HashMap<>(conf);
    withKey.putIfAbsent("fentrace.party-hash.key", TEST_PARTY_KEY);
    FentraceConfig config = FentraceConfig.load(null, withKey);
    PipelineRunner.Outcome outcome =
        new PipelineRunner(SharedSpark.session())
            .run(
                new PipelineRunner.Request(
                    command,
                    steps,
                    landing == null ? null : landing.toString(),
                    warehouse,
                    runDate,
                    config,
                    false,
                    forceUnlock));
    JsonNode manifest =
        outcome.manifest() == null
            ? null
            : new ObjectMapper()
                .readTree(
                    // Through Hadoop: the warehouse may be on hdfs:// or s3a://.
                    new org.apache.hadoop.fs.Path(outcome.manifest())
                        .getFileSystem(SharedSpark.session().sparkContext().hadoopConfiguration())
                        .open(new org.apache.hadoop.fs.Path(outcome.manifest())));
    return new Run(outcome.exitCode(), manifest);
  }
}
