package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing large plain files in byte ranges gives the same tables, quarantine (reasons, raw text,
 * physical lines) and per-file accounting as reading every file in one task. The reference is the
 * one-task path ({@code fentrace.ingest.split-bytes=0}) on the same landing folder; the split run
 * forces chunks of 256 bytes, so every file larger than that is cut many times, and the generated
 * files put quoted line breaks (LF and CRLF, next to escaped quotes, over several chunks) exactly
 * at, before and after chunk boundaries. Their rows' lines are also checked against the lines the
 * generator counted while writing them.
 */
class SplitParsingTest {
  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);
  static final int SPLIT = 256;

  @TempDir static Path tmp;
  static Path landing;
  static BoundaryFiles lf;
  static BoundaryFiles crlf;
  static Pipelines.Run whole;
  static Pipelines.Run split;

  @BeforeAll
  static void ingestThreeWays() throws Exception {
    landing = Files.createDirectories(tmp.resolve("landing"));
    lf = BoundaryFiles.build(SPLIT, 12, "\n", "GL");
    write("boundaries_lf.csv", lf.text.toString());
    crlf = BoundaryFiles.build(SPLIT, 12, "\r\n", "GC");
    write("boundaries_crlf.csv", "\uFEFF" + crlf.text);
    String h = BoundaryFiles.HEADER;
    write(
        "quoted.csv",
        h
            + "\nQ1,2023-02-01,fentanyl,2,kg,Southwest Border,truck,MX,\"Port \"\"A\"\"\nlane 3\nbooth 7\"\n"
            + "Q2,2023-02-02,fentanyl,-1,kg,,,,\n\n\nQ3,2023-02-03,heroin,1,kg,,,,\n");
    write(
        "semicolon.csv",
        h.replace(',', ';')
            + "\nS1;2023-03-01;fentanyl;\"1,250.5\";g;Coastal/Interior;international mail;CN;JFK IMF\n"
            + "S2;2023-03-02;fentanyl;\"2,5\nx\";g;Coastal/Interior;international mail;CN;JFK IMF\n");
    Files.write(
        landing.resolve("latin1.csv"),
        (h
                + "\nL1,2023-04-01,fentanyl,3,kg,Southwest Border,truck,M\u00e9xico,Nogales\n"
                + "L2,2023-04-02,fentanyl,4,kg,Southwest Border,truck,M\u00e9xico,\"Nogales\nGate \u00e9\"\n"
                + "L3,2023-04-03,fentanyl,5,kg,Southwest Border,truck,Espa\u00f1a,\u00c9l Paso\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    write(
        "missing_column.csv",
        "seizure_id,seizure_date,substance,unit\nM1,2023-01-01,fentanyl,kg\nM2,2023-01-02,fentanyl,kg\n");
    write(
        "bad_rows.csv",
        String.join(
                "\n",
                h,
                "R1,2023-01-01,fentanyl,abc,kg,,,,",
                "R2,2023-01-01,fentanyl,-5,kg,,,,",
                "R6,2099-01-01,fentanyl,5,kg,,,,",
                "R7,2023-01-01,fentanyl,5,kg,,,," + "y".repeat(10_100),
                "R9,2023-01-01,fentanyl,5,kg",
                "R10,2023-01-01,fentanyl,5,kg,,,,",
                "R10,2023-01-01,fentanyl,6,kg,,,,")
            + "\n");
    write(
        "unclosed_quote.csv",
        h
            + "\nU1,2023-01-01,fentanyl,1,kg,,,,ok\n"
            // Enough valid rows that the quote never closed lies several chunks into the file.
            + "U0,2023-01-01,fentanyl,1,kg,Southwest Border,truck,MX,Nogales\n".repeat(8)
            + "U2,2023-01-02,fentanyl,1,kg,,,,\"never closed\n"
            + "U3,2023-01-03,fentanyl,1,kg,,,,lost\n");
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(landing.resolve("zipped.csv.gz")))) {
      out.write(
          BoundaryFiles.build(SPLIT, 4, "\n", "GZ")
              .text
              .toString()
              .getBytes(StandardCharsets.UTF_8));
    }
    write(
        "shipments.csv",
        "shipment_id,arrival_date,origin_country,mode,description,shipper_name,consignee_name,gross_weight,weight_unit\n"
            + "SH1,2023-01-10,PRC,express consignment,\"phone cases\nand chargers\",Zhang Wei Trading,John Q Public,1.2,kg\n"
            + "SH2,2023-01-11,PRC,express consignment,phone cases,Zhang Wei Trading,Jane Roe,abc,kg\n");
    try (InputStream in =
        SplitParsingTest.class.getResourceAsStream("/org/fentrace/normalize/nflis-dqs-tiny.csv")) {
      Files.copy(in, landing.resolve("nflis-dqs-tiny.csv"));
    }
    whole = ingest("whole", 0);
    split = ingest("split", SPLIT);
  }

  static Pipelines.Run ingest(String name, long splitBytes) throws Exception {
    return Pipelines.ingest(
        landing,
        tmp.resolve(name),
        RUN_DATE,
        Map.of("fentrace.ingest.split-bytes", Long.toString(splitBytes)));
  }

  static void write(String name, String text) throws Exception {
    Files.write(landing.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitParsingWritesTheSameTablesAndQuarantine() throws Exception {
    WarehouseComparison.assertSameResults(
        tmp.resolve("whole").toString(), tmp.resolve("split").toString(), true);
  }

  @Test
  void theManifestAccountsForEveryFileAsTheOneTaskReadDoes() {
    assertThat(split.exitCode()).isEqualTo(whole.exitCode());
    assertThat(accounting(split)).isEqualTo(accounting(whole));
    assertThat(split.manifest().get("totals")).isEqualTo(whole.manifest().get("totals"));
  }

  @Test
  void largePlainFilesAreSplitAndResolvedWithoutReadingThemAgain() {
    for (String f : List.of("boundaries_lf.csv", "boundaries_crlf.csv", "bad_rows.csv")) {
      JsonNode in = split.input(f);
      // More than one task, and no note: the chain settled every chunk (no fallback read).
      assertThat(in.get("splits").asInt()).as("splits of %s", f).isGreaterThan(1);
      assertThat(in.has("split_note")).as("split note of %s: %s", f, in).isFalse();
    }
    assertThat(whole.input("boundaries_lf.csv").get("splits").asInt()).isEqualTo(1);
  }

  @Test
  void compressedAndUnsettledFilesStayOneTaskAndSaySo() {
    JsonNode zipped = split.input("zipped.csv.gz");
    assertThat(zipped.get("splits").asInt()).isEqualTo(1);
    assertThat(zipped.get("split_note").asText()).contains("compressed");
    // A quote never closed is a syntax error on the true path: the one-task read reports it.
    JsonNode unclosed = split.input("unclosed_quote.csv");
    assertThat(unclosed.get("splits").asInt()).isEqualTo(1);
    assertThat(unclosed.get("split_note").asText()).contains("read in one task");
    assertThat(unclosed.get("status").asText()).isEqualTo("READ_ERROR");
  }

  @Test
  void generatedRowsKeepThePhysicalLinesTheGeneratorCounted() {
    for (var entry : Map.of("boundaries_lf.csv", lf, "boundaries_crlf.csv", crlf).entrySet()) {
      Map<String, Long> lines = new HashMap<>();
      for (Row r :
          SharedSpark.session()
              .read()
              .parquet(tmp.resolve("split/seizures").toString())
              .filter(org.apache.spark.sql.functions.col("source_file").equalTo(entry.getKey()))
              .select("record_id", "source_line")
              .collectAsList()) {
        lines.put(r.getString(0).substring("seizure_events:".length()), r.getLong(1));
      }
      assertThat(lines).as("lines of %s", entry.getKey()).isEqualTo(entry.getValue().lineOf);
    }
  }

  /** Each input's accounting without the fields that say how it was split. */
  private static List<JsonNode> accounting(Pipelines.Run run) {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode n : run.manifest().get("inputs")) {
      ObjectNode copy = ((ObjectNode) n).deepCopy();
      copy.remove(List.of("splits", "split_note"));
      out.add(copy);
    }
    return out;
  }
}
