package org.fentrace.normalize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The substance dictionary's systematic names indexed by structure ({@link
 * ChemicalNames.Skeleton#signature()}), so that a systematic name the dictionary does not spell out
 * still finds its entry ("Propanamide, N-phenyl-N-[1-(2-phenylethyl)-4-piperidinyl]-" is fentanyl
 * because the listed "N-phenyl-N-[1-(2-phenyl- ethyl)piperidin-4-yl]propanamide" has the same
 * structure), and a name with the 4-anilidopiperidine core that no entry has is reported as
 * unlisted with the class {@link ChemicalNames.Skeleton#unlistedClass()}.
 *
 * <p>A signature that two entries share is ambiguous and finds neither: the name then counts as
 * unlisted rather than as the wrong listed substance; the bundled dictionary has none (a test
 * checks it).
 */
final class StructureIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A structural match and where in the text the name started. */
  record Located(int offset, SubstanceMatch match) {}

  private final Map<String, SubstanceMatch> bySignature = new HashMap<>();
  private final Set<String> ambiguous = new TreeSet<>();

  /**
   * Indexes one dictionary name (canonical or synonym) of a listed entry; names without the core
   * are skipped.
   */
  void add(String name, SubstanceMatch listed) {
    ChemicalNames.Skeleton s = ChemicalNames.read(name);
    if (s == null) {
      return;
    }
    SubstanceMatch other = bySignature.putIfAbsent(s.signature(), listed);
    if (other != null && !other.name().equals(listed.name())) {
      ambiguous.add(s.signature() + " = " + other.name() + " / " + listed.name());
    }
  }

  /** Signatures claimed by two entries, with the entries; empty for a sound dictionary. */
  Set<String> ambiguities() {
    return Collections.unmodifiableSet(ambiguous);
  }

  /** The whole text read as one systematic name; null when it has no 4-anilinopiperidine core. */
  SubstanceMatch whole(String raw) {
    ChemicalNames.Skeleton s = ChemicalNames.read(raw);
    return s == null ? null : resolve(s, raw);
  }

  /**
   * Systematic names written as single words inside free text ("powder, N-phenyl-N-(...)butanamide,
   * 2 kg").
   */
  List<Located> inWords(String raw) {
    List<Located> out = new ArrayList<>(1);
    if (raw.indexOf("piperid") < 0
        && raw.toLowerCase(java.util.Locale.ROOT).indexOf("piperid") < 0) {
      return out;
    }
    int i = 0;
    int n = raw.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(raw.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(raw.charAt(i))) {
        i++;
      }
      String word = raw.substring(start, i);
      ChemicalNames.Skeleton s =
          word.length() > 12 ? ChemicalNames.read(trimPunctuation(word)) : null;
      if (s != null) {
        out.add(new Located(start, resolve(s, trimPunctuation(word))));
      }
    }
    return out;
  }

  private SubstanceMatch resolve(ChemicalNames.Skeleton s, String raw) {
    SubstanceMatch listed = bySignature.get(s.signature());
    if (listed != null && !isAmbiguous(s.signature())) {
      return listed;
    }
    return new SubstanceMatch(
        ChemicalNameParser.prepare(ChemicalSpellings.withoutNotes(raw)), s.unlistedClass(), true);
  }

  private boolean isAmbiguous(String signature) {
    for (String a : ambiguous) {
      if (a.startsWith(signature + " = ")) {
        return true;
      }
    }
    return false;
  }

  private static String trimPunctuation(String word) {
    int from = 0;
    int to = word.length();
    while (to > from && ",;:.".indexOf(word.charAt(to - 1)) >= 0) {
      to--;
    }
    while (from < to && ",;:".indexOf(word.charAt(from)) >= 0) {
      from++;
    }
    return word.substring(from, to);
  }
}
