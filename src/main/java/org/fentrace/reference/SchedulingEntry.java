package org.fentrace.reference;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.fentrace.core.SubstanceClass;

/**
 * One row of {@code scheduling.csv}: a substance as the substance dictionary names it, and the
 * control dates recorded for it. A control without a recorded date is absent, which means "not
 * recorded", never "not controlled".
 *
 * @param substance the dictionary's canonical name (what {@code substance_name} holds in the
 *     tables)
 * @param substanceClass the dictionary's class for it
 * @param kind what the row is about: fentanyl itself, one analogue, the class, or a precursor
 * @param line the row's physical line in the file, for messages
 */
public record SchedulingEntry(
    String substance,
    SubstanceClass substanceClass,
    Kind kind,
    Map<Control, ControlDate> controls,
    String notes,
    int line) {

  /** What a row is about. */
  public enum Kind {
    FENTANYL,
    ANALOG,
    CLASS,
    PRECURSOR
  }

  public SchedulingEntry {
    EnumMap<Control, ControlDate> copy = new EnumMap<>(Control.class);
    copy.putAll(controls);
    controls = java.util.Collections.unmodifiableMap(copy);
  }

  /** The recorded date of one control, if any. */
  public Optional<ControlDate> control(Control c) {
    return Optional.ofNullable(controls.get(c));
  }
}
