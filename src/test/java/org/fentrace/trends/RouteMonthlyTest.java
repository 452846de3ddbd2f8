package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fentrace.trends.TrendsFixtures.pills;
import static org.fentrace.trends.TrendsFixtures.row;
import static org.fentrace.trends.TrendsFixtures.seizure;
import static org.fentrace.trends.TrendsFixtures.table;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * route_monthly, route_fiscal_year and the by-form / by-conveyance tables on a hand-made warehouse.
 *
 * <pre>
 * date        route          class       kg    pills  form    conveyance
 * 2022-10-03  CHINA_DIRECT   FENTANYL    1            POWDER  INTERNATIONAL_MAIL
 * 2022-12-15  CHINA_DIRECT   FENTANYL    2            POWDER  EXPRESS_CONSIGNMENT
 * 2022-12-20  MEXICO_CARTEL  FENTANYL    4            POWDER  LAND_VEHICLE
 * 2022-12-21  MEXICO_CARTEL  FENTANYL    2            POWDER  LAND_VEHICLE
 * 2022-12-22  MEXICO_CARTEL  FENTANYL          1000   PILLS   PEDESTRIAN
 * 2023-09-01  MEXICO_CARTEL  OTHER_DRUG  10 (a CBP aggregate of 5 events, cbp.csv)  UNKNOWN
 * 2023-11-10  (no route)     FENTANYL    0.5          POWDER  UNKNOWN
 * 2024-04-02  CHINA_DIRECT   FENTANYL    100  (later.csv, after the run month: left out)
 * </pre>
 *
 * Run date 2024-03-10. Two sources: seizure_events (test.csv covers 2022-10 .. 2023-11; later.csv
 * only months after the run month) and cbp_published (cbp.csv covers 2023-09 only). Span: 2022-10
 * .. 2023-11 = 14 months; classes FENTANYL, OTHER_DRUG; 5 routes; every table has one block per
 * source.
 */
class RouteMonthlyTest {
  @TempDir static Path tmp;
  static Path warehouse;
  static TrendsResult result;

  @BeforeAll
  static void run() throws Exception {
    warehouse = tmp.resolve("warehouse");
    TrendsFixtures.write(
        warehouse,
        WarehouseTable.SEIZURES,
        List.of(
            seizure("2022-10-03", "CHINA_DIRECT", "FENTANYL", "1")
                .set("conveyance", "INTERNATIONAL_MAIL"),
            seizure("2022-12-15", "CHINA_DIRECT", "FENTANYL", "2")
                .set("conveyance", "EXPRESS_CONSIGNMENT"),
            seizure("2022-12-20", "MEXICO_CARTEL", "FENTANYL", "4")
                .set("conveyance", "LAND_VEHICLE"),
            seizure("2022-12-21", "MEXICO_CARTEL", "FENTANYL", "2")
                .set("conveyance", "LAND_VEHICLE"),
            pills("2022-12-22", "MEXICO_CARTEL", "FENTANYL", 1000).set("conveyance", "PEDESTRIAN"),
            seizure("2023-09-01", "MEXICO_CARTEL", "OTHER_DRUG", "10")
                .set("event_count", 5)
                .set("form", "UNKNOWN")
                .set("source_format", "cbp_nationwide")
                .set("source_file", "cbp.csv"),
            seizure("2023-11-10", null, "FENTANYL", "0.5"),
            seizure("2024-04-02", "CHINA_DIRECT", "FENTANYL", "100")
                .set("source_file", "later.csv")));
    result = TrendsFixtures.run(warehouse, LocalDate.of(2024, 3, 10), "run-monthly");
  }

  @Test
  void schemaIsTheContractsWithExactTypes() {
    assertThat(table(warehouse, "route_monthly").schema().simpleString())
        .isEqualTo(
            "struct<source:string,month:date,"
                + "fiscal_year:int,route:string,substance_class:string,covered:boolean,events:bigint,quantity_kg:decimal(22,9),"
                + "dosage_units:bigint,share_of_month_kg:double>");
    assertThat(table(warehouse, "route_fiscal_year").schema().simpleString())
        .isEqualTo(
            "struct<source:string,"
                + "fiscal_year:int,route:string,substance_class:string,months_covered:int,events:bigint,quantity_kg:decimal(22,9),"
                + "dosage_units:bigint,share_of_year_kg:double,partial_year:boolean,pct_change_prior_year:double,"
                + "comparison_note:string>");
  }

