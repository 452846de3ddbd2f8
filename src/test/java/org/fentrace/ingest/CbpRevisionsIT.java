package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/contract.md, "Revisions and duplicates": successive CBP files overlap, and for every fiscal
 * year the newest file that covers it (the one whose latest fiscal month is latest) replaces all
 * older rows of that year, including rows it no longer has. Checked in one clean run and as two
 * nights.
 */
public class CbpRevisionsIT {
  static final String HEADER =
      "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n";
  // Published first: FY2021 and the start of FY2022 (latest month FEB 2022).
  public static final String OLD =
      HEADER
          + "2021,OCT,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,2,10\n"
          + "2022,JAN,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,3,20\n"
          + "2022,FEB,Office of Field Operations,Coastal/Interior,Other,NEW YORK FIELD OFFICE,Heroin,1,5\n";
  // Published later: FY2022 revised (the FEB heroin row is gone) and FY2023 begun (latest month OCT
  // 2022).
  public static final String NEW =
      HEADER
          + "2022,JAN,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,3,25\n"
          + "2022,MAR,U.S. Border Patrol,Southwest Border,Land Only,TUCSON SECTOR,Fentanyl,1,7\n"
          + "2023 (FYTD),OCT,Office of Field Operations,Coastal/Interior,Other,MIAMI FIELD OFFICE,Cocaine,1,3\n";
  static final LocalDate RUN_DATE = LocalDate.of(2023, 1, 15);

  @TempDir static Path tmp;
  static Pipelines.Run clean;

  static void write(Path landing, String name, String text, int hour) throws Exception {
    Files.createDirectories(landing);
    Files.writeString(landing.resolve(name), text);
    Files.setLastModifiedTime(
        landing.resolve(name),
        FileTime.from(Instant.parse("2023-01-01T00:00:00Z").plusSeconds(3600L * hour)));
  }

  @BeforeAll
  static void runBoth() throws Exception {
    Path landing = tmp.resolve("landing");
    write(landing, "cbp-old.csv", OLD, 1);
    write(landing, "cbp-new.csv", NEW, 2);
    clean = Pipelines.ingest(landing, tmp.resolve("clean"), RUN_DATE);
  }

  @Test
  void theNewestFileOwnsEachFiscalYearItCovers() {
    // FY2021 only in the old file; FY2022 wholly from the new file (25 + 7 lb, no heroin); FY2023
    // from the new file.
    Map<String, BigDecimal> pounds = new TreeMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("clean/seizures").toString())
            .groupBy(col("fiscal_year"), col("substance_class"))
            .sum("quantity_kg")
            .collectAsList()) {
      pounds.put(
          r.getInt(0) + " " + r.getString(1), r.getDecimal(2).divide(new BigDecimal("0.45359237")));
    }
    assertThat(pounds).containsOnlyKeys("2021 FENTANYL", "2022 FENTANYL", "2023 OTHER_DRUG");
    assertThat(pounds.get("2021 FENTANYL")).isEqualByComparingTo("10");
    assertThat(pounds.get("2022 FENTANYL")).isEqualByComparingTo("32");
    assertThat(pounds.get("2023 OTHER_DRUG")).isEqualByComparingTo("3");
    var old = clean.input("cbp-old.csv");
    assertThat(old.get("normalized").asLong()).isEqualTo(1);
    assertThat(old.get("superseded_by_newer_delivery").asLong()).isEqualTo(2);
    assertThat(clean.input("cbp-new.csv").get("normalized").asLong()).isEqualTo(3);
  }

  @Test
  void arrivingOnSeparateNightsGivesTheSameWarehouse() throws Exception {
    Path landing = tmp.resolve("nights");
    Path wh = tmp.resolve("incremental");
    write(landing, "cbp-old.csv", OLD, 1);
    assertThat(Pipelines.ingest(landing, wh, RUN_DATE).exitCode()).isZero();
    write(landing, "cbp-new.csv", NEW, 2);
    var night2 = Pipelines.ingest(landing, wh, RUN_DATE);
    assertThat(night2.exitCode()).isZero();
    // Ownership of FY2022 moved to the new file: every FY2022 month and FY2023's were recomputed,
    // FY2021 was not.
    assertThat(night2.manifest().path("tables").path("seizures").path("partitions").toString())
        .contains("event_month=2021-10")
        .contains("event_month=2022-02")
        .contains("event_month=2022-10")
        .doesNotContain("event_month=2020-10");
    WarehouseContents.assertSame(tmp.resolve("clean"), wh);
  }
}
