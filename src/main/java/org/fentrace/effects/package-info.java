/**
 * Policy effects: interrupted-time-series estimates of each dated policy event on each series.
 *
 * <ul>
 *   <li>{@link org.fentrace.effects.PolicyEventsFile} reads the events file and refuses an event without a
 *       primary source ({@link org.fentrace.effects.PolicyEvent}).</li>
 *   <li>{@link org.fentrace.effects.EffectSeries} builds the series: monthly kilograms per source, route and
 *       fentanyl-related class from {@code route_monthly}; NFLIS drug reports per half-year and class from
 *       {@code lab_reports}.</li>
 *   <li>{@link org.fentrace.effects.PolicyEffects} chooses each event's window (covered periods only, the
 *       event's own period left out as a transition) and status; {@link org.fentrace.effects.SegmentedRegression}
 *       fits the segmented model with autocorrelation-robust intervals. Both are plain Java, tested without
 *       Spark.</li>
 *   <li>{@link org.fentrace.effects.PolicyEffectsAction} runs after the trend tables: reads, estimates, publishes
 *       {@code policy_effects} ({@link org.fentrace.effects.PolicyEffectsTable}) and its CSV export.</li>
 * </ul>
 */
package org.fentrace.effects;
