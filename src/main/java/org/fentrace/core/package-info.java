/**
 * The contract's vocabularies, one enum each ({@link org.fentrace.core.Route}, {@link
 * org.fentrace.core.Confidence}, {@link org.fentrace.core.SubstanceClass}, {@link
 * org.fentrace.core.Form}, {@link org.fentrace.core.Region}, {@link
 * org.fentrace.core.InspectionOutcome}, {@link org.fentrace.core.Conveyance}, {@link
 * org.fentrace.core.GoodsClass}, {@link org.fentrace.core.CbpComponent}, {@link
 * org.fentrace.core.CbpLandFilter}, {@link org.fentrace.core.Source}, {@link
 * org.fentrace.core.InputFormat}, and policy_effects' {@link org.fentrace.core.EffectStatus} and
 * {@link org.fentrace.core.PeriodUnit}), all implementing {@link org.fentrace.core.Vocabulary}:
 * {@code wireName()} is the string written to Parquet and CSV, {@code Vocabulary.fromWire} reads it
 * back. The free-text ones are read from raw input with {@link org.fentrace.core.VocabularyMatcher}
 * and share one spelling of OTHER and UNKNOWN ({@link org.fentrace.core.Spellings}).
 *
 * <p>May depend on: the JDK only. Every other package may depend on it. {@code ArchitectureTest}
 * checks both.
 */
package org.fentrace.core;
