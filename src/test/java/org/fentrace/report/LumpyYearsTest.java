package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lumpy years: a change flagged when leaving out each year's largest month flips its sign. */
class LumpyYearsTest {
  static List<YearMonth> months(int fy) {
    return IntStream.range(0, 12).mapToObj(i -> YearMonth.of(fy - 1, 10).plusMonths(i)).toList();
  }

  static List<BigDecimal> kg(int... v) {
    return IntStream.of(v).mapToObj(BigDecimal::valueOf).toList();
  }

  @Test
  void oneHugeMonthMakesARiseThatIsReallyAFall() {
    // FY2022: twelve months of 10 kg = 120 kg, largest 10 (Oct). FY2023: eleven months of 8 kg and
    // one of
    // 100 kg (2023-05) = 188 kg. Change +68 kg. Without each year's largest: (188 - 100) - (120 -
    // 10)
    // = 88 - 110 = -22 kg: the sign flips, the year is lumpy. The big month is 100/188 = 53.2% of
    // FY2023.
    List<BigDecimal> a = kg(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    List<BigDecimal> b = kg(8, 8, 8, 8, 8, 8, 8, 100, 8, 8, 8, 8);
    LumpyYears.Flag f =
        LumpyYears.check("CHINA_DIRECT", 2022, months(2022), a, 2023, months(2023), b)
            .orElseThrow();
    assertThat(f.change()).isEqualByComparingTo("68");
    assertThat(f.changeWithoutLargest()).isEqualByComparingTo("-22");
    assertThat(f.to().month()).isEqualTo(YearMonth.of(2023, 5));
    assertThat(f.from().month()).isEqualTo(YearMonth.of(2021, 10)); // ties: the first
    assertThat(f.to().share()).isCloseTo(100.0 / 188, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.sentence("CHINA_DIRECT"))
        .isEqualTo(
            "FY2022 to FY2023, CHINA_DIRECT: the change (+68.0 kg) rests on"
                + " one month; without each year's largest month (2021-10: 10.0 kg, 8.3% of FY2022; 2023-05: 100.0 kg,"
                + " 53.2% of FY2023) it would be −22.0 kg.");
  }

  @Test
  void aSteadyRiseIsNotFlagged() {
    // 120 kg to 144 kg (+24); without the largest months: 110 to 132 (+22): same sign.
    List<BigDecimal> a = kg(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    List<BigDecimal> b = kg(12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12);
    assertThat(LumpyYears.check("MEXICO_CARTEL", 2022, months(2022), a, 2023, months(2023), b))
        .isEmpty();
    // No change at all: nothing to flag.
    assertThat(LumpyYears.check("MEXICO_CARTEL", 2022, months(2022), a, 2023, months(2023), a))
        .isEmpty();
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
    for (YearMonth m : covered) {
      // 10 kg a month, except 2023-05 (100 kg, FY2023) and 2023-11 (40 kg, FY2024).
      cd.add(
          BigDecimal.valueOf(
              m.equals(YearMonth.of(2023, 5)) ? 100 : m.equals(YearMonth.of(2023, 11)) ? 40 : 10));
    }
    Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
    series.put("CHINA_DIRECT", cd);
    ReportData base = ReportRenderTest.data(List.of(), Map.of());
    List<ReportData.FiscalYearRow> fy =
        List.of(
            new ReportData.FiscalYearRow(2022, "CHINA_DIRECT", new BigDecimal("120"), 12, 0, false),
            new ReportData.FiscalYearRow(2023, "CHINA_DIRECT", new BigDecimal("210"), 12, 0, false),
            new ReportData.FiscalYearRow(2024, "CHINA_DIRECT", new BigDecimal("60"), 3, 0, true));
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
            null);
    // FY2022 -> FY2023: 120 -> 210 (+90); without largest: 110 -> 110 (0): the change vanishes:
    // flagged.
    // FY2023 -> FY2024 on Oct-Dec only: 30 -> 60 (+30); without largest (10 and 40): 20 -> 20 (0):
    // flagged,
    // and compared with Oct-Dec 2022, never with all of FY2023.
    List<LumpyYears.Flag> flags = LumpyYears.flags(d, List.of("CHINA_DIRECT"));
    assertThat(flags).extracting(LumpyYears.Flag::toFy).containsExactly(2023, 2024);
    assertThat(flags.get(1).change()).isEqualByComparingTo("30");
    assertThat(flags.get(1).from().yearKg()).isEqualByComparingTo("30");
    String page = ReportRenderTest.render(d);
    assertThat(page)
        .contains("data-route=\"CHINA_DIRECT\" data-lumpy=\"true\"")
        .contains("Lumpy year: FY2022 to FY2023");
  }
}
