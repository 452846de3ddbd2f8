package org.fentrace.trends;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ordinary least squares of y on month index x with a Newey-West (Bartlett kernel)
 * heteroskedasticity and autocorrelation consistent standard error for the slope.
 *
 * <p>Why: monthly seizure series are autocorrelated (a busy smuggling month is followed by busy
 * months), so the textbook OLS standard error, which assumes independent residuals, is too small
 * and calls noise a trend. Newey-West keeps the OLS slope and widens its standard error by the
 * residuals' autocovariances up to a lag L, each weighted 1 - d/(L+1).
 *
 * <p>Lag: L = ceil(1.3 * sqrt(n)), the rule of Lazarus, Lewis, Stock and Watson (2018, "HAR
 * inference: recommendations for practice"): longer than the classic floor(4 (n/100)^(2/9)) (3 for
 * five years of months), because a short lag misses most of the autocorrelation of a persistent
 * series.
 *
 * <p>Floor: for a time-trend regressor in a few years of months the Bartlett estimator is biased
 * downwards (the fitted trend absorbs the slow part of the noise). Simulated on AR(1) noise with
 * phi = 0.5 over 60 months, a plain Newey-West 95% interval held the true slope in only about 80%
 * of series. So the standard error used is the larger of the Newey-West one and the one implied by
 * an AR(1) fit of the residuals, OLS variance * (1 + phi) / (1 - phi), with phi the lag-1
 * autocorrelation of the residuals (consecutive months only) plus its small-sample bias correction
 * (2 + 4 phi) / n for a detrended series, capped at 0.97. On the same simulation this holds the
 * slope in 93-95% of series and calls a flat series significant in 6-9% (TrendIntervalTest measures
 * it on 200 seeded series). Critical value: Student t with n - 2 degrees of freedom
 * (commons-math3); the Newey-West variance is scaled by n/(n-2) for the two fitted parameters.
 *
 * <p>Lags are distances in months, not positions in the list: months left out of the fit (no kg, or
 * not covered by the source) leave their gap, so two observations a year apart are never treated as
 * neighbours.
 */
public final class NeweyWestTrend {
  /** The method, as written in route_trends' {@code trend_method} column. */
  public static final String METHOD =
      "OLS of ln(monthly kg) on month, covered months with kg > 0;"
          + " 95% interval from Newey-West HAC s.e. (Bartlett, lag ceil(1.3*sqrt(n))), floored at the AR(1)-implied s.e., t(n-2)";

  private NeweyWestTrend() {}

  /** A fitted slope (units of y per month), its interval, the number of points and the lag used. */
  public record Fit(double slope, double low, double high, double se, int n, int lag) {
    /** Whether the interval excludes 0. */
    public boolean significant() {
      return low > 0 || high < 0;
    }
  }

  /**
   * OLS slope variance s^2 / Sxx scaled by (1 + phi) / (1 - phi), the long-run to short-run
   * variance ratio of AR(1) noise; phi from residual pairs one month apart, bias-corrected, in [0,
   * 0.97].
   */
  private static double ar1Variance(
      double[] x, double[] y, double intercept, double slope, double sxx) {
    int n = x.length;
    double sse = 0;
    double lag1 = 0;
    double prev = Double.NaN;
    for (int i = 0; i < n; i++) {
      double e = y[i] - intercept - slope * x[i];
      sse += e * e;
      if (i > 0 && x[i] - x[i - 1] == 1) {
        lag1 += e * prev;
      }
      prev = e;
    }
    if (sse == 0) {
      return 0;
    }
    double phi = lag1 / sse;
    double corrected = Math.max(0, Math.min(0.97, phi + (2 + 4 * phi) / n));
    return sse / (n - 2) / sxx * (1 + corrected) / (1 - corrected);
  }

  /** The lag for n observations: ceil(1.3 * sqrt(n)), at most n - 1. */
  public static int lag(int n) {
    return Math.max(0, Math.min(n - 1, (int) Math.ceil(1.3 * Math.sqrt(n))));
  }

  /**
   * Fits y on x (x: month indexes, strictly increasing). Null when fewer than 3 points or when
   * every x is the same.
   */
  public static Fit fit(double[] x, double[] y, double confidence) {
    int n = x.length;
    if (n < 3 || y.length != n) {
      return null;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx == 0) {
      return null;
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    // With x centred, the slope's HAC variance is (sum_i sum_j w(|x_i - x_j|) u_i u_j) / sxx^2, u_i
    // = (x_i - mx) e_i.
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (x[i] - mx) * (y[i] - intercept - slope * x[i]);
    }
    int lag = lag(n);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += u[i] * u[i];
      for (int j = i + 1; j < n && x[j] - x[i] <= lag; j++) {
        s += 2 * (1 - (x[j] - x[i]) / (lag + 1.0)) * u[i] * u[j];
      }
    }
    double nwVariance = Math.max(0, s) / (sxx * sxx) * n / (n - 2.0);
    double se = Math.sqrt(Math.max(nwVariance, ar1Variance(x, y, intercept, slope, sxx)));
    double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + confidence / 2);
    return new Fit(slope, slope - t * se, slope + t * se, se, n, lag);
  }
}
