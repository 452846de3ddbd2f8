package org.fentrace.effects;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fentrace.core.EffectStatus;
import org.fentrace.core.PeriodUnit;

/**
 * Interrupted-time-series estimates of each policy event on each series, in plain Java.
 *
 * <p>Periods: the period holding the event is a transition period and is left out (its months are
 * partly before and partly after), unless the event falls on its first day, when it is the first
 * period after. The window reaches back {@link PeriodUnit#maxEachSide()} periods before the
 * transition period and forward as many from the first period after; only covered periods in it
 * count (a source that has ended or not begun is no data, never zeros). Outcome: {@code ln(value +
 * 1)}, the +1 (kilogram, or report) keeping covered months with nothing seized in the fit; it is
 * small against the national monthly totals the estimates are read on, and a series mostly zero is
 * refused ({@link EffectStatus#SPARSE_SERIES}). Monthly series carry one Fourier pair for the
 * annual cycle (two parameters instead of eleven month dummies, which a window of two to six years
 * cannot afford); half-yearly series have no seasonal term (two points a year cannot separate a
 * cycle from the trend).
 */
public final class PolicyEffects {
  /** The method, as written in the {@code method} column. */
  public static final String METHOD_MONTHLY =
      "Segmented OLS of ln(monthly value + 1) on t, post, t*post, sin/cos(2*pi*month/12);"
          + " covered months only, event month left out unless the event is on its 1st;"
          + " 95% intervals: Newey-West HAC sandwich (Bartlett, lag ceil(1.3*sqrt(n)), fixed-b critical value),"
          + " at least as wide as the AR(1)-implied interval with t(n-6)";

  public static final String METHOD_HALF_YEARLY =
      "Segmented OLS of ln(half-yearly value + 1) on t, post, t*post;"
          + " covered half-years only, event half-year left out unless the event is on its 1st day;"
          + " 95% intervals: Newey-West HAC sandwich (Bartlett, lag ceil(1.3*sqrt(n)), fixed-b critical value),"
          + " at least as wide as the AR(1)-implied interval with t(n-4)";
  public static final double CONFIDENCE = 0.95;

  private PolicyEffects() {}

  /**
   * One period of a series: its first month, whether the source covered it, and the value (0 when
   * not covered).
   */
  public record Point(YearMonth start, boolean covered, double value) {}

  /**
   * One series: source, route (null where the source has none), substance class, period and points
   * in order.
   */
  public record Series(
      String source, String route, String substanceClass, PeriodUnit unit, List<Point> points) {
    public Series {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(substanceClass, "substanceClass");
      Objects.requireNonNull(unit, "unit");
      points = List.copyOf(points);
    }
  }

  /**
   * One row of policy_effects. Percentages are {@code 100 (exp(b) - 1)} of the log-scale
   * coefficient; the slope change and pre trend are per period of {@code unit}. Estimate fields are
   * null unless ESTIMATED.
   */
  public record Effect(
      PolicyEvent event,
      Series series,
      EffectStatus status,
      String note,
      int periodsBefore,
      int periodsAfter,
      YearMonth windowFirst,
      YearMonth windowLast,
      Double levelChangePct,
      Double levelLowPct,
      Double levelHighPct,
      Double slopeChangePct,
      Double slopeLowPct,
      Double slopeHighPct,
      Double preTrendPct,
      Integer n,
      Integer lag,
      List<String> overlapping,
      SegmentedRegression.Fit fit) {}

  /** Every event against every series, in event then series order. */
  public static List<Effect> estimate(List<PolicyEvent> events, List<Series> series) {
    List<Effect> out = new ArrayList<>();
    for (PolicyEvent e : events) {
      for (Series s : series) {
        out.add(estimate(e, s, events));
      }
    }
    return out;
  }

