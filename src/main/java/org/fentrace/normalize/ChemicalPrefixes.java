package org.fentrace.normalize;

/**
 * Decides whether a word in front of a "...fentanyl" word is part of the chemical name
 * ("ortho-methyl", "cyclopropyl", "4-fluoro", "N-") or ordinary text ("suspected", "blue", "pills",
 * "heroin", "500").
 *
 * <p>Why: an analogue the dictionary lacks is often written in several words, "ortho-methyl
 * cyclopropyl fentanyl"; its name must take in every chemical word before "fentanyl" so that it is
 * recognised as a new analogue rather than as the listed "cyclopropyl fentanyl" it contains. A word
 * counts as chemical when it can be cut entirely into the nomenclature fragments below and digits,
 * with at least one fragment of four letters or more (so short English words do not qualify by
 * accident). A bare number or single letter counts only as a locant glued by a hyphen to the next
 * word ("4-fluoro", "N-methyl"), never on its own ("500 fentanyl pills"). "Boc" (the
 * tert-butoxycarbonyl protecting group) counts although it is three letters: without it "N-Boc
 * para-fluoro norfentanyl" would be read as the unprotected para-fluoro norfentanyl.
 *
 * <p>Laboratories also write substituents as abbreviations glued by a hyphen to the name they
 * change: "2-CL-4-ANPP", "2F-4-ANPP", "PE-TM-4-AP", "p-F-4-ANPP". Such a word ({@link
 * #ABBREVIATIONS}, with or without a leading locant) counts as chemical when a hyphen glues it to
 * the next word of its token, or when it ends a token written wholly in abbreviations and locants
 * ("2-CL 4-ANPP", "PE-TM 4-AP"), so the name it comes before is a substituted compound and never
 * the parent; a lone "F" or "Me" in free text, or one behind a name ("Fu-F"), says nothing.
 */
final class ChemicalPrefixes {

  /**
   * Substituent, acyl, ring and locant fragments of fentanyl-analogue names, as they are spelled
   * there.
   */
  private static final String[] FRAGMENTS = {
    "ortho",
    "meta",
    "para",
    "alpha",
    "beta",
    "gamma",
    "cis",
    "trans",
    "iso",
    "sec",
    "tert",
    "nor",
    "des",
    "despropionyl",
    "methyl",
    "ethyl",
    "propyl",
    "butyl",
    "pentyl",
    "hexyl",
    "heptyl",
    "allyl",
    "vinyl",
    "methoxy",
    "ethoxy",
    "propoxy",
    "hydroxy",
    "fluoro",
    "chloro",
    "bromo",
    "iodo",
    "amino",
    "nitro",
    "cyano",
    "oxo",
    "keto",
    "di",
    "tri",
    "tetra",
    "penta",
    "bi",
    "hexa",
    "cyclo",
    "acetyl",
    "acryl",
    "acryloyl",
    "propionyl",
    "propanoyl",
    "butyryl",
    "butyr",
    "butanoyl",
    "valeryl",
    "pentanoyl",
    "hexanoyl",
    "heptanoyl",
    "crotonyl",
    "methacryl",
    "formyl",
    "cinnamoyl",
    "carbomethoxy",
    "carbo",
    "carbamate",
    "carbamoyl",
    "carboxy",
    "furanyl",
    "furyl",
    "furan",
    "hydro",
    "thiophene",
    "thiophenyl",
    "thienyl",
    "thio",
    "phenyl",
    "benzyl",
    "benzoyl",
    "phenethyl",
    "naphthyl",
    "pyridyl",
    "pyridinyl",
    "piperidinyl",
    "benzodioxole",
    "dioxole",
    "dioxolyl",
    "ene",
    "yl",
    "oyl",
  };

  /**
   * Substituent abbreviations as laboratories write them: halogens (F, Cl, Br), alkyl and aryl
   * groups (Me, Et, Pr, iPr, Bu, tBu, Ph, Bn), phenethyl (PE), tetramethyl (TM), acetyl (Ac) and
   * methoxy (OMe, MeO).
   */
  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of(
          "f", "cl", "br", "me", "et", "pr", "ipr", "bu", "tbu", "ph", "bn", "pe", "tm", "ac",
          "ome", "meo");

