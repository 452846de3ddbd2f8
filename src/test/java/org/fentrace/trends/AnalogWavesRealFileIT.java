package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analog tables over the real NFLIS-Drug export (8,923 rows, query run 2026-03-03, not in the
 * repository) and, when given, the real CBP nationwide file beside it: the whole pipeline (ingest,
 * trends) over a landing holding both. Point {@code fentrace.nflis.file} (or FENTRACE_NFLIS_FILE)
 * at the export and optionally {@code fentrace.cbp.file} (or FENTRACE_CBP_FILE) at the CBP file;
 * without the export the test is skipped.
 *
 * <p>Expected figures were summed from the export independently of fentrace (Python's csv module
 * over BASE_DESCRIPTION and DRUG_REPORTS, every state added); control dates are the rows of
 * scheduling.csv.
 *
 * <pre>
 * half-year        2017H1 2017H2 2018H1 2018H2 2019H1
 * cyclopropyl f.      199   1368    880    140     45
 * methoxyacetyl f.     79    693    714    370    165
 * carfentanil        2965   2989    703    128    900
 * furanyl f.         4179   1315    471    335    187
 * acetyl f.           567   1203   2877   4973   8344 (its most; 4767 in 2019H2 and less after)
 * all reports       40356  41882  50878  54957  66105 (no report before 2020 has a name the dictionary cannot class)
 * para-fluorofentanyl: first reported 2017H2 (1 report)
 * </pre>
 */
class AnalogWavesRealFileIT {
  @TempDir static Path tmp;
  static Path warehouse;

  @BeforeAll
  static void run() throws Exception {
    String nflis = System.getProperty("fentrace.nflis.file", System.getenv("FENTRACE_NFLIS_FILE"));
    assumeTrue(
        nflis != null && Files.isRegularFile(Path.of(nflis)),
        "set -Dfentrace.nflis.file or FENTRACE_NFLIS_FILE to the NFLIS DQS export to run this test");
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.copy(Path.of(nflis), landing.resolve(Path.of(nflis).getFileName()));
    String cbp = System.getProperty("fentrace.cbp.file", System.getenv("FENTRACE_CBP_FILE"));
    if (cbp != null && Files.isRegularFile(Path.of(cbp))) {
      Files.copy(Path.of(cbp), landing.resolve(Path.of(cbp).getFileName()));
    }
    warehouse = tmp.resolve("warehouse");
    assertThat(Pipelines.run(landing, warehouse, LocalDate.of(2026, 3, 3)).exitCode()).isZero();
  }

  static Dataset<Row> table(String name) {
    return SharedSpark.session().read().parquet(warehouse.resolve(name).toString());
  }

  static Row watch(String name) {
    List<Row> rows =
        table("analog_watch")
            .filter(
                "source = 'nflis_lab_reports' AND substance_name = '"
                    + name.replace("'", "''")
                    + "'")
            .collectAsList();
    assertThat(rows).as(name).hasSize(1);
    return rows.get(0);
  }

  static LocalDate day(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((java.sql.Date) v).toLocalDate();
  }

