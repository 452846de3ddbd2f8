package org.fentrace.routes;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Crashes;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule change re-attributes history, not just the months a night touches. Night 1 ingests FY2020
 * CBP rows under an older rule file (every Coastal/Interior "Other" row on CHINA_DIRECT, as rule
 * files before 1.1.0 had it); night 2 brings only an FY2021 file and the bundled 1.1.0 rules, and
 * dies half-way through publishing the re-attribution; night 3 recovers. The FY2020 months, which
 * no file of nights 2 and 3 touched, must then read as a clean run under the 1.1.0 rules reads
 * them: every table, aggregate and export alike. Integration: four full pipeline runs.
 */
class RulesChangeIT {
  static final String HEADER =
      "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,"
          + "Count of Event,Sum Qty (lbs)\n";

  /**
   * FY2020: fentanyl at Houston (a seaport office) and JFK (a mail hub), marijuana at JFK, fentanyl
   * at San Diego.
   */
  static final String FY2020 =
      HEADER
          + "2020,JAN,Office of Field Operations,Coastal/Interior,Other,HOUSTON FIELD OFFICE,Fentanyl,1,100\n"
          + "2020,JAN,Office of Field Operations,Coastal/Interior,Other,NEW YORK FIELD OFFICE,Fentanyl,4,10\n"
          + "2020,FEB,Office of Field Operations,Coastal/Interior,Other,NEW YORK FIELD OFFICE,Marijuana,7,500\n"
          + "2020,FEB,Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,9,300\n";

  static final String FY2021 =
      HEADER
          + "2021,MAR,Office of Field Operations,Coastal/Interior,Other,CHICAGO FIELD OFFICE,Fentanyl,2,20\n"
          + "2021,MAR,Office of Field Operations,Coastal/Interior,Other,HOUSTON FIELD OFFICE,Cocaine,3,200\n";

  /**
   * The pre-1.1 CBP proxy, on its own: the version differs from the bundled file, so does the hash.
   */
  static final String OLD_RULES =
      """
      version: "1.0.0"
      rules:
        - {id: cbp-southwest-land, description: d, when: {source_format: [cbp_nationwide], region: [SOUTHWEST_BORDER],
           cbp_land_filter: [LAND_ONLY]}, route: MEXICO_CARTEL, confidence: MEDIUM}
        - {id: cbp-coastal-interior-other, description: d, when: {source_format: [cbp_nationwide],
           region: [COASTAL_INTERIOR], cbp_land_filter: [OTHER]}, route: CHINA_DIRECT, confidence: LOW}
        - {id: unattributed, description: d, route: UNATTRIBUTED, confidence: LOW}
      """;

  static final LocalDate NIGHT_1 = LocalDate.of(2021, 1, 10);
  static final LocalDate NIGHT_2 = LocalDate.of(2021, 6, 10);

  @TempDir Path tmp;

  @Test
  void aRuleChangeReattributesEveryStoredMonthCrashSafely() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing/cbp"));
    Path wh = tmp.resolve("warehouse");
    Path oldRules = tmp.resolve("old-rules.yaml");
    Files.writeString(oldRules, OLD_RULES, StandardCharsets.UTF_8);
    write(landing.resolve("fy2020.csv"), FY2020, 1_600_000_000_000L);

    var night1 =
        Pipelines.run(
            tmp.resolve("landing"),
            wh,
            NIGHT_1,
            Map.of("fentrace.routes.rules", oldRules.toString()),
            false);
    assertThat(night1.exitCode()).isZero();
    // Under the old proxy, the Houston fentanyl and the JFK marijuana are "China-direct".
    assertThat(kgByRoute(wh, 2020))
        .containsEntry("FENTANYL|CHINA_DIRECT", kg("110"))
        .containsEntry("OTHER_DRUG|CHINA_DIRECT", kg("500"));

    write(landing.resolve("fy2021.csv"), FY2021, 1_600_000_100_000L);
    try (AutoCloseable crash = Crashes.dieAt(FaultInjection.MID_PUBLISH)) {
      assertThatThrownBy(() -> Pipelines.run(tmp.resolve("landing"), wh, NIGHT_2))
          .isInstanceOf(Crashes.SimulatedCrash.class);
    }
    var night3 =
        Pipelines.run(
            tmp.resolve("landing"), wh, NIGHT_2, Map.of("fentrace.lock.stale-after", "PT0S"), true);
    assertThat(night3.exitCode()).isZero();
    assertThat(night3.manifest().has("recovered_publication_of_run")).isTrue();

