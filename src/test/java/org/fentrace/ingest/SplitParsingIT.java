package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quick start's landing folder, sample-data/, ingested with every file in one task and again
 * with its plain files cut into ranges of 4099 bytes (an odd size, so boundaries fall anywhere in
 * the rows): the tables, the quarantine with its lines and text, and each file's accounting are the
 * same. The one-task read is the reference.
 */
class SplitParsingIT {
  @TempDir Path tmp;

  @Test
  void sampleDataReadsTheSameSplitAsWhole() throws Exception {
    LocalDate runDate = LocalDate.of(2026, 11, 28);
    Pipelines.Run whole =
        Pipelines.ingest(
            Path.of("sample-data"),
            tmp.resolve("whole"),
            runDate,
            Map.of("fentrace.ingest.split-bytes", "0"));
    Pipelines.Run split =
        Pipelines.ingest(
            Path.of("sample-data"),
            tmp.resolve("split"),
            runDate,
            Map.of("fentrace.ingest.split-bytes", "4099"));
    WarehouseComparison.assertSameResults(
        tmp.resolve("whole").toString(), tmp.resolve("split").toString(), true);
    assertThat(accounting(split)).isEqualTo(accounting(whole));
    assertThat(split.exitCode()).isEqualTo(whole.exitCode());
    int settled = 0;
    for (JsonNode in : split.manifest().get("inputs")) {
      // Every sample file is larger than 4099 bytes and plain: each is split, and none of them
      // needs the one-task read (their quoted fields are well formed).
      assertThat(in.get("splits").asInt()).as("splits of %s", in.get("path")).isGreaterThan(1);
      assertThat(in.has("split_note")).as("note of %s: %s", in.get("path"), in).isFalse();
      settled++;
    }
    assertThat(settled).isGreaterThanOrEqualTo(6);
  }

  private static List<JsonNode> accounting(Pipelines.Run run) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : run.manifest().get("inputs")) {
      ObjectNode copy = ((ObjectNode) n).deepCopy();
      copy.remove(List.of("splits", "split_note"));
      out.add(copy);
    }
    return out;
  }
}
