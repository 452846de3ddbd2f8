package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analog_watch, analog_waves and analog_successors from the real NFLIS rows of sample-data (New
 * Hampshire and Arizona, 2017 H1 to 2025 H2), landed as the file sample-data ships and run through
 * ingest and trends. An IT (it always runs in {@code mvn verify}, needing no outside file) because
 * a whole pipeline run costs minutes on a shared machine, more than the unit phase can spend.
 *
 * <p>Expected values were summed by hand from the sample file (Python's csv module over
 * BASE_DESCRIPTION and DRUG_REPORTS, both states added), independently of fentrace; control dates
 * are the rows of jobs/conf/scheduling.csv. Per half-year reports, as used below:
 *
 * <pre>
 * furanyl fentanyl     2017 H1 4, H2 1; 2018 H1 1; then none
 * acetyl fentanyl      2017 H1 26 ... 2019 H1 158 (its most) ... 2025 H2 4
 * cyclopropyl fentanyl 2017 H2 8, 2018 H1 4; then none
 * valeryl fentanyl     2018 H2 16, 2019 H1 34, 2019 H2 17, 2020 H1 6, ...
 * butyryl fentanyl     2018 H2 1 only; phenyl fentanyl 2019 H1 1 only
 * all reports 2019 H1: 2,517 (every sample substance is fentanyl, an analogue or a precursor)
 * </pre>
 */
class AnalogWavesSampleIT {
  @TempDir static Path tmp;
  static Path warehouse;

