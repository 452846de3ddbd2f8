package org.fentrace.effects;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.fentrace.trends.NeweyWestTrend;

/**
 * Segmented (interrupted time series) regression by ordinary least squares, with a Newey-West
 * (Bartlett kernel) sandwich covariance for every coefficient, floored coefficient by coefficient
 * at the covariance implied by AR(1) residuals.
 *
 * <p>Model (Bernal, Cummins and Gasparrini, "Interrupted time series regression for the evaluation
 * of public health interventions: a tutorial", Int J Epidemiol 2017): {@code y_t = b0 + b1 t + b2
 * D_t + b3 t D_t [+ b4 sin(2 pi m/12) + b5 cos(2 pi m/12)] + e_t}, with {@code t} the distance in
 * periods from the first period after the event (so pre-event periods have {@code t < 0}), {@code
 * D_t = 1} from that period on, {@code m} the calendar month. {@code b1} is the pre-event trend,
 * {@code b2} the level change at the event, {@code b3} the change of slope after it.
 *
 * <p>Intervals: the series are autocorrelated, so the OLS covariance is too narrow. The Newey-West
 * sandwich {@code (X'X)^-1 S (X'X)^-1 n/(n-p)}, {@code S = sum_i sum_j w(|t_i - t_j|) e_i e_j x_i
 * x_j'}, Bartlett weights {@code w(d) = 1 - d/(L+1)} up to lag {@code L = ceil(1.3 sqrt(n))} (the
 * rule {@link NeweyWestTrend#lag} uses), lags measured in periods so a gap in coverage stays a gap,
 * with the fixed-b critical value of that lag ({@link #fixedBCritical}). As in {@link
 * NeweyWestTrend}, Bartlett underestimates the variance in a few dozen periods of persistent noise,
 * so each half-width is at least the one from the OLS variance times {@code (1+phi)/(1-phi)}
 * ({@link #ar1Inflation}) with Student t on {@code n - p} degrees of freedom. The reported standard
 * error is the half-width over that t quantile. SegmentedRegressionTest measures coverage and false
 * alarms on 200 seeded series.
 */
public final class SegmentedRegression {
  /** Coefficient positions. */
  public static final int INTERCEPT = 0;

  public static final int PRE_TREND = 1;
  public static final int LEVEL_CHANGE = 2;
  public static final int SLOPE_CHANGE = 3;
  public static final int SEASON_SIN = 4;
  public static final int SEASON_COS = 5;

  private SegmentedRegression() {}

  /**
   * The fit: coefficients, their standard errors and intervals (same positions), the number of
   * points, the parameters and the Newey-West lag.
   */
  public record Fit(
      double[] beta, double[] se, double[] low, double[] high, int n, int parameters, int lag) {
    /** Whether the interval of coefficient {@code k} excludes 0. */
    public boolean significant(int k) {
      return low[k] > 0 || high[k] < 0;
    }
  }

