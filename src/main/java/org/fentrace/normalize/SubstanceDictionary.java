package org.fentrace.normalize;

import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fentrace.core.SubstanceClass;

/**
 * The substance dictionary ({@code substances.csv}) and the matcher that turns free substance text
 * into the contract's {@code substance_name} and {@code substance_class}.
 *
 * <p>Matching rules, in order ({@link #match(String)}):
 *
 * <ol>
 *   <li><b>Exact key.</b> The text is normalized as described in {@link SubstanceWords} (NFKD,
 *       accents and case dropped, salt and isomer notes such as "HCl", "citrate", ", salt
 *       undetermined", "(isomer undetermined)" dropped, fentanil/fentanilo/fentanyle read as
 *       fentanyl, o-/m-/p- read as ortho-/meta-/para-, then spaces, hyphens and punctuation
 *       removed). If that key is a dictionary key, that entry wins. "para-" and "4-" are only equal
 *       where the dictionary lists both: a numeric locant means different things on different rings
 *       (3-methylfentanyl is not meta-methylfentanyl).
 *   <li><b>Structure.</b> Otherwise, when the whole text is a systematic name with the
 *       4-anilidopiperidine core ({@link ChemicalNames}), the entry with the same structure wins
 *       ({@link StructureIndex}: CAS index names, IUPAC and DEA spellings of one compound are one
 *       entry); a core no entry has is unlisted, FENTANYL_ANALOG when the ring nitrogen carries a
 *       carbon substituent, otherwise FENTANYL_PRECURSOR (nor-compounds, Boc-protected and
 *       unacylated 4-anilinopiperidines).
 *   <li><b>Free text and mixtures.</b> Otherwise the words are scanned left to right and at each
 *       word the longest run of words (up to the longest dictionary key) whose joined key is a
 *       dictionary key is taken, so "acetyl fentanyl" is the analogue and not fentanyl. When
 *       several substances are named, the text counts in the most fentanyl-relevant class: FENTANYL
 *       or FENTANYL_ANALOG, then FENTANYL_PRECURSOR, then OTHER_DRUG, then UNKNOWN-class entries
 *       ("Other drugs"); between equals the first named wins, as labs name the main substance
 *       first. So "heroin/fentanyl mixture" is fentanyl and "carfentanil and heroin" is
 *       carfentanil. CAS Registry Numbers ({@link CasNumbers}) and systematic names written as one
 *       word inside the text take part in the same ranking. A run glued by a hyphen to a locant or
 *       nomenclature word of its own token is part of a longer name and does not count ("4-
 *       oxopiperidine" inside "N-Boc-4-oxopiperidine-3-carboxylate" is not 4-piperidone), nor does
 *       one glued behind a substituent abbreviation ("2-CL-4-ANPP", "PE-TM-4-AP", "p-F-4-ANPP" name
 *       substituted precursors, not 4-ANPP or 4-AP; see {@link ChemicalPrefixes}), and a text that
 *       calls itself a homologue ("fentanyl methylene homolog") takes no dictionary or
 *       "...fentanyl" name at all: it names something else.
 *   <li><b>Unlisted analogues.</b> A word ending in "fentanyl" (after the spelling unification),
 *       together with the chemical-looking words before it ({@link ChemicalPrefixes}), is a
 *       fentanyl-related substance even when the dictionary lacks it: class FENTANYL_ANALOG,
 *       unlisted=true, name the compact lower-case form of those words without salt notes, halogen
 *       symbols written out ("4F-fentanyl" is looked up as 4-fluorofentanyl, "Cl-fentanyl" reads
 *       "chlorofentanyl"; {@link ChemicalPrefixes#spelled}). This beats a listed analogue hidden
 *       inside it ("ortho-methylcyclopropylfentanyl" is new, not cyclopropyl fentanyl). Listed
 *       names are never overridden, so precursors keep their class (norfentanyl, despropionyl
 *       fentanyl = 4-ANPP); unlisted names ending in "norfentanyl" or "anpp", or starting with
 *       "despropionyl", lack the phenethyl-anilide part of an analogue and are classed
 *       FENTANYL_PRECURSOR, unlisted=true; so are names ending in "4-AP" with chemical words before
 *       them ("N-phenethyl tetramethyl-4-AP", "PE-TM-4-AP"). The protecting group "Boc" counts as a
 *       chemical word, so an unlisted Boc-protected nor-compound is not the unprotected one.
 *   <li><b>Nothing matched.</b> Class UNKNOWN, unlisted=false, name the cleaned lower-case text; a
 *       blank or null text is ("unknown", UNKNOWN, false).
 * </ol>
 *
 * <p>Speed: keys and structure signatures are precomputed at load; a call allocates its own word
 * arrays, runs the CAS finder's two precompiled patterns only on text with a hyphen or the word
 * CAS, and parses a structure only from text that names a piperidine. Instances are immutable,
 * thread-safe and serializable (Spark closures).
 */