    // FY2020 was published on night 1 and no later file touched it: only the re-attribution changed
    // it.
    // 1.1.0: Houston is no parcel hub, marijuana is outside the fentanyl family; JFK fentanyl
    // stays.
    Map<String, BigDecimal> fy2020 = kgByRoute(wh, 2020);
    assertThat(fy2020)
        .containsEntry("FENTANYL|CHINA_DIRECT", kg("10"))
        .containsEntry("FENTANYL|UNATTRIBUTED", kg("100"))
        .containsEntry("OTHER_DRUG|UNATTRIBUTED", kg("500"))
        .containsEntry("FENTANYL|MEXICO_CARTEL", kg("300"))
        .doesNotContainKey("OTHER_DRUG|CHINA_DIRECT");
    RouteRules bundled = RouteRules.loadDefault();
    assertThat(
            SharedSpark.session()
                .read()
                .parquet(wh.resolve("seizures").toString())
                .select("route_rule")
                .distinct()
                .collectAsList())
        .allSatisfy(
            r ->
                assertThat(r.getString(0))
                    .endsWith("@" + bundled.version() + "#" + bundled.sha256().substring(0, 8)));
    // The derived tables were rebuilt from the re-attributed months.
    Row trend =
        SharedSpark.session()
            .read()
            .parquet(wh.resolve("route_fiscal_year").toString())
            .filter(
                "fiscal_year = 2020 AND route = 'CHINA_DIRECT' AND substance_class = 'FENTANYL'")
            .first();
    assertThat(trend.<BigDecimal>getAs("quantity_kg")).isEqualByComparingTo(kg("10"));

    // The same as one clean run under the bundled rules, table by table and export by export.
    Path clean = tmp.resolve("clean");
    assertThat(Pipelines.run(tmp.resolve("landing"), clean, NIGHT_2).exitCode()).isZero();
    WarehouseComparison.assertSameResults(clean.toUri().toString(), wh.toUri().toString());
    WarehouseComparison.assertSameAggregates(clean.toUri().toString(), wh.toUri().toString());

    // Same rules again: the stamp matches, nothing is re-attributed.
    var night4 = Pipelines.run(tmp.resolve("landing"), wh, NIGHT_2);
    assertThat(night4.exitCode()).isZero();
    assertThat(night4.manifest().has("route_reattribution")).isFalse();
  }

  @Test
  void theFirstRunOfAnOlderWarehouseSaysWhatItReattributed() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("landing/cbp"));
    Path wh = tmp.resolve("warehouse");
    Path oldRules = tmp.resolve("old-rules.yaml");
    Files.writeString(oldRules, OLD_RULES, StandardCharsets.UTF_8);
    write(landing.resolve("fy2020.csv"), FY2020, 1_600_000_000_000L);
    assertThat(
            Pipelines.ingest(
                    tmp.resolve("landing"),
                    wh,
                    NIGHT_1,
                    Map.of("fentrace.routes.rules", oldRules.toString()))
                .exitCode())
        .isZero();
    // A warehouse from before the stamp: remove it, as such a warehouse never had one.
    Files.delete(wh.resolve("_state/route-rules.json"));
    var next = Pipelines.ingest(tmp.resolve("landing"), wh, NIGHT_2);
    var re = next.manifest().get("route_reattribution");
    assertThat(re.get("previous_rules").asText()).isEqualTo("none");
    assertThat(re.get("rules").asText()).startsWith(RouteRules.loadDefault().version() + "#");
    // FY2020 JAN and FEB 2020 (the fiscal months are calendar months 2020-01 and 2020-02).
    assertThat(re.get("months_rewritten").get("seizures").asInt()).isEqualTo(2);
    assertThat(kgByRoute(wh, 2020)).doesNotContainKey("OTHER_DRUG|CHINA_DIRECT");
  }

  static void write(Path file, String text, long mtime) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(mtime));
  }

  /** Pounds as kilograms at the exact factor, at the table's scale. */
  static BigDecimal kg(String pounds) {
    return new BigDecimal(pounds).multiply(new BigDecimal("0.45359237")).setScale(9);
  }

  static Map<String, BigDecimal> kgByRoute(Path wh, int fiscalYear) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(wh.resolve("seizures").toString())
            .filter(col("fiscal_year").equalTo(fiscalYear))
            .groupBy("substance_class", "route")
            .agg(org.apache.spark.sql.functions.sum("quantity_kg"))
            .collectAsList()) {
      m.put(r.getString(0) + "|" + r.getString(1), r.getDecimal(2).setScale(9));
    }
    return m;
  }
}
