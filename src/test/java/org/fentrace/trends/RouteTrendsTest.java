package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fentrace.trends.TrendsFixtures.row;
import static org.fentrace.trends.TrendsFixtures.seizure;
import static org.fentrace.trends.TrendsFixtures.table;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * route_trends and route_lead_changes over 26 months, 2021-01 (index 0) .. 2023-02 (index 25); run
 * date 2023-03-05. The last 12 months are indexes 14..25 (2022-03 .. 2023-02), the prior 12 are
 * 2..13, the 24-month trend window is 2..25.
 *
 * <pre>
 * MEXICO_CARTEL FENTANYL        2021-01: 1, 2021-02: 2, 2021-03: 2, 2021-04: 8 kg   (the noisy 4-point series)
 * CHINA_DIRECT FENTANYL         2022-10: 1, 2022-11: 2, 2022-12: 4, 2023-01: 8, 2023-02: 16 kg (doubling)
 * MEXICO_CARTEL FENTANYL_ANALOG 2021-06: 4, 2022-03: 3, 2022-09: 5, 2023-01: 20 kg
 * </pre>
 */
class RouteTrendsTest {
  @TempDir static Path tmp;
  static Path warehouse;
  static TrendsResult result;

  @BeforeAll
  static void run() throws Exception {
    warehouse = tmp.resolve("warehouse");
    List<TableRow> rows = new ArrayList<>();
    rows.add(seizure("2021-01-10", "MEXICO_CARTEL", "FENTANYL", "1"));
    rows.add(seizure("2021-02-10", "MEXICO_CARTEL", "FENTANYL", "2"));
    rows.add(seizure("2021-03-10", "MEXICO_CARTEL", "FENTANYL", "2"));
    rows.add(seizure("2021-04-10", "MEXICO_CARTEL", "FENTANYL", "8"));
    String[] doubling = {"2022-10-05", "2022-11-05", "2022-12-05", "2023-01-05", "2023-02-05"};
    for (int i = 0; i < doubling.length; i++) {
      rows.add(seizure(doubling[i], "CHINA_DIRECT", "FENTANYL", String.valueOf(1 << i)));
    }
    rows.add(seizure("2021-06-20", "MEXICO_CARTEL", "FENTANYL_ANALOG", "4"));
    rows.add(seizure("2022-03-20", "MEXICO_CARTEL", "FENTANYL_ANALOG", "3"));
    rows.add(seizure("2022-09-20", "MEXICO_CARTEL", "FENTANYL_ANALOG", "5"));
    rows.add(seizure("2023-01-20", "MEXICO_CARTEL", "FENTANYL_ANALOG", "20"));
    TrendsFixtures.write(warehouse, WarehouseTable.SEIZURES, rows);
    result = TrendsFixtures.run(warehouse, LocalDate.of(2023, 3, 5), "run-trends");
  }

  private static Row trend(String route, String substanceClass) {
    return row(
        warehouse,
        "route_trends",
        "route = '" + route + "' AND substance_class = '" + substanceClass + "'");
  }

  @Test
  void oneRowPerRouteAndClassWithTheDocumentedColumns() {
    assertThat(result.tableRows()).containsEntry("route_trends", 10L);
    assertThat(table(warehouse, "route_trends").columns())
        .containsExactly(
            "source",
            "route",
            "substance_class",
            "first_month",
            "last_month",
            "as_of_month",
            "total_kg",
            "total_events",
            "last_12m_kg",
            "prior_12m_kg",
            "pct_change_12m",
            "comparison_note",
            "rolling_3m_mean_kg",
            "rolling_12m_mean_kg",
            "trend_method",
            "trend_pct_per_month_all",
            "trend_ci_low_all",
            "trend_ci_high_all",
            "trend_months_all",
            "trend_lag_all",
            "trend_pct_per_month_24m",
            "trend_ci_low_24m",
            "trend_ci_high_24m",
            "trend_months_24m",
            "trend_lag_24m");
    // One source (every fixture row is a seizure event): every row says so, and names its method.
    assertThat(
            table(warehouse, "route_trends")
                .filter("source = 'seizure_events' AND trend_method LIKE 'OLS%Newey-West%'")
                .count())
        .isEqualTo(10L);
  }

