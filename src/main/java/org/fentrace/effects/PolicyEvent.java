package org.fentrace.effects;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated policy event of the events file: a short id (stable across edits, the key of {@code
 * policy_effects}), the day it took effect, a label, a description, the URL of its primary source
 * and the citation of that source (e.g. {@code 83 FR 5188}).
 */
public record PolicyEvent(
    String id,
    LocalDate date,
    String label,
    String description,
    String sourceUrl,
    String primaryCitation) {
  public PolicyEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(label, "label");
    description = description == null ? "" : description;
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    Objects.requireNonNull(primaryCitation, "primaryCitation");
  }
}
