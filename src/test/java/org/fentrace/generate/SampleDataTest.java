package org.fentrace.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.fentrace.generate.LandingGenerator.Options;
import org.fentrace.generate.LandingGenerator.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-data/ is what its README says it is, and cannot go stale. */
class SampleDataTest {
  static final Path SAMPLE = Path.of("sample-data");
  static final Path SCRIPT = Path.of("jobs", "regenerate-sample-data");

  @TempDir Path tmp;

  /** The generator arguments of jobs/regenerate-sample-data (its {@code ARGS=(...)} line). */
  static String[] scriptArgs() throws IOException {
    for (String line : Files.readAllLines(SCRIPT, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.startsWith("ARGS=(") && t.endsWith(")")) {
        return t.substring(6, t.length() - 1).strip().split("\\s+");
      }
    }
    throw new AssertionError("no ARGS=(...) line in " + SCRIPT);
  }

  @Test
  void readmeQuotesTheOptionsOfTheRegenerateScript() throws IOException {
    String readme = Files.readString(SAMPLE.resolve("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(String.join(" ", scriptArgs()));
  }

  @Test
  void committedEventsAreExactlyWhatTheGeneratorWritesNow() throws IOException {
    Options committed = LandingGeneratorCli.parse(scriptArgs());
    assertThat(committed.outDir()).isEqualTo(SAMPLE.resolve("events"));
    Options fresh =
        new Options(
            committed.rows(),
            tmp,
            committed.seed(),
            committed.firstDay(),
            committed.days(),
            committed.chunks(),
            committed.badRowRate(),
            committed.shipmentRatio());
    Summary s = LandingGenerator.generate(fresh);
    List<String> written =
        GeneratedCsv.files(tmp, "*.csv").stream().map(p -> p.getFileName().toString()).toList();
    assertThat(GeneratedCsv.files(committed.outDir(), "*.csv"))
        .extracting(p -> p.getFileName().toString())
        .as("files in sample-data/events (run jobs/regenerate-sample-data)")
        .containsExactlyElementsOf(written);
    for (String name : written) {
      assertThat(Files.mismatch(tmp.resolve(name), committed.outDir().resolve(name)))
          .as(
              "sample-data/events/%s differs from the generator's output: run jobs/regenerate-sample-data",
              name)
          .isEqualTo(-1L);
    }
    assertThat(s.rows("seizure_events")).isEqualTo(3000);
    assertThat(s.rows("customs_shipments")).isEqualTo(1000);
    assertThat(s.badRows()).isBetween(5L, 40L);
  }

  @Test
  void cbpFileIsTheByteIdenticalPublishedOneWithItsProvenance()
      throws IOException, NoSuchAlgorithmException {
    Path cbp = SAMPLE.resolve("cbp").resolve("nationwide-drugs-fy19-fy22.csv");
    byte[] bytes = Files.readAllBytes(cbp);
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(sha1.digest(bytes)))
        .startsWith("499f332d4d94"); // as in PROVENANCE.md
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,"
                + "Count of Event,Sum Qty (lbs)\r\n");
    assertThat(text.split("\r\n", -1))
        .hasSize(10_094); // header, 10,092 rows, "" after the last CRLF
    assertThat(
            Files.readString(
                SAMPLE.resolve("cbp").resolve("PROVENANCE.md"), StandardCharsets.UTF_8))
        .contains("nationwide-drugs-fy19-fy22.csv")
        .contains("public domain");
  }
}
