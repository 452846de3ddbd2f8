package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fentrace.core.Route;
import org.junit.jupiter.api.Test;

/**
 * Lumpy years: a change flagged when leaving out each year's largest single source row (one seizure
 * event, one published CBP row) flips its sign; the largest month, which may sum many rows, is not
 * what is left out.
 */
class LumpyYearsTest {
  static List<YearMonth> months(int fy) {
    return IntStream.range(0, 12).mapToObj(i -> YearMonth.of(fy - 1, 10).plusMonths(i)).toList();
  }

  static List<BigDecimal> kg(int... v) {
    return IntStream.of(v).mapToObj(BigDecimal::valueOf).toList();
  }

  // FY2022: twelve months of 10 kg, each two seizure events of 5 kg: 120 kg, largest event 5 kg.
  static final LumpyYears.Year FY2022 =
      new LumpyYears.Year(
          2022,
          months(2022),
          kg(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10),
          kg(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5));

  @Test
  void oneHugeSeizureMakesARiseThatIsReallyAFall() {
    // FY2023: eleven months of 8 kg (events of 4 kg) and 2023-05 with one 100 kg event: 188 kg.
    // Change 188 - 120 = +68 kg. Without each year's largest event: (188 - 100) - (120 - 5)
    // = 88 - 115 = -27 kg: the sign flips, lumpy. Shares: 5/120 = 4.2% of FY2022, 100/188 = 53.2%.
    LumpyYears.Year fy2023 =
        new LumpyYears.Year(
            2023,
            months(2023),
            kg(8, 8, 8, 8, 8, 8, 8, 100, 8, 8, 8, 8),
            kg(4, 4, 4, 4, 4, 4, 4, 100, 4, 4, 4, 4));
    LumpyYears.Flag f =
        LumpyYears.check(Route.CHINA_DIRECT, FY2022, fy2023, "seizure event").orElseThrow();
    assertThat(f.change()).isEqualByComparingTo("68");
    assertThat(f.changeWithoutLargest()).isEqualByComparingTo("-27");
    assertThat(f.to().month()).isEqualTo(YearMonth.of(2023, 5));
    assertThat(f.from().month()).isEqualTo(YearMonth.of(2021, 10)); // ties: the first
    assertThat(f.to().share()).isCloseTo(100.0 / 188, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.sentence("CHINA_DIRECT"))
        .isEqualTo(
            "FY2022 to FY2023, CHINA_DIRECT: the change (+68.0 kg) rests on one seizure event;"
                + " without each year's largest single seizure event (5.0 kg in 2021-10, 4.2% of FY2022;"
                + " 100.0 kg in 2023-05, 53.2% of FY2023) it would be −27.0 kg.");
  }

  @Test
  void aHeavyMonthOfManySmallSeizuresIsNotLumpy() {
    // The same FY2023 totals, but 2023-05's 100 kg are ten events of 10 kg: largest event 10 kg.
    // Without each year's largest event: (188 - 10) - (120 - 5) = 178 - 115 = +63 kg, the same
    // sign as +68: not lumpy. Leaving out the largest month instead (100 and 10 kg) would give
    // 88 - 110 = -22 and flag it: the month is not one seizure.
    LumpyYears.Year fy2023 =
        new LumpyYears.Year(
            2023,
            months(2023),
            kg(8, 8, 8, 8, 8, 8, 8, 100, 8, 8, 8, 8),
            kg(4, 4, 4, 4, 4, 4, 4, 10, 4, 4, 4, 4));
    assertThat(LumpyYears.check(Route.CHINA_DIRECT, FY2022, fy2023, "seizure event")).isEmpty();
    assertThat(LumpyYears.largest(fy2023.months(), fy2023.kg()).orElseThrow().kg())
        .isEqualByComparingTo("100");
  }

  @Test
  void aSteadyRiseIsNotFlagged() {
    // 120 kg to 144 kg (+24); without the largest events (5 and 6): 115 to 138 (+23): same sign.
    LumpyYears.Year fy2023 =
        new LumpyYears.Year(
            2023,
            months(2023),
            kg(12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12),
            kg(6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6));
    assertThat(LumpyYears.check(Route.MEXICO_CARTEL, FY2022, fy2023, "seizure event")).isEmpty();
    // No change at all: nothing to flag.
    LumpyYears.Year same =
        new LumpyYears.Year(2023, months(2023), FY2022.kg(), FY2022.largestRows());
    assertThat(LumpyYears.check(Route.MEXICO_CARTEL, FY2022, same, "seizure event")).isEmpty();
  }