public final class SubstanceDictionary implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The bundled dictionary, a classpath resource beside this class. */
  public static final String DEFAULT_RESOURCE = "/org/fentrace/normalize/substances.csv";

  private static final SubstanceMatch BLANK =
      new SubstanceMatch("unknown", SubstanceClass.UNKNOWN, false);

  /** How many words before "...fentanyl" an unlisted analogue name may take in. */
  private static final int MAX_PREFIX_WORDS = 8;

  /** One dictionary entry; {@code line} is kept for error messages about later duplicates. */
  record Entry(String name, SubstanceClass substanceClass, int line) implements Serializable {}

  private final Map<String, Entry> byKey;
  private final Map<SubstanceClass, Long> counts;
  private final int entryCount;
  private final int maxKeyWords;

  /** Where the dictionary was read from, named in load errors. */
  private final String sourceName;

  private final StructureIndex structures;

  /** Registry numbers recognised in free text; null for a dictionary loaded without them. */
  private final CasNumbers cas;

  SubstanceDictionary(
      String sourceName,
      Map<String, Entry> byKey,
      Map<SubstanceClass, Long> counts,
      int entryCount,
      int maxKeyWords,
      StructureIndex structures,
      CasNumbers cas) {
    this.sourceName = sourceName;
    this.byKey = byKey;
    this.counts = counts;
    this.entryCount = entryCount;
    this.maxKeyWords = maxKeyWords;
    this.structures = structures;
    this.cas = cas;
  }

  private static final class DefaultHolder {
    // Loaded once per JVM (driver and each executor), on first use.
    static final SubstanceDictionary INSTANCE = loadResource();

    private static SubstanceDictionary loadResource() {
      return DictionaryCsv.loadResource(
              DEFAULT_RESOURCE, "substance dictionary", "substances.csv", SubstanceDictionary::load)
          .withCasNumbers(CasNumbers.loadDefault());
    }
  }

  /**
   * This dictionary recognising the given registry numbers too.
   *
   * @throws IllegalArgumentException when a number names a substance the dictionary lacks or gives
   *     it another class than the dictionary does
   */
  public SubstanceDictionary withCasNumbers(CasNumbers numbers) {
    for (CasNumbers.Entry e : numbers.entries()) {
      Entry entry = byKey.get(SubstanceWords.parse(e.canonicalName()).key());
      if (entry == null
          || !entry.name().equals(e.canonicalName())
          || entry.substanceClass() != e.substanceClass()) {
        throw new IllegalArgumentException(
            "CAS "
                + e.number()
                + " names '"
                + e.canonicalName()
                + "' as "
                + e.substanceClass()
                + ", but "
                + sourceName
                + " has "
                + (entry == null
                    ? "no such entry"
                    : "'" + entry.name() + "' as " + entry.substanceClass()));
      }
    }
    return new SubstanceDictionary(
        sourceName, byKey, counts, entryCount, maxKeyWords, structures, numbers);
  }

  /**
   * Structures two entries share (each "signature = entry / entry"); empty for a sound dictionary.
   */
  Set<String> structureAmbiguities() {
    return structures.ambiguities();
  }

  /** The bundled {@code substances.csv} with the bundled CAS numbers, loaded once and cached. */
  public static SubstanceDictionary loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Loads a dictionary in the {@code substances.csv} format ({@link SubstanceDictionaryFile}).
   *
   * @throws IllegalArgumentException naming {@code sourceName}, the line and the problem, for a
   *     malformed line, an unknown class, a synonym that is nothing but salt notes, or a key
   *     claimed by two entries
   */
  public static SubstanceDictionary load(Reader csv, String sourceName) {
    return SubstanceDictionaryFile.read(csv, sourceName);
  }

  /**
   * The salt, hydrate and isomer words dropped from every substance key, sorted: for tools that
   * must build the same keys outside fentrace.
   */
  public static List<String> noteWords() {
    return SubstanceWords.NOTE_WORDS.stream().sorted().toList();
  }

  /** Matches one raw substance text; never null. See the class comment for the rules. */
  public SubstanceMatch match(String raw) {
    if (raw == null || raw.isBlank()) {
      return BLANK;
    }
    SubstanceWords w = SubstanceWords.parse(raw);
    if (w.size() == 0) {
      return BLANK;
    }
    Entry exact = byKey.get(w.key());
    if (exact != null) {
      return new SubstanceMatch(exact.name(), exact.substanceClass(), false);
    }
    SubstanceMatch structural = structures.whole(raw);
    if (structural != null) {
      return structural;
    }
    List<Found> found = new ArrayList<>(2);
    if (!w.callsItselfAHomologue()) {
      found = scanListed(w);
      addUnlisted(w, found);
    }
    addLocated(raw, found);
    if (found.isEmpty()) {
      return new SubstanceMatch(w.phrase(), SubstanceClass.UNKNOWN, false);
    }
    Found best = found.get(0);
    for (Found f : found) {
      if (rank(f.match.substanceClass()) > rank(best.match.substanceClass())
          || (rank(f.match.substanceClass()) == rank(best.match.substanceClass())
              && f.start < best.start)) {
        best = f;
      }
    }
    return best.match;
  }

  /** A substance found in words {@code start..end}. */
  private record Found(int start, int end, SubstanceMatch match) {}

  /** Rule 2: greedy longest listed runs, left to right. */
  private List<Found> scanListed(SubstanceWords w) {
    List<Found> found = new ArrayList<>(2);
    int n = w.size();
    int i = 0;
    while (i < n) {
      int bestEnd = -1;
      Entry bestEntry = null;
      StringBuilder key = new StringBuilder();
      for (int j = i; j < n && j - i < maxKeyWords; j++) {
        key.append(w.word(j));
        Entry e = byKey.get(key.toString());
        if (e != null && !w.insideLongerName(i, j)) {
          bestEnd = j;
          bestEntry = e;
        }
      }
      if (bestEntry != null) {
        found.add(
            new Found(
                i,
                bestEnd,
                new SubstanceMatch(bestEntry.name(), bestEntry.substanceClass(), false)));
        i = bestEnd + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  /**
   * Rule 3: names ending in fentanyl, ANPP or 4-AP with chemical prefixes the dictionary does not
   * list.
   */
  private void addUnlisted(SubstanceWords w, List<Found> found) {
    for (int j = 0; j < w.size(); j++) {
      String word = w.word(j);
      boolean fourAp = word.equals("ap") && j > 0 && !w.tokenStart(j) && w.word(j - 1).equals("4");
      if (!word.endsWith("fentanyl") && !word.endsWith("anpp") && !fourAp) {
        continue;
      }
      int start = j;
      while (start > 0
          && j - start < MAX_PREFIX_WORDS
          && ChemicalPrefixes.isChemical(w, start - 1)) {
        start--;
      }
      Found covering = covering(found, j);
      if (covering != null && covering.start <= start) {
        continue; // a listed name already takes in every chemical word
      }
      // Halogen symbols written out: "4F-fentanyl" is the listed 4-fluorofentanyl, and an
      // unlisted "Cl-fentanyl" is the same substance as "chlorofentanyl".
      String key = w.key(start, j, ChemicalPrefixes::spelled);
      Entry e = byKey.get(key);
      SubstanceMatch m =
          e != null
              ? new SubstanceMatch(e.name(), e.substanceClass(), false)
              : new SubstanceMatch(
                  w.compactName(start, j, ChemicalPrefixes::spelled), unlistedClass(key), true);
      int from = start;
      int to = j;
      found.removeIf(f -> f.end >= from && f.start <= to);
      found.add(new Found(start, j, m));
    }
  }

  /** Rules 2 and 3 for registry numbers and one-word systematic names inside free text. */
  private void addLocated(String raw, List<Found> found) {
    CasNumbers.Found number = cas == null ? null : cas.find(raw);
    if (number != null) {
      Entry e = byKey.get(SubstanceWords.parse(number.entry().canonicalName()).key());
      int at = SubstanceWords.parse(raw.substring(0, number.offset())).size();
      found.add(new Found(at, at, new SubstanceMatch(e.name(), e.substanceClass(), false)));
    }
    for (StructureIndex.Located l : structures.inWords(raw)) {
      int from = SubstanceWords.parse(raw.substring(0, l.offset())).size();
      int end = raw.indexOf(' ', l.offset());
      int to = SubstanceWords.parse(end < 0 ? raw : raw.substring(0, end)).size() - 1;
      found.removeIf(f -> f.end >= from && f.start <= to);
      found.add(new Found(from, Math.max(from, to), l.match()));
    }
  }

  private static SubstanceClass unlistedClass(String key) {
    if (key.endsWith("norfentanyl")
        || key.endsWith("anpp")
        || key.endsWith("4ap")
        || key.startsWith("despropionyl")) {
      return SubstanceClass.FENTANYL_PRECURSOR;
    }
    return SubstanceClass.FENTANYL_ANALOG;
  }

  private static Found covering(List<Found> found, int word) {
    for (Found f : found) {
      if (f.start <= word && word <= f.end) {
        return f;
      }
    }
    return null;
  }

  private static int rank(SubstanceClass c) {
    switch (c) {
      case FENTANYL:
      case FENTANYL_ANALOG:
        return 3;
      case FENTANYL_PRECURSOR:
        return 2;
      case OTHER_DRUG:
        return 1;
      default:
        return 0;
    }
  }

  /** Number of entries (canonical names), not of synonyms. */
  public int size() {
    return entryCount;
  }

  /** Number of entries of one class. */
  public long count(SubstanceClass c) {
    return counts.getOrDefault(c, 0L);
  }

  /**
   * Every exact-match key as a CSV row {@code normalized_key,canonical_name,substance_class},
   * sorted by key, without a header: a lookup table for a broadcast join that covers rule 1 only
   * (free text still needs {@link #match(String)}). Fields are quoted when they hold a comma or a
   * quote.
   */
  public List<String> entriesAsCsvLookupRows() {
    List<String> rows = new ArrayList<>(byKey.size());
    for (Map.Entry<String, Entry> e : new TreeMap<>(byKey).entrySet()) {
      rows.add(
          DictionaryCsv.quote(e.getKey())
              + ","
              + DictionaryCsv.quote(e.getValue().name())
              + ","
              + e.getValue().substanceClass().wireName());
    }
    return Collections.unmodifiableList(rows);
  }
}
