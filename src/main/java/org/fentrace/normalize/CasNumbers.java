package org.fentrace.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentrace.core.SubstanceClass;

/**
 * CAS Registry Numbers of fentanyl, its scheduled analogues and its listed precursors ({@code
 * cas-numbers.csv}), and the finder that spots them in free text.
 *
 * <p>A number is recognised written with hyphens anywhere in the text ({@code 437-38-7}), or
 * without hyphens when the word CAS stands right before it ({@code CAS 437387}, {@code CAS No.
 * 437387}, {@code CAS#437387}): a bare run of digits is too often a quantity or an invoice number
 * to be read as a registry number on its own. Either way the check digit must hold, and only the
 * numbers in the file are recognised: a valid but unknown number says nothing about the substance.
 * Instances are immutable and serializable.
 */
public final class CasNumbers implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The bundled list, a classpath resource beside this class. */
  public static final String DEFAULT_RESOURCE = "/org/fentrace/normalize/cas-numbers.csv";

  private static final String HEADER =
      "cas_number,canonical_name,substance_class,form,listed_in,checked_against";

  /** How {@code checked_against} begins when no registry record has shown the number yet. */
  public static final String UNCONFIRMED = "unconfirmed";

  private static final Pattern HYPHENATED =
      Pattern.compile("(?<![\\d-])(\\d{2,7})-(\\d{2})-(\\d)(?![\\d-])");
  private static final Pattern AFTER_CAS =
      Pattern.compile(
          "(?i)\\bcas(?:\\s*(?:rn|no\\.?|number|registry number))?\\s*[:#.]?\\s*(\\d{5,10})(?!\\d)");

  /**
   * One listed number.
   *
   * @param number with hyphens, as in the file
   * @param canonicalName the substances.csv entry it registers
   * @param substanceClass that entry's class
   * @param form base, citrate, ...
   * @param listedIn where the substance is controlled or why it is watched
   * @param checkedAgainst the registry record or official list the number was read in, or a text
   *     beginning {@link #UNCONFIRMED} when only its check digit is known to hold
   */
  public record Entry(
      String number,
      String canonicalName,
      SubstanceClass substanceClass,
      String form,
      String listedIn,
      String checkedAgainst)
      implements Serializable {

    /** True when a registry record or official list was read for this number. */
    public boolean confirmed() {
      return !checkedAgainst.startsWith(UNCONFIRMED);
    }
  }

  /** Where a number was found in a text. */
  record Found(int offset, Entry entry) {}

  private final Map<String, Entry> byDigits;

  private CasNumbers(Map<String, Entry> byDigits) {
    this.byDigits = Collections.unmodifiableMap(byDigits);
  }

  private static final class DefaultHolder {
    static final CasNumbers INSTANCE = loadResource();

    private static CasNumbers loadResource() {
      return DictionaryCsv.loadResource(
          DEFAULT_RESOURCE, "CAS number list", "cas-numbers.csv", CasNumbers::load);
    }
  }

  /** The bundled {@code cas-numbers.csv}, loaded once. */
  public static CasNumbers loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Loads a list in the {@code cas-numbers.csv} format.
   *
   * @throws IllegalArgumentException naming the source and line, for a malformed line, a bad check
   *     digit, an unknown class, an empty checked_against or a number listed twice
   */
  public static CasNumbers load(Reader csv, String sourceName) {
    Map<String, Entry> byDigits = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(csv);
    int lineNo = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals(HEADER)) {
          continue;
        }
        List<String> f = DictionaryCsv.split(trimmed, sourceName, lineNo);
        if (f.size() != 6) {
          throw DictionaryCsv.problem(
              sourceName, lineNo, "expected 6 fields (" + HEADER + ")", line);
        }
        String number = f.get(0).strip();
        if (!number.matches("\\d{2,7}-\\d{2}-\\d") || !checkDigitHolds(number)) {
          throw DictionaryCsv.problem(
              sourceName,
              lineNo,
              "'" + number + "' is no CAS number (NNNNNNN-NN-N with a matching check digit)",
              line);
        }
        SubstanceClass cls;
        try {
          cls = SubstanceClass.valueOf(f.get(2).strip());
        } catch (IllegalArgumentException e) {
          throw DictionaryCsv.problem(
              sourceName, lineNo, "unknown substance_class '" + f.get(2) + "'", line);
        }
        String checkedAgainst = f.get(5).strip();
        if (checkedAgainst.isEmpty()) {
          throw DictionaryCsv.problem(
              sourceName,
              lineNo,
              "checked_against is empty: name the record the number was read in, or write '"
                  + UNCONFIRMED
                  + ": ...' saying what is known",
              line);
        }
        Entry entry =
            new Entry(
                number, f.get(1).strip(), cls, f.get(3).strip(), f.get(4).strip(), checkedAgainst);
        if (byDigits.putIfAbsent(number.replace("-", ""), entry) != null) {
          throw DictionaryCsv.problem(sourceName, lineNo, "'" + number + "' is listed twice", line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CAS number list " + sourceName, e);
    }
    return new CasNumbers(byDigits);
  }

  /**
   * The CAS check digit: the last digit equals the sum of the other digits, each multiplied by its
   * position counted from the right (1 for the digit just before the check digit), modulo 10.
   */
  static boolean checkDigitHolds(String number) {
    String digits = number.replace("-", "");
    if (digits.length() < 5 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    int weight = 1;
    for (int i = digits.length() - 2; i >= 0; i--) {
      sum += (digits.charAt(i) - '0') * weight++;
    }
    return sum % 10 == digits.charAt(digits.length() - 1) - '0';
  }

  /** Every listed number, in the order of the file. */
  public List<Entry> entries() {
    return List.copyOf(byDigits.values());
  }

  /** The first listed number in the text, by position; null when there is none. */
  Found find(String text) {
    if (text == null
        || text.indexOf('-') < 0 && text.toLowerCase(java.util.Locale.ROOT).indexOf("cas") < 0) {
      return null;
    }
    Found best = null;
    Matcher m = HYPHENATED.matcher(text);
    while (m.find() && best == null) {
      best = lookUp(m.group(1) + m.group(2) + m.group(3), m.start());
    }
    Matcher bare = AFTER_CAS.matcher(text);
    while (bare.find()) {
      Found f = lookUp(bare.group(1), bare.start(1));
      if (f != null && (best == null || f.offset() < best.offset())) {
        best = f;
        break;
      }
    }
    return best;
  }

  private Found lookUp(String digits, int offset) {
    if (!checkDigitHolds(digits)) {
      return null;
    }
    Entry e = byDigits.get(digits);
    return e == null ? null : new Found(offset, e);
  }
}
