package org.fentrace.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The nomenclature morphemes of systematic chemical names and the splitting of a word of letters
 * into them, for {@link ChemicalNameParser}: the lexicon lives apart from the grammar so that a new
 * ring or acyl root is added here without reading the parser. A word is split into the reading that
 * covers the most letters with known morphemes, then into the fewest pieces; letters that are no
 * known morpheme stay together as one piece starting with {@code ?}, so an unknown ring never
 * passes for a known one.
 */
final class ChemicalMorphemes {

  /**
   * The alkyl groups, from methyl to heptyl, allyl and vinyl: substituent prefixes in their own
   * right, so both the splitter and the reader of substituents ({@link ChemicalNameReading}) use
   * this one list.
   */
  static final List<String> ALKYLS =
      List.of("methyl", "ethyl", "propyl", "butyl", "pentyl", "hexyl", "heptyl", "allyl", "vinyl");

  /**
   * The alkoxy, hydroxy, halogen, nitro and cyano substituent prefixes: like {@link #ALKYLS},
   * shared by the splitter and the reader of substituents.
   */
  static final List<String> OXY_HALO_SUBSTITUENTS =
      List.of(
          "methoxy", "ethoxy", "propoxy", "butoxy", "hydroxy", "fluoro", "chloro", "bromo", "iodo",
          "nitro", "cyano");

  /**
   * Nomenclature morphemes the splitter knows. Suffixes, parent stems, substituent roots and
   * multipliers; the splitter prefers the reading that covers the most letters with the fewest
   * pieces.
   */
  static final List<String> MORPHEMES =
      concat(
          List.of(
              // the rings and groups the skeleton is made of
              "piperidin",
              "piperid",
              "piperazin",
              "pyrrolidin",
              "morpholin",
              "pyridin",
              "anilin",
              "anilino",
              "anilide",
              "phenyl",
              "phen",
              "benz",
              "benzyl",
              "benzoyl",
              "naphthyl",
              "cyclo",
              "furan",
              "furyl",
              "thiophen",
              "thienyl",
              "oxolan",
              "tetrazol",
              "imidazol",
              "benzimidazol",
              "pyrazol",
              "indol",
              "indazol",
              "hexan",
              "heptan",
              // suffixes and functional words
              "amide",
              "amido",
              "amine",
              "amino",
              "carbox",
              "carbonyl",
              "carbamate",
              "carbamoyl",
              "ylate",
              "ylicacid",
              "ate",
              "acid",
              "ester",
              "yl",
              "oyl",
              "ylidene",
              "e",
              "an",
              "ane",
              "en",
              "ene",
              "yne",
              "ol",
              "one",
              "al"),
          // alkyl and acyl roots
          ALKYLS,
          List.of(
              "methan",
              "ethan",
              "propan",
              "propion",
              "prop",
              "acet",
              "butan",
              "butyr",
              "but",
              "isobutyr",
              "valer",
              "isovaler",
              "pentan",
              "acryl",
              "croton",
              "cinnam",
              "form",
              // substituents and modifiers
              "oxo",
              "oxy"),
          OXY_HALO_SUBSTITUENTS,
          List.of(
              "trifluoro",
              "thio",
              "hydro",
              "di",
              "tri",
              "tetra",
              "bis",
              "tert",
              "sec",
              "iso",
              "nor",
              // the tert-butoxycarbonyl protecting group as chemists abbreviate it
              "boc"));

  private ChemicalMorphemes() {}

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return Arrays.stream(parts).flatMap(List::stream).toList();
  }

  /** Splits letters into morphemes: most letters covered by known morphemes, then fewest pieces. */
  static List<String> split(String letters) {
    int n = letters.length();
    int[] covered = new int[n + 1];
    int[] pieces = new int[n + 1];
    int[] from = new int[n + 1];
    boolean[] known = new boolean[n + 1];
    Arrays.fill(covered, -1);
    covered[0] = 0;
    for (int k = 0; k < n; k++) {
      if (covered[k] < 0) {
        continue;
      }
      for (String m : MORPHEMES) {
        if (letters.startsWith(m, k)) {
          relax(covered, pieces, from, known, k, k + m.length(), covered[k] + m.length(), true);
        }
      }
      relax(covered, pieces, from, known, k, k + 1, covered[k], false); // one unknown letter
    }
    List<String> out = new ArrayList<>();
    int end = n;
    StringBuilder unknown = new StringBuilder();
    while (end > 0) {
      int start = from[end];
      if (known[end]) {
        if (unknown.length() > 0) {
          out.add("?" + unknown.reverse());
          unknown.setLength(0);
        }
        out.add(letters.substring(start, end));
      } else {
        unknown.append(letters.charAt(start));
      }
      end = start;
    }
    if (unknown.length() > 0) {
      out.add("?" + unknown.reverse());
    }
    Collections.reverse(out);
    return Collections.unmodifiableList(out);
  }

  private static void relax(
      int[] covered,
      int[] pieces,
      int[] from,
      boolean[] known,
      int k,
      int end,
      int cover,
      boolean isKnown) {
    int count = pieces[k] + 1;
    if (cover > covered[end] || (cover == covered[end] && count < pieces[end])) {
      covered[end] = cover;
      pieces[end] = count;
      from[end] = k;
      known[end] = isKnown;
    }
  }
}
