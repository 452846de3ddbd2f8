package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.fentrace.core.Route;
import org.junit.jupiter.api.Test;

/**
 * The per-series statistics and the lead changes, in plain Java: every expected value is derived by
 * hand.
 */
class TrendStatisticsTest {
  private static final YearMonth JAN_2021 = YearMonth.of(2021, 1);

  @Test
  void doublingEveryMonthIsExactlyPlusOneHundredPercentWithAZeroWidthInterval() {
    // kg 1, 2, 4, 8, 16: ln kg = i * ln 2 exactly, so the OLS slope is ln 2, 100 * (e^ln2 - 1) =
    // +100 %/month,
    // and with no residual the standard error is 0: the 95 % interval collapses to [100, 100].
    TrendStatistics t = TrendStatistics.of(JAN_2021, new double[] {1, 2, 4, 8, 16});
    assertThat(t.trendAll().pctPerMonth()).isCloseTo(100.0, within(1e-9));
    assertThat(t.trendAll().ciLow()).isCloseTo(100.0, within(1e-6));
    assertThat(t.trendAll().ciHigh()).isCloseTo(100.0, within(1e-6));
    assertThat(t.trendAll().months()).isEqualTo(5);
    // The span is shorter than 24 months: the recent window is the whole span.
    assertThat(t.trendRecent()).isEqualTo(t.trendAll());
    assertThat(t.firstMonth()).isEqualTo(JAN_2021);
    assertThat(t.lastMonth()).isEqualTo(YearMonth.of(2021, 5));
    assertThat(t.asOfMonth()).isEqualTo(YearMonth.of(2021, 5));
    assertThat(t.totalKg()).isEqualByComparingTo("31");
    // Mean of the last 3 months: (4 + 8 + 16) / 3 = 9.333...; 12-month windows do not fit in 5
    // months.
    assertThat(t.rolling3mMeanKg()).isCloseTo(28.0 / 3, within(1e-12));
    assertThat(t.rolling12mMeanKg()).isNull();
    assertThat(t.last12mKg()).isNull();
    assertThat(t.pctChange12m()).isNull();
  }

  @Test
  void noisyFourPointSeriesMatchesTheHandDerivedSlopeAndNeweyWestInterval() {
    // kg 1, 2, 2, 8 at months 0..3: ln kg / ln 2 = y = 0, 1, 1, 3 (work in units of ln 2, then
    // scale).
    // x mean 1.5, y mean 1.25; Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5;
    // Sxy = (-1.5)(-1.25) + (-0.5)(-0.25) + (0.5)(-0.25) + (1.5)(1.75) = 1.875 + 0.125 - 0.125 +
    // 2.625 = 4.5;
    // slope = 4.5 / 5 = 0.9, intercept = 1.25 - 0.9 * 1.5 = -0.1; fitted -0.1, 0.8, 1.7, 2.6;
    // residuals e = 0.1, 0.2, -0.7, 0.4; u = (x - mean) e = -0.15, -0.1, -0.35, 0.6.
    // Lag ceil(1.3 sqrt 4) = 3; Bartlett weights 1 - d/4: 0.75, 0.5, 0.25.
    // S = sum u^2 = 0.515
    //   + 2 * 0.75 * (u0u1 + u1u2 + u2u3 = 0.015 + 0.035 - 0.21 = -0.16) = -0.24
    //   + 2 * 0.5 * (u0u2 + u1u3 = 0.0525 - 0.06 = -0.0075) = -0.0075
    //   + 2 * 0.25 * (u0u3 = -0.09) = -0.045  -> S = 0.2225.
    // Newey-West var(slope) = S / Sxx^2 * n/(n-2) = 0.2225 / 25 * 2 = 0.0178.
    // AR(1) floor: SSE = 0.01 + 0.04 + 0.49 + 0.16 = 0.70; lag-1 products 0.02 - 0.14 - 0.28 =
    // -0.40,
    // phi = -0.40 / 0.70 = -0.5714; corrected -0.5714 + (2 - 2.2857) / 4 = -0.643, clamped to 0:
    // OLS variance s^2 / Sxx = (0.70 / 2) / 5 = 0.07 > 0.0178, so the floor applies: se =
    // sqrt(0.07).
    // t(0.975, df 2) has the closed form (2p-1)/sqrt(2p(1-p)) = 0.95 / sqrt(0.04875) = 4.30265.
    double t975 = 0.95 / Math.sqrt(0.04875);
    double half = t975 * Math.sqrt(0.07);
    TrendStatistics t = TrendStatistics.of(JAN_2021, new double[] {1, 2, 2, 8});
    assertThat(t.trendAll().pctPerMonth()).isCloseTo(100 * (Math.pow(2, 0.9) - 1), within(1e-9));
    assertThat(t.trendAll().ciLow()).isCloseTo(100 * (Math.pow(2, 0.9 - half) - 1), within(1e-6));
    assertThat(t.trendAll().ciHigh()).isCloseTo(100 * (Math.pow(2, 0.9 + half) - 1), within(1e-6));
    assertThat(t.trendAll().pctPerMonth()).isCloseTo(86.607, within(1e-3));
    assertThat(t.trendAll().lag()).isEqualTo(3);
  }

