package org.fentrace.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts a systematic (IUPAC or CAS index) chemical name into a tree of locants, bracketed
 * substituents and words, each word split into nomenclature morphemes, for {@link ChemicalNames} to
 * read the structure from.
 *
 * <p>The grammar is the small part of substitutive nomenclature that names of 4-anilidopiperidines
 * and their look-alikes use: {@code name := item*}, {@code item := locants "-" | "(" name ")" | "["
 * name "]" | word}. Locants are numbers with optional primes or an indicated-hydrogen letter
 * ({@code 2'}, {@code 1h}), the nitrogen locant {@code n}, and {@code o-}/{@code m-}/{@code p-}
 * read as 2-, 3-, 4-. Stereo descriptors such as {@code (e)}, {@code (3r,4s)}, {@code (±)}, {@code
 * cis-} describe the same skeleton and are dropped. A word is split into the longest known
 * morphemes ({@link ChemicalMorphemes}); letters that are no known morpheme stay together as one
 * piece starting with {@code ?}, so an unknown ring never passes for a known one.
 *
 * <p>Before parsing, a CAS index name ({@code "Propanamide, N-phenyl-N-[...]-"}, {@code
 * "4-Piperidine- carboxylic acid, 4-[...]-, methyl ester"}) is turned around into the substitutive
 * order, and an ester's alkyl word ({@code "methyl 4-[...]piperidine-4-carboxylate"}) is taken off
 * and reported separately.
 */
final class ChemicalNameParser {

  /** One element of a parsed name. */
  sealed interface Item permits Locants, Word, Group {}

  /** Locants such as {@code 1}, {@code n}, {@code 2,2'} written before a hyphen. */
  record Locants(List<String> values) implements Item {}

  /** One word of letters, as morphemes; unknown runs start with {@code ?}. */
  record Word(List<String> morphemes) implements Item {
    String text() {
      return String.join("", morphemes);
    }
  }

  /** A bracketed substituent. */
  record Group(List<Item> items) implements Item {}

  /** A parsed name: its items, and the alkyl of an ester written in front (empty when none). */
  record Parsed(List<Item> items, String ester) {}

  /**
   * The italic branch prefixes "tert-" and "sec-" belong to the alkyl word they precede: "1-tert-
   * butyl-4-piperidyl" is one tert-butyl group on position 1, not a word "tert" then a butyl.
   */
  private static final Pattern BRANCH_PREFIX = Pattern.compile("(?<![a-z])(tert|sec)-(?=[a-z])");

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String STEREO_CHARS = "0123456789,rsezrs±+-";

  private ChemicalNameParser() {}

  /**
   * Parses a raw name; null when it is not a well-formed name (unbalanced brackets, nothing left).
   */
  static Parsed parse(String raw) {
    String text = prepare(raw);
    if (text.isEmpty()) {
      return null;
    }
    String ester = "";
    int space = text.indexOf(' ');
    if (space > 0 && isEsterAlkyl(text.substring(0, space))) {
      ester = text.substring(0, space);
      text = text.substring(space + 1);
    }
    if (!spacesInsideOneName(text)) {
      return null;
    }
    text = BRANCH_PREFIX.matcher(text.replace(" ", "")).replaceAll("$1");
    int[] pos = {0};
    List<Item> items = parseItems(text, pos, (char) 0);
    if (items == null || pos[0] != text.length() || items.isEmpty()) {
      return null;
    }
    return new Parsed(items, ester);
  }

  /** Lower case, accents off, CAS inversion turned around, spaces collapsed. */
  static String prepare(String raw) {
    String s =
        MARKS
            .matcher(Normalizer.normalize(raw, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT)
            .replace('\u2032', '\'')
            .replace('\u2019', '\'')
            .strip();
    List<String> parts = splitTopLevelCommas(s);
    // A CAS index name ends its substituent part with a hyphen: "Propanamide, N-phenyl-N-[...]-".
    if (parts.size() >= 2 && parts.get(1).strip().endsWith("-")) {
      String parent = parts.get(0).strip();
      String substituents = stripTrailingHyphen(parts.get(1).strip());
      String ester = parts.size() >= 3 ? parts.get(2).strip() : "";
      if (ester.endsWith(" ester") && parent.endsWith(" acid")) {
        // "4-piperidinecarboxylic acid, ..., methyl ester" = "methyl ...4-piperidinecarboxylate"
        String alkyl = ester.substring(0, ester.length() - " ester".length()).strip();
        parent = parent.substring(0, parent.length() - "ic acid".length()) + "ate";
        s = alkyl + " " + substituents + parent;
      } else {
        s = substituents + parent;
      }
    }
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /**
   * A space may stand inside a name only next to a bracket or hyphen ("...piperidin-4-yl] furan-2-
   * carboxamide"); a space between two plain words means the text is a phrase, not one name.
   */
  private static boolean spacesInsideOneName(String text) {
    for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
      char before = i > 0 ? text.charAt(i - 1) : '-';
      char after = i + 1 < text.length() ? text.charAt(i + 1) : '-';
      if (")]}-".indexOf(before) < 0 && "([{-".indexOf(after) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> splitTopLevelCommas(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0 && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static String stripTrailingHyphen(String s) {
    return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean isEsterAlkyl(String word) {
    switch (word) {
      case "methyl":
      case "ethyl":
      case "propyl":
      case "isopropyl":
      case "butyl":
      case "tert-butyl":
      case "benzyl":
        return true;
      default:
        return false;
    }
  }

  private static char closing(char open) {
    return open == '(' ? ')' : open == '[' ? ']' : '}';
  }

  private static List<Item> parseItems(String s, int[] pos, char close) {
    List<Item> items = new ArrayList<>();
    while (pos[0] < s.length()) {
      char c = s.charAt(pos[0]);
      if (c == '(' || c == '[' || c == '{') {
        int end = matching(s, pos[0]);
        if (end < 0) {
          return null;
        }
        String inner = s.substring(pos[0] + 1, end);
        if (isStereo(inner)) {
          pos[0] = end + 1;
          continue;
        }
        pos[0]++;
        List<Item> group = parseItems(s, pos, closing(c));
        if (group == null) {
          return null;
        }
        items.add(new Group(Collections.unmodifiableList(group)));
      } else if (c == ')' || c == ']' || c == '}') {
        if (c != close) {
          return null;
        }
        pos[0]++;
        return items;
      } else if (Character.isDigit(c) || isLetterLocantAt(s, pos[0])) {
        items.add(readLocants(s, pos));
      } else if (Character.isLetter(c)) {
        int start = pos[0];
        while (pos[0] < s.length() && Character.isLetter(s.charAt(pos[0]))) {
          pos[0]++;
        }
        String letters = s.substring(start, pos[0]);
        if (!letters.equals("cis") && !letters.equals("trans") && !letters.equals("rac")) {
          items.add(new Word(ChemicalMorphemes.split(letters)));
        }
      } else {
        pos[0]++; // hyphens, stray commas, primes and other marks separate items
      }
    }
    return close == 0 ? items : null;
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isStereo(String inner) {
    if (inner.isEmpty()) {
      return false;
    }
    for (int i = 0; i < inner.length(); i++) {
      if (STEREO_CHARS.indexOf(inner.charAt(i)) < 0) {
        return false;
      }
    }
    return inner.chars().anyMatch(ch -> "rsez±".indexOf(ch) >= 0);
  }

  /** {@code n-}, {@code n,} or {@code n'-}, and {@code o-}/{@code m-}/{@code p-} ring positions. */
  private static boolean isLetterLocantAt(String s, int i) {
    char c = s.charAt(i);
    if (c != 'n' && c != 'o' && c != 'm' && c != 'p') {
      return false;
    }
    if (i > 0 && Character.isLetter(s.charAt(i - 1))) {
      return false;
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) == '\'') {
      j++;
    }
    return j < s.length() && (s.charAt(j) == '-' || (c == 'n' && s.charAt(j) == ','));
  }

  private static Locants readLocants(String s, int[] pos) {
    List<String> values = new ArrayList<>();
    while (pos[0] < s.length()) {
      int start = pos[0];
      char c = s.charAt(pos[0]);
      if (Character.isDigit(c)) {
        while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
          pos[0]++;
        }
        if (pos[0] < s.length()
            && s.charAt(pos[0]) == 'h'
            && pos[0] + 1 < s.length()
            && !Character.isLetter(s.charAt(pos[0] + 1))) {
          pos[0]++; // 1h-tetrazol: indicated hydrogen
        }
      } else {
        pos[0]++;
      }
      while (pos[0] < s.length() && s.charAt(pos[0]) == '\'') {
        pos[0]++;
      }
      String value = s.substring(start, pos[0]);
      values.add(
          value.startsWith("o")
              ? "2"
              : value.startsWith("m") ? "3" : value.startsWith("p") ? "4" : value);
      if (pos[0] < s.length()
          && s.charAt(pos[0]) == ','
          && pos[0] + 1 < s.length()
          && (Character.isDigit(s.charAt(pos[0] + 1)) || s.charAt(pos[0] + 1) == 'n')) {
        pos[0]++;
        continue;
      }
      break;
    }
    return new Locants(Collections.unmodifiableList(values));
  }
}
