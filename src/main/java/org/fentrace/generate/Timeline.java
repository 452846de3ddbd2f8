package org.fentrace.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How many events of each kind happen on each day of the generated period. Each kind has a yearly
 * intensity curve (piecewise linear between knots, flat outside them); a day is drawn in proportion
 * to the total intensity of that day, then a kind in proportion to its share of it. Built once per
 * run, immutable, shared by all chunk threads; memory is a few doubles per day, never per row.
 */
final class Timeline {
  private final long firstEpochDay;
  private final int kinds;
  private final double[] yearOf;

  /** Running total of the day intensities: day d is chosen when u falls in [cum[d-1], cum[d]). */
  private final double[] cumulative;

  /** Per day, the intensity of each kind, laid out day-major. */
  private final double[] perKind;

  /**
   * @param knots per kind, {@code {year, weight}} pairs sorted by year (year as a decimal, 2019.5
   *     is July 2019)
   */
  Timeline(LocalDate firstDay, int days, double[][][] knots) {
    this.firstEpochDay = firstDay.toEpochDay();
    this.kinds = knots.length;
    this.yearOf = new double[days];
    this.cumulative = new double[days];
    this.perKind = new double[days * kinds];
    double total = 0;
    for (int d = 0; d < days; d++) {
      LocalDate date = firstDay.plusDays(d);
      double year = date.getYear() + (date.getDayOfYear() - 1) / (double) date.lengthOfYear();
      yearOf[d] = year;
      for (int k = 0; k < kinds; k++) {
        double w = interpolate(knots[k], year);
        perKind[d * kinds + k] = w;
        total += w;
      }
      cumulative[d] = total;
    }
  }

  static double interpolate(double[][] knots, double year) {
    if (year <= knots[0][0]) {
      return knots[0][1];
    }
    for (int i = 1; i < knots.length; i++) {
      if (year <= knots[i][0]) {
        double[] a = knots[i - 1];
        double[] b = knots[i];
        return a[1] + (b[1] - a[1]) * (year - a[0]) / (b[0] - a[0]);
      }
    }
    return knots[knots.length - 1][1];
  }

  int days() {
    return yearOf.length;
  }

  long epochDay(int day) {
    return firstEpochDay + day;
  }

  /** The calendar year of a day as a decimal, for choices that depend on the era. */
  double year(int day) {
    return yearOf[day];
  }

  /** A day index drawn in proportion to the day's total intensity. */
  int day(SplittableRandom r) {
    double u = r.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** A kind drawn in proportion to its intensity on {@code day}. */
  int kind(SplittableRandom r, int day) {
    int base = day * kinds;
    double total = 0;
    for (int k = 0; k < kinds; k++) {
      total += perKind[base + k];
    }
    double u = r.nextDouble() * total;
    for (int k = 0; k < kinds - 1; k++) {
      u -= perKind[base + k];
      if (u < 0) {
        return k;
      }
    }
    return kinds - 1;
  }
}
