package org.fentrace.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fentrace.generate.GeneratedCsv.Row;
import org.fentrace.generate.LandingGenerator.Options;
import org.fentrace.generate.LandingSpellings.Country;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every spelling the normalizer has to handle appears in a generated sample of moderate size. */
class VariantCoverageTest {
  @TempDir static Path dir;

  static List<Row> seizures;
  static List<Row> shipments;

  @BeforeAll
  static void generate() throws IOException {
    LandingGenerator.generate(
        new Options(20_000, dir, 2024, LocalDate.of(2018, 10, 1), 1826, 2, 0.005, 0.3));
    seizures = GeneratedCsv.rows(dir, "seizures-*.csv");
    shipments = GeneratedCsv.rows(dir, "shipments-*.csv");
  }

  private static Set<String> column(List<Row> rows, String column) {
    return rows.stream().map(r -> r.get(column)).collect(Collectors.toSet());
  }

  @Test
  void headersAreExactlyTheContractColumns() {
    for (Path f : GeneratedCsv.files(dir, "seizures-*.csv")) {
      assertThat(GeneratedCsv.header(f))
          .containsExactlyElementsOf(
              List.of(
                  "seizure_id",
                  "seizure_date",
                  "substance",
                  "quantity",
                  "unit",
                  "agency",
                  "region",
                  "location",
                  "us_state",
                  "conveyance",
                  "form",
                  "origin_country",
                  "transit_countries",
                  "destination_country",
                  "shipment_id"));
    }
    for (Path f : GeneratedCsv.files(dir, "shipments-*.csv")) {
      assertThat(GeneratedCsv.header(f))
          .containsExactlyElementsOf(
              List.of(
                  "shipment_id",
                  "arrival_date",
                  "origin_country",
                  "mode",
                  "description",
                  "export_country",
                  "transit_countries",
                  "port_of_entry",
                  "destination_state",
                  "hs_code",
                  "gross_weight",
                  "weight_unit",
                  "declared_value_usd",
                  "shipper_name",
                  "consignee_name",
                  "inspection_outcome",
                  "seized_substance",
                  "seized_quantity",
                  "seized_unit"));
    }
    assertThat(seizures).allSatisfy(r -> assertThat(r.record().isConsistent()).isTrue());
    assertThat(shipments).allSatisfy(r -> assertThat(r.record().isConsistent()).isTrue());
  }

