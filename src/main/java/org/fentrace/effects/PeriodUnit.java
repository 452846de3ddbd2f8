package org.fentrace.effects;

/**
 * The period of a series: a month (kilogram series of the seizure sources) or a half-year (NFLIS
 * lab reports). Each carries the fewest covered periods an estimate needs on each side of an event
 * and the longest window it looks at on each side.
 */
public enum PeriodUnit {
  /** Calendar months: at least 12 covered months each side, at most 36. */
  MONTH("month", 1, 12, 36),
  /**
   * Half-years (January-June, July-December): at least 3 covered half-years each side, at most 6.
   */
  HALF_YEAR("half_year", 6, 3, 6);

  private final String id;
  private final int months;
  private final int minEachSide;
  private final int maxEachSide;

  PeriodUnit(String id, int months, int minEachSide, int maxEachSide) {
    this.id = id;
    this.months = months;
    this.minEachSide = minEachSide;
    this.maxEachSide = maxEachSide;
  }

  /** As written in policy_effects' {@code period_unit} column. */
  public String id() {
    return id;
  }

  /** Calendar months in one period. */
  public int months() {
    return months;
  }

  public int minEachSide() {
    return minEachSide;
  }

  public int maxEachSide() {
    return maxEachSide;
  }
}
