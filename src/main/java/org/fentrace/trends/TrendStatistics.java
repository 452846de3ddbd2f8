package org.fentrace.trends;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;

/**
 * Growth and trend statistics of one dense monthly series (one source, route and substance class),
 * computed in plain Java from the months of a {@link MonthSpan}: index 0 is {@code first}, the last
 * element is the "as of" month at which every window ends. A month the source did not cover ({@code
 * covered[i]} false) is no data: it never counts as a zero, and a window that contains one gives no
 * number.
 *
 * <ul>
 *   <li>{@code firstMonth}/{@code lastMonth}: first and last month with any seizure (events or kg);
 *       null when the series is all zero.
 *   <li>{@code last12mKg}: kg of the last 12 months of the span; {@code prior12mKg}: the 12 before.
 *       Null when the span is shorter than 12 (24) months or a month of the window is not covered.
 *       {@code pctChange12m} = 100 * (last - prior) / prior; null when it is not made, and then
 *       {@code comparisonNote} says why (too few months, a coverage change inside the 24 months, or
 *       a prior year of 0 kg).
 *   <li>{@code rolling3mMeanKg}/{@code rolling12mMeanKg}: mean monthly kg over the last 3 (12)
 *       months, zero months included; null when the window is longer than the span or holds an
 *       uncovered month.
 *   <li>Log-linear trend: least squares of ln(kg) on the month index, over the covered months with
 *       kg &gt; 0 only (ln 0 is undefined: months without seizures are left out, not imputed), with
 *       a Newey-West interval ({@link NeweyWestTrend}). Slope b becomes percent per month 100 *
 *       (exp(b) - 1), and the interval bounds the same way. Null when fewer than {@code minPoints}
 *       months qualify. Once over the whole span, once over its last 24 months.
 * </ul>
 */
