package org.fentrace.analogs;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fentrace.reference.Control;
import org.fentrace.reference.ControlDate;
import org.fentrace.reference.SchedulingEntry;
import org.fentrace.reference.SchedulingReference;

/**
 * A substance's US and Chinese control dates, as {@code scheduling.csv} records them on the
 * substance's own row. The match is on the substance dictionary's canonical name ({@code
 * substance_name}), to which both the reference and every table resolve their raw names: two
 * spellings of one substance meet there, and two substances are never joined by a loose string
 * match. Class-wide measures are on the class row ("fentanyl-related substance"), and on an
 * analogue's own row only where the reference records that a primary source names the analogue as
 * falling under the class order: whether an analogue fits the class definition is a chemistry
 * judgement the reference takes from its sources, never makes itself, and it is not made here
 * either. Pure Java.
 */
public final class Scheduling {
  /** Controls that put the substance itself under US control, in the reference's column order. */
  static final List<Control> US =
      List.of(
          Control.US_TEMPORARY, Control.US_PERMANENT, Control.US_CLASS_WIDE, Control.US_PRECURSOR);

  /** Controls that put it under Chinese control. */
  static final List<Control> CHINA = List.of(Control.CHINA, Control.CHINA_CLASS_WIDE);

  private final SchedulingReference reference;

  public Scheduling(SchedulingReference reference) {
    this.reference = reference;
  }

  /** One control and its date with the primary source. */
  public record Dated(Control control, ControlDate date) {}

  /**
   * What the reference says about one substance: its row (if any) and its earliest US and Chinese
   * controls.
   */
  public record Controls(boolean listed, Dated us, Dated china) {
    static final Controls NONE = new Controls(false, null, null);
  }

  /**
   * The substance's controls; {@link Controls#listed()} false when the reference has no row for it.
   */
  public Controls of(String substanceName) {
    Optional<SchedulingEntry> e = reference.forSubstance(substanceName);
    return e.map(entry -> new Controls(true, earliest(entry, US), earliest(entry, CHINA)))
        .orElse(Controls.NONE);
  }

  /**
   * The earliest of the given controls the row records, or null (the column order breaks a tie).
   */
  static Dated earliest(SchedulingEntry entry, List<Control> controls) {
    return controls.stream()
        .flatMap(c -> entry.control(c).map(d -> new Dated(c, d)).stream())
        .min(Comparator.comparing((Dated d) -> d.date().date()))
        .orElse(null);
  }
}
