/**
 * The domain rules that turn one raw record into one normalized row, in pure Java: dates and the
 * fiscal calendar, units and quantities, countries and US states, substances (the substance
 * dictionary), goods classes, party hashing; one {@link org.fentrace.normalize.RecordNormalizer}
 * per input format, and the {@link org.fentrace.normalize.RejectReason} of a row that cannot be
 * normalized. Unit-tested without Spark.
 *
 * <p>May depend on: core, formats, warehouse (the table schemas it fills).
 */
package org.fentrace.normalize;
