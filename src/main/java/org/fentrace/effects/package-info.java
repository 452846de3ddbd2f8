/**
 * Policy effects: the policy events file, each event with its primary source ({@link
 * org.fentrace.effects.PolicyEventsFile}); an interrupted-time-series estimate per event, source,
 * route and substance class ({@link org.fentrace.effects.SegmentedRegression}: segmented regression
 * on the log series with autocorrelation-robust intervals, in pure Java); and the action that reads
 * the published monthly and lab-report series, estimates, and publishes {@code policy_effects}
 * through the journal ({@link org.fentrace.effects.PolicyEffectsAction}). Runs after the trends
 * step.
 *
 * <p>May depend on: core, action, reference (the CSV dialect of reference files), trends, state,
 * warehouse.
 */
package org.fentrace.effects;
