package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.trends.TrendsFixtures.pills;
import static org.fentrace.trends.TrendsFixtures.seizure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV exports, compared byte for byte. Inputs (run date 2023-10-20), all FENTANYL:
 *
 * <pre>
 * 2023-08-14  CHINA_DIRECT   200 pills        (a month with events but 0 kg: shares empty)
 * 2023-09-02  CHINA_DIRECT   1.25 kg          share 1.25 / (1.25 + 3.75) = 0.25
 * 2023-09-19  MEXICO_CARTEL  3.75 kg          share 3.75 / 5 = 0.75
 * 2023-10-03  MEXICO_CARTEL  3 kg             (October 2023 is fiscal year 2024)
 * 2023-10-04  MEXICO_CARTEL  500 pills
 * </pre>
 *
 * Fiscal year 2023: China 2 events, 1.25 kg, 200 pills, share 0.25; Mexico 1 event, 3.75 kg, share
 * 0.75; partial (the delivery covers August and September only). Fiscal year 2024: Mexico 2 events,
 * 3 kg, 500 pills, share 1; partial (the run date is before 30 September 2024).
 */
class CsvExportTest {
  @TempDir Path tmp;

  // One source, seizure_events, whose one file covers August to October 2023 (its first and last
  // event dates).
  private static final String ROUTE_MONTHLY_CSV =
      """
      source,month,fiscal_year,route,substance_class,covered,events,quantity_kg,dosage_units,share_of_month_kg
      seizure_events,2023-08-01,2023,CHINA_DIRECT,FENTANYL,true,1,0,200,
      seizure_events,2023-08-01,2023,CHINA_PRECURSOR_VIA_MEXICO,FENTANYL,true,0,0,0,
      seizure_events,2023-08-01,2023,MEXICO_CARTEL,FENTANYL,true,0,0,0,
      seizure_events,2023-08-01,2023,OTHER_ORIGIN,FENTANYL,true,0,0,0,
      seizure_events,2023-08-01,2023,UNATTRIBUTED,FENTANYL,true,0,0,0,
      seizure_events,2023-09-01,2023,CHINA_DIRECT,FENTANYL,true,1,1.25,0,0.25
      seizure_events,2023-09-01,2023,CHINA_PRECURSOR_VIA_MEXICO,FENTANYL,true,0,0,0,0
      seizure_events,2023-09-01,2023,MEXICO_CARTEL,FENTANYL,true,1,3.75,0,0.75
      seizure_events,2023-09-01,2023,OTHER_ORIGIN,FENTANYL,true,0,0,0,0
      seizure_events,2023-09-01,2023,UNATTRIBUTED,FENTANYL,true,0,0,0,0
      seizure_events,2023-10-01,2024,CHINA_DIRECT,FENTANYL,true,0,0,0,0
      seizure_events,2023-10-01,2024,CHINA_PRECURSOR_VIA_MEXICO,FENTANYL,true,0,0,0,0
      seizure_events,2023-10-01,2024,MEXICO_CARTEL,FENTANYL,true,2,3,500,1
      seizure_events,2023-10-01,2024,OTHER_ORIGIN,FENTANYL,true,0,0,0,0
      seizure_events,2023-10-01,2024,UNATTRIBUTED,FENTANYL,true,0,0,0,0
      """;

  // FY2023 has 2 covered months (August, September), FY2024 1 (October): neither year is compared
  // with the one before.
  private static final String ROUTE_FISCAL_YEAR_CSV =
      """
      source,fiscal_year,route,substance_class,months_covered,events,quantity_kg,dosage_units,share_of_year_kg,partial_year,pct_change_prior_year,comparison_note
      seizure_events,2023,CHINA_DIRECT,FENTANYL,2,2,1.25,200,0.25,true,,seizure_events does not cover FY2022
      seizure_events,2023,CHINA_PRECURSOR_VIA_MEXICO,FENTANYL,2,0,0,0,0,true,,seizure_events does not cover FY2022
      seizure_events,2023,MEXICO_CARTEL,FENTANYL,2,1,3.75,0,0.75,true,,seizure_events does not cover FY2022
      seizure_events,2023,OTHER_ORIGIN,FENTANYL,2,0,0,0,0,true,,seizure_events does not cover FY2022
      seizure_events,2023,UNATTRIBUTED,FENTANYL,2,0,0,0,0,true,,seizure_events does not cover FY2022
      seizure_events,2024,CHINA_DIRECT,FENTANYL,1,0,0,0,0,true,,coverage differs: seizure_events covers 2 month(s) of FY2023 and 1 of FY2024
      seizure_events,2024,CHINA_PRECURSOR_VIA_MEXICO,FENTANYL,1,0,0,0,0,true,,coverage differs: seizure_events covers 2 month(s) of FY2023 and 1 of FY2024
      seizure_events,2024,MEXICO_CARTEL,FENTANYL,1,2,3,500,1,true,,coverage differs: seizure_events covers 2 month(s) of FY2023 and 1 of FY2024
      seizure_events,2024,OTHER_ORIGIN,FENTANYL,1,0,0,0,0,true,,coverage differs: seizure_events covers 2 month(s) of FY2023 and 1 of FY2024
      seizure_events,2024,UNATTRIBUTED,FENTANYL,1,0,0,0,0,true,,coverage differs: seizure_events covers 2 month(s) of FY2023 and 1 of FY2024
      """;