  /**
   * The halogens among {@link #ABBREVIATIONS}, with the names they stand for. Only these are
   * written out ({@link #spelled}): an element symbol means one substituent wherever it stands,
   * while an alkyl abbreviation's position is ambiguous without the ring (3-methylfentanyl is a
   * piperidine-ring methyl).
   */
  private static final java.util.Map<String, String> HALOGENS =
      java.util.Map.of("f", "fluoro", "cl", "chloro", "br", "bromo");

  private ChemicalPrefixes() {}

  /**
   * A halogen abbreviation written out, its locant kept ("4f" is "4-fluoro", "cl" is "chloro",
   * "4'f" is "4'-fluoro"); any other word unchanged. Laboratories write "4F-fentanyl", "p-F-4-ANPP"
   * and "3-CL-4-ANPP" for what the dictionary lists as 4-fluorofentanyl, para-fluoro 4-ANPP and
   * 3-chloro 4-ANPP: written out, they find their entry. Apply it only to words {@link #isChemical}
   * accepts, where the symbol is known to be a substituent.
   */
  static String spelled(String word) {
    int k = 0;
    while (k < word.length() && (Character.isDigit(word.charAt(k)) || word.charAt(k) == '\'')) {
      k++;
    }
    String element = HALOGENS.get(word.substring(k));
    if (element == null) {
      return word;
    }
    return k == 0 ? element : word.substring(0, k) + "-" + element;
  }

  /**
   * Is {@code word} a substituent abbreviation, maybe after a locant ("cl", "2f", "4'f")? Callers
   * must also check that a hyphen glues it to the next word.
   */
  static boolean abbreviation(String word) {
    int k = 0;
    while (k < word.length() && (Character.isDigit(word.charAt(k)) || word.charAt(k) == '\'')) {
      k++;
    }
    return ABBREVIATIONS.contains(word.substring(k));
  }

  /** True when word {@code i} of {@code w} reads as part of a chemical name. */
  static boolean isChemical(SubstanceWords w, int i) {
    String word = w.word(i);
    boolean gluedToNext = i + 1 < w.size() && !w.tokenStart(i + 1);
    if (isDigits(word)) {
      return gluedToNext; // a locant such as the 4 of "4-fluoro"
    }
    if (abbreviation(word) && (gluedToNext || abbreviatedToken(w, i))) {
      return true; // the CL of "2-CL-4-ANPP" and "2-CL 4-ANPP", the PE and TM of "PE-TM-4-AP"
    }
    if (word.length() == 1) {
      return gluedToNext && word.charAt(0) == 'n'; // N-methyl; o/m/p were already spelled out
    }
    return word.equals("boc") || segments(word); // Boc: the tert-butoxycarbonyl protecting group
  }

  /**
   * Word {@code i}, which ends its token, closes a substituent written wholly in abbreviations and
   * locants: "2F", "2-CL", "p-F", "PE-TM". A lone "F" or "Me" in free text is not one.
   */
  private static boolean abbreviatedToken(SubstanceWords w, int i) {
    if (Character.isDigit(w.word(i).charAt(0))) {
      return true;
    }
    if (w.tokenStart(i)) {
      return false;
    }
    for (int k = i - 1; k >= 0; k--) {
      String word = w.word(k);
      boolean locant =
          isDigits(word) || word.equals("ortho") || word.equals("meta") || word.equals("para");
      if (!locant && !abbreviation(word)) {
        return false;
      }
      if (w.tokenStart(k)) {
        return true;
      }
    }
    return true;
  }

  /** Can {@code word} be cut into fragments and digits, one fragment at least four letters long? */
  static boolean segments(String word) {
    int n = word.length();
    // reach[k]: 0 = position k unreachable, 1 = reachable, 2 = reachable with a long fragment used.
    byte[] reach = new byte[n + 1];
    reach[0] = 1;
    for (int k = 0; k < n; k++) {
      byte here = reach[k];
      if (here == 0) {
        continue;
      }
      char c = word.charAt(k);
      if (Character.isDigit(c) || c == '\'') {
        reach[k + 1] = (byte) Math.max(reach[k + 1], here);
        continue;
      }
      for (String f : FRAGMENTS) {
        if (word.startsWith(f, k)) {
          int end = k + f.length();
          byte value = f.length() >= 4 ? 2 : here;
          if (value > reach[end]) {
            reach[end] = value;
          }
        }
      }
    }
    return reach[n] == 2;
  }

  private static boolean isDigits(String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (!Character.isDigit(c) && c != '\'') {
        return false;
      }
    }
    return true;
  }
}
