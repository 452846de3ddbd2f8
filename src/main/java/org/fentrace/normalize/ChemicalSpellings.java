package org.fentrace.normalize;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ways nomenclature writes one thing several ways, made one for {@link ChemicalNames}: salt,
 * hydrate and stereo words after a systematic name (dropped), acyl stems with their own locants in
 * CAS or IUPAC order ({@code 2-furancarbox} = {@code furan-2-carbox}), and the usual synonyms of a
 * substituent or stem (propionyl = propanoyl, phenethyl = 2-phenylethyl). Two spellings of one
 * compound must give one structure signature, so every spelling rule lives here, apart from the
 * reading of the skeleton.
 */
final class ChemicalSpellings {

  /** Salt, hydrate and stereo notes that may follow a systematic name as separate words. */
  private static final Set<String> NOTES;

  static {
    Set<String> notes = new HashSet<>(SubstanceWords.NOTE_WORDS);
    notes.addAll(
        Set.of(
            "monohydrochloride",
            "hemicitrate",
            "dihydrate",
            "solution",
            "(1:1)",
            "(2:1)",
            "racemic"));
    NOTES = Set.copyOf(notes);
  }

  /** Canonical spellings of substituents and acyl stems that nomenclature writes several ways. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("phenethyl", "2-phenyl|ethyl"),
          Map.entry("propion", "propan"),
          Map.entry("butyr", "butan"),
          Map.entry("isobutyr", "2-methyl|propan"),
          Map.entry("valer", "pentan"),
          Map.entry("isovaler", "3-methyl|butan"),
          Map.entry("acet", "ethan"),
          Map.entry("acryl", "propen@2"),
          Map.entry("croton", "buten@2"));

  private ChemicalSpellings() {}

  /** The text without trailing or separate salt and hydrate words ("... propanamide citrate"). */
  static String withoutNotes(String raw) {
    StringBuilder kept = new StringBuilder();
    for (String word : raw.strip().split("\\s+")) {
      String bare = trimSeparators(word.toLowerCase(Locale.ROOT));
      if (NOTES.contains(bare)) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append(' ');
      }
      kept.append(word);
    }
    String s = kept.toString().strip();
    while (s.endsWith(",") || s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static String trimSeparators(String word) {
    int from = 0;
    int to = word.length();
    while (from < to && (word.charAt(from) == ',' || word.charAt(from) == ';')) {
      from++;
    }
    while (to > from && (word.charAt(to - 1) == ',' || word.charAt(to - 1) == ';')) {
      to--;
    }
    return word.substring(from, to);
  }

  /**
   * Acyl stem morphemes joined, with the stem's own locants moved behind an {@code @} so that CAS
   * and IUPAC order agree ("2-furancarbox" = "furan-2-carbox" = {@code furancarbox@2}), and the
   * usual synonyms made one (propionyl = propanoyl, acryl = prop-2-enoyl, isobutyryl =
   * 2-methylpropanoyl, ...).
   */
  static String canonicalStem(String stem) {
    StringBuilder morphemes = new StringBuilder();
    TreeSet<String> locants = new TreeSet<>();
    for (String part : stem.split("\\|")) {
      if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
        locants.add(part);
      } else {
        morphemes.append(part);
      }
    }
    String joined = morphemes + (locants.isEmpty() ? "" : "@" + String.join(",", locants));
    return alias(joined);
  }

  static String alias(String joined) {
    String alias = ALIASES.get(joined);
    return alias != null ? alias : joined;
  }
}