  @Test
  void denseGridOfEveryMonthRouteAndObservedClass() {
    // 2 sources x 14 months x 5 routes x 2 classes; the April 2024 row is after the run month and
    // is not counted.
    assertThat(result.firstMonth()).isEqualTo(YearMonth.of(2022, 10));
    assertThat(result.lastMonth()).isEqualTo(YearMonth.of(2023, 11));
    assertThat(result.tableRows()).containsEntry("route_monthly", 280L);
    assertThat(table(warehouse, "route_monthly").filter("month > '2023-11-01'").count()).isZero();
    // November 2022 had no seizure at all: ten zero rows whose share is null (0 kg in the month).
    List<Row> november =
        table(warehouse, "route_monthly")
            .filter("source = 'seizure_events' AND month = '2022-11-01'")
            .collectAsList();
    assertThat(november)
        .hasSize(10)
        .allSatisfy(
            r -> {
              assertThat(r.<Long>getAs("events")).isZero();
              assertThat(r.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("0");
              assertThat(r.<Long>getAs("dosage_units")).isZero();
              assertThat(r.<Object>getAs("share_of_month_kg")).isNull();
            });
    assertThat(november.get(0).<java.sql.Date>getAs("month").toLocalDate())
        .isEqualTo(LocalDate.of(2022, 11, 1));
    assertThat(november.get(0).<Integer>getAs("fiscal_year")).isEqualTo(2023);
    // CBP covered only September 2023: in November 2022 its rows are no data (null), not zero.
    List<Row> cbp =
        table(warehouse, "route_monthly")
            .filter("source = 'cbp_published' AND month = '2022-11-01'")
            .collectAsList();
    assertThat(cbp)
        .hasSize(10)
        .allSatisfy(
            r -> {
              assertThat(r.<Boolean>getAs("covered")).isFalse();
              assertThat(r.<Object>getAs("events")).isNull();
              assertThat(r.<Object>getAs("quantity_kg")).isNull();
            });
    // No row of one source holds the other's seizure: the CBP 10 kg is in cbp_published only.
    assertThat(
            row(
                    warehouse,
                    "route_monthly",
                    "source = 'seizure_events' AND month = '2023-09-01'"
                        + " AND route = 'MEXICO_CARTEL' AND substance_class = 'OTHER_DRUG'")
                .<java.math.BigDecimal>getAs("quantity_kg"))
        .isEqualByComparingTo("0");
  }

  @Test
  void monthlyTotalsAndShares() {
    // December 2022, FENTANYL: China 2 kg; Mexico 4 + 2 = 6 kg and 1000 pills in 3 events.
    // Shares of the month's 8 kg: China 2/8 = 0.25, Mexico 6/8 = 0.75, the other routes 0/8 = 0.
    Row china =
        row(
            warehouse,
            "route_monthly",
            "source = 'seizure_events' AND month = '2022-12-01' AND route = 'CHINA_DIRECT' AND substance_class = 'FENTANYL'");
    assertThat(china.<Long>getAs("events")).isEqualTo(1L);
    assertThat(china.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("2");
    assertThat(china.<Double>getAs("share_of_month_kg")).isEqualTo(0.25);
    Row mexico =
        row(
            warehouse,
            "route_monthly",
            "source = 'seizure_events' AND month = '2022-12-01' AND route = 'MEXICO_CARTEL' AND substance_class = 'FENTANYL'");
    assertThat(mexico.<Long>getAs("events")).isEqualTo(3L);
    assertThat(mexico.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("6");
    assertThat(mexico.<Long>getAs("dosage_units")).isEqualTo(1000L);
    assertThat(mexico.<Double>getAs("share_of_month_kg")).isEqualTo(0.75);
    Row other =
        row(
            warehouse,
            "route_monthly",
            "source = 'seizure_events' AND month = '2022-12-01' AND route = 'OTHER_ORIGIN' AND substance_class = 'FENTANYL'");
    assertThat(other.<Double>getAs("share_of_month_kg")).isEqualTo(0.0);
    // The CBP aggregate counts its 5 events; a row without a route counts as UNATTRIBUTED.
    Row cbp =
        row(
            warehouse,
            "route_monthly",
            "source = 'cbp_published' AND month = '2023-09-01' AND route = 'MEXICO_CARTEL' AND substance_class = 'OTHER_DRUG'");
    assertThat(cbp.<Long>getAs("events")).isEqualTo(5L);
    assertThat(cbp.<Double>getAs("share_of_month_kg")).isEqualTo(1.0);
    Row unattributed =
        row(
            warehouse,
            "route_monthly",
            "source = 'seizure_events' AND month = '2023-11-01' AND route = 'UNATTRIBUTED' AND substance_class = 'FENTANYL'");
    assertThat(unattributed.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("0.5");
  }

  @Test
  void fiscalYearsSumTheMonthsAndFlagPartialYears() {
    // FY2023 = Oct 2022 .. Sep 2023, fully covered (data from October, through September) and over
    // by the
    // run date: not partial. FENTANYL: China 1 + 2 = 3 kg in 2 events, Mexico 6 kg + 1000 pills in
    // 3 events;
    // shares of 9 kg: 3/9 and 6/9.
    Row china =
        row(
            warehouse,
            "route_fiscal_year",
            "source = 'seizure_events' AND fiscal_year = 2023 AND route = 'CHINA_DIRECT' AND substance_class = 'FENTANYL'");
    assertThat(china.<Long>getAs("events")).isEqualTo(2L);
    assertThat(china.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("3");
    assertThat(china.<Double>getAs("share_of_year_kg")).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(china.<Boolean>getAs("partial_year")).isFalse();
    Row mexico =
        row(
            warehouse,
            "route_fiscal_year",
            "source = 'seizure_events' AND fiscal_year = 2023 AND route = 'MEXICO_CARTEL' AND substance_class = 'FENTANYL'");
    assertThat(mexico.<Long>getAs("events")).isEqualTo(3L);
    assertThat(mexico.<Long>getAs("dosage_units")).isEqualTo(1000L);
    assertThat(mexico.<Double>getAs("share_of_year_kg")).isCloseTo(2.0 / 3, within(1e-15));
    // FY2024: the data ends in November 2023 and the run date (2024-03-10) is before 30 Sep 2024:
    // partial.
    // OTHER_DRUG has no kg in FY2024: shares are null.
    Row fy24 =
        row(
            warehouse,
            "route_fiscal_year",
            "source = 'seizure_events' AND fiscal_year = 2024 AND route = 'UNATTRIBUTED' AND substance_class = 'FENTANYL'");
    assertThat(fy24.<Boolean>getAs("partial_year")).isTrue();
    assertThat(fy24.<Double>getAs("share_of_year_kg")).isEqualTo(1.0);
    assertThat(
            row(
                    warehouse,
                    "route_fiscal_year",
                    "source = 'seizure_events' AND fiscal_year = 2024 AND route = 'MEXICO_CARTEL' AND substance_class = 'OTHER_DRUG'")
                .<Object>getAs("share_of_year_kg"))
        .isNull();
    // FY2022 is not in the table and FY2023 has no covered year before it: no change, and the note
    // says why.
    assertThat(china.<Object>getAs("pct_change_prior_year")).isNull();
    assertThat(china.<String>getAs("comparison_note"))
        .isEqualTo("seizure_events does not cover FY2022");
    assertThat(china.<Integer>getAs("months_covered")).isEqualTo(12);
    // FY2024 covers October and November only, FY2023 all 12 months: a comparison would measure
    // coverage.
    assertThat(fy24.<Object>getAs("pct_change_prior_year")).isNull();
    assertThat(fy24.<String>getAs("comparison_note"))
        .isEqualTo("coverage differs: seizure_events covers 12 month(s) of FY2023 and 2 of FY2024");
    // CBP covered one month of FY2023 (partial) and none of FY2024 (measures null, not 0).
    Row cbp23 =
        row(
            warehouse,
            "route_fiscal_year",
            "source = 'cbp_published' AND fiscal_year = 2023 AND route = 'MEXICO_CARTEL' AND substance_class = 'OTHER_DRUG'");
    assertThat(cbp23.<Integer>getAs("months_covered")).isEqualTo(1);
    assertThat(cbp23.<Boolean>getAs("partial_year")).isTrue();
    assertThat(cbp23.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("10");
    Row cbp24 =
        row(
            warehouse,
            "route_fiscal_year",
            "source = 'cbp_published' AND fiscal_year = 2024 AND route = 'MEXICO_CARTEL' AND substance_class = 'OTHER_DRUG'");
    assertThat(cbp24.<Object>getAs("quantity_kg")).isNull();
    assertThat(cbp24.<String>getAs("comparison_note"))
        .isEqualTo("cbp_published does not cover FY2024");
    // 2 sources x 2 fiscal years x 5 routes x 2 classes.
    assertThat(result.tableRows()).containsEntry("route_fiscal_year", 40L);
  }

  @Test
  void byFormAndByConveyanceAreDenseOverObservedValues() {
    // Forms seen: POWDER, PILLS, UNKNOWN -> 2 sources x 14 x 5 x 2 x 3 = 840 rows. December Mexico
    // fentanyl splits into
    // 6 kg of powder (2 events, share 6 / (2 + 6) = 0.75 of powder) and 1000 pills (1 event, no kg:
    // share null).
    assertThat(result.tableRows()).containsEntry("route_monthly_by_form", 840L);
    Row powder =
        row(
            warehouse,
            "route_monthly_by_form",
            "source = 'seizure_events' AND month = '2022-12-01' AND route = 'MEXICO_CARTEL' AND substance_class = 'FENTANYL' AND form = 'POWDER'");
    assertThat(powder.<Long>getAs("events")).isEqualTo(2L);
    assertThat(powder.<Double>getAs("share_of_month_kg")).isEqualTo(0.75);
    Row pills =
        row(
            warehouse,
            "route_monthly_by_form",
            "source = 'seizure_events' AND month = '2022-12-01' AND route = 'MEXICO_CARTEL' AND substance_class = 'FENTANYL' AND form = 'PILLS'");
    assertThat(pills.<Long>getAs("dosage_units")).isEqualTo(1000L);
    assertThat(pills.<Object>getAs("share_of_month_kg")).isNull();
    // Conveyances seen: INTERNATIONAL_MAIL, EXPRESS_CONSIGNMENT, LAND_VEHICLE, PEDESTRIAN, UNKNOWN
    // -> 1400 rows.
    assertThat(result.tableRows()).containsEntry("route_monthly_by_conveyance", 1400L);
    Row land =
        row(
            warehouse,
            "route_monthly_by_conveyance",
            "source = 'seizure_events' AND month = '2022-12-01' AND route = 'MEXICO_CARTEL' AND substance_class = 'FENTANYL' AND conveyance = 'LAND_VEHICLE'");
    assertThat(land.<java.math.BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("6");
    assertThat(land.<Double>getAs("share_of_month_kg")).isEqualTo(1.0);
    assertThat(table(warehouse, "route_monthly_by_conveyance").columns())
        .containsExactly(
            "source",
            "month",
            "fiscal_year",
            "route",
            "substance_class",
            "conveyance",
            "covered",
            "events",
            "quantity_kg",
            "dosage_units",
            "share_of_month_kg");
  }

  @Test
  void publishedWithoutLeftoversInStaging() {
    assertThat(tmp.resolve("warehouse/_staging/run-monthly")).doesNotExist();
    assertThat(result.tableRows().keySet())
        .containsExactly(
            "route_monthly",
            "route_fiscal_year",
            "route_monthly_by_form",
            "route_monthly_by_conveyance",
            "route_trends",
            "route_lead_changes",
            "pill_press_monthly",
            "analog_watch",
            "analog_waves",
            "analog_successors",
            "source_coverage");
    // No shipments table at all: the pill press table is there, empty.
    assertThat(result.tableRows()).containsEntry("pill_press_monthly", 0L);
  }
}
