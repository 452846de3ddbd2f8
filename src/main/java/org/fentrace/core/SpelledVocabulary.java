package org.fentrace.core;

import java.util.List;

/**
 * A vocabulary read from free text with {@link VocabularyMatcher}: each value has its {@link
 * Spellings}, and the vocabulary has an {@code OTHER} value (text that names none of the others)
 * and an {@code UNKNOWN} value (no text), both spelled as {@link Spellings#OTHER} and {@link
 * Spellings#UNKNOWN}.
 */
public interface SpelledVocabulary extends Vocabulary {
  /** The raw spellings and keywords of this value. */
  Spellings spelled();

  /** The exact raw spellings recognised for this value (besides its own name). */
  default List<String> spellings() {
    return spelled().exact();
  }

  /** Keyword phrases (whole words) that select this value when no exact spelling matched. */
  default List<String> keywords() {
    return spelled().keywords();
  }
}
