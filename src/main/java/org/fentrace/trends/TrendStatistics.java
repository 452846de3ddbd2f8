package org.fentrace.trends;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Growth and trend statistics of one dense monthly series (one route and substance class), computed in
 * plain Java from the months of a {@link MonthSpan}: index 0 is {@code first}, the last element is the
 * "as of" month at which every window ends.
 *
 * <ul>
 *   <li>{@code firstMonth}/{@code lastMonth}: first and last month with any seizure (events or kg);
 *       null when the series is all zero.
 *   <li>{@code last12mKg}: kg of the last 12 months of the span; {@code prior12mKg}: the 12 before.
 *       Null when the span is shorter than 12 (24) months: a window that reaches before the data is not
 *       a comparison. {@code pctChange12m} = 100 * (last - prior) / prior; null when prior is 0 or null.
 *   <li>{@code rolling3mMeanKg}/{@code rolling12mMeanKg}: mean monthly kg over the last 3 (12) months,
 *       zero months included; null when the span is shorter than the window.
 *   <li>Log-linear trend: ordinary least squares of ln(kg) on the month index, over the months with
 *       kg &gt; 0 only (ln 0 is undefined: months without seizures are left out of the fit, they are not
 *       imputed). Slope b becomes percent per month 100 * (exp(b) - 1); the 95% confidence interval is
 *       b +- t(0.975, n-2) * se(b) (commons-math3 {@link SimpleRegression}) transformed the same way.
 *       Null when fewer than 3 months qualify. Once over the whole span, once over its last 24 months.
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
    Double rolling3mMeanKg,
    Double rolling12mMeanKg,
    LogLinearTrend trendAll,
    LogLinearTrend trendRecent) {

  public static final int DEFAULT_RECENT_MONTHS = 24;
  public static final int DEFAULT_MIN_POINTS = 3;
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * A fitted log-linear trend: percent change per month with its confidence interval (null when the fit
   * had too few points), and {@code months}, the number of months with kg &gt; 0 the fit used.
   */
  public record LogLinearTrend(Double pctPerMonth, Double ciLow, Double ciHigh, int months) {}

  /** Statistics of a kg-only series (a month counts as "seen" when its kg is positive); default windows. */
  public static TrendStatistics of(YearMonth first, double[] monthlyKg) {
    BigDecimal[] kg = new BigDecimal[monthlyKg.length];
    for (int i = 0; i < kg.length; i++) {
      kg[i] = BigDecimal.valueOf(monthlyKg[i]);
    }
    return of(first, kg, new long[monthlyKg.length]);
  }

  public static TrendStatistics of(YearMonth first, BigDecimal[] monthlyKg, long[] monthlyEvents) {
    return of(first, monthlyKg, monthlyEvents, DEFAULT_RECENT_MONTHS, DEFAULT_MIN_POINTS, DEFAULT_CONFIDENCE);
  }

  public static TrendStatistics of(YearMonth first, BigDecimal[] monthlyKg, long[] monthlyEvents,
      int recentMonths, int minPoints, double confidence) {
    Objects.requireNonNull(first, "first");
    int n = monthlyKg.length;
    if (n == 0 || monthlyEvents.length != n) {
      throw new IllegalArgumentException("need a non-empty series with one event count per month (kg: " + n
          + ", events: " + monthlyEvents.length + ")");
    }
    if (minPoints < 3) {
      throw new IllegalArgumentException("a trend with a confidence interval needs at least 3 points, not " + minPoints);
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
      BigDecimal k = monthlyKg[i] == null ? BigDecimal.ZERO : monthlyKg[i];
      kg[i] = k.doubleValue();
      total = total.add(k);
      events += monthlyEvents[i];
      if (monthlyEvents[i] > 0 || k.signum() > 0) {
        firstSeen = firstSeen < 0 ? i : firstSeen;
        lastSeen = i;
      }
    }
    BigDecimal last12 = n >= 12 ? sum(monthlyKg, n - 12, n) : null;
    BigDecimal prior12 = n >= 24 ? sum(monthlyKg, n - 24, n - 12) : null;
    Double pct = null;
    if (last12 != null && prior12 != null && prior12.signum() != 0) {
      pct = last12.subtract(prior12).multiply(BigDecimal.valueOf(100))
          .divide(prior12, MathContext.DECIMAL128).doubleValue();
    }
    return new TrendStatistics(
        firstSeen < 0 ? null : first.plusMonths(firstSeen),
        lastSeen < 0 ? null : first.plusMonths(lastSeen),
        first.plusMonths(n - 1L),
        total, events, last12, prior12, pct,
        mean(monthlyKg, n, 3), mean(monthlyKg, n, 12),
        logLinearTrend(kg, 0, minPoints, confidence),
        logLinearTrend(kg, Math.max(0, n - recentMonths), minPoints, confidence));
  }

  /**
   * OLS of ln(kg[i]) on i for i &gt;= from with kg[i] &gt; 0. The x values are the indexes themselves,
   * so the slope does not depend on where the window starts.
   */
  public static LogLinearTrend logLinearTrend(double[] kg, int from, int minPoints, double confidence) {
    SimpleRegression ols = new SimpleRegression(true);
    int points = 0;
    for (int i = from; i < kg.length; i++) {
      if (kg[i] > 0 && Double.isFinite(kg[i])) {
        ols.addData(i, Math.log(kg[i]));
        points++;
      }
    }
    if (points < Math.max(3, minPoints)) {
      return new LogLinearTrend(null, null, null, points);
    }
    double slope = ols.getSlope();
    double halfWidth = ols.getSlopeConfidenceInterval(1 - confidence);
    return new LogLinearTrend(finite(percentPerMonth(slope)), finite(percentPerMonth(slope - halfWidth)),
        finite(percentPerMonth(slope + halfWidth)), points);
  }

  /** A slope of ln(kg) per month as percent change per month: 100 * (exp(b) - 1). */
  public static double percentPerMonth(double slope) {
    return 100 * Math.expm1(slope);
  }

  private static BigDecimal sum(BigDecimal[] kg, int from, int to) {
    return Arrays.stream(kg, from, to).map(k -> k == null ? BigDecimal.ZERO : k).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Double mean(BigDecimal[] kg, int n, int window) {
    if (n < window) {
      return null;
    }
    return sum(kg, n - window, n).divide(BigDecimal.valueOf(window), MathContext.DECIMAL128).doubleValue();
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
