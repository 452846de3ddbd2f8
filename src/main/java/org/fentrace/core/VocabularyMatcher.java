package org.fentrace.core;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared matching machinery for the fixed vocabularies ({@link Conveyance}, {@link Form}, {@link
 * Region}, {@link InspectionOutcome}) and the text key the country and US state normalizers use.
 *
 * <p>Why one class: every vocabulary must treat raw text the same way (as the contract promises for
 * headers: case-insensitive, spaces, underscores and hyphens alike), and the doc generator must be
 * able to describe that one rule. Matching is two-stage and deterministic:
 *
 * <ol>
 *   <li>the {@linkplain #key normalized key} of the raw text is looked up among the exact spellings
 *       of every value (the constant's own name is always one of them, so stored values
 *       round-trip);
 *   <li>otherwise the key is searched for keyword phrases, whole words only, value by value in a
 *       fixed priority order; the first value with a matching phrase wins;
 *   <li>otherwise the text is {@code other}; blank text is {@code unknown}.
 * </ol>
 *
 * <p>All tables are built once, are never mutated afterwards and are safe to share between threads.
 * Keyword results are memoised in a bounded concurrent map because raw vocabulary columns have very
 * few distinct values but millions of rows.
 */
public final class VocabularyMatcher<E extends Enum<E> & SpelledVocabulary>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_CACHE = 10_000;

  private final E unknown;
  private final E other;
  private final Map<String, E> exact = new HashMap<>();

  /** Keyword phrases, padded with spaces (" m30 "), in priority order. */
  private final List<String> phrases = new ArrayList<>();

  private final List<E> phraseValues = new ArrayList<>();
  private final List<E> keywordOrder;
  private final ConcurrentHashMap<String, E> cache = new ConcurrentHashMap<>();

  /**
   * @param type the enum; its {@code UNKNOWN} value is what null or blank text gives, its {@code
   *     OTHER} value what text matching nothing gives
   * @param keywordOrder values whose keywords are tried, in this order
   * @throws IllegalStateException when two values claim the same spelling or keyword
   */
  public VocabularyMatcher(Class<E> type, List<E> keywordOrder) {
    this.unknown = Enum.valueOf(type, "UNKNOWN");
    this.other = Enum.valueOf(type, "OTHER");
    this.keywordOrder = List.copyOf(keywordOrder);
    Map<String, E> keywordOwner = new HashMap<>();
    for (E value : type.getEnumConstants()) {
      addExact(value.name(), value);
      for (String s : value.spellings()) {
        addExact(s, value);
      }
      for (String k : value.keywords()) {
        String key = key(k);
        E previous = keywordOwner.put(key, value);
        if (previous != null && previous != value) {
          throw new IllegalStateException(
              type.getSimpleName()
                  + ": keyword '"
                  + k
                  + "' claimed by both "
                  + previous
                  + " and "
                  + value);
        }
      }
    }
    for (E value : keywordOrder) {
      for (String k : value.keywords()) {
        phrases.add(" " + key(k) + " ");
        phraseValues.add(value);
      }
    }
  }

  private void addExact(String spelling, E value) {
    String key = key(spelling);
    E previous = exact.put(key, value);
    if (previous != null && previous != value) {
      throw new IllegalStateException(
          value.getDeclaringClass().getSimpleName()
              + ": spelling '"
              + spelling
              + "' claimed by both "
              + previous
              + " and "
              + value);
    }
  }

  /** Maps raw text to a value; never throws, never returns null. */
  E match(String raw) {
    String key = key(raw);
    if (key.isEmpty()) {
      return unknown;
    }
    E hit = exact.get(key);
    if (hit != null) {
      return hit;
    }
    hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    hit = other;
    String padded = " " + key + " ";
    for (int i = 0; i < phrases.size(); i++) {
      if (padded.contains(phrases.get(i))) {
        hit = phraseValues.get(i);
        break;
      }
    }
    if (cache.size() < MAX_CACHE) {
      cache.put(key, hit);
    }
    return hit;
  }

  /** The values whose keywords are tried, in order. */
  List<E> keywordOrder() {
    return keywordOrder;
  }

  /**
   * The matching key of raw text: Unicode NFKD with accents (combining marks) removed, lower case,
   * {@code &} read as the word "and", dots and apostrophes removed (so {@code U.S.A.} is {@code
   * usa} and {@code People's} is {@code peoples}), every other run of non-letters and non-digits
   * (spaces, underscores, hyphens, slashes, commas, brackets) a single space, trimmed. Never
   * returns null; blank or punctuation-only text gives the empty string.
   *
   * <p>Written as a single character loop, with the Unicode normalizer only for non-ASCII text,
   * because it runs once per value per row.
   */
  public static String key(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String s = raw;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        break;
      }
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          pendingSpace = append(sb, c, pendingSpace);
        } else if (c >= 'A' && c <= 'Z') {
          pendingSpace = append(sb, (char) (c + ('a' - 'A')), pendingSpace);
        } else if (c == '&') {
          pendingSpace = true;
          append(sb, 'a', true);
          sb.append("nd");
        } else if (c != '.' && c != '\'' && c != '`') {
          pendingSpace = true;
        }
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || c == '\u2019'
          || c == '\u2018'
          || c == '\u00b4'
          || c == '\u02bb'
          || c == '\u02bc') {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        pendingSpace = append(sb, Character.toLowerCase(c), pendingSpace);
      } else {
        pendingSpace = true;
      }
    }
    return sb.toString();
  }

  /**
   * A key with runs of two or more one-character words joined, for initialisms written with spaces:
   * {@code P. R. C.} gives {@code prc} like {@code P.R.C.}, {@code U. S. A.} gives {@code usa},
   * {@code N. M.} gives {@code nm}. Used for names (countries, states), not vocabularies.
   */
  public static String joinInitials(String key) {
    int n = key.length();
    boolean found = false;
    for (int i = 0; i + 2 < n && !found; i++) {
      found =
          (i == 0 || key.charAt(i - 1) == ' ')
              && key.charAt(i + 1) == ' '
              && (i + 3 == n || key.charAt(i + 3) == ' ');
    }
    if (!found) {
      return key;
    }
    String[] tokens = key.split(" ");
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < tokens.length; i++) {
      boolean joined = i > 0 && tokens[i].length() == 1 && tokens[i - 1].length() == 1;
      if (sb.length() > 0 && !joined) {
        sb.append(' ');
      }
      sb.append(tokens[i]);
    }
    return sb.toString();
  }

  private static boolean append(StringBuilder sb, char c, boolean pendingSpace) {
    if (pendingSpace && sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(c);
    return false;
  }
}