  @Test
  void everyFentanylRelatedSubstanceOfTheExportHasARowWithItsFirstHalfYear() {
    // What lab_reports holds, summed with Spark SQL straight from the ingested table (not through
    // the trends code).
    Map<String, LocalDate> expected = new TreeMap<>();
    table("lab_reports")
        .filter("substance_class IN ('FENTANYL_ANALOG', 'FENTANYL_PRECURSOR')")
        .groupBy("substance_name")
        .agg(org.apache.spark.sql.functions.min("period_start"))
        .collectAsList()
        .forEach(r -> expected.put(r.getString(0), ((java.sql.Date) r.get(1)).toLocalDate()));
    Map<String, LocalDate> shown = new TreeMap<>();
    table("analog_watch")
        .filter("source = 'nflis_lab_reports'")
        .collectAsList()
        .forEach(r -> shown.put(r.getAs("substance_name"), day(r, "first_month")));
    assertThat(shown).isEqualTo(expected);
    // How many, counted from the export independently of fentrace (Python's csv module over
    // BASE_DESCRIPTION, the name fentrace reads first, with two hand-made lists: names that are
    // neither analogue nor precursor, and names that are the same substance): 124 distinct base
    // names, one of them "Fentanyl". Seven are neither, having no N-phenyl-N-(piperidin-4-yl) amide
    // and no 4-anilinopiperidine and not being a listed precursor (1-Boc-4-hydroxypiperidine,
    // 1-Phenethyl-4-hydroxypiperidine, 1-Phenethyl-4-propionyloxypiperidine,
    // N-Phenethyl-N-phenylpropionamide, the N-phenethyl and the N-benzyl homologue of fentanyl,
    // Methyl N-Boc-4-oxopiperidine-3-carboxylate). Of the other 116, five are second spellings of
    // one substance (cis- and trans-3-Methylfentanyl of 3-Methylfentanyl, 3-Fluorofentanyl of
    // meta-Fluorofentanyl, and, ortho being ring position 2, 2-Fluoro 4-ANPP of ortho-Fluoro 4-ANPP
    // and 2-Chloro 4-ANPP of ortho-Chloro 4-ANPP): 111 substances. fentrace shows 110 of them,
    // 111 - 1: it keeps one name folded into another substance on purpose, Flurobutyryl/
    // fluoroisobutyryl fentanyl into fluoroisobutyryl fentanyl (the lab names two isomers it could
    // not tell apart). N-Boc norfentanyl, the Boc-protected precursor, has its own row apart from
    // norfentanyl. Three names that were folded or missed have their own row too (Bipiperidinyl
    // 4-ANPP, N-Phenethyl Tetramethyl-4-AP, and the unlisted analogue
    // N-(1-tert-butyl-4-piperidyl)-N-phenylpropanamide), and Methyl
    // N-Boc-4-oxopiperidine-3-carboxylate is not read as 4-piperidone, which no other base name of
    // the export is, so 4-piperidone has no row.
    assertThat(shown).hasSize(110);
    // The three names the structure reader and the fluoro-4-AP entry added to the 105 of the first
    // version of this test, each a 4-anilinopiperidine precursor, not an analogue: the
    // Boc-protected
    // para-fluoro 4-AP (tert-butyl 4-(4-fluoroanilino)piperidine-1-carboxylate, UNKNOWN before),
    // 1-propionyl-4-anilinopiperidine (acylated on the ring nitrogen, so no N-phenyl amide) and
    // fluoro-4-AP, both of which were folded into 4-AP before.
    Map<String, String> classes = new TreeMap<>();
    table("analog_watch")
        .filter("source = 'nflis_lab_reports'")
        .collectAsList()
        .forEach(r -> classes.put(r.getAs("substance_name"), r.getAs("substance_class")));
    assertThat(classes)
        .containsEntry("1-boc-4-(4-fluoroanilino)piperidine", "FENTANYL_PRECURSOR")
        .containsEntry("1-propionyl-4-anilinopiperidine", "FENTANYL_PRECURSOR")
        .containsEntry("fluoro-4-AP", "FENTANYL_PRECURSOR")
        .containsEntry("4-AP", "FENTANYL_PRECURSOR")
        .containsEntry("N-boc norfentanyl", "FENTANYL_PRECURSOR")
        .containsEntry("norfentanyl", "FENTANYL_PRECURSOR")
        .containsEntry("bipiperidinyl-4-anpp", "FENTANYL_PRECURSOR")
        .containsEntry("n-phenethyltetramethyl-4-ap", "FENTANYL_PRECURSOR")
        .containsEntry("ortho-chloro 4-ANPP", "FENTANYL_PRECURSOR")
        .containsEntry("ortho-fluoro 4-ANPP", "FENTANYL_PRECURSOR")
        // The base names without a ring position, "Chloro 4-ANPP" and "Chlorofentanyl": their own
        // entries, as "Fluoro 4-ANPP" and "Fluorofentanyl" are, and neither read as the para
        // isomer.
        .containsEntry("chloro-ANPP", "FENTANYL_PRECURSOR")
        .containsEntry("chlorofentanyl", "FENTANYL_ANALOG")
        .doesNotContainKey("chloro-4-anpp")
        .containsEntry("n-(1-tert-butyl-4-piperidyl)-n-phenylpropanamide", "FENTANYL_ANALOG")
        .doesNotContainKey("4-piperidone")
        .doesNotContainKey("2-chloro-4-anpp")
        .doesNotContainKey("ortho-chloro-4-anpp");
    assertThat(shown).containsEntry("para-fluorofentanyl", LocalDate.of(2017, 7, 1));
    // ortho-chloro 4-ANPP holds both NFLIS spellings, summed from the export with Python's csv
    // module: base "ortho-Chloro 4-ANPP" 7 reports and "2-Chloro 4-ANPP" 4, both first in 2020 SA2.
    Row orthoChloro = watch("ortho-chloro 4-ANPP");
    assertThat(orthoChloro.<Long>getAs("reports")).isEqualTo(7L + 4L);
    assertThat(day(orthoChloro, "first_month")).isEqualTo(LocalDate.of(2020, 7, 1));
    for (Row r : table("analog_watch").filter("source = 'nflis_lab_reports'").collectAsList()) {
      assertThat(day(r, "peak_period"))
          .as("peak of %s", r.<String>getAs("substance_name"))
          .isNotNull();
      assertThat(r.<Boolean>getAs("left_censored"))
          .isEqualTo(day(r, "first_month").equals(LocalDate.of(2017, 1, 1)));
    }
  }

