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
 * The real CBP file (sample-data/cbp) through the pipeline: fentanyl pounds per fiscal year, computed
 * back from quantity_kg, must equal (a) the sums computed here independently from the raw CSV with
 * commons-csv and (b) the figures in the file's provenance note, to 0.05 lb.
 */
class CbpFiscalYearTotalsTest {
  static final Path CBP = Path.of("sample-data/cbp/nationwide-drugs-fy19-fy22.csv");
  /** From sample-data/cbp/PROVENANCE.md: "Fentanyl pounds in this file, summed per fiscal year". */
  static final Map<Integer, Double> PROVENANCE_LBS = Map.of(2019, 2803.6, 2020, 4791.1, 2021, 11201.3, 2022, 14699.9);

  @TempDir
  static Path tmp;
  static Pipelines.Run run;

  @BeforeAll
  static void ingest() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing/cbp"));
    Files.copy(CBP, landing.resolve(CBP.getFileName()));
    run = Pipelines.ingest(tmp.resolve("landing"), tmp.resolve("warehouse"), LocalDate.of(2026, 11, 28));
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
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (rec.get("Drug Type").equals("Fentanyl")) {
          independent.merge(Integer.parseInt(rec.get("FY")), new BigDecimal(rec.get("Sum Qty (lbs)")), BigDecimal::add);
        }
      }
    }
    Map<Integer, Double> fromWarehouse = new TreeMap<>();
    for (Row row : SharedSpark.session().read().parquet(tmp.resolve("warehouse/seizures").toString())
        .filter(col("substance_class").equalTo("FENTANYL"))
        .groupBy("fiscal_year").agg(sum("quantity_kg")).collectAsList()) {
      fromWarehouse.put(row.getInt(0), row.getDecimal(1).doubleValue() / 0.45359237);
    }
    assertThat(fromWarehouse).containsOnlyKeys(2019, 2020, 2021, 2022);
    for (int fy : fromWarehouse.keySet()) {
      assertThat(fromWarehouse.get(fy)).as("FY%d vs raw CSV", fy).isCloseTo(independent.get(fy).doubleValue(), within(0.05));
      assertThat(fromWarehouse.get(fy)).as("FY%d vs provenance", fy).isCloseTo(PROVENANCE_LBS.get(fy), within(0.05));
    }
  }

  @Test
  void otherDrugsAreUnknownAndNeverFentanyl() {
    var other = SharedSpark.session().read().parquet(tmp.resolve("warehouse/seizures").toString())
        .filter(col("substance_raw").equalTo("Other Drugs**")).select("substance_class").distinct().collectAsList();
    assertThat(other).extracting(r -> r.getString(0)).containsExactly("UNKNOWN");
  }
}