  @Test
  void doublingSeriesGrowsOneHundredPercentAMonth() {
    // ln kg = ln 2 * i over 5 months: +100 %/month exactly, zero-width interval, in both windows.
    // Last 12 months: 1 + 2 + 4 + 8 + 16 = 31 kg; prior 12: 0 -> no percent change.
    // Rolling means at 2023-02: (4 + 8 + 16) / 3 = 9.333 and 31 / 12 = 2.583.
    Row china = trend("CHINA_DIRECT", "FENTANYL");
    assertThat(china.<java.sql.Date>getAs("first_month").toLocalDate())
        .isEqualTo(LocalDate.of(2022, 10, 1));
    assertThat(china.<java.sql.Date>getAs("last_month").toLocalDate())
        .isEqualTo(LocalDate.of(2023, 2, 1));
    assertThat(china.<java.sql.Date>getAs("as_of_month").toLocalDate())
        .isEqualTo(LocalDate.of(2023, 2, 1));
    assertThat(china.<BigDecimal>getAs("total_kg")).isEqualByComparingTo("31");
    assertThat(china.<Long>getAs("total_events")).isEqualTo(5L);
    assertThat(china.<BigDecimal>getAs("last_12m_kg")).isEqualByComparingTo("31");
    assertThat(china.<BigDecimal>getAs("prior_12m_kg")).isEqualByComparingTo("0");
    assertThat(china.<Object>getAs("pct_change_12m")).isNull();
    assertThat(china.<String>getAs("comparison_note")).isEqualTo("no kg in the prior 12 months");
    assertThat(china.<Double>getAs("rolling_3m_mean_kg")).isCloseTo(28.0 / 3, within(1e-12));
    assertThat(china.<Double>getAs("rolling_12m_mean_kg")).isCloseTo(31.0 / 12, within(1e-12));
    for (String w : List.of("all", "24m")) {
      assertThat(china.<Double>getAs("trend_pct_per_month_" + w)).isCloseTo(100.0, within(1e-9));
      assertThat(china.<Double>getAs("trend_ci_low_" + w)).isCloseTo(100.0, within(1e-6));
      assertThat(china.<Double>getAs("trend_ci_high_" + w)).isCloseTo(100.0, within(1e-6));
      assertThat(china.<Integer>getAs("trend_months_" + w)).isEqualTo(5);
      assertThat(china.<Integer>getAs("trend_lag_" + w))
          .isEqualTo(3); // ceil(1.3 * sqrt 5) = ceil(2.907)
    }
  }

  @Test
  void noisySeriesMatchesTheHandDerivedFitAndDropsOutOfThe24MonthWindow() {
    // Same derivation as TrendStatisticsTest: y = ln kg / ln 2 = 0, 1, 1, 3 at x = 0..3: slope 0.9
    // (x ln 2);
    // the Newey-West variance (0.0178) is below the AR(1) floor, the OLS variance 0.07, so se =
    // sqrt(0.07);
    // t(0.975, 2) = 0.95 / sqrt(0.04875): 100 (2^0.9 - 1) = 86.607 %/month, CI [-15.230, 310.78].
    double half = 0.95 / Math.sqrt(0.04875) * Math.sqrt(0.07);
    Row mexico = trend("MEXICO_CARTEL", "FENTANYL");
    assertThat(mexico.<Double>getAs("trend_pct_per_month_all"))
        .isCloseTo(100 * (Math.pow(2, 0.9) - 1), within(1e-9));
    assertThat(mexico.<Double>getAs("trend_ci_low_all"))
        .isCloseTo(100 * (Math.pow(2, 0.9 - half) - 1), within(1e-6));
    assertThat(mexico.<Double>getAs("trend_ci_high_all"))
        .isCloseTo(100 * (Math.pow(2, 0.9 + half) - 1), within(1e-6));
    assertThat(mexico.<Integer>getAs("trend_months_all")).isEqualTo(4);
    // The 24-month window starts at 2021-03: only 2 positive months (2 and 8 kg), too few for a
    // trend.
    assertThat(mexico.<Object>getAs("trend_pct_per_month_24m")).isNull();
    assertThat(mexico.<Object>getAs("trend_ci_low_24m")).isNull();
    assertThat(mexico.<Integer>getAs("trend_months_24m")).isEqualTo(2);
    // Last 12 months 0 kg against 2 + 8 = 10 kg in the prior 12 (2021-03 and 2021-04): -100 %.
    assertThat(mexico.<BigDecimal>getAs("prior_12m_kg")).isEqualByComparingTo("10");
    assertThat(mexico.<Double>getAs("pct_change_12m")).isEqualTo(-100.0);
    assertThat(mexico.<BigDecimal>getAs("total_kg")).isEqualByComparingTo("13");
  }

