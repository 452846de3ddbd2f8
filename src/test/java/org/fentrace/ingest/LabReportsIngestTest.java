package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NFLIS exports through the pipeline into {@code lab_reports}: a later export of the same query
 * revises counts (laboratories report late), so the newest delivery of a count wins, as for every
 * other table; checked in one clean run and as two nights.
 */
class LabReportsIngestTest {
  static final String HEADER =
      "LABTYPE,RPTAGGR,YYYY,PERIOD,DRUG_REPORTS,QUERY_RUN_DATE,SUBSTANCE_ID,"
          + "SUBSTANCE_DESCRIPTION,BASE_ID,BASE_DESCRIPTION,DRUG_CATEGORY_CODE,DRUG_CATEGORY_DESCRIPTION,STATE,"
          + "STATE_LONG_NAME,STATE_FIPS\n";
  static final String L = "\"Local/Municipal,State,Federal,Private\",\"DrugReport  \",";
  static final String C = ",\"33\",\"Fentanyl and Fentanyl-related\",";

  static String row(
      String year,
      String period,
      String count,
      String query,
      String id,
      String substance,
      String base,
      String state) {
    return L
        + "\""
        + year
        + "\",\""
        + period
        + "\",\""
        + count
        + "\",\""
        + query
        + "\",\""
        + id
        + "\",\""
        + substance
        + "\",\""
        + id
        + "\",\""
        + base
        + "\""
        + C
        + "\""
        + state
        + "\",\"x\",\"00\"\n";
  }

  // The first export: 2024 H2 counts as first known.
  static final String OLD =
      HEADER
          + row(
              "2024",
              "SA2 (JUL - DEC)",
              "100",
              "2025-01-10 00:00:00",
              "1504",
              "FENTANYL",
              "Fentanyl",
              "OH")
          + row(
              "2024",
              "SA2 (JUL - DEC)",
              "7",
              "2025-01-10 00:00:00",
              "3965",
              "FLUOROFENTANYL",
              "Fluorofentanyl",
              "OH");
  // The later export: the fentanyl count grew as laboratories reported late, a 2025 H1 count
  // appeared, and
  // the fluorofentanyl count is delivered twice in the file (the last row wins).
  static final String NEW =
      HEADER
          + row(
              "2024",
              "SA2 (JUL - DEC)",
              "130",
              "2025-08-01 00:00:00",
              "1504",
              "FENTANYL",
              "Fentanyl",
              "OH")
          + row(
              "2024",
              "SA2 (JUL - DEC)",
              "8",
              "2025-08-01 00:00:00",
              "3965",
              "FLUOROFENTANYL",
              "Fluorofentanyl",
              "OH")
          + row(
              "2024",
              "SA2 (JUL - DEC)",
              "9",
              "2025-08-01 00:00:00",
              "3965",
              "FLUOROFENTANYL",
              "Fluorofentanyl",
              "OH")
          + row(
              "2025",
              "SA1 (JAN - JUN)",
              "60",
              "2025-08-01 00:00:00",
              "1504",
              "FENTANYL",
              "Fentanyl",
              "OH");
  static final LocalDate RUN_DATE = LocalDate.of(2025, 8, 2);

  @TempDir static Path tmp;
  static Pipelines.Run clean;
  static Pipelines.Run secondNight;

  static void write(Path landing, String name, String text, int hour) throws Exception {
    Files.createDirectories(landing.resolve(name).getParent());
    Files.writeString(landing.resolve(name), text);
    Files.setLastModifiedTime(
        landing.resolve(name),
        FileTime.from(Instant.parse("2025-08-01T00:00:00Z").plusSeconds(3600L * hour)));
  }

  @BeforeAll
  static void runBoth() throws Exception {
    Path landing = tmp.resolve("landing");
    write(landing, "nflis/old.csv", OLD, 1);
    write(landing, "nflis/new.csv", NEW, 2);
    clean = Pipelines.ingest(landing, tmp.resolve("clean"), RUN_DATE);
    Path nights = tmp.resolve("nights-landing");
    write(nights, "nflis/old.csv", OLD, 1);
    Pipelines.ingest(nights, tmp.resolve("nights"), RUN_DATE);
    write(nights, "nflis/new.csv", NEW, 2);
    secondNight = Pipelines.ingest(nights, tmp.resolve("nights"), RUN_DATE);
  }

  /** substance_name|half-year start -> report_count, read back from the published table. */
  static Map<String, Long> counts(String warehouse) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve(warehouse).resolve("lab_reports").toString())
            .select("substance_name", "period_start", "report_count", "year")
            .collectAsList()) {
      out.put(r.getString(0) + "|" + r.getDate(1) + "|" + r.getInt(3), r.getLong(2));
    }
    return out;
  }

  @Test
  void theNewestExportsCountsArePublishedAndEveryRowIsAccountedFor() {
    assertThat(clean.exitCode()).isZero();
    // By hand from NEW: fentanyl 2024 H2 130 (was 100), fluorofentanyl 9 (the last of 8 and 9),
    // fentanyl 2025 H1 60.
    assertThat(counts("clean"))
        .isEqualTo(
            Map.of(
                "fentanyl|2024-07-01|2024", 130L,
                "fluorofentanyl|2024-07-01|2024", 9L,
                "fentanyl|2025-01-01|2025", 60L));
    var older = clean.input("nflis/old.csv");
    assertThat(older.get("format").asText()).isEqualTo("nflis_dqs");
    assertThat(older.get("rows_read").asLong()).isEqualTo(2);
    assertThat(older.get("superseded_by_newer_delivery").asLong()).isEqualTo(2);
    var newer = clean.input("nflis/new.csv");
    assertThat(newer.get("normalized").asLong()).isEqualTo(3);
    assertThat(newer.get("duplicates_in_file").asLong()).isEqualTo(1);
  }

  @Test
  void twoNightsEqualOneCleanRunAndLabReportsNeverReachTheKilogramTables() {
    assertThat(secondNight.exitCode()).isZero();
    assertThat(counts("nights")).isEqualTo(counts("clean"));
    // The seizures table holds no data file: counts never enter the kilogram tables.
    try (var files = Files.walk(tmp.resolve("clean"))) {
      assertThat(
              files
                  .map(Path::toString)
                  .filter(p -> p.contains("/seizures/") && p.endsWith(".parquet")))
          .isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