  @Test
  void exportsAreExactSortedAndByteIdenticalOnARerun() throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    TrendsFixtures.write(
        warehouse,
        WarehouseTable.SEIZURES,
        List.of(
            // Written out of order on purpose: the export sorts.
            seizure("2023-10-03", "MEXICO_CARTEL", "FENTANYL", "3"),
            pills("2023-08-14", "CHINA_DIRECT", "FENTANYL", 200),
            seizure("2023-09-19", "MEXICO_CARTEL", "FENTANYL", "3.75"),
            seizure("2023-09-02", "CHINA_DIRECT", "FENTANYL", "1.25"),
            pills("2023-10-04", "MEXICO_CARTEL", "FENTANYL", 500)));
    TrendsResult result = TrendsFixtures.run(warehouse, LocalDate.of(2023, 10, 20), "run-export-1");
    Path monthly = warehouse.resolve("exports/route_monthly.csv");
    Path fiscal = warehouse.resolve("exports/route_fiscal_year.csv");
    assertThat(result.exports()).hasSize(3);
    assertThat(Files.readString(monthly)).isEqualTo(ROUTE_MONTHLY_CSV);
    assertThat(Files.readString(fiscal)).isEqualTo(ROUTE_FISCAL_YEAR_CSV);
    // No temporary file is left next to the exports.
    assertThat(
            Files.list(warehouse.resolve("exports"))
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".csv")))
        .containsExactlyInAnyOrder(
            "route_monthly.csv", "route_fiscal_year.csv", "source_coverage.csv");
    assertThat(Files.readString(warehouse.resolve("exports/source_coverage.csv")))
        .isEqualTo(
            """
        source,month,fiscal_year,covered,coverage_first_month,coverage_last_month
        seizure_events,2023-08-01,2023,true,2023-08-01,2023-10-01
        seizure_events,2023-09-01,2023,true,2023-08-01,2023-10-01
        seizure_events,2023-10-01,2024,true,2023-08-01,2023-10-01
        """);

    byte[] monthlyBytes = Files.readAllBytes(monthly);
    byte[] fiscalBytes = Files.readAllBytes(fiscal);
    TrendsFixtures.run(warehouse, LocalDate.of(2023, 10, 20), "run-export-2");
    assertThat(Files.readAllBytes(monthly)).isEqualTo(monthlyBytes);
    assertThat(Files.readAllBytes(fiscal)).isEqualTo(fiscalBytes);
    // Each trend table's marker names the run that published it last (the second one), as the
    // normalized tables' markers do; Spark's own marker would be empty.
    for (String table : TrendsAction.TABLES) {
      assertThat(warehouse.resolve(table).resolve("_SUCCESS"))
          .as(table)
          .hasContent("{\"run_id\": \"run-export-2\"}");
    }
  }

  @Test
  void anEmptyWarehouseGivesEmptyTablesAndHeaderOnlyExports() throws Exception {
    Path warehouse = Files.createDirectories(tmp.resolve("empty"));
    TrendsResult result = TrendsFixtures.run(warehouse, LocalDate.of(2024, 1, 31), "run-empty");
    assertThat(result.firstMonth()).isNull();
    // 11 tables: the 9 written before the analog waves (analog_watch among them), analog_waves,
    // analog_successors.
    assertThat(result.tableRows())
        .hasSize(11)
        .allSatisfy((table, rows) -> assertThat(rows).isZero());
    assertThat(TrendsFixtures.table(warehouse, "route_trends").columns())
        .contains("trend_pct_per_month_24m");
    assertThat(Files.readString(warehouse.resolve("exports/route_monthly.csv")))
        .isEqualTo(
            "source,month,fiscal_year,route,substance_class,covered,events,quantity_kg,dosage_units,share_of_month_kg\n");
    assertThat(Files.readString(warehouse.resolve("exports/route_fiscal_year.csv")))
        .isEqualTo(
            "source,fiscal_year,route,substance_class,months_covered,events,quantity_kg,dosage_units,share_of_year_kg,partial_year,pct_change_prior_year,comparison_note\n");
  }
}
