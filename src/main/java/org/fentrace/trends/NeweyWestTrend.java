package org.fentrace.trends;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ordinary least squares of y on month index x with a Newey-West (Bartlett kernel) heteroskedasticity
 * and autocorrelation consistent standard error for the slope.
 *
 * <p>Why: monthly seizure series are autocorrelated (a busy smuggling month is followed by busy months),
 * so the textbook OLS standard error, which assumes independent residuals, is too small and calls
 * noise a trend. Newey-West keeps the OLS slope and widens its standard error by the residuals'
 * autocovariances up to a lag L, each weighted 1 - d/(L+1).
 *
 * <p>Lag: L = ceil(1.3 * sqrt(n)), the rule of Lazarus, Lewis, Stock and Watson (2018, "HAR inference:
 * recommendations for practice"). The older rule floor(4 (n/100)^(2/9)) gives L = 3 for five years of
 * months, which under-covers badly at the autocorrelation of monthly seizure series; the larger lag
 * trades a little power for an interval that holds its level (see TrendIntervalTest, which measures
 * both). Critical value: Student t with n - 2 degrees of freedom (commons-math3), and the variance is
 * scaled by n/(n-2) for the two fitted parameters.
 *
 * <p>Lags are distances in months, not positions in the list: months left out of the fit (no kg, or
 * not covered by the source) leave their gap, so two observations a year apart are never treated as
 * neighbours.
 */
public final class NeweyWestTrend {
  /** The method, as written in route_trends' {@code trend_method} column. */
  public static final String METHOD = "OLS of ln(monthly kg) on month, covered months with kg > 0;"
      + " Newey-West HAC interval, Bartlett lag ceil(1.3*sqrt(n)), t(n-2)";

  private NeweyWestTrend() {}

  /** A fitted slope (units of y per month), its interval, the number of points and the lag used. */
  public record Fit(double slope, double low, double high, double se, int n, int lag) {
    /** Whether the interval excludes 0. */
    public boolean significant() {
      return low > 0 || high < 0;
    }
  }

  /** The lag for n observations: ceil(1.3 * sqrt(n)), at most n - 1. */
  public static int lag(int n) {
    return Math.max(0, Math.min(n - 1, (int) Math.ceil(1.3 * Math.sqrt(n))));
  }

  /**
   * Fits y on x (x: month indexes, strictly increasing). Null when fewer than 3 points or when every x
   * is the same.
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
    // With x centred, the slope's HAC variance is (sum_i sum_j w(|x_i - x_j|) u_i u_j) / sxx^2, u_i = (x_i - mx) e_i.
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
    double variance = Math.max(0, s) / (sxx * sxx) * n / (n - 2.0);
    double se = Math.sqrt(variance);
    double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + confidence / 2);
    return new Fit(slope, slope - t * se, slope + t * se, se, n, lag);
  }
}
