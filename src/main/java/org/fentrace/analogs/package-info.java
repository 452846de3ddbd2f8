/**
 * Analog waves in pure Java: a substance's first and last period, its peak, the months from its
 * control date to falling below a quarter of that peak, and the substances first seen within 12
 * months after a control (candidate successors) ({@link org.fentrace.analogs.Waves}); the control
 * dates of a substance from the bundled scheduling reference ({@link
 * org.fentrace.analogs.Scheduling}). No Spark: the trends step collects the small per-substance
 * series and calls these.
 *
 * <p>May depend on: core, reference.
 */
package org.fentrace.analogs;
