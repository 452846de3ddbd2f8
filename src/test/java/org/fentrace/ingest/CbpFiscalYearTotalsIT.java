package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CBP file (sample-data/cbp) through the whole pipeline: fentanyl pounds per fiscal year,
 * computed back from quantity_kg, must equal (a) the sums computed here independently from the raw
 * CSV with commons-csv and (b) the figures in the file's provenance note, to 0.05 lb; and
 * route_fiscal_year's fentanyl kilograms per route must equal the raw file's sums, mapped by the
 * default rules' reasoning (Southwest Border: MEXICO_CARTEL; Northern Border: OTHER_ORIGIN;
 * Coastal/Interior "Other" at a Field Operations office holding a mail or express hub:
 * CHINA_DIRECT; the rest of Coastal/Interior: UNATTRIBUTED); and no kilogram of a drug outside the
 * fentanyl family is on a China route.
 */
class CbpFiscalYearTotalsIT {
  static final Path CBP = Path.of("sample-data/cbp/nationwide-drugs-fy19-fy22.csv");

  /** From sample-data/cbp/PROVENANCE.md: "Fentanyl pounds in this file, summed per fiscal year". */
  static final Map<Integer, Double> PROVENANCE_LBS =
      Map.of(2019, 2803.6, 2020, 4791.1, 2021, 11201.3, 2022, 14699.9);

  /**
   * The parcel hubs, as listed (and justified) in the cbp-parcel-hubs rule of
   * jobs/conf/route-rules.yaml.
   */
  static final java.util.Set<String> HUBS =
      java.util.Set.of(
          "NEW YORK FIELD OFFICE",
          "CHICAGO FIELD OFFICE",
          "LOS ANGELES FIELD OFFICE",
          "SAN FRANCISCO FIELD OFFICE",
          "MIAMI FIELD OFFICE",
          "NEW ORLEANS FIELD OFFICE");

  @TempDir static Path tmp;
  static Pipelines.Run run;

