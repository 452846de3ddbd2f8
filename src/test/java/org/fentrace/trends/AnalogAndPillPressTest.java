package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.trends.TrendsFixtures.pills;
import static org.fentrace.trends.TrendsFixtures.row;
import static org.fentrace.trends.TrendsFixtures.seizure;
import static org.fentrace.trends.TrendsFixtures.shipment;
import static org.fentrace.trends.TrendsFixtures.table;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analog_watch over two runs (new_this_run compares with the previous analog_watch, and never marks
 * a left-censored analog, one seized in its source's first covered month) and pill_press_monthly.
 *
 * <pre>
 * run 1 seizures: acetyl fentanyl 2022-05 0.2 kg and 2022-07 100 pills; carfentanil 2022-07 0.001 kg;
 *                 3-fluoro-x-fentanyl (unlisted) 2022-07 0.05 kg; fentanyl 2022-06 1 kg (its own class: not listed)
 * run 2 adds:     ortho-methylfentanyl 2022-08 0.3 kg
 * shipments:      PILL_PRESS 2022-05 CHINA_DIRECT 120.5 kg + 80 kg; PILL_PRESS 2022-07 CHINA_PRECURSOR_VIA_MEXICO
 *                 without weight; OTHER goods 2022-06 CHINA_DIRECT 999 kg (not a press, but a month of data)
 * </pre>
 */
class AnalogAndPillPressTest {
  @TempDir static Path tmp;
  static Path warehouse;
  static TrendsResult first;
  static List<Row> firstWatch;
  static TrendsResult second;

  private static TableRow analog(String date, String name, String kg) {
    return seizure(date, "CHINA_DIRECT", "FENTANYL_ANALOG", kg).set("substance_name", name);
  }

  @BeforeAll
  static void runTwice() throws Exception {
    warehouse = tmp.resolve("warehouse");
    List<TableRow> seizures =
        new ArrayList<>(
            List.of(
                analog("2022-05-02", "acetyl fentanyl", "0.2"),
                pills("2022-07-02", "MEXICO_CARTEL", "FENTANYL_ANALOG", 100)
                    .set("substance_name", "acetyl fentanyl"),
                analog("2022-07-09", "carfentanil", "0.001"),
                analog("2022-07-11", "3-fluoro-x-fentanyl", "0.05").set("substance_unlisted", true),
                seizure("2022-06-01", "MEXICO_CARTEL", "FENTANYL", "1")));
    TrendsFixtures.write(warehouse, WarehouseTable.SEIZURES, seizures);
    TrendsFixtures.write(
        warehouse,
        WarehouseTable.SHIPMENTS,
        List.of(
            shipment("2022-05-03", "CHINA_DIRECT", "PILL_PRESS", "120.5"),
            shipment("2022-05-20", "CHINA_DIRECT", "PILL_PRESS", "80"),
            shipment("2022-07-01", "CHINA_PRECURSOR_VIA_MEXICO", "PILL_PRESS", null),
            shipment("2022-06-15", "CHINA_DIRECT", "OTHER", "999")));
    first = TrendsFixtures.run(warehouse, LocalDate.of(2022, 9, 1), "run-analogs-1");
    firstWatch = table(warehouse, "analog_watch").orderBy("substance_name").collectAsList();

    seizures.add(analog("2022-08-30", "ortho-methylfentanyl", "0.3"));
    TrendsFixtures.write(warehouse, WarehouseTable.SEIZURES, seizures);
    second = TrendsFixtures.run(warehouse, LocalDate.of(2022, 9, 1), "run-analogs-2");
  }

  @Test
  void firstRunFlagsNothingNewAndListsNoFentanyl() {
    // No analog_watch existed before the first run: there is nothing to be new against. The
    // seizures start in
    // 2022-05, so acetyl fentanyl (first seized 2022-05) is left-censored; the July analogs are
    // not.
    assertThat(firstWatch)
        .extracting(
            r ->
                r.<String>getAs("substance_name")
                    + " new="
                    + r.<Boolean>getAs("new_this_run")
                    + " censored="
                    + r.<Boolean>getAs("left_censored"))
        .containsExactly(
            "3-fluoro-x-fentanyl new=false censored=false",
            "acetyl fentanyl new=false censored=true",
            "carfentanil new=false censored=false");
    assertThat(first.newAnalogs()).isEmpty();
  }

  @Test
  void secondRunFlagsOnlyTheAnalogTheFirstRunDidNotHave() {
    List<Row> watch = table(warehouse, "analog_watch").orderBy("substance_name").collectAsList();
    assertThat(watch)
        .extracting(
            r ->
                r.<String>getAs("substance_name")
                    + " new="
                    + r.<Boolean>getAs("new_this_run")
                    + " unlisted="
                    + r.<Boolean>getAs("unlisted"))
        .containsExactly(
            "3-fluoro-x-fentanyl new=false unlisted=true",
            "acetyl fentanyl new=false unlisted=false",
            "carfentanil new=false unlisted=false",
            "ortho-methylfentanyl new=true unlisted=false");
    assertThat(second.newAnalogs()).containsExactly("ortho-methylfentanyl");
  }

  @Test
  void analogTotalsAndMonthsSeen() {
    // acetyl fentanyl: 0.2 kg in May and 100 pills in July (whatever the route): 2 events, first
    // May, last July.
    Row acetyl = row(warehouse, "analog_watch", "substance_name = 'acetyl fentanyl'");
    assertThat(acetyl.<java.sql.Date>getAs("first_month").toLocalDate())
        .isEqualTo(LocalDate.of(2022, 5, 1));
    assertThat(acetyl.<java.sql.Date>getAs("last_month").toLocalDate())
        .isEqualTo(LocalDate.of(2022, 7, 1));
    assertThat(acetyl.<Long>getAs("events")).isEqualTo(2L);
    assertThat(acetyl.<BigDecimal>getAs("quantity_kg")).isEqualByComparingTo("0.2");
    assertThat(acetyl.<Long>getAs("dosage_units")).isEqualTo(100L);
    assertThat(acetyl.<String>getAs("source")).isEqualTo("seizure_events");
    // A seizure source: monthly periods, no lab-report measures; carfentanil's own control (China,
    // 2017-03-01 in
    // scheduling.csv) is carried on its row.
    assertThat(acetyl.<Integer>getAs("period_months")).isEqualTo(1);
    assertThat(acetyl.<Object>getAs("reports")).isNull();
    Row carfentanil = row(warehouse, "analog_watch", "substance_name = 'carfentanil'");
    assertThat(carfentanil.<java.sql.Date>getAs("china_control_date").toLocalDate())
        .isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(carfentanil.<Boolean>getAs("scheduling_listed")).isTrue();
  }

  @Test
  void pillPressesPerMonthAndRouteAreDenseOverTheShipmentMonths() {
    // Shipment months 2022-05 .. 2022-07 x 5 routes = 15 rows.
    assertThat(second.tableRows()).containsEntry("pill_press_monthly", 15L);
    // May, China direct: 2 lines (units = lines: the layout has no piece count), 120.5 + 80 = 200.5
    // kg.
    Row may =
        row(warehouse, "pill_press_monthly", "month = '2022-05-01' AND route = 'CHINA_DIRECT'");
    assertThat(may.<Long>getAs("shipment_lines")).isEqualTo(2L);
    assertThat(may.<Long>getAs("units")).isEqualTo(2L);
    assertThat(may.<BigDecimal>getAs("gross_weight_kg")).isEqualByComparingTo("200.5");
    // June has only a non-press shipment: a zero row.
    Row june =
        row(warehouse, "pill_press_monthly", "month = '2022-06-01' AND route = 'CHINA_DIRECT'");
    assertThat(june.<Long>getAs("shipment_lines")).isZero();
    assertThat(june.<BigDecimal>getAs("gross_weight_kg")).isEqualByComparingTo("0");
    // July: one line without a declared weight.
    Row july =
        row(
            warehouse,
            "pill_press_monthly",
            "month = '2022-07-01' AND route = 'CHINA_PRECURSOR_VIA_MEXICO'");
    assertThat(july.<Long>getAs("shipment_lines")).isEqualTo(1L);
    assertThat(july.<BigDecimal>getAs("gross_weight_kg")).isEqualByComparingTo("0");
    assertThat(table(warehouse, "pill_press_monthly").schema().simpleString())
        .isEqualTo(
            "struct<source:string,"
                + "month:date,fiscal_year:int,route:string,covered:boolean,shipment_lines:bigint,units:bigint,"
                + "gross_weight_kg:decimal(22,9)>");
    // Shipments are their own source, and the delivery's arrival dates (2022-05-03 .. 2022-07-01)
    // are its coverage.
    assertThat(
            table(warehouse, "pill_press_monthly")
                .filter("source = 'customs_shipments' AND covered")
                .count())
        .isEqualTo(15L);
    assertThat(
            table(warehouse, "source_coverage")
                .filter("source = 'customs_shipments' AND covered")
                .select("month")
                .orderBy("month")
                .collectAsList())
        .extracting(r -> r.getDate(0).toString())
        .containsExactly("2022-05-01", "2022-06-01", "2022-07-01");
  }
}
