/**
 * Reference data bundled with fentrace and read by the analyses: when each fentanyl-related
 * substance and precursor came under control ({@link org.fentrace.reference.SchedulingReference}).
 * Pure Java, validated when loaded, every date carried with its primary source. {@link
 * org.fentrace.reference.ReferenceCsv} is the CSV dialect every hand-edited reference file is read
 * in (the policy events of {@code effects} too).
 *
 * <p>May depend on: core, normalize (names are checked against the substance dictionary).
 */
package org.fentrace.reference;
