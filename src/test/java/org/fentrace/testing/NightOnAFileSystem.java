package org.fentrace.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fentrace.run.PipelineRunner;

/**
 * What the ITs that run {@code sample-data/} on another file system (HDFS, S3A) share: reading the
 * manifest through Hadoop, the per-file accounting they compare with a local run, and the check
 * that every sample file was read and balances. Each IT states only its file system.
 */
public final class NightOnAFileSystem {
  public static final Path SAMPLE = Path.of("sample-data");

  private NightOnAFileSystem() {}

  /** The manifest a run wrote (on any Hadoop URI), or null when it wrote none. */
  public static JsonNode manifest(PipelineRunner.Outcome outcome) throws IOException {
    if (outcome.manifest() == null) {
      return null;
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(outcome.manifest());
    try (InputStream in = WarehouseComparison.fs(outcome.manifest()).open(p)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Every sample file is in the manifest, and each balances (read = kept + rejected + dropped). */
  public static void assertEverySampleFileBalances(JsonNode manifest) {
    assertThat(manifest.get("inputs")).hasSize(sampleInputCount());
    for (JsonNode input : manifest.get("inputs")) {
      assertThat(input.get("balanced").asBoolean())
          .as("%s balances", input.get("path").asText())
          .isTrue();
    }
  }

  /**
   * Per input file: format, checksum, size, status and the counts the manifest balances (what was
   * read, kept, rejected and dropped).
   */
  public static Map<String, List<String>> accounting(JsonNode manifest) {
    Map<String, List<String>> m = new TreeMap<>();
    for (JsonNode n : manifest.get("inputs")) {
      m.put(
          n.get("path").asText(),
          List.of(
              n.path("format").asText(),
              n.path("sha256").asText(),
              n.path("size_bytes").asText(),
              n.path("status").asText(),
              n.path("rows_read").asText(),
              n.path("normalized").asText(),
              n.path("rejected").asText(),
              n.path("duplicates").asText()));
    }
    return m;
  }

  /** The CSV files (plain or gzipped) under sample-data/: the inputs a night over it reads. */
  public static int sampleInputCount() {
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      return (int)
          files
              .filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".csv.gz"))
              .count();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