  @BeforeAll
  static void run() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.copy(
        Path.of("sample-data/nflis/nflis-dqs-nh-az.csv"), landing.resolve("nflis-dqs-nh-az.csv"));
    warehouse = tmp.resolve("warehouse");
    assertThat(Pipelines.run(landing, warehouse, LocalDate.of(2026, 3, 3)).exitCode()).isZero();
  }

  static Row watch(String name) {
    List<Row> rows =
        SharedSpark.session()
            .read()
            .parquet(warehouse.resolve("analog_watch").toString())
            .filter("source = 'nflis_lab_reports' AND substance_name = '" + name + "'")
            .collectAsList();
    assertThat(rows).as(name).hasSize(1);
    return rows.get(0);
  }

  static LocalDate day(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((java.sql.Date) v).toLocalDate();
  }

  @Test
  void everyAnalogueAndPrecursorOfTheSampleHasARow() {
    // 26 base substances in the sample (Python's csv module over BASE_DESCRIPTION), fentanyl itself
    // among them: 25 analogue and precursor bases, each its own substance, so 25 rows. "N-Boc
    // norfentanyl" and "Norfentanyl" are two (the Boc-protected precursor and the one it yields),
    // and
    // "para-Fluorofentanyl" and "Fluorofentanyl" stay two (position reported or not).
    long rows =
        SharedSpark.session()
            .read()
            .parquet(warehouse.resolve("analog_watch").toString())
            .filter("source = 'nflis_lab_reports'")
            .count();
    assertThat(rows).isEqualTo(25);
  }

  @Test
  void leftCensoredAnalogueWithItsPeak() {
    Row acetyl = watch("acetyl fentanyl");
    assertThat(day(acetyl, "first_month")).isEqualTo(LocalDate.of(2017, 1, 1));
    assertThat(acetyl.<Boolean>getAs("left_censored")).isTrue();
    assertThat(acetyl.<Boolean>getAs("new_this_run")).isFalse();
    assertThat(acetyl.<Long>getAs("reports")).isEqualTo(982L);
    assertThat(acetyl.<Object>getAs("events")).isNull();
    assertThat(day(acetyl, "peak_period")).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(acetyl.<Long>getAs("peak_reports")).isEqualTo(158L);
    assertThat(acetyl.<Double>getAs("peak_share")).isCloseTo(158.0 / 2517, within(1e-12));
    // US temporary order 2015-07-17, before the data start.
    assertThat(day(acetyl, "us_control_date")).isEqualTo(LocalDate.of(2015, 7, 17));
    assertThat(acetyl.<String>getAs("us_control_source")).startsWith("80 FR 42381");
    assertThat(acetyl.<Integer>getAs("months_to_quarter_peak_us")).isNull();
    assertThat(acetyl.<String>getAs("quarter_peak_note_us"))
        .startsWith("controlled before the data start");
    assertThat(day(acetyl, "china_control_date")).isNull();
  }

  @Test
  void monthsToAQuarterOfThePeakAfterEachControl() {
    // furanyl fentanyl: peak 4 (2017 H1); China 2017-03-01; half-years from then: 2017 H2 1 and
    // 2018 H1 1 (4 is not
    // below 4), 2018 H2 0: March 2017 to July 2018 = 16 months. The US order (2016-11-29) predates
    // the data.
    Row furanyl = watch("furanyl fentanyl");
    assertThat(furanyl.<Integer>getAs("months_to_quarter_peak_china")).isEqualTo(16);
    assertThat(furanyl.<Integer>getAs("months_to_quarter_peak_us")).isNull();
    // cyclopropyl fentanyl: first 2017 H2 (not left-censored), peak 8 there; US 2018-01-04; 2018 H1
    // starts before
    // it, 2018 H2 holds 0: January 2018 to July 2018 = 6 months.
    Row cyclopropyl = watch("cyclopropyl fentanyl");
    assertThat(cyclopropyl.<Boolean>getAs("left_censored")).isFalse();
    assertThat(day(cyclopropyl, "last_month")).isEqualTo(LocalDate.of(2018, 1, 1));
    assertThat(cyclopropyl.<Integer>getAs("months_to_quarter_peak_us")).isEqualTo(6);
    // valeryl fentanyl: peak 34 (2019 H1); 2019 H2 17 (68 >= 34), 2020 H1 6 (24 < 34). US
    // 2018-02-01: February 2018
    // to January 2020 = 23 months; China 2017-03-01: March 2017 to January 2020 = 34 months.
    Row valeryl = watch("valeryl fentanyl");
    assertThat(valeryl.<Integer>getAs("months_to_quarter_peak_us")).isEqualTo(23);
    assertThat(valeryl.<Integer>getAs("months_to_quarter_peak_china")).isEqualTo(34);
  }

  @Test
  void substancesWithoutAReferenceRowHaveNoDates() {
    Row pff = watch("para-fluorofentanyl");
    assertThat(pff.<Boolean>getAs("scheduling_listed")).isFalse();
    assertThat(day(pff, "us_control_date")).isNull();
    assertThat(pff.<String>getAs("quarter_peak_note_us"))
        .isEqualTo("no control date recorded in the scheduling reference");
  }

  @Test
  void successorsOfCyclopropylFentanyl() {
    // Analogues first seen in a half-year starting between 2018-01-04 and 2019-01-04: butyryl and
    // valeryl fentanyl
    // (2018 H2, 6 months after January 2018) and phenyl fentanyl (2019 H1, 12 months).
    List<String> successors =
        SharedSpark.session()
            .read()
            .parquet(warehouse.resolve("analog_successors").toString())
            .filter("substance_name = 'cyclopropyl fentanyl' AND control_country = 'US'")
            .orderBy("successor_first_month", "successor_name")
            .collectAsList()
            .stream()
            .map(
                r ->
                    r.<String>getAs("successor_name")
                        + " "
                        + r.<Integer>getAs("months_after_control"))
            .toList();
    assertThat(successors)
        .containsExactly("butyryl fentanyl 6", "valeryl fentanyl 6", "phenyl fentanyl 12");
  }

  @Test
  void sharesAreDenseOverTheHalfYears() {
    // 18 half-years (2017 H1 to 2025 H2) for each of the 25 substances (see the row count above).
    var waves = SharedSpark.session().read().parquet(warehouse.resolve("analog_waves").toString());
    assertThat(waves.count()).isEqualTo(18L * 25);
    Row r =
        waves
            .filter("substance_name = 'valeryl fentanyl' AND period_start = '2019-01-01'")
            .collectAsList()
            .get(0);
    assertThat(r.<Long>getAs("reports")).isEqualTo(34L);
    assertThat(r.<Long>getAs("fentanyl_related_reports")).isEqualTo(2517L);
    // cyclopropyl fentanyl in 2017 H1: not yet seen, a 0 and a share of 0 (1,304 related reports
    // that half-year).
    Row none =
        waves
            .filter("substance_name = 'cyclopropyl fentanyl' AND period_start = '2017-01-01'")
            .collectAsList()
            .get(0);
    assertThat(none.<Long>getAs("reports")).isZero();
    assertThat(none.<Double>getAs("share_of_fentanyl_related")).isZero();
  }
}
