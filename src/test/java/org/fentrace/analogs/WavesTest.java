package org.fentrace.analogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wave arithmetic on small hand-made series of half-years. Every expected value is worked out
 * in the comment above it from the counts given.
 */
class WavesTest {
  /** Half-years from 2017 H1: 2017-01-01, 2017-07-01, 2018-01-01, ... */
  static List<LocalDate> halfYears(int n) {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(LocalDate.of(2017, 1, 1).plusMonths(6L * i));
    }
    return out;
  }

  @Test
  void peakIsTheFirstHighestCount() {
    // 3, 9, 9, 1: the highest is 9, first reached at index 1.
    assertThat(Waves.peak(new long[] {3, 9, 9, 1})).isEqualTo(new Waves.Peak(1, 9));
    assertThat(Waves.peak(new long[] {0, 0})).isNull();
    assertThat(Waves.firstSeen(new long[] {0, 0, 4, 0})).isEqualTo(2);
    assertThat(Waves.lastSeen(new long[] {0, 5, 4, 0})).isEqualTo(2);
  }

  @Test
  void leftCensoredOnlyWhenFirstSeenInTheFirstCoveredPeriod() {
    assertThat(Waves.leftCensored(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 1))).isTrue();
    assertThat(Waves.leftCensored(LocalDate.of(2017, 7, 1), LocalDate.of(2017, 1, 1))).isFalse();
  }

  @Test
  void monthsToAQuarterOfThePeakCountFromTheControlMonth() {
    // Half-years 2017-01, 2017-07, 2018-01, 2018-07, 2019-01 hold 10, 40, 20, 9, 2. Peak 40 (2017
    // H2); "below
    // a quarter" is count * 4 < 40, so 10 is not below and 9 is. Control 2018-02-01: the first
    // half-year
    // starting on or after it is 2018-07-01, holding 9 (36 < 40): February 2018 to July 2018 is 5
    // months.
    long[] counts = {10, 40, 20, 9, 2};
    Waves.Decline d = Waves.monthsToQuarterOfPeak(halfYears(5), counts, LocalDate.of(2018, 2, 1));
    assertThat(d.months()).isEqualTo(5);
    assertThat(d.note()).isNull();
    // Controlled 2017-03-10 (inside the data, before the peak): the fall is looked for from the
    // peak on;
    // 2017 H2 is the peak (40), 2018 H1 20 (80 >= 40), 2018 H2 9: from March 2017 to July 2018 is
    // 16 months.
    assertThat(
            Waves.monthsToQuarterOfPeak(halfYears(5), counts, LocalDate.of(2017, 3, 10)).months())
        .isEqualTo(16);
    // A half-year starting on the control day counts as after it: control 2018-07-01 -> 0 months.
    assertThat(Waves.monthsToQuarterOfPeak(halfYears(5), counts, LocalDate.of(2018, 7, 1)).months())
        .isZero();
  }

  @Test
  void noMonthsWhenItNeverFellOrWasControlledBeforeTheDataOrHasNoDate() {
    // 5, 8, 6: peak 8, never below 2 (6 * 4 = 24 >= 8).
    Waves.Decline never =
        Waves.monthsToQuarterOfPeak(halfYears(3), new long[] {5, 8, 6}, LocalDate.of(2017, 2, 1));
    assertThat(never.months()).isNull();
    assertThat(never.note())
        .startsWith("did not fall below a quarter of its peak (8 in the period from 2017-07-01)");
    Waves.Decline before =
        Waves.monthsToQuarterOfPeak(halfYears(3), new long[] {5, 8, 1}, LocalDate.of(2016, 12, 31));
    assertThat(before.months()).isNull();
    assertThat(before.note()).startsWith("controlled before the data start (2017-01-01)");
    assertThat(Waves.monthsToQuarterOfPeak(halfYears(3), new long[] {5, 8, 1}, null).note())
        .isEqualTo("no control date recorded in the scheduling reference");
    // A fall before the control does not count: 8, 1, 1 with control 2018-03-01 -> no half-year
    // starts on or
    // after 2018-03-01 in 2017 H1 .. 2018 H1, so it did not fall "after the control" within the
    // data.
    assertThat(
            Waves.monthsToQuarterOfPeak(
                    halfYears(3), new long[] {8, 1, 1}, LocalDate.of(2018, 3, 1))
                .months())
        .isNull();
  }

  @Test
  void successorsFirstAppearWithinTwelveMonthsAfterTheControl() {
    LocalDate control = LocalDate.of(2017, 10, 26);
    List<Waves.Appearance> seen =
        List.of(
            new Waves.Appearance(
                "old", LocalDate.of(2017, 1, 1), true), // left-censored: not an appearance
            new Waves.Appearance(
                "during", LocalDate.of(2017, 7, 1), false), // half-year holding the date: not after
            new Waves.Appearance(
                "next", LocalDate.of(2018, 1, 1), false), // Oct 2017 -> Jan 2018: 3 months
            new Waves.Appearance(
                "later", LocalDate.of(2018, 7, 1), false), // Oct 2017 -> Jul 2018: 9 months
            new Waves.Appearance(
                "too late", LocalDate.of(2019, 1, 1), false), // starts after 2018-10-26
            new Waves.Appearance(
                "self", LocalDate.of(2018, 1, 1), false)); // the controlled substance itself
    assertThat(Waves.successors("self", control, seen))
        .containsExactly(
            new Waves.Successor("next", LocalDate.of(2018, 1, 1), 3),
            new Waves.Successor("later", LocalDate.of(2018, 7, 1), 9));
    assertThat(Waves.successors("self", null, seen)).isEmpty();
  }

  @Test
  void shareIsNullOverNothing() {
    // 1 of 4 reports.
    assertThat(Waves.share(1, 4)).isEqualTo(0.25);
    assertThat(Waves.share(0, 0)).isNull();
  }
}
