package org.fentrace.core;

/**
 * The period of a series: a month (kilogram series of the seizure sources) or a half-year (NFLIS
 * lab reports); the contract's {@code policy_effects.period_unit} vocabulary. Each carries the
 * fewest covered periods an estimate needs on each side of an event and the longest window it looks
 * at on each side.
 */
public enum PeriodUnit implements Vocabulary {
  /** Calendar months: at least 12 covered months each side, at most 36. */
  MONTH("month", 1, 12, 36),
  /**
   * Half-years (January-June, July-December): at least 3 covered half-years each side, at most 6.
   */
  HALF_YEAR("half_year", 6, 3, 6);

  private final String wireName;
  private final int months;
  private final int minEachSide;
  private final int maxEachSide;

  PeriodUnit(String wireName, int months, int minEachSide, int maxEachSide) {
    this.wireName = wireName;
    this.months = months;
    this.minEachSide = minEachSide;
    this.maxEachSide = maxEachSide;
  }

  /** As written in policy_effects' {@code period_unit} column. */
  @Override
  public String wireName() {
    return wireName;
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
