package org.fentrace.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Says which scheduling reference the control dates come from: the configuration folder's
 * scheduling.csv or the copy bundled in the jar, as the run manifest recorded it when the trends
 * step read it.
 */
final class SchedulingNote {
  private SchedulingNote() {}

  /** The sentence for a figure's notes; {@code source} empty when the manifest has none. */
  static String sentence(String source) {
    return source == null || source.isBlank()
        ? "Scheduling reference read: not recorded in the run manifest (a manifest written before it"
            + " recorded one); control dates as in analog_watch."
        : "Scheduling reference read by the trends step: "
            + source
            + " (run manifest, trends.scheduling_source).";
  }

  /** The figure with {@link #sentence} added to its notes. */
  static Figure added(Figure f, String source) {
    List<String> notes = new ArrayList<>(f.notes());
    notes.add(sentence(source));
    return f.withNotes(notes);
  }
}
