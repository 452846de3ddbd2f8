package org.fentrace.analogs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of an analog wave, on one substance's counts per period of its source (dense: a
 * period of the source's coverage without a count is 0). Pure Java, no Spark; every function is
 * small enough to check by hand.
 *
 * <p>Periods are given by their first day (6 months long for NFLIS half-years). A period counts as
 * "after" a control date only when it starts on or after that day: a half-year that merely contains
 * the date mixes reports from before and after the measure, so it is neither before nor after.
 */
public final class Waves {
  /** A quarter: "fell below a quarter of its peak" means {@code count * QUARTER < peak}. */
  static final int QUARTER = 4;

  /** How long after a control a substance's first appearance makes it a candidate successor. */
  public static final int SUCCESSOR_WINDOW_MONTHS = 12;

  private Waves() {}

  /** The period with the most counts (the earliest on a tie), and that count. */
  public record Peak(int index, long count) {}

  /**
   * The first period with the highest count; null when every count is 0 (the substance never
   * appears).
   */
  public static Peak peak(long[] counts) {
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
        best = i;
      }
    }
    return best < 0 ? null : new Peak(best, counts[best]);
  }

  /** Index of the first period with a count above 0, or -1. */
  public static int firstSeen(long[] counts) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the last period with a count above 0, or -1. */
  public static int lastSeen(long[] counts) {
    for (int i = counts.length - 1; i >= 0; i--) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Left-censored: first seen in the first period its source covers, so it may well have been there
   * before the data start. Such a substance is never "new"; its first period is only where the data
   * begin.
   */
  public static boolean leftCensored(LocalDate firstSeen, LocalDate coverageFirst) {
    return firstSeen.equals(coverageFirst);
  }

  /** part / whole; null when whole is not positive. */
  public static Double share(long part, long whole) {
    return whole <= 0 ? null : (double) part / whole;
  }

  /**
   * How long after a control a substance fell below a quarter of its peak: the months, or why there
   * are none.
   */
  public record Decline(Integer months, String note) {
    public Decline {
      if ((months == null) == (note == null)) {
        throw new IllegalArgumentException(
            "a decline has either its months or a note saying why it has none");
      }
    }
  }

  /**
   * Months from a control date to the first period that starts on or after the date, is not before
   * the substance's peak, and has fewer than a quarter of the peak's count ({@code count * 4 <
   * peak}); counted from the control date's month to that period's first month. So the answer has
   * the resolution of the periods: with half-years, a fall in the first half-year after a February
   * control reads 5 months.
   *
   * @param periods first day of each period of the source's coverage, in order
   * @param counts the substance's count in each period (0 where none)
   * @param controlDate the day the control took effect; null when none is recorded
   */
  public static Decline monthsToQuarterOfPeak(
      List<LocalDate> periods, long[] counts, LocalDate controlDate) {
    Objects.requireNonNull(periods, "periods");
    if (periods.size() != counts.length) {
      throw new IllegalArgumentException(
          periods.size() + " periods but " + counts.length + " counts");
    }
    if (controlDate == null) {
      return new Decline(null, "no control date recorded in the scheduling reference");
    }
    if (periods.isEmpty() || controlDate.isBefore(periods.get(0))) {
      return new Decline(
          null,
          "controlled before the data start"
              + (periods.isEmpty() ? "" : " (" + periods.get(0) + ")")
              + ": the fall, if any, is not in the data");
    }
    Peak peak = peak(counts);
    if (peak == null) {
      return new Decline(null, "never seen in the data");
    }
    for (int i = peak.index(); i < counts.length; i++) {
      LocalDate start = periods.get(i);
      if (!start.isBefore(controlDate) && counts[i] * QUARTER < peak.count()) {
        return new Decline(
            (int) ChronoUnit.MONTHS.between(YearMonth.from(controlDate), YearMonth.from(start)),
            null);
      }
    }
    return new Decline(
        null,
        "did not fall below a quarter of its peak ("
            + peak.count()
            + " in the period from "
            + periods.get(peak.index())
            + ") in any period after the control, up to the data end ("
            + periods.get(periods.size() - 1)
            + ")");
  }

  /** A substance's first period of the data, and whether that is only where the data begin. */
  public record Appearance(String substance, LocalDate firstPeriod, boolean leftCensored) {}

  /** A substance that first appeared soon after another's control, and how soon. */
  public record Successor(String substance, LocalDate firstPeriod, int monthsAfterControl) {}

  /**
   * The candidate successors of a controlled substance: every other substance whose first period
   * (not a left-censored one: those did not appear, the data began) starts on or after the control
   * date and no later than {@link #SUCCESSOR_WINDOW_MONTHS} months after it. A substance first seen
   * in the half-year that contains the date is not one: its first reports may predate the control.
   * {@code monthsAfterControl} is counted from the control's month to the period's first month.
   * Sorted by first period, then name.
   */
  public static List<Successor> successors(
      String controlled, LocalDate controlDate, List<Appearance> appearances) {
    List<Successor> out = new ArrayList<>();
    if (controlDate == null) {
      return out;
    }
    LocalDate windowEnd = controlDate.plusMonths(SUCCESSOR_WINDOW_MONTHS);
    for (Appearance a : appearances) {
      if (a.substance().equals(controlled) || a.leftCensored()) {
        continue;
      }
      LocalDate start = a.firstPeriod();
      if (!start.isBefore(controlDate) && !start.isAfter(windowEnd)) {
        out.add(
            new Successor(
                a.substance(),
                start,
                (int)
                    ChronoUnit.MONTHS.between(YearMonth.from(controlDate), YearMonth.from(start))));
      }
    }
    out.sort(
        java.util.Comparator.comparing(Successor::firstPeriod).thenComparing(Successor::substance));
    return out;
  }
}
