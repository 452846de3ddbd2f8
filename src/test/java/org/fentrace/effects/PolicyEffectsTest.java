package org.fentrace.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fentrace.core.EffectStatus;
import org.fentrace.core.PeriodUnit;
import org.junit.jupiter.api.Test;

/** Windows, statuses and overlaps of the estimates on hand-made series (pure Java, no Spark). */
class PolicyEffectsTest {
  static PolicyEvent event(String id, LocalDate date) {
    return new PolicyEvent(
        id, date, id, "", "https://www.federalregister.gov/d/" + id, "cite " + id);
  }

  /**
   * A monthly series from {@code first} for {@code months} months, all covered, kg = exp(level) - 1
   * with a planted log-level step of {@code step} from {@code stepAt} on, plus a little seeded
   * noise.
   */
  static PolicyEffects.Series monthly(YearMonth first, int months, YearMonth stepAt, double step) {
    SplittableRandom random = new SplittableRandom(7);
    List<PolicyEffects.Point> points = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      YearMonth m = first.plusMonths(i);
      double log =
          5 + 0.005 * i + (m.isBefore(stepAt) ? 0 : step) + 0.05 * (random.nextDouble() - 0.5);
      points.add(new PolicyEffects.Point(m, true, Math.expm1(log)));
    }
    return new PolicyEffects.Series(
        "cbp_published", "MEXICO_CARTEL", "FENTANYL", PeriodUnit.MONTH, points);
  }

  @Test
  void aPlantedStepIsEstimatedWithTheEventMonthLeftOutAndOverlapsNamed() {
    // Oct 2018 .. Sep 2022 (48 months); step of ln(1.5) from April 2020, the first month after an
    // event on 20 March.
    PolicyEffects.Series s =
        monthly(YearMonth.of(2018, 10), 48, YearMonth.of(2020, 4), Math.log(1.5));
    PolicyEvent title42 = event("title-42", LocalDate.of(2020, 3, 20));
    PolicyEvent other = event("other", LocalDate.of(2021, 6, 1));
    PolicyEffects.Effect e = PolicyEffects.estimate(title42, s, List.of(title42, other));
    assertThat(e.status()).isEqualTo(EffectStatus.ESTIMATED);
    // Before: Oct 2018 .. Feb 2020 = 17 covered months (within 36 of March 2020); March 2020 is the
    // transition
    // month; after: April 2020 .. Sep 2022 = 30 months.
    assertThat(e.periodsBefore()).isEqualTo(17);
    assertThat(e.periodsAfter()).isEqualTo(30);
    assertThat(e.windowFirst()).isEqualTo(YearMonth.of(2018, 10));
    assertThat(e.windowLast()).isEqualTo(YearMonth.of(2022, 9));
    assertThat(e.n()).isEqualTo(47);
    // +50% planted: the noise is +-2.5% uniform, so the estimate is within a few points and the
    // interval holds 50.
    assertThat(e.levelChangePct()).isBetween(45.0, 55.0);
    assertThat(e.levelLowPct()).isLessThanOrEqualTo(50.0);
    assertThat(e.levelHighPct()).isGreaterThanOrEqualTo(50.0);
    assertThat(e.overlapping()).containsExactly("other (2021-06-01)");
  }

  @Test
  void anEventOnTheFirstOfAMonthStartsThePostPeriodThere() {
    PolicyEffects.Series s = monthly(YearMonth.of(2018, 10), 48, YearMonth.of(2020, 4), 0);
    PolicyEffects.Effect e =
        PolicyEffects.estimate(event("first", LocalDate.of(2020, 4, 1)), s, List.of());
    // Before: Oct 2018 .. Mar 2020 = 18; after: Apr 2020 .. Sep 2022 = 30; nothing left out.
    assertThat(e.periodsBefore()).isEqualTo(18);
    assertThat(e.periodsAfter()).isEqualTo(30);
  }

  @Test
  void eventsOutsideCoverageOrWithTooFewMonthsGetAStatusAndNoEstimate() {
    PolicyEffects.Series s = monthly(YearMonth.of(2018, 10), 48, YearMonth.of(2030, 1), 0);
    PolicyEffects.Effect late =
        PolicyEffects.estimate(event("woodside", LocalDate.of(2023, 11, 15)), s, List.of());
    assertThat(late.status()).isEqualTo(EffectStatus.OUTSIDE_COVERAGE);
    assertThat(late.levelChangePct()).isNull();
    assertThat(late.note()).contains("2018-10").contains("2022-09");
    // May 2019: Oct 2018 .. Apr 2019 = 7 months before (fewer than 12).
    PolicyEffects.Effect early =
        PolicyEffects.estimate(event("china", LocalDate.of(2019, 5, 1)), s, List.of());
    assertThat(early.status()).isEqualTo(EffectStatus.TOO_FEW_PERIODS);
    assertThat(early.periodsBefore()).isEqualTo(7);
    assertThat(early.levelChangePct()).isNull();
    assertThat(early.slopeChangePct()).isNull();
  }

  @Test
  void uncoveredMonthsDoNotCountAsZeros() {
    PolicyEffects.Series full = monthly(YearMonth.of(2018, 10), 48, YearMonth.of(2030, 1), 0);
    List<PolicyEffects.Point> points = new ArrayList<>();
    for (PolicyEffects.Point p : full.points()) {
      // The source stops covering after June 2020: the rest is no data.
      boolean covered = !p.start().isAfter(YearMonth.of(2020, 6));
      points.add(new PolicyEffects.Point(p.start(), covered, covered ? p.value() : 0));
    }
    PolicyEffects.Series ended =
        new PolicyEffects.Series("seizure_events", "OTHER", "FENTANYL", PeriodUnit.MONTH, points);
    PolicyEffects.Effect e =
        PolicyEffects.estimate(event("title-42", LocalDate.of(2020, 3, 20)), ended, List.of());
    // April .. June 2020: 3 covered months after, not 30.
    assertThat(e.status()).isEqualTo(EffectStatus.TOO_FEW_PERIODS);
    assertThat(e.periodsAfter()).isEqualTo(3);
    PolicyEffects.Effect later =
        PolicyEffects.estimate(event("late", LocalDate.of(2021, 3, 1)), ended, List.of());
    assertThat(later.status()).isEqualTo(EffectStatus.OUTSIDE_COVERAGE);
  }

  @Test
  void mostlyZeroSeriesAreRefused() {
    List<PolicyEffects.Point> points = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      points.add(
          new PolicyEffects.Point(
              YearMonth.of(2018, 10).plusMonths(i), true, i % 3 == 0 ? 2.0 : 0));
    }
    PolicyEffects.Series sparse =
        new PolicyEffects.Series(
            "cbp_published", "OTHER", "FENTANYL_ANALOG", PeriodUnit.MONTH, points);
    PolicyEffects.Effect e =
        PolicyEffects.estimate(event("title-42", LocalDate.of(2020, 3, 20)), sparse, List.of());
    assertThat(e.status()).isEqualTo(EffectStatus.SPARSE_SERIES);
    assertThat(e.levelChangePct()).isNull();
  }

  @Test
  void halfYearlySeriesLeaveOutTheEventHalfYearAndNeedThreeEachSide() {
    List<EffectSeries.HalfYearCell> cells = new ArrayList<>();
    for (int i = 0; i < 18; i++) { // 2017 H1 .. 2025 H2
      YearMonth start = YearMonth.of(2017, 1).plusMonths(6L * i);
      cells.add(new EffectSeries.HalfYearCell(start, "FENTANYL", 1000 + 100L * i));
      cells.add(new EffectSeries.HalfYearCell(start, "OTHER_DRUG", 5));
    }
    List<PolicyEffects.Series> series = EffectSeries.halfYearly(cells);
    assertThat(series).hasSize(1);
    PolicyEffects.Series s = series.get(0);
    assertThat(s.route()).isNull();
    assertThat(s.unit()).isEqualTo(PeriodUnit.HALF_YEAR);
    // February 2018: the half-year 2018 H1 is the transition; before it only 2017 H1 and H2 (2 <
    // 3).
    PolicyEffects.Effect us =
        PolicyEffects.estimate(event("us", LocalDate.of(2018, 2, 6)), s, List.of());
    assertThat(us.status()).isEqualTo(EffectStatus.TOO_FEW_PERIODS);
    assertThat(us.periodsBefore()).isEqualTo(2);
    // May 2019: 2019 H1 left out; before 2017 H1 .. 2018 H2 = 4; after 2019 H2 .. 2022 H1 = 6 (the
    // window's cap).
    PolicyEffects.Effect cn =
        PolicyEffects.estimate(event("cn", LocalDate.of(2019, 5, 1)), s, List.of());
    assertThat(cn.status()).isEqualTo(EffectStatus.ESTIMATED);
    assertThat(cn.periodsBefore()).isEqualTo(4);
    assertThat(cn.periodsAfter()).isEqualTo(6);
    assertThat(cn.windowLast()).isEqualTo(YearMonth.of(2022, 1));
    assertThat(cn.n()).isEqualTo(10);
  }

  @Test
  void monthlySeriesKeepOnlyTheFentanylRelatedClasses() {
    List<EffectSeries.MonthCell> cells =
        List.of(
            new EffectSeries.MonthCell(
                "cbp_published", YearMonth.of(2020, 1), "OTHER", "FENTANYL", true, 3.0),
            new EffectSeries.MonthCell(
                "cbp_published", YearMonth.of(2020, 2), "OTHER", "FENTANYL", false, null),
            new EffectSeries.MonthCell(
                "cbp_published", YearMonth.of(2020, 1), "OTHER", "OTHER_DRUG", true, 9.0));
    List<PolicyEffects.Series> series = EffectSeries.monthly(cells);
    assertThat(series).hasSize(1);
    assertThat(series.get(0).points())
        .containsExactly(
            new PolicyEffects.Point(YearMonth.of(2020, 1), true, 3.0),
            new PolicyEffects.Point(YearMonth.of(2020, 2), false, 0));
  }
}
