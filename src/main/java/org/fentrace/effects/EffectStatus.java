package org.fentrace.effects;

/**
 * Whether a policy_effects row holds an estimate, and if not why not (its {@code status} column).
 */
public enum EffectStatus {
  /** Enough covered periods on each side: the estimate columns are filled. */
  ESTIMATED,
  /** The event falls before the source's first covered period or after its last: no estimate. */
  OUTSIDE_COVERAGE,
  /** Inside coverage, but fewer covered periods than the minimum on one side of the event. */
  TOO_FEW_PERIODS,
  /**
   * More than half of the covered periods in the window are zero: a percentage change would be
   * noise.
   */
  SPARSE_SERIES
}
