package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.fentrace.warehouse.TableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The NFLIS DQS reader on the real export (8,923 rows, DEA NFLIS-Drug, query run 2026-03-03), which
 * is not in the repository. Point the system property {@code fentrace.nflis.file} or the
 * environment variable {@code FENTRACE_NFLIS_FILE} at it; without either the test is skipped.
 *
 * <p>Expected figures were computed from the file independently of fentrace (Python's csv module
 * summing DRUG_REPORTS) and agree with the export's provenance note: 8,923 rows, 182 substance
 * names, 1,445,952 reports. Documented rejects: none. Every row has a year, an SA1/SA2 period and a
 * positive count; the 3 rows of NFLIS's state XX (Unknown) are kept, with a null us_state.
 */
class NflisDqsRealFileIT {
  static NflisReading.Outcome outcome;

  @BeforeAll
  static void read() throws IOException {
    String path = System.getProperty("fentrace.nflis.file", System.getenv("FENTRACE_NFLIS_FILE"));
    assumeTrue(
        path != null && Files.isRegularFile(Path.of(path)),
        "set -Dfentrace.nflis.file or FENTRACE_NFLIS_FILE to the NFLIS DQS export to run this test");
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      outcome = NflisReading.read(in, LocalDate.of(2026, 3, 3));
    }
  }

  private static long reports(java.util.function.Predicate<TableRow> which) {
    return outcome.rows().stream().filter(which).mapToLong(r -> (Long) r.get("report_count")).sum();
  }

  @Test
  void everyRowIsReadAndNoneRejected() {
    assertThat(outcome.rowsRead()).isEqualTo(8_923);
    assertThat(outcome.rejects()).isEmpty();
    assertThat(outcome.rows()).hasSize(8_923);
    assertThat(outcome.rows().stream().map(r -> r.get("substance_raw")).collect(Collectors.toSet()))
        .hasSize(182);
    assertThat(outcome.rows().stream().map(r -> r.get("record_id")).distinct().count())
        .isEqualTo(8_923);
  }

  @Test
  void handCheckedTotals() {
    assertThat(reports(r -> true)).isEqualTo(1_445_952L);
    // Base substance "Carfentanil", every state and half-year.
    assertThat(reports(r -> "Carfentanil".equals(r.get("base_substance_raw")))).isEqualTo(14_666L);
    // Base substance "Fentanyl" in 2019 (both half-years): the dictionary reads it as fentanyl.
    assertThat(
            reports(
                r ->
                    "Fentanyl".equals(r.get("base_substance_raw"))
                        && ((LocalDate) r.get("period_start")).getYear() == 2019))
        .isEqualTo(104_267L);
    assertThat(
            reports(
                r ->
                    "fentanyl".equals(r.get("substance_name"))
                        && ((LocalDate) r.get("period_start")).getYear() == 2019))
        .isEqualTo(104_267L);
    // 2025 SA2, the latest half-year (still growing as laboratories report late).
    assertThat(reports(r -> r.get("period_start").equals(LocalDate.of(2025, 7, 1))))
        .isEqualTo(57_180L);
    // NFLIS's XX (Unknown): three rows of one report each, kept with no state.
    assertThat(reports(r -> r.get("us_state") == null)).isEqualTo(3L);
  }
}
