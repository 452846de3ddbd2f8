package org.fentrace.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A substance text cut into normalized words; the one place where dictionary synonyms and raw texts
 * are turned into lookup keys, so both sides are always normalized the same way.
 *
 * <p>Normalization: Unicode NFKD with accents dropped, lower case, Greek α/β/γ spelled out, primes
 * and apostrophes kept on the word before them (2'-fluoro is not 2-fluoro), every other punctuation
 * mark a word break. Salt and isomer notes are dropped as whole words ({@link #NOTE_WORDS}). Word
 * endings "fentanil", "fentanilo", "fentanile", "fentanyle", "fentanila", Russian "фентанил",
 * Japanese "フェンタニル" and Chinese "芬太尼" become "fentanyl" (the INN in other languages, also inside
 * carfentanil, 卡芬太尼, ...). A lone "o", "m" or "p" joined by a hyphen to a following chemical word
 * becomes "ortho", "meta", "para" (p-fluoro = para-fluoro); numeric locants (4-) are left alone
 * because their meaning depends on the ring, which only the dictionary can say. A key is the words
 * concatenated.
 *
 * <p>Words also remember whether they start a token (whitespace or a list separator such as / ; +
 * before them) and the hyphens/commas in front of them, so readable names can be rebuilt for
 * unlisted analogues.
 */
final class SubstanceWords {

  /**
   * Salt, hydrate and isomer notes: they describe the form of the substance, not which substance it
   * is.
   */
  static final Set<String> NOTE_WORDS =
      Set.of(
          "hydrochloride",
          "dihydrochloride",
          "hcl",
          "citrate",
          "sulfate",
          "sulphate",
          "phosphate",
          "tartrate",
          "bitartrate",
          "hydrobromide",
          "hbr",
          "oxalate",
          "fumarate",
          "maleate",
          "mesylate",
          "monohydrate",
          "hydrate",
          "base",
          "freebase",
          "salt",
          "salts",
          "isomer",
          "isomers",
          "undetermined",
          "positional",
          "clorhidrato",
          "citrato");

  private final String[] words;
  private final boolean[] tokenStart;
  private final String[] sepBefore;

  private SubstanceWords(String[] words, boolean[] tokenStart, String[] sepBefore) {
    this.words = words;
    this.tokenStart = tokenStart;
    this.sepBefore = sepBefore;
  }

  int size() {
    return words.length;
  }

  String word(int i) {
    return words[i];
  }

  boolean tokenStart(int i) {
    return tokenStart[i];
  }

  /** The lookup key of words {@code from..to} inclusive. */
  String key(int from, int to) {
    if (from == to) {
      return words[from];
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(words[i]);
    }
    return sb.toString();
  }

  /** The key of the whole text; empty when nothing but notes and punctuation was there. */
  String key() {
    return words.length == 0 ? "" : key(0, words.length - 1);
  }

  /**
   * Words {@code from..to} as one readable chemical name: hyphens and commas inside a token kept,
   * the spaces between tokens removed (a hyphen instead before a locant such as 4, alpha or para),
   * so "ortho-methyl cyclopropyl fentanyl" and "ORTHO-METHYLCYCLOPROPYLFENTANYL, salt undetermined"
   * both read "ortho-methylcyclopropylfentanyl".
   */
  String compactName(int from, int to) {
    return compactName(from, to, UnaryOperator.identity());
  }

  /**
   * {@link #compactName(int, int)} with some words written out by {@code spell} (a word it returns
   * unchanged stays as it is). A written-out word joins the next word directly unless that one
   * starts with a locant, as a name spelled in full would: "Cl-fentanyl" with Cl written as
   * "chloro" reads "chlorofentanyl", and "3-CL-4-ANPP" reads "3-chloro-4-anpp".
   */
  String compactName(int from, int to, UnaryOperator<String> spell) {
    StringBuilder sb = new StringBuilder();
    boolean afterSpelled = false;
    for (int i = from; i <= to; i++) {
      if (i > from && afterSpelled && !startsWithLocant(words[i])) {
        // nothing between a written-out substituent and the name it changes
      } else if (i > from && !tokenStart[i]) {
        sb.append(sepBefore[i]);
      } else if (i > from && startsWithLocant(words[i])) {
        // "para-fluoro alpha-methyl..." -> "para-fluoro-alpha-methyl...", as IUPAC writes it
        sb.append('-');
      }
      String word = spell.apply(words[i]);
      afterSpelled = !word.equals(words[i]);
      sb.append(word);
    }
    return sb.toString();
  }

  /**
   * The lookup key of words {@code from..to} with some written out by {@code spell}: the key the
   * same name would have if it had been written in full.
   */
  String key(int from, int to, UnaryOperator<String> spell) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(spell.apply(words[i]).replace("-", ""));
    }
    return sb.toString();
  }

  private static final Set<String> LOCANT_WORDS =
      Set.of("alpha", "beta", "gamma", "ortho", "meta", "para", "n", "cis", "trans");

  private static boolean startsWithLocant(String word) {
    return Character.isDigit(word.charAt(0)) || LOCANT_WORDS.contains(word);
  }

  /** The whole text as a cleaned phrase: tokens separated by one space, notes dropped. */
  String phrase() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        sb.append(tokenStart[i] ? " " : sepBefore[i]);
      }
      sb.append(words[i]);
    }
    return sb.toString();
  }

  static SubstanceWords parse(String raw) {
    String text = isPlainAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKD);
    List<String> ws = new ArrayList<>();
    List<Boolean> starts = new ArrayList<>();
    List<String> seps = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    StringBuilder sep = new StringBuilder();
    boolean nextStartsToken = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        continue; // accents left over by NFKD
      }
      int lower = Character.toLowerCase(cp);
      String greek = greekName(lower);
      if (greek != null) {
        word.append(greek);
      } else if (Character.isLetterOrDigit(lower)) {
        word.appendCodePoint(lower);
      } else if (isPrime(lower)) {
        if (word.length() > 0) {
          word.append('\'');
        }
      } else {
        if (word.length() > 0) {
          ws.add(word.toString());
          starts.add(nextStartsToken);
          seps.add(sep.toString());
          word.setLength(0);
          sep.setLength(0);
          nextStartsToken = false;
        }
        if (Character.isWhitespace(lower) || isListSeparator(lower)) {
          nextStartsToken = true;
          sep.setLength(0);
        } else if (lower == '-' || lower == ',') {
          sep.append((char) lower);
        }
      }
    }
    if (word.length() > 0) {
      ws.add(word.toString());
      starts.add(nextStartsToken);
      seps.add(sep.toString());
    }
    return clean(ws, starts, seps);
  }

  /** Drops notes, unifies fentanyl spellings and o-/m-/p- prefixes. */
  private static SubstanceWords clean(List<String> ws, List<Boolean> starts, List<String> seps) {
    List<String> outWords = new ArrayList<>(ws.size());
    List<Boolean> outStarts = new ArrayList<>(ws.size());
    List<String> outSeps = new ArrayList<>(ws.size());
    boolean carryStart = false;
    for (int i = 0; i < ws.size(); i++) {
      String w = ws.get(i);
      if (NOTE_WORDS.contains(w)) {
        // "HCl-fentanyl": the next word of the same token now starts it.
        carryStart |= starts.get(i);
        continue;
      }
      boolean start = starts.get(i) || carryStart;
      carryStart = false;
      outWords.add(unifyFentanyl(w));
      outStarts.add(start);
      outSeps.add(start ? "" : seps.get(i));
    }
    int n = outWords.size();
    String[] words = outWords.toArray(new String[0]);
    boolean[] tokenStart = new boolean[n];
    String[] sepBefore = outSeps.toArray(new String[0]);
    for (int i = 0; i < n; i++) {
      tokenStart[i] = outStarts.get(i);
    }
    for (int i = 0; i + 1 < n; i++) {
      String full = ringPosition(words[i]);
      if (full != null && !tokenStart[i + 1] && Character.isLetter(words[i + 1].charAt(0))) {
        words[i] = full;
      }
    }
    return new SubstanceWords(words, tokenStart, sepBefore);
  }

  /**
   * Word endings that spell "fentanyl" in other languages: Spanish/Italian/INN, French, Portuguese,
   * Russian, Japanese and Chinese. Longer endings first, so "fentanilo" is not read as "fentanil" +
   * "o".
   */
  private static final String[] FENTANYL_ENDINGS = {
    "fentanilo",
    "fentanile",
    "fentanyle",
    "fentanila",
    "fentanil",
    "\u0444\u0435\u043d\u0442\u0430\u043d\u0438\u043b",
    "\u30d5\u30a7\u30f3\u30bf\u30cb\u30eb",
    "\u82ac\u592a\u5c3c"
  };

  static String unifyFentanyl(String w) {
    for (String ending : FENTANYL_ENDINGS) {
      if (w.endsWith(ending)) {
        return w.substring(0, w.length() - ending.length()) + "fentanyl";
      }
    }
    return w;
  }

  private static String ringPosition(String w) {
    switch (w) {
      case "o":
        return "ortho";
      case "m":
        return "meta";
      case "p":
        return "para";
      default:
        return null;
    }
  }

  private static String greekName(int cp) {
    switch (cp) {
      case 'α':
        return "alpha";
      case 'β':
        return "beta";
      case 'γ':
        return "gamma";
      default:
        return null;
    }
  }

  private static boolean isPrime(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u2032' || cp == '`';
  }

  /** Characters that separate the substances of a list or mixture ("heroin/fentanyl"). */
  private static boolean isListSeparator(int cp) {
    return cp == '/' || cp == ';' || cp == '+' || cp == '&' || cp == '|' || cp == '\\';
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * Words {@code from..to} are part of a longer systematic name: the token they sit in goes on, on
   * either side, with a locant or a nomenclature word ("4-oxopiperidine" inside "N-Boc-4-
   * oxopiperidine-3-carboxylate"), which makes another compound than the one the words name. A
   * substituent abbreviation glued in front ("2-CL-4-ANPP", "PE-TM-4-AP") makes a substituted
   * compound too, never the parent. A hyphen to a plain word ("fentanyl-laced") does not.
   */
  boolean insideLongerName(int from, int to) {
    boolean before =
        from > 0
            && !tokenStart(from)
            && (isNameWord(word(from - 1)) || ChemicalPrefixes.abbreviation(word(from - 1)));
    boolean after = to + 1 < size() && !tokenStart(to + 1) && isNameWord(word(to + 1));
    return before || after;
  }

  private static boolean isNameWord(String word) {
    return Character.isDigit(word.charAt(0)) || ChemicalPrefixes.segments(word);
  }

  /**
   * "Fentanyl methylene homolog": a text that calls itself a homologue of what it names is another
   * compound, so no dictionary or "...fentanyl" name in it counts; only a systematic name in it
   * can.
   */
  boolean callsItselfAHomologue() {
    for (int i = 0; i < size(); i++) {
      if (word(i).startsWith("homolog")) {
        return true;
      }
    }
    return false;
  }
}