public record TrendStatistics(
    YearMonth firstMonth,
    YearMonth lastMonth,
    YearMonth asOfMonth,
    BigDecimal totalKg,
    long totalEvents,
    BigDecimal last12mKg,
    BigDecimal prior12mKg,
    Double pctChange12m,
    String comparisonNote,
    Double rolling3mMeanKg,
    Double rolling12mMeanKg,
    LogLinearTrend trendAll,
    LogLinearTrend trendRecent) {

  public static final int DEFAULT_RECENT_MONTHS = 24;
  public static final int DEFAULT_MIN_POINTS = 3;
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * A fitted log-linear trend: percent change per month with its confidence interval (null when the
   * fit had too few points), {@code months}, the number of months the fit used, and the Newey-West
   * lag.
   */
  public record LogLinearTrend(
      Double pctPerMonth, Double ciLow, Double ciHigh, int months, Integer lag) {}

  /**
   * Statistics of a kg-only, fully covered series (a month counts as "seen" when its kg is
   * positive); default windows.
   */
  public static TrendStatistics of(YearMonth first, double[] monthlyKg) {
    BigDecimal[] kg = new BigDecimal[monthlyKg.length];
    for (int i = 0; i < kg.length; i++) {
      kg[i] = BigDecimal.valueOf(monthlyKg[i]);
    }
    return of(first, kg, new long[monthlyKg.length]);
  }

  public static TrendStatistics of(YearMonth first, BigDecimal[] monthlyKg, long[] monthlyEvents) {
    boolean[] all = new boolean[monthlyKg.length];
    Arrays.fill(all, true);
    return of(
        first,
        monthlyKg,
        monthlyEvents,
        all,
        DEFAULT_RECENT_MONTHS,
        DEFAULT_MIN_POINTS,
        DEFAULT_CONFIDENCE);
  }

  public static TrendStatistics of(
      YearMonth first,
      BigDecimal[] monthlyKg,
      long[] monthlyEvents,
      boolean[] covered,
      int recentMonths,
      int minPoints,
      double confidence) {
    Objects.requireNonNull(first, "first");
    int n = monthlyKg.length;
    if (n == 0 || monthlyEvents.length != n || covered.length != n) {
      throw new IllegalArgumentException(
          "need a non-empty series with one event count and one coverage flag per"
              + " month (kg: "
              + n
              + ", events: "
              + monthlyEvents.length
              + ", covered: "
              + covered.length
              + ")");
    }
    if (minPoints < 3) {
      throw new IllegalArgumentException(
          "a trend with a confidence interval needs at least 3 points, not " + minPoints);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
    }
    double[] kg = new double[n];
    BigDecimal total = BigDecimal.ZERO;
    long events = 0;
    int firstSeen = -1;
    int lastSeen = -1;
    for (int i = 0; i < n; i++) {
      BigDecimal k = monthlyKg[i] == null || !covered[i] ? BigDecimal.ZERO : monthlyKg[i];
      kg[i] = covered[i] ? k.doubleValue() : Double.NaN;
      total = total.add(k);
      long e = covered[i] ? monthlyEvents[i] : 0;
      events += e;
      if (e > 0 || k.signum() > 0) {
        firstSeen = firstSeen < 0 ? i : firstSeen;
        lastSeen = i;
      }
    }
    BigDecimal last12 =
        n >= 12 && allCovered(covered, n - 12, n) ? sum(monthlyKg, n - 12, n) : null;
    BigDecimal prior12 =
        n >= 24 && allCovered(covered, n - 24, n - 12) ? sum(monthlyKg, n - 24, n - 12) : null;
    Double pct = null;
    String note;
    if (n < 24) {
      note = "fewer than 24 covered months";
    } else if (!allCovered(covered, n - 24, n)) {
      note = "coverage changes within the last 24 months";
    } else if (prior12.signum() == 0) {
      note = "no kg in the prior 12 months";
    } else {
      note = null;
      pct =
          last12
              .subtract(prior12)
              .multiply(BigDecimal.valueOf(100))
              .divide(prior12, MathContext.DECIMAL128)
              .doubleValue();
    }
    return new TrendStatistics(
        firstSeen < 0 ? null : first.plusMonths(firstSeen),
        lastSeen < 0 ? null : first.plusMonths(lastSeen),
        first.plusMonths(n - 1L),
        total,
        events,
        last12,
        prior12,
        pct,
        note,
        mean(monthlyKg, covered, n, 3),
        mean(monthlyKg, covered, n, 12),
        logLinearTrend(kg, 0, minPoints, confidence),
        logLinearTrend(kg, Math.max(0, n - recentMonths), minPoints, confidence));
  }

  /**
   * ln(kg[i]) on i for i &gt;= from with kg[i] &gt; 0 (NaN, an uncovered month, is left out), with
   * a Newey-West interval. The x values are the indexes themselves, so the slope does not depend on
   * where the window starts.
   */
  public static LogLinearTrend logLinearTrend(
      double[] kg, int from, int minPoints, double confidence) {
    int points = 0;
    for (int i = from; i < kg.length; i++) {
      points += kg[i] > 0 && Double.isFinite(kg[i]) ? 1 : 0;
    }
    if (points < Math.max(3, minPoints)) {
      return new LogLinearTrend(null, null, null, points, null);
    }
    double[] x = new double[points];
    double[] y = new double[points];
    int j = 0;
    for (int i = from; i < kg.length; i++) {
      if (kg[i] > 0 && Double.isFinite(kg[i])) {
        x[j] = i;
        y[j++] = Math.log(kg[i]);
      }
    }
    NeweyWestTrend.Fit fit = NeweyWestTrend.fit(x, y, confidence);
    return new LogLinearTrend(
        finite(percentPerMonth(fit.slope())),
        finite(percentPerMonth(fit.low())),
        finite(percentPerMonth(fit.high())),
        points,
        fit.lag());
  }

  /** A slope of ln(kg) per month as percent change per month: 100 * (exp(b) - 1). */
  public static double percentPerMonth(double slope) {
    return 100 * Math.expm1(slope);
  }

  private static boolean allCovered(boolean[] covered, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!covered[i]) {
        return false;
      }
    }
    return true;
  }

  private static BigDecimal sum(BigDecimal[] kg, int from, int to) {
    return Arrays.stream(kg, from, to)
        .map(k -> k == null ? BigDecimal.ZERO : k)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Double mean(BigDecimal[] kg, boolean[] covered, int n, int window) {
    if (n < window || !allCovered(covered, n - window, n)) {
      return null;
    }
    return sum(kg, n - window, n)
        .divide(BigDecimal.valueOf(window), MathContext.DECIMAL128)
        .doubleValue();
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
