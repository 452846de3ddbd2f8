package org.fentrace.normalize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fentrace.normalize.ChemicalNameParser.Group;
import org.fentrace.normalize.ChemicalNameParser.Item;
import org.fentrace.normalize.ChemicalNameParser.Locants;
import org.fentrace.normalize.ChemicalNameParser.Word;

/**
 * One level of a parsed chemical name read as substitutive nomenclature: the prefixes (a locant and
 * the substituent it carries) and the parent (the stem with its suffix and its own locants, such as
 * {@code piperidin|4|yl} or {@code propan|amide}).
 *
 * <p>How items are assigned: a bracketed group is a prefix on the locant before it (or on no
 * locant, as in {@code (phenyl)carbamate}). A word is cut after its last substituent morpheme
 * ({@link #SUBSTITUENT_ENDS}): the front is a prefix ({@code phenethyl} of {@code
 * 1-phenethylpiperidin}, {@code phenyl} of {@code N-phenylpropanamide}), the rest belongs to the
 * parent. A word that begins with a suffix ({@code -4-yl}, {@code -2-carboxamide}, {@code
 * -2-enamide}) continues the parent with its locant. The last word of a level is always part of the
 * parent. Multiplied prefixes on several locants ({@code N,3-diphenyl}, {@code N,N-dimethyl})
 * become one prefix per locant.
 */
final class ChemicalNameReading {

  /** Morphemes that end a substituent prefix: after one of them a new part of the name begins. */
  static final Set<String> SUBSTITUENT_ENDS =
      Stream.of(
              ChemicalMorphemes.ALKYLS.stream(),
              ChemicalMorphemes.OXY_HALO_SUBSTITUENTS.stream(),
              Stream.of(
                  "phenyl",
                  "benzyl",
                  "benzoyl",
                  "naphthyl",
                  "furyl",
                  "thienyl",
                  "yl",
                  "oyl",
                  "carbonyl",
                  "carbamoyl",
                  "oxy",
                  "oxo",
                  "amino",
                  "anilino",
                  "amido",
                  "boc"))
          .flatMap(w -> w)
          .collect(Collectors.toUnmodifiableSet());

  /** Morphemes that start a suffix of the parent when they open a word after a locant. */
  private static final Set<String> SUFFIX_STARTS =
      Set.of(
          "yl",
          "ylidene",
          "amine",
          "amide",
          "carbox",
          "ylate",
          "ylicacid",
          "one",
          "ol",
          "en",
          "ene",
          "yne",
          "oyl",
          "al");

  private static final Set<String> MULTIPLIERS = Set.of("di", "tri", "tetra", "bis");

  /**
   * A substituent on a locant.
   *
   * @param locant "n", "1", "4", ... or null when none was written
   * @param group the bracketed group, or null when the substituent was part of a word
   * @param reading the substituent itself, read the same way
   */
  record Prefix(String locant, Group group, ChemicalNameReading reading) {
    String canonical() {
      return (locant == null ? "" : locant + "-") + reading.canonical();
    }
  }

  private final List<Prefix> prefixes;
  private final List<String> parent;
  private final List<String> parentLocants;

  private ChemicalNameReading(
      List<Prefix> prefixes, List<String> parent, List<String> parentLocants) {
    this.prefixes = Collections.unmodifiableList(prefixes);
    this.parent = Collections.unmodifiableList(parent);
    this.parentLocants = Collections.unmodifiableList(parentLocants);
  }

  List<Prefix> prefixes() {
    return prefixes;
  }

  /** Parent morphemes and locants joined with '|', e.g. {@code piperidin|4|yl}. */
  String parentText() {
    return String.join("|", parent);
  }

  List<String> parentLocants() {
    return parentLocants;
  }

  /**
   * One string for the whole substituent: sorted prefixes, then the parent with its synonyms made
   * one.
   */
  String canonical() {
    String parentCanonical = ChemicalSpellings.alias(String.join("", parent));
    if (prefixes.isEmpty()) {
      return parentCanonical;
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (Prefix p : prefixes) {
      sorted.add(p.canonical());
    }
    return String.join(";", sorted) + "|" + parentCanonical;
  }

  static ChemicalNameReading of(List<Item> items) {
    List<Prefix> prefixes = new ArrayList<>();
    List<String> parent = new ArrayList<>();
    List<String> parentLocants = new ArrayList<>();
    Locants pending = null;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      boolean last = i == items.size() - 1;
      if (item instanceof Locants l) {
        if (pending != null) {
          addParentLocants(parent, parentLocants, pending);
        }
        pending = l;
        if (last) {
          addParentLocants(parent, parentLocants, pending);
        }
      } else if (item instanceof Group g) {
        addPrefix(prefixes, pending, g, of(g.items()));
        pending = null;
      } else if (item instanceof Word w) {
        readWord(w, pending, last, prefixes, parent, parentLocants);
        pending = null;
      }
    }
    return new ChemicalNameReading(prefixes, parent, parentLocants);
  }

  private static void readWord(
      Word w,
      Locants locants,
      boolean last,
      List<Prefix> prefixes,
      List<String> parent,
      List<String> parentLocants) {
    List<String> m = w.morphemes();
    if (locants != null && SUFFIX_STARTS.contains(m.get(0))) {
      addParentLocants(parent, parentLocants, locants);
      parent.addAll(m);
      return;
    }
    int cut = -1;
    for (int k = m.size() - 2; k >= 0; k--) {
      if (SUBSTITUENT_ENDS.contains(m.get(k))) {
        cut = k;
        break;
      }
    }
    Locants onStem = locants;
    if (cut >= 0) {
      addPrefix(prefixes, locants, null, ofMorphemes(m.subList(0, cut + 1)));
      onStem = null;
    }
    List<String> stem = m.subList(cut + 1, m.size());
    if (!last && SUBSTITUENT_ENDS.contains(stem.get(stem.size() - 1))) {
      addPrefix(prefixes, onStem, null, ofMorphemes(stem));
    } else {
      if (onStem != null) {
        addParentLocants(parent, parentLocants, onStem);
      }
      parent.addAll(stem);
    }
  }

  private static ChemicalNameReading ofMorphemes(List<String> morphemes) {
    return new ChemicalNameReading(
        new ArrayList<>(), new ArrayList<>(morphemes), new ArrayList<>());
  }

  private static void addParentLocants(List<String> parent, List<String> parentLocants, Locants l) {
    String joined = String.join(",", l.values());
    parent.add(joined);
    parentLocants.add(joined);
  }

  /** Adds one prefix per locant when a multiplier matches the locant count ("N,3-diphenyl"). */
  private static void addPrefix(
      List<Prefix> prefixes, Locants locants, Group group, ChemicalNameReading r) {
    if (locants == null) {
      prefixes.add(new Prefix(null, group, r));
      return;
    }
    List<String> values = locants.values();
    if (values.size() > 1
        && group == null
        && r.prefixes.isEmpty()
        && r.parent.size() > 1
        && MULTIPLIERS.contains(r.parent.get(0))) {
      ChemicalNameReading single = ofMorphemes(r.parent.subList(1, r.parent.size()));
      for (String v : values) {
        prefixes.add(new Prefix(v, null, single));
      }
      return;
    }
    prefixes.add(new Prefix(String.join(",", values), group, r));
  }
}
