package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input the contract and README describe, in one landing folder, through real
 * Spark: each file ends where it should (read, quarantined, skipped), each bad row is quarantined
 * with its own reason at its physical line, and the manifest's rows read = normalized + rejected +
 * duplicates holds per file.
 */
class BadInputTest {
  static final String SEIZURE_HEADER =
      "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country,location";
  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);

  @TempDir static Path tmp;
  static Path landing;
  static Pipelines.Run run;
  static Map<String, String> rejectReasonByFileLine = new HashMap<>();
  static Dataset<Row> seizures;

  @BeforeAll
  static void ingest() throws Exception {
    landing = Files.createDirectories(tmp.resolve("landing"));
    write(
        "bom_crlf.csv",
        "\uFEFF"
            + SEIZURE_HEADER
            + "\r\nB1,2023-01-05,fentanyl,1.5,kg,Southwest Border,truck,MX,San Ysidro\r\n"
            + "B2,01/06/2023,heroin,200,g,Southwest Border,truck,MX,Otay Mesa\r\n");
    // Line 2 holds a location with a quote and two line breaks: physical lines 2-4; the next row
    // starts on line 5.
    write(
        "quoted.csv",
        SEIZURE_HEADER
            + "\nQ1,2023-02-01,fentanyl,2,kg,Southwest Border,truck,MX,\"Port \"\"A\"\"\nlane 3\nbooth 7\"\n"
            + "Q2,2023-02-02,fentanyl,-1,kg,,,,\n");
    write(
        "semicolon.csv",
        SEIZURE_HEADER.replace(',', ';')
            + "\nS1;2023-03-01;fentanyl;\"1,250.5\";g;Coastal/Interior;international mail;CN;JFK IMF\n");
    writeBytes(
        "latin1.csv",
        (SEIZURE_HEADER
                + "\nL1,2023-04-01,fentanyl,3,kg,Southwest Border,truck,M\u00e9xico,Nogales\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    write("empty.csv", "");
    write("header_only.csv", SEIZURE_HEADER + "\n");
    write(
        "missing_column.csv",
        "seizure_id,seizure_date,substance,unit\nM1,2023-01-01,fentanyl,kg\nM2,2023-01-02,fentanyl,kg\n");
    write(
        "extra_columns.csv",
        SEIZURE_HEADER
            + ",notes,officer_badge\nX1,2023-05-01,fentanyl,1,kg,Southwest Border,truck,MX,Nogales,ok,123\n");
    write("unknown.csv", "foo,bar\n1,2\n");
    String huge = "x".repeat(1_048_576);
    write(
        "bad_rows.csv",
        String.join(
                "\n",
                SEIZURE_HEADER,
                "R1,2023-01-01,fentanyl,abc,kg,,,,", // line 2: non-numeric
                "R2,2023-01-01,fentanyl,-5,kg,,,,", // line 3: negative
                "R3,2023-01-01,fentanyl,0,kg,,,,", // line 4: zero
                "R4,2023-01-01,fentanyl,5,bricks,,,,", // line 5: unknown unit
                "R5,2023-13-45,fentanyl,5,kg,,,,", // line 6: unparseable date
                "R6,2099-01-01,fentanyl,5,kg,,,,", // line 7: after the run date
                "R7,2023-01-01,fentanyl,5,kg,,,," + huge, // line 8: 1 MB location
                "R8,2023-01-01,fentanyl,900000,kg,,,,", // line 9: above 50,000 kg
                ",2023-01-01,fentanyl,5,kg,,,,", // line 10: blank seizure_id
                "R9,2023-01-01,fentanyl,5,kg", // line 11: too few fields
                "R10,2023-01-01,fentanyl,5,kg,,,,", // line 12: valid, revised on line 13
                "R10,2023-01-01,fentanyl,6,kg,,,,") // line 13: the revision that wins
            + "\n");
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(landing.resolve("zipped.csv.gz")))) {
      out.write(
          (SEIZURE_HEADER + "\nZ1,2023-06-01,fentanyl,7,lb,Southwest Border,truck,MX,Laredo\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    write(
        "shipments.csv",
        "shipment_id,arrival_date,origin_country,mode,description,shipper_name,consignee_name,gross_weight,weight_unit\n"
            + "SH1,2023-01-10,PRC,express consignment,phone cases,Zhang Wei Trading,John Q Public,1.2,kg\n"
            + "SH2,2023-01-11,PRC,express consignment,phone cases,Zhang Wei Trading,Jane Roe,abc,kg\n"
            // 10^14 kg does not fit gross_weight_kg, DECIMAL(22,9): quarantined, not a failed task
            + "SH3,2023-01-12,PRC,express consignment,phone cases,Li Na Trading,Jane Roe,1e14,kg\n");

    run = Pipelines.ingest(landing, tmp.resolve("warehouse"), RUN_DATE);
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/rejected").toString())
            .select("source_file", "source_line", "reason_code")
            .collectAsList()) {
      rejectReasonByFileLine.put(r.getString(0) + ":" + r.getLong(1), r.getString(2));
    }
    seizures = SharedSpark.session().read().parquet(tmp.resolve("warehouse/seizures").toString());
  }

  static void write(String name, String text) throws Exception {
    writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static void writeBytes(String name, byte[] bytes) throws Exception {
    Files.write(landing.resolve(name), bytes);
  }

  static Row seizure(String id) {
    List<Row> rows =
        seizures.filter(col("record_id").equalTo("seizure_events:" + id)).collectAsList();
    assertThat(rows).as("seizure %s", id).hasSize(1);
    return rows.get(0);
  }

  @Test
  void skippedFilesFailTheQualityGateButTheRestIsWritten() {
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.input("empty.csv").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(run.input("empty.csv").get("problem").asText()).contains("empty");
    var unknown = run.input("unknown.csv");
    assertThat(unknown.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(unknown.get("problem").asText())
        .contains("header seen: foo,bar")
        .contains("seizure_events (required:");
    assertThat(run.manifest().get("quality_failures").toString())
        .contains("unknown.csv")
        .contains("empty.csv");
  }

  @Test
  void everyFileBalances() {
    for (var input : run.manifest().get("inputs")) {
      long read = input.get("rows_read").asLong();
      long sum =
          input.get("normalized").asLong()
              + input.get("rejected").asLong()
              + input.get("duplicates").asLong();
      assertThat(sum).as("rows of %s", input.get("path").asText()).isEqualTo(read);
    }
    assertThat(run.manifest().get("totals").get("balanced").asBoolean()).isTrue();
  }

  @Test
  void aFileFullOfBadRowsIsQuarantinedRowByRow() {
    var f = run.input("bad_rows.csv");
    // 12 data rows: 10 rejected, R10 twice (the later one wins, the earlier is a duplicate in the
    // file).
    assertThat(f.get("rows_read").asLong()).isEqualTo(12);
    assertThat(f.get("rejected").asLong()).isEqualTo(10);
    assertThat(f.get("normalized").asLong()).isEqualTo(1);
    assertThat(f.get("duplicates_in_file").asLong()).isEqualTo(1);
    Map<Integer, String> expected =
        Map.of(
            2,
            "BAD_QUANTITY",
            3,
            "NEGATIVE_QUANTITY",
            4,
            "ZERO_QUANTITY",
            5,
            "UNKNOWN_UNIT",
            6,
            "BAD_DATE",
            7,
            "FUTURE_DATE",
            8,
            "FIELD_TOO_LONG",
            9,
            "IMPLAUSIBLE_QUANTITY",
            10,
            "MISSING_REQUIRED_VALUE",
            11,
            "FIELD_COUNT_MISMATCH");
    expected.forEach(
        (line, reason) ->
            assertThat(rejectReasonByFileLine.get("bad_rows.csv:" + line))
                .as("bad_rows.csv line %d", line)
                .isEqualTo(reason));
    assertThat(seizure("R10").getDecimal(seizure("R10").fieldIndex("quantity_kg")))
        .isEqualByComparingTo("6");
    assertThat(seizure("R10").getLong(seizure("R10").fieldIndex("source_line"))).isEqualTo(13);
  }

  @Test
  void rejectMessagesSayWhatIsWrongAndWhatToDo() {
    Row r =
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/rejected").toString())
            .filter(col("source_file").equalTo("bad_rows.csv").and(col("source_line").equalTo(5)))
            .first();
    assertThat(r.getAs("message").toString()).contains("'bricks'").contains("use kg, g, mg, lb");
    assertThat(r.getAs("field").toString()).isEqualTo("unit");
    assertThat(r.getAs("raw_line").toString()).isEqualTo("R4,2023-01-01,fentanyl,5,bricks,,,,");
    Row tooLong =
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/rejected").toString())
            .filter(col("source_file").equalTo("bad_rows.csv").and(col("source_line").equalTo(8)))
            .first();
    assertThat(tooLong.getAs("raw_line").toString())
        .hasSizeLessThan(70_000)
        .startsWith("R7,2023-01-01");
  }

  @Test
  void encodingsDelimitersAndLineEndingsAreRead() {
    assertThat(run.input("bom_crlf.csv").get("normalized").asLong()).isEqualTo(2);
    assertThat(seizure("B2").getDate(seizure("B2").fieldIndex("event_date")).toString())
        .isEqualTo("2023-01-06");
    // "1,250.5" g = 1.2505 kg
    assertThat(seizure("S1").getDecimal(seizure("S1").fieldIndex("quantity_kg")))
        .isEqualByComparingTo("1.2505");
    assertThat(seizure("S1").<String>getAs("origin_country")).isEqualTo("CN");
    assertThat(seizure("L1").<String>getAs("origin_country")).isEqualTo("MX");
    assertThat(seizure("L1").<String>getAs("origin_country_raw")).isEqualTo("México");
    assertThat(run.input("latin1.csv").get("non_utf8_bytes_read_as_windows_1252").asLong())
        .isEqualTo(1);
    // 7 lb * 0.45359237 = 3.17514659 kg
    assertThat(seizure("Z1").getDecimal(seizure("Z1").fieldIndex("quantity_kg")))
        .isEqualByComparingTo("3.17514659");
  }

  @Test
  void quotedFieldsKeepQuotesAndLineBreaksAndLinesStayPhysical() {
    assertThat(seizure("Q1").<String>getAs("location")).isEqualTo("Port \"A\"\nlane 3\nbooth 7");
    assertThat(rejectReasonByFileLine.get("quoted.csv:5")).isEqualTo("NEGATIVE_QUANTITY");
  }

  @Test
  void headerOnlyMissingColumnAndExtraColumns() {
    var headerOnly = run.input("header_only.csv");
    assertThat(headerOnly.get("status").asText()).isEqualTo("READ");
    assertThat(headerOnly.get("rows_read").asLong()).isZero();
    var missing = run.input("missing_column.csv");
    assertThat(missing.get("status").asText()).isEqualTo("MISSING_COLUMNS");
    assertThat(missing.get("problem").asText()).contains("quantity");
    assertThat(missing.get("rejected").asLong()).isEqualTo(2);
    assertThat(rejectReasonByFileLine.get("missing_column.csv:3"))
        .isEqualTo("MISSING_REQUIRED_COLUMN");
    assertThat(run.input("extra_columns.csv").get("normalized").asLong()).isEqualTo(1);
  }

  @Test
  void aNumberTooWideForItsColumnIsQuarantined() {
    assertThat(rejectReasonByFileLine.get("shipments.csv:4")).isEqualTo("OUT_OF_RANGE");
    var f = run.input("shipments.csv");
    assertThat(f.get("rows_read").asLong()).isEqualTo(3);
    assertThat(f.get("normalized").asLong()).isEqualTo(1);
    assertThat(f.get("rejected").asLong()).isEqualTo(2);
  }

  @Test
  void personalNamesNeverReachTheWarehouse() throws Exception {
    var rejected =
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/rejected").toString())
            .filter(col("source_file").equalTo("shipments.csv"))
            .collectAsList();
    assertThat(rejected).hasSize(2);
    for (Row r : rejected) {
      assertThat(r.<String>getAs("raw_line"))
          .doesNotContain("Zhang")
          .doesNotContain("Li Na")
          .doesNotContain("Jane")
          .contains("[shipper:");
    }
    String everything;
    try (var files = Files.walk(tmp.resolve("warehouse"))) {
      StringBuilder b = new StringBuilder();
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        b.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
      everything = b.toString();
    }
    assertThat(everything)
        .doesNotContain("Zhang Wei")
        .doesNotContain("Li Na")
        .doesNotContain("John Q Public")
        .doesNotContain("Jane Roe");
    var shipment =
        SharedSpark.session().read().parquet(tmp.resolve("warehouse/shipments").toString()).first();
    assertThat(shipment.<String>getAs("shipper_id")).matches("[0-9a-f]{32}");
  }
}
