package org.fentrace.normalize;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what a reference lookup answered for each raw value it was asked about, so that a file
 * whose rows repeat a few hundred spellings (substances, countries, conveyances) runs each lookup
 * once per spelling instead of once per row. The lookups memoized are pure functions of the raw
 * text, so the answer is the same whether it comes from here or from the lookup.
 *
 * <p>Bounded: once it holds {@code capacity} values it starts again empty, so a column of distinct
 * values costs a lookup per row as before plus a little, never memory that grows with the file. Not
 * thread-safe: each normalizer (one per file being read, in one task) holds its own.
 */
final class RawValueMemo<V> {
  /** Distinct raw values kept per lookup: far above the spellings of one column in real files. */
  static final int CAPACITY = 4096;

  /** Stands for a null answer, which a map cannot tell apart from "not asked yet". */
  private static final Object NULL = new Object();

  private final Function<String, V> lookup;
  private final int capacity;
  private final Map<String, Object> answers = new HashMap<>();

  RawValueMemo(Function<String, V> lookup) {
    this(lookup, CAPACITY);
  }

  RawValueMemo(Function<String, V> lookup, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.lookup = lookup;
    this.capacity = capacity;
  }

  /**
   * The lookup's answer for {@code raw} (null asks the lookup every time). A lookup that throws
   * leaves nothing behind: the next row with that value throws again.
   */
  @SuppressWarnings("unchecked")
  V get(String raw) {
    if (raw == null) {
      return lookup.apply(null);
    }
    Object known = answers.get(raw);
    if (known != null) {
      return known == NULL ? null : (V) known;
    }
    V answer = lookup.apply(raw);
    if (answers.size() >= capacity) {
      answers.clear();
    }
    answers.put(raw, answer == null ? NULL : answer);
    return answer;
  }

  /** Raw values currently remembered. */
  int size() {
    return answers.size();
  }
}