  @Test
  void datesComeInAllThreeFormatsWithinThePeriod() {
    for (String column : List.of("seizure_date", "arrival_date")) {
      List<Row> rows = column.equals("seizure_date") ? seizures : shipments;
      Set<String> values = column(rows, column);
      assertThat(values).anyMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}"));
      assertThat(values).anyMatch(v -> v.matches("\\d{2}/\\d{2}/\\d{4}"));
      assertThat(values).anyMatch(v -> v.matches("\\d{2}-[A-Z][a-z]{2}-\\d{4}"));
      assertThat(values).anyMatch(v -> BadRows.date(v) == null);
      for (String v : values) {
        LocalDate d = BadRows.date(v);
        if (d != null && d.getYear() != 2099) {
          assertThat(d).as(v).isBetween(LocalDate.of(2018, 10, 1), LocalDate.of(2023, 9, 30));
        }
      }
    }
    assertThat(column(seizures, "seizure_date")).contains("2021-13-45");
    Set<Integer> fiscalYears =
        seizures.stream()
            .map(r -> BadRows.date(r.get("seizure_date")))
            .filter(d -> d != null && d.getYear() < 2099)
            .map(d -> d.getMonthValue() >= 10 ? d.getYear() + 1 : d.getYear())
            .collect(Collectors.toSet());
    assertThat(fiscalYears).containsExactlyInAnyOrder(2019, 2020, 2021, 2022, 2023);
  }

  @Test
  void unitsAndQuantitiesComeInEverySpelling() {
    assertThat(column(seizures, "unit"))
        .contains(
            "kg",
            "g",
            "mg",
            "lb",
            "lbs",
            "oz",
            "pills",
            "tablets",
            "dosage units",
            "kilograms",
            "grams",
            "KG",
            "bricks");
    assertThat(column(seizures, "quantity"))
        .anyMatch(q -> q.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?"));
    assertThat(column(shipments, "seized_quantity")).anyMatch(q -> q.contains(","));
    assertThat(column(shipments, "weight_unit")).contains("kg", "KG", "g", "lb", "lbs");
  }

  @Test
  void everyCountrySpellingAndBothTransitSeparatorsAppear() {
    Set<String> seen = new HashSet<>();
    for (Row r : seizures) {
      seen.add(r.get("origin_country"));
      seen.add(r.get("destination_country"));
      seen.addAll(List.of(r.get("transit_countries").split("[|;]")));
    }
    for (Row r : shipments) {
      seen.add(r.get("origin_country"));
      seen.add(r.get("export_country"));
      seen.addAll(List.of(r.get("transit_countries").split("[|;]")));
    }
    for (Country c : Country.values()) {
      assertThat(seen).as(c.name()).contains(c.spellings);
    }
    assertThat(seen)
        .contains(
            "China",
            "PRC",
            "CN",
            "CHN",
            "People's Republic of China",
            "Mainland China",
            "Hong Kong",
            "Hong Kong SAR",
            "HK",
            "Macau",
            "México",
            "Mexico",
            "MEX",
            "MX",
            "Estados Unidos Mexicanos",
            "U.S.A.",
            "USA",
            "Canada",
            "Canadá",
            "India",
            "IND",
            "Guatemala",
            "Panamá",
            "Colombia",
            "Netherlands",
            "Viet Nam");
    Set<String> transits = column(seizures, "transit_countries");
    assertThat(transits).anyMatch(t -> t.contains("|")).anyMatch(t -> t.contains(";"));
  }

  @Test
  void everySubstanceSpellingAppearsAndNovelAnalogsOnlyLate() {
    Set<String> substances = column(seizures, "substance");
    List<String> expected = new ArrayList<>();
    Stream.of(
            LandingSpellings.FENTANYL_POWDER,
            LandingSpellings.ANALOGS,
            LandingSpellings.NOVEL_ANALOGS,
            LandingSpellings.PRECURSORS,
            LandingSpellings.OTHER_DRUGS)
        .forEach(a -> expected.addAll(List.of(a)));
    expected.addAll(List.of(LandingSpellings.FENTANYL_CITRATE, LandingSpellings.M30));
    assertThat(substances).containsAll(expected);
    assertThat(expected)
        .contains(
            "Fentanyl",
            "Fentanyl HCl",
            "fentanyl hydrochloride",
            "Fentanyl citrate",
            "fentanil",
            "fentanilo",
            "M30 blue pills (fentanyl)",
            "Fentanyl, salt undetermined",
            "acetyl fentanyl",
            "acryl fentanyl",
            "cyclopropyl fentanyl",
            "furanyl fentanyl",
            "4-FIBF",
            "pFBF",
            "para-fluorofentanyl",
            "carfentanil",
            "methoxyacetyl fentanyl",
            "valeryl fentanyl",
            "NPP",
            "4-ANPP",
            "4-AP",
            "1-boc-4-AP",
            "norfentanyl",
            "1-boc-4-piperidone",
            "para-fluoro 4-ANPP",
            "heroin",
            "methamphetamine",
            "cocaine",
            "oxycodone",
            "xylazine",
            "isotonitazene",
            "metonitazene",
            "marijuana");
    Predicate<Row> novel =
        r -> List.of(LandingSpellings.NOVEL_ANALOGS).contains(r.get("substance"));
    for (Row r : seizures.stream().filter(novel).toList()) {
      LocalDate d = BadRows.date(r.get("seizure_date"));
      if (d != null) {
        assertThat(d.getYear()).as(r.get("seizure_id")).isGreaterThanOrEqualTo(2022);
      }
    }
  }

  @Test
  void conveyancesFormsRegionsAgenciesAndStatesComeInEveryValue() {
    assertThat(column(seizures, "conveyance"))
        .containsExactlyInAnyOrder(
            "international mail",
            "express consignment",
            "air cargo",
            "air passenger",
            "sea",
            "sea container",
            "land vehicle",
            "truck",
            "pedestrian",
            "rail",
            "");
    assertThat(column(seizures, "form"))
        .containsExactlyInAnyOrder("powder", "pills", "liquid", "patch", "");
    assertThat(column(seizures, "region"))
        .contains("Southwest Border", "Northern Border", "Coastal/Interior", "Interior");
    assertThat(column(seizures, "agency"))
        .containsExactlyInAnyOrder("CBP-OFO", "USBP", "DEA", "HSI", "STATE", "LOCAL");
    assertThat(column(seizures, "us_state"))
        .contains("TX", "Texas", "CA", "California", "AZ", "Arizona", "NM", "New Mexico");
    assertThat(column(shipments, "mode"))
        .contains(
            "international mail",
            "express consignment",
            "air cargo",
            "sea container",
            "truck",
            "rail",
            "pedestrian");
    assertThat(column(shipments, "inspection_outcome"))
        .containsExactlyInAnyOrder("released", "examined", "seized", "refused", "detained");
  }

  @Test
  void shipmentsCarryHsCodesDescriptionsPartiesAndSeizures() {
    Set<String> hs = column(shipments, "hs_code");
    assertThat(hs)
        .contains(
            "2933.39",
            "293339",
            "2933.33",
            "2933.34",
            "2933.36",
            "2933.37",
            "2934.92",
            "8479.89.9499",
            "8479.30",
            "");
    assertThat(hs).anyMatch(h -> h.startsWith("2921."));
    assertThat(column(shipments, "description"))
        .contains(
            "N-phenethyl-4-piperidone",
            "4-ANPP",
            "tert-butyl 4-(phenylamino)piperidine-1-carboxylate",
            "TDP-5 tablet press",
            "rotary press",
            "punch die set",
            "Pill press parts",
            "phone cases",
            "LED lights",
            "cosmetics");
    assertThat(column(shipments, "shipper_name")).anyMatch(n -> n.contains("Co., Ltd."));
    assertThat(column(shipments, "consignee_name"))
        .anyMatch(n -> n.contains("\n"))
        .anyMatch(n -> n.contains("\""));
    assertThat(shipments)
        .anyMatch(
            r ->
                r.get("inspection_outcome").equals("seized")
                    && !r.get("seized_substance").isEmpty()
                    && !r.get("seized_quantity").isEmpty());
    assertThat(shipments)
        .allMatch(
            r ->
                r.get("seized_substance").isEmpty()
                    || r.get("inspection_outcome").equals("seized"));
  }

  @Test
  void valuesWithCommasQuotesAndNewlinesAreQuotedAndReadBack() throws IOException {
    assertThat(seizures).anyMatch(r -> r.get("location").contains("\n"));
    assertThat(seizures).anyMatch(r -> r.get("location").contains("\""));
    assertThat(seizures).anyMatch(r -> r.get("substance").equals("Fentanyl, salt undetermined"));
    assertThat(shipments).anyMatch(r -> r.get("description").contains("\n"));
    String raw = Files.readString(dir.resolve("seizures-0.csv"), StandardCharsets.UTF_8);
    assertThat(raw).contains("\"Fentanyl, salt undetermined\"");
    assertThat(Files.readString(dir.resolve("seizures-1.csv"), StandardCharsets.UTF_8))
        .contains("\r\n");
  }

  @Test
  void everyKindOfBadRowAppears() {
    Set<BadKind> inSeizures = EnumSet.noneOf(BadKind.class);
    seizures.forEach(
        r -> {
          BadKind k = BadRows.kindOf(r, true);
          if (k != null) {
            inSeizures.add(k);
          }
        });
    assertThat(inSeizures).containsExactlyInAnyOrder(BadKind.values());
    Set<BadKind> inShipments = EnumSet.noneOf(BadKind.class);
    shipments.forEach(
        r -> {
          BadKind k = BadRows.kindOf(r, false);
          if (k != null) {
            inShipments.add(k);
          }
        });
    assertThat(inShipments).containsExactlyInAnyOrder(BadKind.FOR_SHIPMENTS);
  }

  @Test
  void expectedReasonsAreTheNormalizersRejectReasons() {
    for (BadKind k : BadKind.values()) {
      assertThat(org.fentrace.normalize.RejectReason.valueOf(k.expectedReason())).isNotNull();
    }
  }
}