  /**
   * Fits the model. {@code t}: period offsets from the first post-event period, strictly
   * increasing; {@code month}: calendar month 1..12 of each point for the seasonal pair, or null
   * for none (half-yearly series). Null when the design cannot be fitted: fewer than p + 2 points,
   * no point on one side of the event, or a singular design.
   */
  public static Fit fit(double[] t, double[] y, int[] month, double confidence) {
    int n = t.length;
    int p = month == null ? 4 : 6;
    if (y.length != n || (month != null && month.length != n) || n < p + 2) {
      return null;
    }
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      double d = t[i] >= 0 ? 1 : 0;
      x[i][0] = 1;
      x[i][1] = t[i];
      x[i][2] = d;
      x[i][3] = t[i] * d;
      if (month != null) {
        x[i][4] = Math.sin(2 * Math.PI * month[i] / 12.0);
        x[i][5] = Math.cos(2 * Math.PI * month[i] / 12.0);
      }
    }
    RealMatrix design = new Array2DRowRealMatrix(x, false);
    RealMatrix xtxInverse;
    try {
      xtxInverse =
          new LUDecomposition(design.transpose().multiply(design)).getSolver().getInverse();
    } catch (SingularMatrixException e) {
      return null;
    }
    double[] beta = xtxInverse.operate(design.transpose().operate(y));
    double[] e = new double[n];
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double fitted = 0;
      for (int k = 0; k < p; k++) {
        fitted += x[i][k] * beta[k];
      }
      e[i] = y[i] - fitted;
      sse += e[i] * e[i];
    }
    int lag = NeweyWestTrend.lag(n);
    double[][] meat = new double[p][p];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n && t[j] - t[i] <= lag; j++) {
        double w = (i == j ? 1 : 2 * (1 - (t[j] - t[i]) / (lag + 1.0))) * e[i] * e[j];
        for (int a = 0; a < p; a++) {
          for (int b = 0; b < p; b++) {
            // symmetric: the pair (i, j) and (j, i) together give x_i x_j' + x_j x_i', halved per
            // weight 2
            meat[a][b] +=
                i == j ? w * x[i][a] * x[i][b] : w / 2 * (x[i][a] * x[j][b] + x[j][a] * x[i][b]);
          }
        }
      }
    }
    RealMatrix sandwich =
        xtxInverse
            .multiply(new Array2DRowRealMatrix(meat, false))
            .multiply(xtxInverse)
            .scalarMultiply(n / (double) (n - p));
    double inflation = ar1Inflation(t, e, sse, p);
    double s2 = sse / (n - p);
    double tQuantile = new TDistribution(n - p).inverseCumulativeProbability(0.5 + confidence / 2);
    double fixedB = fixedBCritical(lag / (double) n, confidence);
    double[] se = new double[p];
    double[] low = new double[p];
    double[] high = new double[p];
    for (int k = 0; k < p; k++) {
      double hacSe = Math.sqrt(Math.max(0, sandwich.getEntry(k, k)));
      double ar1Se = Math.sqrt(s2 * xtxInverse.getEntry(k, k) * inflation);
      double half = Math.max(fixedB * hacSe, tQuantile * ar1Se);
      se[k] = half / tQuantile;
      low[k] = beta[k] - half;
      high[k] = beta[k] + half;
    }
    return new Fit(beta, se, low, high, n, p, lag);
  }

  /**
   * (1 + phi) / (1 - phi), the long-run to short-run variance ratio of AR(1) errors; phi the lag-1
   * autocorrelation of the residuals over pairs one period apart plus a small-sample bias
   * correction {@code (p + (p+2) phi)/n}, held in [0, 0.97]. Fitted residuals are less
   * autocorrelated than the errors, the more so the more parameters are fitted: the correction
   * extends the {@code (1 + 3 phi)/n} (mean only) and {@code (2 + 4 phi)/n} (mean and trend,
   * NeweyWestTrend's) corrections to p parameters.
   */
  static double ar1Inflation(double[] t, double[] e, double sse, int p) {
    if (sse == 0) {
      return 1;
    }
    double lag1 = 0;
    for (int i = 1; i < t.length; i++) {
      if (t[i] - t[i - 1] == 1) {
        lag1 += e[i] * e[i - 1];
      }
    }
    double phi = lag1 / sse;
    double corrected = Math.max(0, Math.min(0.97, phi + (p + (p + 2) * phi) / t.length));
    return (1 + corrected) / (1 - corrected);
  }

  /**
   * Fixed-b critical value of a Bartlett-kernel HAC t statistic with bandwidth ratio {@code b =
   * L/n}, 95% two-sided: Kiefer and Vogelsang (2005, Econometric Theory 21) fitted polynomial
   * {@code 1.96 + 2.9694 b + 0.4160 b^2 - 0.5324 b^3}, the critical values Lazarus, Lewis, Stock
   * and Watson (2018) recommend with the lag {@code ceil(1.3 sqrt(n))}; the normal quantile at
   * other confidence levels.
   */
  static double fixedBCritical(double b, double confidence) {
    if (Math.abs(confidence - 0.95) > 1e-12) {
      return new org.apache.commons.math3.distribution.NormalDistribution()
          .inverseCumulativeProbability(0.5 + confidence / 2);
    }
    return 1.96 + 2.9694 * b + 0.4160 * b * b - 0.5324 * b * b * b;
  }
}