  @Test
  void twelveMonthChangeOfTheAnalogs() {
    // Last 12 (2022-03 .. 2023-02): 3 + 5 + 20 = 28 kg; prior 12 (2021-03 .. 2022-02): 4 kg.
    // 100 * (28 - 4) / 4 = +600 %. Rolling: (0 + 20 + 0) / 3 = 6.667 and 28 / 12 = 2.333.
    Row analog = trend("MEXICO_CARTEL", "FENTANYL_ANALOG");
    assertThat(analog.<BigDecimal>getAs("last_12m_kg")).isEqualByComparingTo("28");
    assertThat(analog.<BigDecimal>getAs("prior_12m_kg")).isEqualByComparingTo("4");
    assertThat(analog.<Double>getAs("pct_change_12m")).isEqualTo(600.0);
    assertThat(analog.<Double>getAs("rolling_3m_mean_kg")).isCloseTo(20.0 / 3, within(1e-12));
    assertThat(analog.<Double>getAs("rolling_12m_mean_kg")).isCloseTo(28.0 / 12, within(1e-12));
    // All four positive months are inside the last 24: both fits are the same.
    assertThat(analog.<Integer>getAs("trend_months_all")).isEqualTo(4);
    assertThat(analog.<Double>getAs("trend_pct_per_month_24m"))
        .isEqualTo(analog.<Double>getAs("trend_pct_per_month_all"));
  }

  @Test
  void aRouteWithNothingHasZerosAndNulls() {
    Row none = trend("OTHER_ORIGIN", "FENTANYL");
    assertThat(none.<Object>getAs("first_month")).isNull();
    assertThat(none.<Object>getAs("last_month")).isNull();
    assertThat(none.<BigDecimal>getAs("total_kg")).isEqualByComparingTo("0");
    assertThat(none.<Object>getAs("pct_change_12m")).isNull();
    assertThat(none.<Double>getAs("rolling_12m_mean_kg")).isEqualTo(0.0);
    assertThat(none.<Object>getAs("trend_pct_per_month_all")).isNull();
    assertThat(none.<Integer>getAs("trend_months_all")).isZero();
  }

  @Test
  void leadChangesInFentanylFamilyKg() {
    // Family kg (FENTANYL + FENTANYL_ANALOG) per month: Mexico leads from 2021-01 (establishing,
    // not a change);
    // 2022-10: China 1 vs Mexico 0 -> China; 2023-01: China 8 vs Mexico 0 + 20 (analog) -> Mexico;
    // 2023-02: China 16 vs 0 -> China. Months where both are 0 leave the lead where it was.
    List<Row> changes = table(warehouse, "route_lead_changes").orderBy("month").collectAsList();
    assertThat(table(warehouse, "route_lead_changes").columns())
        .containsExactly(
            "source",
            "month",
            "leader_before",
            "leader_after",
            "china_direct_kg",
            "mexico_cartel_kg");
    assertThat(changes)
        .extracting(
            r ->
                r.getString(0)
                    + " "
                    + r.getDate(1).toLocalDate()
                    + " "
                    + r.getString(2)
                    + ">"
                    + r.getString(3)
                    + " "
                    + r.getDecimal(4).stripTrailingZeros().toPlainString()
                    + "/"
                    + r.getDecimal(5).stripTrailingZeros().toPlainString())
        .containsExactly(
            "seizure_events 2022-10-01 MEXICO_CARTEL>CHINA_DIRECT 1/0",
            "seizure_events 2023-01-01 CHINA_DIRECT>MEXICO_CARTEL 8/20",
            "seizure_events 2023-02-01 MEXICO_CARTEL>CHINA_DIRECT 16/0");
    assertThat(result.leadChanges())
        .extracting(LeadChanges.LeadChange::month)
        .containsExactly(YearMonth.of(2022, 10), YearMonth.of(2023, 1), YearMonth.of(2023, 2));
  }
}