  @BeforeAll
  static void ingest() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing/cbp"));
    Files.copy(CBP, landing.resolve(CBP.getFileName()));
    run =
        Pipelines.run(tmp.resolve("landing"), tmp.resolve("warehouse"), LocalDate.of(2026, 11, 28));
  }

  @Test
  void everyRowIsNormalizedAndAccountedFor() {
    assertThat(run.exitCode()).isZero();
    var input = run.input("cbp/nationwide-drugs-fy19-fy22.csv");
    assertThat(input.get("format").asText()).isEqualTo("cbp_nationwide");
    // PROVENANCE.md: 10,092 data rows; none is malformed, none repeats a key.
    assertThat(input.get("rows_read").asLong()).isEqualTo(10_092);
    assertThat(input.get("normalized").asLong()).isEqualTo(10_092);
    assertThat(input.get("balanced").asBoolean()).isTrue();
  }

  @Test
  void fentanylPoundsPerFiscalYearMatchTheRawFileAndTheProvenance() throws Exception {
    Map<Integer, BigDecimal> independent = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(CBP, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (rec.get("Drug Type").equals("Fentanyl")) {
          independent.merge(
              Integer.parseInt(rec.get("FY")),
              new BigDecimal(rec.get("Sum Qty (lbs)")),
              BigDecimal::add);
        }
      }
    }
    Map<Integer, Double> fromWarehouse = new TreeMap<>();
    for (Row row :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/seizures").toString())
            .filter(col("substance_class").equalTo("FENTANYL"))
            .groupBy("fiscal_year")
            .agg(sum("quantity_kg"))
            .collectAsList()) {
      fromWarehouse.put(row.getInt(0), row.getDecimal(1).doubleValue() / 0.45359237);
    }
    assertThat(fromWarehouse).containsOnlyKeys(2019, 2020, 2021, 2022);
    for (int fy : fromWarehouse.keySet()) {
      assertThat(fromWarehouse.get(fy))
          .as("FY%d vs raw CSV", fy)
          .isCloseTo(independent.get(fy).doubleValue(), within(0.05));
      assertThat(fromWarehouse.get(fy))
          .as("FY%d vs provenance", fy)
          .isCloseTo(PROVENANCE_LBS.get(fy), within(0.05));
    }
  }

  @Test
  void fentanylKilogramsPerRouteAndFiscalYearEqualTheRegionAndLandFilterSums() throws Exception {
    Map<String, BigDecimal> independent = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(CBP, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (!rec.get("Drug Type").equals("Fentanyl")) {
          continue;
        }
        String region = rec.get("Region");
        boolean parcelHub =
            rec.get("Land Filter").equals("Other")
                && rec.get("Component").equals("Office of Field Operations")
                && HUBS.contains(rec.get("Area of Responsibility"));
        String route =
            region.equals("Southwest Border")
                ? "MEXICO_CARTEL"
                : region.equals("Northern Border")
                    ? "OTHER_ORIGIN"
                    : parcelHub ? "CHINA_DIRECT" : "UNATTRIBUTED";
        BigDecimal kg =
            new BigDecimal(rec.get("Sum Qty (lbs)")).multiply(new BigDecimal("0.45359237"));
        independent.merge(rec.get("FY") + "|" + route, kg, BigDecimal::add);
      }
    }
    Map<String, BigDecimal> trend = new TreeMap<>();
    for (Row row :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/route_fiscal_year").toString())
            .filter(col("substance_class").equalTo("FENTANYL"))
            .collectAsList()) {
      BigDecimal kg = row.getAs("quantity_kg");
      if (kg.signum() != 0) {
        trend.put(row.<Integer>getAs("fiscal_year") + "|" + row.<String>getAs("route"), kg);
      }
    }
    assertThat(trend.keySet()).isEqualTo(independent.keySet());
    for (String k : independent.keySet()) {
      // Rows are rounded to 9 decimals when normalized: 10,092 rows cannot drift by a milligram.
      assertThat(trend.get(k).doubleValue())
          .as(k)
          .isCloseTo(independent.get(k).doubleValue(), within(1e-6));
    }
  }

  @Test
  void routeSensitivityRangesChinaDirectBetweenTheMailFacilitiesAndEveryCoastalInteriorOffice()
      throws Exception {
    // Independent sums of CBP's fentanyl pounds in Coastal/Interior "Other" rows, per fiscal year:
    // all of them (the broadest variant), at the six hubs (in force), at the five mail facilities
    // (narrowest).
    Map<Integer, BigDecimal[]> lbs = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(CBP, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (!rec.get("Drug Type").equals("Fentanyl")
            || !rec.get("Region").equals("Coastal/Interior")
            || !rec.get("Land Filter").equals("Other")) {
          continue;
        }
        BigDecimal[] a =
            lbs.computeIfAbsent(
                Integer.parseInt(rec.get("FY")),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal v = new BigDecimal(rec.get("Sum Qty (lbs)"));
        String office = rec.get("Area of Responsibility");
        boolean ofo = rec.get("Component").equals("Office of Field Operations");
        a[0] = a[0].add(v);
        a[1] = ofo && HUBS.contains(office) ? a[1].add(v) : a[1];
        a[2] =
            ofo && HUBS.contains(office) && !office.equals("NEW ORLEANS FIELD OFFICE")
                ? a[2].add(v)
                : a[2];
      }
    }
    var rows =
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/route_sensitivity").toString())
            .filter(col("route").equalTo("CHINA_DIRECT"))
            .collectAsList();
    assertThat(rows)
        .extracting(x -> x.<Integer>getAs("fiscal_year"))
        .containsExactlyInAnyOrderElementsOf(lbs.keySet());
    for (Row row : rows) {
      assertThat(row.<String>getAs("source")).isEqualTo("cbp_published");
      BigDecimal[] a = lbs.get(row.<Integer>getAs("fiscal_year"));
      double lbPerKg = 1 / 0.45359237;
      assertThat(row.<BigDecimal>getAs("in_force_kg").doubleValue() * lbPerKg)
          .isCloseTo(a[1].doubleValue(), within(1e-5));
      assertThat(row.<BigDecimal>getAs("max_kg").doubleValue() * lbPerKg)
          .isCloseTo(a[0].doubleValue(), within(1e-5));
      assertThat(row.<BigDecimal>getAs("min_kg").doubleValue() * lbPerKg)
          .isCloseTo(a[2].doubleValue(), within(1e-5));
      assertThat(row.<String>getAs("max_rule_set")).isEqualTo("all-coastal-interior");
    }
  }

  @Test
  void noKilogramOutsideTheFentanylFamilyIsOnAChinaRoute() throws Exception {
    // The raw file has non-fentanyl pounds at the very hub offices the China-direct proxy reads
    // (marijuana,
    // cocaine, khat, "Other Drugs**" at JFK, O'Hare, LAX...): the proxy must leave them out.
    BigDecimal otherAtHubs = BigDecimal.ZERO;
    try (Reader r = Files.newBufferedReader(CBP, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (!rec.get("Drug Type").equals("Fentanyl")
            && rec.get("Region").equals("Coastal/Interior")
            && rec.get("Land Filter").equals("Other")
            && HUBS.contains(rec.get("Area of Responsibility"))) {
          otherAtHubs = otherAtHubs.add(new BigDecimal(rec.get("Sum Qty (lbs)")));
        }
      }
    }
    assertThat(otherAtHubs).isGreaterThan(new BigDecimal("1000"));
    Map<String, BigDecimal> byClassAndRoute = new TreeMap<>();
    for (Row row :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/seizures").toString())
            .groupBy("substance_class", "route")
            .agg(sum("quantity_kg"))
            .collectAsList()) {
      byClassAndRoute.put(row.getString(0) + "|" + row.getString(1), row.getDecimal(2));
    }
    for (String cls : java.util.List.of("OTHER_DRUG", "UNKNOWN")) {
      for (String route : java.util.List.of("CHINA_DIRECT", "CHINA_PRECURSOR_VIA_MEXICO")) {
        assertThat(byClassAndRoute.getOrDefault(cls + "|" + route, BigDecimal.ZERO))
            .as(cls + " on " + route)
            .isZero();
      }
      // Those kilograms are still in the warehouse, on no road (or on the Southwest land road).
      assertThat(byClassAndRoute.get(cls + "|UNATTRIBUTED")).as(cls + " unattributed").isPositive();
    }
    assertThat(byClassAndRoute.get("FENTANYL|CHINA_DIRECT")).isPositive();
  }

  @Test
  void otherDrugsAreUnknownAndNeverFentanyl() {
    var other =
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/seizures").toString())
            .filter(col("substance_raw").equalTo("Other Drugs**"))
            .select("substance_class")
            .distinct()
            .collectAsList();
    assertThat(other).extracting(r -> r.getString(0)).containsExactly("UNKNOWN");
  }
}
