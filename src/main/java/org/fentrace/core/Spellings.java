package org.fentrace.core;

import java.util.List;

/**
 * How raw text names one value of a free-text vocabulary ({@link Form}, {@link Region}, {@link
 * InspectionOutcome}, {@link Conveyance}): its exact spellings (besides its own name) and the
 * keyword phrases that select it when no spelling matched. {@link #OTHER} and {@link #UNKNOWN} are
 * spelled the same way in every such vocabulary, so they are defined once here.
 */
public record Spellings(List<String> exact, List<String> keywords) {
  /** Stated, but none of the vocabulary's values. */
  public static final Spellings OTHER =
      new Spellings(List.of("other", "misc", "miscellaneous", "otro"), List.of());

  /** Not stated. */
  public static final Spellings UNKNOWN =
      new Spellings(
          List.of("unknown", "unk", "n/a", "NA", "none", "not reported", "null"), List.of());
}
