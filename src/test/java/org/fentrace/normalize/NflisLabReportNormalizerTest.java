package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.fentrace.core.InputFormat;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;

/**
 * The NFLIS DQS reader on a nine-row fixture in the export's own layout (every value quoted, the
 * laboratory-type list holding commas). The first, second, third and last rows are copied from the
 * real export; the others are damaged on purpose. Every expectation is read off the fixture by
 * hand.
 */
class NflisLabReportNormalizerTest {
  /** The day the real export's query ran. */
  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 3);

  private static NflisReading.Outcome tiny() throws IOException {
    try (InputStream in =
        NflisLabReportNormalizerTest.class.getResourceAsStream("nflis-dqs-tiny.csv")) {
      return NflisReading.read(in, RUN_DATE);
    }
  }

  @Test
  void theExportHeaderIsRecognisedAsItsOwnFormat() {
    HeaderMatch m =
        HeaderMatch.of(
            java.util.List.of(
                "LABTYPE",
                "RPTAGGR",
                "YYYY",
                "PERIOD",
                "DRUG_REPORTS",
                "QUERY_RUN_DATE",
                "SUBSTANCE_ID",
                "SUBSTANCE_DESCRIPTION",
                "BASE_ID",
                "BASE_DESCRIPTION",
                "DRUG_CATEGORY_CODE",
                "DRUG_CATEGORY_DESCRIPTION",
                "STATE",
                "STATE_LONG_NAME",
                "STATE_FIPS"));
    assertThat(m.format()).isEqualTo(InputFormat.NFLIS_DQS);
    assertThat(m.usable()).isTrue();
    assertThat(m.extraColumns()).isEmpty();
    // Without DRUG_REPORTS it is still taken as this format, so its rows are quarantined, not
    // skipped.
    HeaderMatch broken =
        HeaderMatch.of(java.util.List.of("YYYY", "PERIOD", "drug reports", "STATE"));
    assertThat(broken.format()).isEqualTo(InputFormat.NFLIS_DQS);
    assertThat(broken.missingRequired())
        .containsExactly("substance_id", "substance_description", "base_id", "base_description");
  }

  @Test
  void goodRowsAreKeptWithSubstanceIdsStateHalfYearAndCount() throws IOException {
    NflisReading.Outcome o = tiny();
    assertThat(o.rowsRead()).isEqualTo(9);
    assertThat(o.rows()).hasSize(5);
    TableRow pa = o.rows().get(0); // line 2: PA, 2019 SA2, FENTANYL, 4514 reports
    assertThat(pa.table()).isEqualTo(WarehouseTable.LAB_REPORTS);
    assertThat(pa.get("source")).isEqualTo("nflis_lab_reports");
    assertThat(pa.get("source_format")).isEqualTo("nflis_dqs");
    assertThat(pa.get("source_line")).isEqualTo(2L);
    assertThat(pa.get("half_year")).isEqualTo(2);
    assertThat(pa.get("period_start")).isEqualTo(LocalDate.of(2019, 7, 1));
    assertThat(pa.get("report_count")).isEqualTo(4514L);
    assertThat(pa.get("dea_substance_id")).isEqualTo("1504");
    assertThat(pa.get("dea_base_id")).isEqualTo("1504");
    assertThat(pa.get("substance_name")).isEqualTo("fentanyl");
    assertThat(pa.get("substance_class")).isEqualTo("FENTANYL");
    assertThat(pa.get("us_state")).isEqualTo("PA");
    assertThat(pa.get("query_run_date")).isEqualTo(RUN_DATE);

    TableRow ri = o.rows().get(1); // line 3: a salt form whose base is acetyl fentanyl
    assertThat(ri.get("dea_substance_id")).isEqualTo("3660");
    assertThat(ri.get("dea_base_id")).isEqualTo("3340");
    assertThat(ri.get("substance_raw")).asString().startsWith("ACETYL FENTANYL (N-(1-PHENETHYL");
    assertThat(ri.get("base_substance_raw")).isEqualTo("Acetyl fentanyl");
    assertThat(ri.get("substance_name")).isEqualTo("acetyl fentanyl");
    assertThat(ri.get("substance_class")).isEqualTo("FENTANYL_ANALOG");
    assertThat(ri.get("period_start")).isEqualTo(LocalDate.of(2018, 1, 1));

    assertThat(o.rows().get(2).get("substance_class"))
        .isEqualTo("FENTANYL_PRECURSOR"); // line 4: 4-ANPP
    TableRow unknownState = o.rows().get(3); // line 5: NFLIS's XX, Unknown
    assertThat(unknownState.get("us_state")).isNull();
    assertThat(unknownState.get("state_raw")).isEqualTo("XX");
    assertThat(o.rows().get(4).get("substance_name")).isEqualTo("fluorofentanyl"); // line 10

    // 4514 + 1 + 34 + 1 + 178
    assertThat(o.rows().stream().mapToLong(r -> (Long) r.get("report_count")).sum())
        .isEqualTo(4728L);
  }

  @Test
  void badRowsAreRejectedWithTheirReason() throws IOException {
    assertThat(tiny().rejects())
        .isEqualTo(
            Map.of(
                6L, RejectReason.BAD_COUNT, // DRUG_REPORTS 0
                7L, RejectReason.BAD_DATE, // PERIOD Q3
                8L, RejectReason.FUTURE_DATE, // 2026 SA2 starts 2026-07-01, after the run date
                9L, RejectReason.BAD_COUNT)); // DRUG_REPORTS 12a
  }

  @Test
  void theRecordIdIsTheSameCountWhateverTheLine() throws IOException {
    NflisReading.Outcome o = tiny();
    TableRow pa = o.rows().get(0);
    assertThat((String) pa.get("record_id")).startsWith("nflis_dqs:");
    assertThat(o.rows().stream().map(r -> r.get("record_id")).distinct()).hasSize(5);
    assertThat(NflisLabReportNormalizer.parseHalfYear("sa1")).isEqualTo(1);
    assertThat(NflisLabReportNormalizer.queryRunDate("not a date")).isNull();
  }
}
