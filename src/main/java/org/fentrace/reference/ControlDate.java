package org.fentrace.reference;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The day a control measure took effect and the primary source it was read from (a Federal Register
 * citation, an MPS/NNCC announcement, a DOF publication, a CND decision). A date never travels
 * without its source: a reader must be able to check it.
 */
public record ControlDate(LocalDate date, String source) {
  public ControlDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("a control date needs its source");
    }
  }
}
