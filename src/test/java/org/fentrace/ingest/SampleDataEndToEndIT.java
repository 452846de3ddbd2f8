package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quick start's landing folder, sample-data/, end to end. Expected values come from
 * sample-data/README.md: the generator's list of the rows it planted (bad rows with their reason,
 * revisions with both quantities), written when the sample was generated, not by the normalizer.
 */
class SampleDataEndToEndIT {
  @TempDir static Path tmp;
  static Pipelines.Run run;
  static Dataset<Row> seizures;

  @BeforeAll
  static void ingest() throws Exception {
    run =
        Pipelines.ingest(
            Path.of("sample-data"), tmp.resolve("warehouse"), LocalDate.of(2026, 11, 28));
    seizures =
        SharedSpark.session().read().parquet(tmp.resolve("warehouse/seizures").toString()).cache();
  }

  @Test
  void runSucceedsAndEveryFileBalances() {
    assertThat(run.exitCode()).isZero();
    assertThat(run.manifest().get("inputs")).hasSize(6);
    for (var input : run.manifest().get("inputs")) {
      assertThat(input.get("balanced").asBoolean()).as(input.get("path").asText()).isTrue();
      assertThat(input.get("sha256").asText()).hasSize(64);
    }
  }

  @Test
  void countsMatchThePlantedRows() {
    // README: 3,000 seizure rows, 16 bad, 5 revisions -> 2,979 normalized; 1,000 shipment rows, 4
    // bad -> 996.
    assertThat(seizures.filter(col("source_format").equalTo("seizure_events")).count())
        .isEqualTo(2979);
    assertThat(seizures.filter(col("source_format").equalTo("cbp_nationwide")).count())
        .isEqualTo(10092);
    assertThat(
            SharedSpark.session()
                .read()
                .parquet(tmp.resolve("warehouse/shipments").toString())
                .count())
        .isEqualTo(996);
    assertThat(run.input("events/seizures-0.csv").get("duplicates_in_file").asLong()).isEqualTo(3);
    assertThat(run.input("events/seizures-1.csv").get("duplicates_in_file").asLong()).isEqualTo(2);
  }

  @Test
  void theNflisSliceIsReadIntoLabReportsAndStaysOutOfTheKilogramTables() {
    // sample-data/nflis/PROVENANCE.md: 312 rows, none rejected, 103,055 reports; Arizona "Fentanyl"
    // 83,296.
    Dataset<Row> labs =
        SharedSpark.session().read().parquet(tmp.resolve("warehouse/lab_reports").toString());
    assertThat(labs.count()).isEqualTo(312);
    assertThat(labs.agg(org.apache.spark.sql.functions.sum("report_count")).first().getLong(0))
        .isEqualTo(103_055L);
    assertThat(
            labs.filter(
                    col("us_state")
                        .equalTo("AZ")
                        .and(col("base_substance_raw").equalTo("Fentanyl")))
                .agg(org.apache.spark.sql.functions.sum("report_count"))
                .first()
                .getLong(0))
        .isEqualTo(83_296L);
    assertThat(run.input("nflis/nflis-dqs-nh-az.csv").get("rejected").asLong()).isZero();
    assertThat(seizures.filter(col("source_format").equalTo("nflis_dqs")).count()).isZero();
  }

  @Test
  void everyPlantedBadRowIsQuarantinedWithItsReason() {
    Map<String, String> expected = new HashMap<>();
    String[] planted = {
      "events/seizures-0.csv:111:BAD_DATE", "events/seizures-0.csv:187:IMPLAUSIBLE_QUANTITY",
      "events/seizures-0.csv:512:IMPLAUSIBLE_QUANTITY", "events/seizures-0.csv:651:ZERO_QUANTITY",
      "events/seizures-0.csv:683:NEGATIVE_QUANTITY", "events/seizures-0.csv:864:UNKNOWN_UNIT",
      "events/seizures-0.csv:1241:ZERO_QUANTITY", "events/seizures-1.csv:368:UNKNOWN_UNIT",
      "events/seizures-1.csv:543:UNKNOWN_UNIT", "events/seizures-1.csv:552:BAD_QUANTITY",
      "events/seizures-1.csv:557:UNKNOWN_UNIT", "events/seizures-1.csv:764:MISSING_REQUIRED_VALUE",
      "events/seizures-1.csv:1021:ZERO_QUANTITY", "events/seizures-1.csv:1038:NEGATIVE_QUANTITY",
      "events/seizures-1.csv:1075:FUTURE_DATE", "events/seizures-1.csv:1473:IMPLAUSIBLE_QUANTITY",
      "events/shipments-0.csv:10:BAD_DATE", "events/shipments-0.csv:59:MISSING_REQUIRED_VALUE",
      "events/shipments-1.csv:236:MISSING_REQUIRED_VALUE", "events/shipments-1.csv:306:FUTURE_DATE"
    };
    for (String p : planted) {
      int last = p.lastIndexOf(':');
      expected.put(p.substring(0, last), p.substring(last + 1));
    }
    Map<String, String> actual = new HashMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(tmp.resolve("warehouse/rejected").toString())
            .select("source_file", "source_line", "reason_code")
            .collectAsList()) {
      actual.put(r.getString(0) + ":" + r.getLong(1), r.getString(2));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void revisionsKeepTheLaterRow() {
    // README "Revisions": SZ0-000000440 49.198 kg then 54.168 kg (line 574); SZ1-000001239 24.39 lb
    // then
    // 17.09 lb (line 1333) = 17.09 * 0.45359237 = 7.751893603 kg (rounded half-even to 9 places).
    Row r1 = seizures.filter(col("record_id").equalTo("seizure_events:SZ0-000000440")).first();
    assertThat(r1.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("54.168");
    assertThat(r1.<Long>getAs("source_line")).isEqualTo(574L);
    Row r2 = seizures.filter(col("record_id").equalTo("seizure_events:SZ1-000001239")).first();
    assertThat(r2.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("7.751893603");
    Row r3 = seizures.filter(col("record_id").equalTo("seizure_events:SZ1-000000646")).first();
    assertThat(r3.<Long>getAs("dosage_units")).isEqualTo(2132L);
  }

  @Test
  void invented_analogsSurfaceAsUnlisted() {
    var unlisted =
        seizures
            .filter(col("substance_unlisted"))
            .select("substance_class")
            .distinct()
            .collectAsList();
    assertThat(unlisted).extracting(r -> r.getString(0)).containsExactly("FENTANYL_ANALOG");
    assertThat(
            seizures
                .filter(col("substance_unlisted"))
                .filter(col("event_date").lt(LocalDate.of(2022, 1, 1)))
                .count())
        .as("the invented analogs appear only from 2022")
        .isZero();
  }
}
