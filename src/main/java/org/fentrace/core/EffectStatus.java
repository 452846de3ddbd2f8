package org.fentrace.core;

/**
 * Whether a policy_effects row holds an estimate, and if not why not: the contract's {@code
 * policy_effects.status} vocabulary.
 */
public enum EffectStatus implements Vocabulary {
  /** Enough covered periods on each side: the estimate columns are filled. */
  ESTIMATED("enough covered periods on each side of the event: the estimate columns are filled"),
  /** The event falls before the source's first covered period or after its last: no estimate. */
  OUTSIDE_COVERAGE(
      "the event falls before the series' first covered period or after its last: no estimate"),
  /** Inside coverage, but fewer covered periods than the minimum on one side of the event. */
  TOO_FEW_PERIODS(
      "inside coverage, but fewer covered periods than the minimum on one side of the event"),
  /**
   * More than half of the covered periods in the window are zero: a percentage change would be
   * noise.
   */
  SPARSE_SERIES(
      "more than half of the covered periods in the window are zero: a percentage change would be"
          + " noise");

  private final String meaning;

  EffectStatus(String meaning) {
    this.meaning = meaning;
  }

  /** What the value says about the row, in a sentence (docs/vocabularies.md). */
  public String meaning() {
    return meaning;
  }
}