  @Test
  void uncoveredMonthsAreNoDataNotZeros() {
    // 26 months of 2 kg except months 10..12, which the source did not cover (their values, 999,
    // must
    // be ignored). The 24-month window (months 2..25) holds the gap: no 12-month change, with a
    // note.
    // The rolling means' windows end after the gap: both 2.
    // The trend fits the 23 covered months only, all 2 kg: slope 0, +0 %/month.
    BigDecimal[] kg = new BigDecimal[26];
    boolean[] covered = new boolean[26];
    for (int i = 0; i < 26; i++) {
      covered[i] = i < 10 || i > 12;
      kg[i] = covered[i] ? BigDecimal.valueOf(2) : BigDecimal.valueOf(999);
    }
    TrendStatistics t = TrendStatistics.of(JAN_2021, kg, new long[26], covered, 24, 3, 0.95);
    assertThat(t.pctChange12m()).isNull();
    assertThat(t.comparisonNote()).isEqualTo("coverage changes within the last 24 months");
    assertThat(t.prior12mKg()).isNull();
    assertThat(t.last12mKg()).isEqualByComparingTo("24");
    assertThat(t.rolling3mMeanKg()).isEqualTo(2.0);
    // Months 14..25: all covered.
    assertThat(t.rolling12mMeanKg()).isEqualTo(2.0);
    assertThat(t.totalKg()).isEqualByComparingTo("46");
    assertThat(t.trendAll().months()).isEqualTo(23);
    assertThat(t.trendAll().pctPerMonth()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void zeroMonthsAreLeftOutOfTheLogFitAndFewerThanThreePointsGiveNoTrend() {
    // kg 1, 0, 4, 0, 16: the fit uses months 0, 2, 4 with ln kg = 0, 2 ln2, 4 ln2: slope ln 2 again
    // (+100 %).
    TrendStatistics t = TrendStatistics.of(JAN_2021, new double[] {1, 0, 4, 0, 16});
    assertThat(t.trendAll().months()).isEqualTo(3);
    assertThat(t.trendAll().pctPerMonth()).isCloseTo(100.0, within(1e-9));
    // Two positive months: no trend, but the number of months is still reported.
    TrendStatistics two = TrendStatistics.of(JAN_2021, new double[] {0, 3, 0, 5});
    assertThat(two.trendAll())
        .isEqualTo(new TrendStatistics.LogLinearTrend(null, null, null, 2, null));
    assertThat(two.firstMonth()).isEqualTo(YearMonth.of(2021, 2));
    assertThat(two.lastMonth()).isEqualTo(YearMonth.of(2021, 4));
  }

  @Test
  void twelveMonthComparisonAndRollingMeansEndAtTheLastMonth() {
    // 26 months: 2 kg in each of months 2..13 (the prior 12 months of the last 24) = 24 kg,
    // 3 kg in each of months 14..25 (the last 12) = 36 kg; months 0 and 1 have 100 kg (outside both
    // windows).
    // Change: 100 * (36 - 24) / 24 = +50 %. Rolling means at the last month: 3 and 3.
    double[] kg = new double[26];
    kg[0] = 100;
    kg[1] = 100;
    for (int i = 2; i < 14; i++) {
      kg[i] = 2;
    }
    for (int i = 14; i < 26; i++) {
      kg[i] = 3;
    }
    TrendStatistics t = TrendStatistics.of(JAN_2021, kg);
    assertThat(t.last12mKg()).isEqualByComparingTo("36");
    assertThat(t.prior12mKg()).isEqualByComparingTo("24");
    assertThat(t.pctChange12m()).isEqualTo(50.0);
    assertThat(t.rolling3mMeanKg()).isEqualTo(3.0);
    assertThat(t.rolling12mMeanKg()).isEqualTo(3.0);
    assertThat(t.totalKg()).isEqualByComparingTo("260");
    assertThat(t.asOfMonth()).isEqualTo(YearMonth.of(2023, 2));
    // The 24-month window (months 2..25) sees 2 then 3: a positive trend; the full span starts with
    // the 100s,
    // so its trend is negative.
    assertThat(t.trendRecent().months()).isEqualTo(24);
    assertThat(t.trendRecent().pctPerMonth()).isPositive();
    assertThat(t.trendAll().months()).isEqualTo(26);
    assertThat(t.trendAll().pctPerMonth()).isNegative();
  }

  @Test
  void priorYearOfZeroGivesNoPercentChangeAndEventsCountAsSeen() {
    // 24 months, nothing but 5 kg in the last month: prior 12 months = 0, so the change is
    // undefined.
    double[] kg = new double[24];
    kg[23] = 5;
    TrendStatistics t = TrendStatistics.of(JAN_2021, kg);
    assertThat(t.prior12mKg()).isEqualByComparingTo("0");
    assertThat(t.pctChange12m()).isNull();
    // A month with events but no mass (pills only) is a month seen.
    BigDecimal[] masses = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE};
    TrendStatistics pills = TrendStatistics.of(JAN_2021, masses, new long[] {0, 2, 1});
    assertThat(pills.firstMonth()).isEqualTo(YearMonth.of(2021, 2));
    assertThat(pills.totalEvents()).isEqualTo(3);
    assertThatThrownBy(() -> TrendStatistics.of(JAN_2021, new BigDecimal[0], new long[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leadChangesIgnoreTiesAndTheFirstLeader() {
    // Month:   0     1     2     3     4     5
    // China:   0     5     2     2     0     9
    // Mexico:  0     1     3     2     0     4
    // Leader:  -     C     M     (tie: M stays)  (M)   C
    // Month 1 establishes China (not a change); month 2 Mexico takes it; month 5 China takes it
    // back.
    BigDecimal[] china = decimals(0, 5, 2, 2, 0, 9);
    BigDecimal[] mexico = decimals(0, 1, 3, 2, 0, 4);
    List<LeadChanges.LeadChange> changes = LeadChanges.of(JAN_2021, china, mexico);
    assertThat(changes)
        .containsExactly(
            new LeadChanges.LeadChange(
                YearMonth.of(2021, 3),
                Route.CHINA_DIRECT,
                Route.MEXICO_CARTEL,
                china[2],
                mexico[2]),
            new LeadChanges.LeadChange(
                YearMonth.of(2021, 6),
                Route.MEXICO_CARTEL,
                Route.CHINA_DIRECT,
                china[5],
                mexico[5]));
  }

  @Test
  void fiscalYearIsPartialUntilItsSeptemberIsCoveredAndOver() {
    MonthSpan span = new MonthSpan(YearMonth.of(2021, 10), YearMonth.of(2023, 2));
    assertThat(span.size()).isEqualTo(17);
    assertThat(span.fiscalYears()).containsExactly(2022, 2023);
    // FY2022 = Oct 2021 .. Sep 2022: covered, and over by 30 Sep 2022.
    assertThat(span.isPartialFiscalYear(2022, LocalDate.of(2023, 3, 1))).isFalse();
    assertThat(span.isPartialFiscalYear(2022, LocalDate.of(2022, 9, 29))).isTrue();
    // FY2023: the data ends in February.
    assertThat(span.isPartialFiscalYear(2023, LocalDate.of(2024, 1, 1))).isTrue();
    // Data starting in November leaves its fiscal year partial.
    assertThat(
            new MonthSpan(YearMonth.of(2021, 11), YearMonth.of(2022, 9))
                .isPartialFiscalYear(2022, LocalDate.of(2023, 1, 1)))
        .isTrue();
  }

  private static BigDecimal[] decimals(double... v) {
    BigDecimal[] out = new BigDecimal[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = BigDecimal.valueOf(v[i]);
    }
    return out;
  }
}