  @Test
  void flagsOnReportDataComparePartialYearsOnTheirSameMonthsOnly() {
    // Source covers 2021-10 .. 2023-12: FY2022 and FY2023 whole, FY2024 three months (Oct-Dec
    // 2023).
    List<YearMonth> covered = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2021, 10);
        !m.isAfter(YearMonth.of(2023, 12));
        m = m.plusMonths(1)) {
      covered.add(m);
    }
    List<BigDecimal> cd = new ArrayList<>();
    List<BigDecimal> largestEvent = new ArrayList<>();
    for (YearMonth m : covered) {
      // 10 kg a month in one event, except 2023-05 (one event of 100 kg, FY2023) and 2023-11
      // (40 kg in four events of 10 kg, FY2024).
      cd.add(
          BigDecimal.valueOf(
              m.equals(YearMonth.of(2023, 5)) ? 100 : m.equals(YearMonth.of(2023, 11)) ? 40 : 10));
      largestEvent.add(BigDecimal.valueOf(m.equals(YearMonth.of(2023, 5)) ? 100 : 10));
    }
    Map<Route, List<BigDecimal>> series = new LinkedHashMap<>();
    series.put(Route.CHINA_DIRECT, cd);
    ReportData base = ReportRenderTest.data(List.of(), Map.of());
    List<ReportData.FiscalYearRow> fy =
        List.of(
            new ReportData.FiscalYearRow(
                2022, Route.CHINA_DIRECT, new BigDecimal("120"), 12, 0, false),
            new ReportData.FiscalYearRow(
                2023, Route.CHINA_DIRECT, new BigDecimal("210"), 12, 0, false),
            new ReportData.FiscalYearRow(
                2024, Route.CHINA_DIRECT, new BigDecimal("60"), 3, 0, true));
    ReportData d =
        new ReportData(
            base.run(),
            covered,
            series,
            fy,
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            List.of(),
            base.quality(),
            Map.of(),
            Map.of(),
            List.of(),
            "test",
            new ReportData.SourceChoice("seizure_events", "test", covered),
            null,
            Map.of(Route.CHINA_DIRECT, largestEvent));
    // FY2022 -> FY2023: 120 -> 210 (+90); without the largest events (10 and 100): 110 -> 110
    // (0): the change vanishes: flagged.
    // FY2023 -> FY2024 on Oct-Dec only: 30 -> 60 (+30); the largest events are 10 and 10 (the
    // 40 kg month is four events): without them 20 -> 50 (+30): not flagged, although its largest
    // month is 40 of 60 kg. And it is compared with Oct-Dec 2022, never with all of FY2023.
    List<LumpyYears.Flag> flags = LumpyYears.flags(d, List.of(Route.CHINA_DIRECT));
    assertThat(flags).extracting(LumpyYears.Flag::toFy).containsExactly(2023);
    assertThat(flags.get(0).change()).isEqualByComparingTo("90");
    assertThat(flags.get(0).changeWithoutLargest()).isEqualByComparingTo("0");
    LumpyYears.Largest fy2024 =
        LumpyYears.largestRow(d, Route.CHINA_DIRECT, ReportWordingTest.span("2023-10", "2023-12"));
    assertThat(fy2024.kg()).isEqualByComparingTo("10");
    assertThat(fy2024.yearKg()).isEqualByComparingTo("60");
    String page = ReportRenderTest.render(d);
    assertThat(page)
        .contains("data-route=\"CHINA_DIRECT\" data-lumpy=\"true\"")
        .contains("Lumpy year: FY2022 to FY2023")
        .contains("largest single seizure event")
        // FY2023's row in the detail table: the 100 kg event, 100/210 = 47.6% of the year.
        .contains("100.0 kg in 2023-05")
        .contains("47.6%");
  }

  @Test
  void largestRowsKeepTheReportSourceAndTheHeaviestRowPerMonthAndRoute() {
    // Rows as ReportInputs.largestFamilyRows() returns them. The seizure_events source
    // (source_format seizure_events) has two rows for 2024-01 CHINA_DIRECT (say from two rule
    // versions): 3 kg and 7 kg, so 7; a CBP row (cbp_nationwide) of 50 kg is another source and
    // is left out; 2023-12 is outside the months and is left out too.
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("event_month", "string")
            .add("source_format", "string")
            .add("route", "string")
            .add("largest_row_kg", "decimal(22,9)");
    List<org.apache.spark.sql.Row> rows =
        List.of(
            row(schema, "2024-01", "seizure_events", "CHINA_DIRECT", "3"),
            row(schema, "2024-01", "seizure_events", "CHINA_DIRECT", "7"),
            row(schema, "2024-01", "cbp_nationwide", "CHINA_DIRECT", "50"),
            row(schema, "2024-02", "seizure_events", "MEXICO_CARTEL", "2.5"),
            row(schema, "2023-12", "seizure_events", "CHINA_DIRECT", "99"));
    Map<Route, List<BigDecimal>> byRoute =
        LargestRows.byRoute(
            rows, "seizure_events", List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)));
    assertThat(byRoute.get(Route.CHINA_DIRECT))
        .containsExactly(new BigDecimal("7"), BigDecimal.ZERO);
    assertThat(byRoute.get(Route.MEXICO_CARTEL))
        .containsExactly(BigDecimal.ZERO, new BigDecimal("2.5"));
    assertThat(LargestRows.rowName("cbp_published")).isEqualTo("published CBP row");
    assertThat(LargestRows.rowName("seizure_events")).isEqualTo("seizure event");
  }

  private static org.apache.spark.sql.Row row(
      org.apache.spark.sql.types.StructType schema,
      String month,
      String format,
      String route,
      String kg) {
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        new Object[] {month, format, route, new BigDecimal(kg)}, schema);
  }
}