  /**
   * One event against one series; {@code all} names the other events that fall inside the window.
   */
  public static Effect estimate(PolicyEvent event, Series series, List<PolicyEvent> all) {
    PeriodUnit unit = series.unit();
    YearMonth holding = periodStart(YearMonth.from(event.date()), unit);
    boolean onFirstDay = event.date().equals(holding.atDay(1));
    YearMonth firstAfter = onFirstDay ? holding : holding.plusMonths(unit.months());
    YearMonth earliest = holding.minusMonths((long) unit.months() * unit.maxEachSide());
    YearMonth latest = firstAfter.plusMonths((long) unit.months() * (unit.maxEachSide() - 1));
    List<Point> covered = series.points().stream().filter(Point::covered).toList();
    if (covered.isEmpty()
        || event.date().isBefore(covered.get(0).start().atDay(1))
        || event
            .date()
            .isAfter(
                covered
                    .get(covered.size() - 1)
                    .start()
                    .plusMonths(unit.months() - 1)
                    .atEndOfMonth())) {
      String span =
          covered.isEmpty()
              ? "no covered period"
              : "covered "
                  + covered.get(0).start()
                  + " to "
                  + covered.get(covered.size() - 1).start();
      return status(
          event,
          series,
          EffectStatus.OUTSIDE_COVERAGE,
          "event outside the source's coverage (" + span + ")",
          0,
          0,
          null,
          null);
    }
    List<Point> before = new ArrayList<>();
    List<Point> after = new ArrayList<>();
    for (Point p : covered) {
      if (!p.start().isBefore(earliest) && p.start().isBefore(holding)) {
        before.add(p);
      } else if (!p.start().isBefore(firstAfter) && !p.start().isAfter(latest)) {
        after.add(p);
      }
    }
    YearMonth first =
        before.isEmpty() ? (after.isEmpty() ? null : after.get(0).start()) : before.get(0).start();
    YearMonth last =
        after.isEmpty()
            ? (before.isEmpty() ? null : before.get(before.size() - 1).start())
            : after.get(after.size() - 1).start();
    if (before.size() < unit.minEachSide() || after.size() < unit.minEachSide()) {
      return status(
          event,
          series,
          EffectStatus.TOO_FEW_PERIODS,
          before.size()
              + " covered "
              + unit.wireName()
              + " periods before and "
              + after.size()
              + " after; an estimate needs "
              + unit.minEachSide()
              + " on each side",
          before.size(),
          after.size(),
          first,
          last);
    }
    List<Point> window = new ArrayList<>(before);
    window.addAll(after);
    long zeros = window.stream().filter(p -> p.value() <= 0).count();
    if (zeros * 2 > window.size()) {
      return status(
          event,
          series,
          EffectStatus.SPARSE_SERIES,
          zeros + " of " + window.size() + " covered periods in the window are zero",
          before.size(),
          after.size(),
          first,
          last);
    }
    int n = window.size();
    double[] t = new double[n];
    double[] y = new double[n];
    int[] month = unit == PeriodUnit.MONTH ? new int[n] : null;
    for (int i = 0; i < n; i++) {
      Point p = window.get(i);
      t[i] = ChronoUnit.MONTHS.between(firstAfter, p.start()) / (double) unit.months();
      y[i] = Math.log(p.value() + 1);
      if (month != null) {
        month[i] = p.start().getMonthValue();
      }
    }
    SegmentedRegression.Fit fit = SegmentedRegression.fit(t, y, month, CONFIDENCE);
    if (fit == null) {
      return status(
          event,
          series,
          EffectStatus.TOO_FEW_PERIODS,
          "the design cannot be fitted on " + n + " periods",
          before.size(),
          after.size(),
          first,
          last);
    }
    List<String> overlapping =
        overlapping(event, all, first.atDay(1), last.plusMonths(unit.months() - 1).atEndOfMonth());
    int l = SegmentedRegression.LEVEL_CHANGE;
    int s = SegmentedRegression.SLOPE_CHANGE;
    return new Effect(
        event,
        series,
        EffectStatus.ESTIMATED,
        overlapping.isEmpty()
            ? ""
            : "other events inside the window: " + String.join("; ", overlapping),
        before.size(),
        after.size(),
        first,
        last,
        pct(fit.beta()[l]),
        pct(fit.low()[l]),
        pct(fit.high()[l]),
        pct(fit.beta()[s]),
        pct(fit.low()[s]),
        pct(fit.high()[s]),
        pct(fit.beta()[SegmentedRegression.PRE_TREND]),
        fit.n(),
        fit.lag(),
        overlapping,
        fit);
  }

  /** The method string of a unit. */
  public static String method(PeriodUnit unit) {
    return unit == PeriodUnit.MONTH ? METHOD_MONTHLY : METHOD_HALF_YEARLY;
  }

  /** First month of the period holding {@code month}. */
  public static YearMonth periodStart(YearMonth month, PeriodUnit unit) {
    int m = month.getMonthValue();
    return YearMonth.of(month.getYear(), m - (m - 1) % unit.months());
  }

  /**
   * The counterfactual on the log scale at period offset {@code t} (and calendar month, for monthly
   * fits): the pre-event line and season carried forward, without the level and slope change.
   */
  public static double counterfactualLog(SegmentedRegression.Fit fit, double t, int month) {
    double[] b = fit.beta();
    double v = b[SegmentedRegression.INTERCEPT] + b[SegmentedRegression.PRE_TREND] * t;
    if (fit.parameters() > 4) {
      v +=
          b[SegmentedRegression.SEASON_SIN] * Math.sin(2 * Math.PI * month / 12.0)
              + b[SegmentedRegression.SEASON_COS] * Math.cos(2 * Math.PI * month / 12.0);
    }
    return v;
  }

  /** Labels of the other events dated inside [from, to]. */
  static List<String> overlapping(
      PolicyEvent event, List<PolicyEvent> all, LocalDate from, LocalDate to) {
    return all.stream()
        .filter(o -> !o.id().equals(event.id()))
        .filter(o -> !o.date().isBefore(from) && !o.date().isAfter(to))
        .map(o -> o.id() + " (" + o.date() + ")")
        .toList();
  }

  private static Effect status(
      PolicyEvent event,
      Series series,
      EffectStatus status,
      String note,
      int before,
      int after,
      YearMonth first,
      YearMonth last) {
    return new Effect(
        event, series, status, note, before, after, first, last, null, null, null, null, null, null,
        null, null, null, List.of(), null);
  }

  private static double pct(double b) {
    return 100 * Math.expm1(b);
  }
}