  @Test
  void peakAndShareOfAcetylFentanyl() {
    Row acetyl = watch("acetyl fentanyl");
    assertThat(acetyl.<Boolean>getAs("left_censored")).isTrue();
    assertThat(acetyl.<Long>getAs("reports")).isEqualTo(39_672L);
    assertThat(day(acetyl, "peak_period")).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(acetyl.<Long>getAs("peak_reports")).isEqualTo(8_344L);
    assertThat(acetyl.<Double>getAs("peak_share")).isCloseTo(8_344.0 / 66_105, within(1e-12));
    assertThat(day(acetyl, "us_control_date")).isEqualTo(LocalDate.of(2015, 7, 17));
    assertThat(acetyl.<String>getAs("quarter_peak_note_us"))
        .startsWith("controlled before the data start");
  }

  @Test
  void monthsToAQuarterOfThePeak() {
    // cyclopropyl fentanyl: peak 1368 (2017H2); US 2018-01-04; 2018H2 is the first half-year
    // starting after it
    // below 342 (140): January to July 2018 = 6 months.
    assertThat(watch("cyclopropyl fentanyl").<Integer>getAs("months_to_quarter_peak_us"))
        .isEqualTo(6);
    // methoxyacetyl fentanyl: peak 714 (2018H1); US 2017-10-26; 2018H1 714, 2018H2 370 (1480 >=
    // 714), 2019H1 165
    // (660 < 714): October 2017 to January 2019 = 15 months.
    assertThat(watch("methoxyacetyl fentanyl").<Integer>getAs("months_to_quarter_peak_us"))
        .isEqualTo(15);
    // carfentanil: peak 2989 (2017H2); China 2017-03-01; 2018H1 703 (2812 < 2989): March 2017 to
    // January 2018 = 10.
    Row carfentanil = watch("carfentanil");
    assertThat(carfentanil.<Integer>getAs("months_to_quarter_peak_china")).isEqualTo(10);
    assertThat(day(carfentanil, "us_control_date")).isNull();
    // furanyl fentanyl: peak 4179 (2017H1); China 2017-03-01; 2017H2 1315 (5260 >= 4179), 2018H1
    // 471: 10 months.
    Row furanyl = watch("furanyl fentanyl");
    assertThat(furanyl.<Integer>getAs("months_to_quarter_peak_china")).isEqualTo(10);
    assertThat(day(furanyl, "china_control_date")).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(furanyl.<String>getAs("china_control_source")).startsWith("MPS, CFDA and NHFPC");
    // acryl fentanyl (NFLIS "Acryl fentanyl", summed from the export by hand): 2017H1 1604 (the
    // peak; a quarter is 401), 2017H2 481, 2018H1 78. US temporary order 2017-07-14 (82 FR 32453):
    // 2017H2 starts before it, 2018H1 is the first half-year after it and below 401: July 2017 to
    // January 2018 = 6 months. China 2017-03-01: 2017H2 481 >= 401, 2018H1 78: March 2017 to
    // January 2018 = 10 months.
    Row acryl = watch("acryl fentanyl");
    assertThat(day(acryl, "us_control_date")).isEqualTo(LocalDate.of(2017, 7, 14));
    assertThat(acryl.<String>getAs("us_control")).isEqualTo("us_temporary");
    assertThat(acryl.<Integer>getAs("months_to_quarter_peak_us")).isEqualTo(6);
    assertThat(acryl.<Integer>getAs("months_to_quarter_peak_china")).isEqualTo(10);
    // meta-fluorofentanyl: placed by name 2023-12-07 (88 FR 85104), and under the class order from
    // 2018-02-06 because the proposal of the same docket (88 FR 22391) says so: the earliest US
    // measure, the one analog_watch shows, is the class order.
    Row mff = watch("meta-fluorofentanyl");
    assertThat(mff.<Boolean>getAs("scheduling_listed")).isTrue();
    assertThat(day(mff, "us_control_date")).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(mff.<String>getAs("us_control")).isEqualTo("us_class_wide");
    // phenyl fentanyl (NFLIS "Phenyl fentanyl"): 86 FR 22113 names it by its systematic name and
    // puts it under the class order too.
    Row phenyl = watch("phenyl fentanyl");
    assertThat(day(phenyl, "us_control_date")).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(phenyl.<String>getAs("us_control_source")).contains("86 FR 22113");
  }

  @Test
  void unmatchedSubstancesCarryNoDateAndTheClassRowCarriesTheClassWideOnes() {
    Row pff = watch("para-fluorofentanyl");
    assertThat(pff.<Boolean>getAs("scheduling_listed")).isFalse();
    assertThat(day(pff, "us_control_date")).isNull();
    Row cls = watch("fentanyl-related substance");
    assertThat(day(cls, "us_control_date")).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(cls.<String>getAs("us_control")).isEqualTo("us_class_wide");
    assertThat(day(cls, "china_control_date")).isEqualTo(LocalDate.of(2019, 5, 1));
  }
}
