package org.fentrace.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.fentrace.core.SubstanceClass;
import org.fentrace.normalize.ChemicalNameParser.Parsed;

/**
 * Recognises the fentanyl skeleton in a systematic chemical name: the 4-anilidopiperidine core, an
 * amide nitrogen that carries a phenyl (or substituted phenyl) ring and the 4-position of a
 * piperidine ring whose ring nitrogen may be substituted.
 *
 * <p>The name is parsed by {@link ChemicalNameParser} and read as a parent with substituents:
 *
 * <ul>
 *   <li>an amide or carbamate parent ({@code ...propanamide}, {@code ...furan-2-carboxamide},
 *       {@code ...propionanilide}, {@code ...carbamate}) whose nitrogen substituents ({@code N-}
 *       locants, or unlocanted groups before a carbamate) are a phenyl ring and a piperidin-4-yl /
 *       4-piperidinyl / 4-piperidyl group: the {@link Kind#ANILIDE} form of fentanyl,
 *       acetylfentanyl, furanylfentanyl, ...;
 *   <li>a piperidine parent whose 4-position carries an acylated anilino group ({@code
 *       4-[phenyl(propanoyl)- amino]}, {@code 4-(N-propanoylanilino)}, {@code
 *       4-(N-phenylpropanamido)}, {@code 4-[(1-oxopropyl)- phenylamino]}): the {@link Kind#ANILIDE}
 *       form that carfentanil and remifentanil are written in;
 *   <li>the same core without the acyl group ({@code N-phenylpiperidin-4-amine}, {@code 4-anilino-
 *       piperidine}, {@code N-(piperidin-4-yl)aniline}): {@link Kind#ANILINE}, the 4-AP / 4-ANPP
 *       precursors.
 * </ul>
 *
 * A 4-phenylpiperidine (pethidine, loperamide, diphenoxylate, ketobemidone), a piperidin-4-yl on
 * anything but the anilide nitrogen (brorphine), a piperazine (MT-45) or a benzamide without the
 * piperidine (U-47700, AH-7921) has no such core and is not recognised.
 *
 * <p>Each recognised name also gets a {@link Skeleton#signature()}: the parts written in one
 * canonical way (propionyl = propanoyl = propanamide, phenethyl = 2-phenylethyl, 4-piperidyl =
 * piperidin-4-yl, CAS and IUPAC order alike), so that two spellings of one compound have one
 * signature and the dictionary can find its entry for a spelling it does not list.
 */
final class ChemicalNames {

  /** Whether the anilide nitrogen carries an acyl group. */
  enum Kind {
    /** N-phenyl-N-(piperidin-4-yl) amide: the fentanyl skeleton. */
    ANILIDE,
    /** N-phenylpiperidin-4-amine without an acyl group: the 4-AP / 4-ANPP precursor core. */
    ANILINE
  }

  /**
   * A recognised core.
   *
   * @param kind amide or bare amine
   * @param ringNitrogen canonical substituent on the piperidine nitrogen, empty when none
   * @param ringNitrogenBlocked true when that substituent is a carbamate protecting group (Boc),
   *     which is removed in synthesis rather than kept in the product
   * @param signature canonical description of the whole compound, equal for equal compounds
   */
  record Skeleton(Kind kind, String ringNitrogen, boolean ringNitrogenBlocked, String signature) {

    /** Class of a compound of this shape that the dictionary does not list. */
    SubstanceClass unlistedClass() {
      boolean ringNitrogenCarriesCarbon = !ringNitrogen.isEmpty() && !ringNitrogenBlocked;
      return kind == Kind.ANILIDE && ringNitrogenCarriesCarbon
          ? SubstanceClass.FENTANYL_ANALOG
          : SubstanceClass.FENTANYL_PRECURSOR;
    }
  }

  private ChemicalNames() {}

  /**
   * The whole text read as one systematic name; null when it is none or has no anilinopiperidine
   * core.
   */
  static Skeleton read(String raw) {
    if (raw == null
        || raw.indexOf("piperid") < 0 && raw.toLowerCase(Locale.ROOT).indexOf("piperid") < 0) {
      return null;
    }
    Parsed parsed = ChemicalNameParser.parse(ChemicalSpellings.withoutNotes(raw));
    return parsed == null ? null : skeleton(parsed);
  }

  private static Skeleton skeleton(Parsed parsed) {
    ChemicalNameReading top = ChemicalNameReading.of(parsed.items());
    String parent = top.parentText();
    String ester = parsed.ester();
    if (parent.endsWith("amide") || parent.endsWith("anilide") || parent.endsWith("carbamate")) {
      return amide(top, ester);
    }
    if (parent.contains("piperid") && parent.endsWith("amine")) {
      return anilineParent(top, ester, "n", "4");
    }
    if (parent.equals("anilin|e")) {
      return anilineOnPiperidinyl(top, ester);
    }
    if (parent.contains("piperid") && !parent.endsWith("yl") && !parent.endsWith("one")) {
      return piperidineParent(top, ester);
    }
    return null;
  }

  /** Amide parent: N-phenyl and N-(piperidin-4-yl) among the nitrogen substituents. */
  private static Skeleton amide(ChemicalNameReading top, String ester) {
    boolean anilide = top.parentText().endsWith("anilide");
    String aryl = anilide ? "phenyl" : null;
    ChemicalNameReading piperidinyl = null;
    List<String> acylParts = new ArrayList<>();
    for (ChemicalNameReading.Prefix p : top.prefixes()) {
      boolean onNitrogen = "n".equals(p.locant()) || (p.locant() == null && p.group() != null);
      ChemicalNameReading sub = p.reading();
      if (onNitrogen && aryl == null && isPhenyl(sub)) {
        aryl = sub.canonical();
      } else if (onNitrogen && piperidinyl == null && isPiperidin4yl(sub)) {
        piperidinyl = sub;
      } else {
        acylParts.add(p.canonical());
      }
    }
    if (aryl == null || piperidinyl == null) {
      return null;
    }
    String acylStem = top.parentText().replaceAll("\\|?(amide|anilide|carbamate)$", "");
    addAcyl(
        acylParts,
        ChemicalSpellings.canonicalStem(acylStem)
            + (top.parentText().endsWith("carbamate") ? ":carbamate" : ""));
    return ring(Kind.ANILIDE, aryl, acylParts, piperidinyl.prefixes(), "", ester);
  }

  /** Piperidin-4-amine parent: N-phenyl, maybe N-acyl. */
  private static Skeleton anilineParent(
      ChemicalNameReading top, String ester, String nitrogen, String position) {
    if (!top.parentText().contains(position)) {
      return null;
    }
    String aryl = null;
    List<String> acyl = new ArrayList<>();
    List<ChemicalNameReading.Prefix> ringPrefixes = new ArrayList<>();
    for (ChemicalNameReading.Prefix p : top.prefixes()) {
      if (nitrogen.equals(p.locant()) && aryl == null && isPhenyl(p.reading())) {
        aryl = p.reading().canonical();
      } else if (nitrogen.equals(p.locant()) && isAcyl(p.reading())) {
        addAcyl(acyl, acylOf(p.reading()));
      } else {
        ringPrefixes.add(p);
      }
    }
    if (aryl == null) {
      return null;
    }
    return ring(acyl.isEmpty() ? Kind.ANILINE : Kind.ANILIDE, aryl, acyl, ringPrefixes, "", ester);
  }

  /**
   * Aniline parent with an N-(piperidin-4-yl) substituent: "N-(1-phenethylpiperidin-4-yl)aniline".
   */
  private static Skeleton anilineOnPiperidinyl(ChemicalNameReading top, String ester) {
    for (ChemicalNameReading.Prefix p : top.prefixes()) {
      if ((p.locant() == null || "n".equals(p.locant())) && isPiperidin4yl(p.reading())) {
        return ring(Kind.ANILINE, "phenyl", List.of(), p.reading().prefixes(), "", ester);
      }
    }
    return null;
  }

  /** Piperidine parent whose 4-position carries an anilino or anilido group. */
  private static Skeleton piperidineParent(ChemicalNameReading top, String ester) {
    ChemicalNameReading.Prefix amino = null;
    List<ChemicalNameReading.Prefix> others = new ArrayList<>();
    for (ChemicalNameReading.Prefix p : top.prefixes()) {
      if (amino == null && "4".equals(p.locant()) && isAnilino(p.reading())) {
        amino = p;
      } else {
        others.add(p);
      }
    }
    if (amino == null) {
      return null;
    }
    ChemicalNameReading group = amino.reading();
    List<String> acyl = new ArrayList<>();
    String aryl = "phenyl";
    TreeSet<String> onAnilineRing = new TreeSet<>();
    for (ChemicalNameReading.Prefix inner : group.prefixes()) {
      if (isAcyl(inner.reading())) {
        addAcyl(acyl, acylOf(inner.reading()));
      } else if (isPhenyl(inner.reading())) {
        aryl = inner.reading().canonical();
      } else if (group.parentText().equals("anilino")
          && inner.locant() != null
          && !"n".equals(inner.locant())) {
        onAnilineRing.add(
            inner.canonical()); // 4-(4-fluoroanilino): the fluorine is on the aniline ring
      }
    }
    if (!onAnilineRing.isEmpty()) {
      aryl = String.join(";", onAnilineRing) + "|phenyl";
    }
    String stem = group.parentText();
    if (stem.endsWith("amido")) {
      addAcyl(acyl, ChemicalSpellings.canonicalStem(stem.replaceAll("\\|?amido$", "")));
    }
    String parent = top.parentText();
    String suffix = "";
    if (parent.contains("carbox")) {
      String locant = top.parentLocants().isEmpty() ? "" : top.parentLocants().get(0);
      suffix = locant + "-carboxylate";
      if ("1".equals(locant)) {
        // piperidine-1-carboxylate: the ring nitrogen is a carbamate, tert-butyl = Boc.
        String guard = ester.equals("tert-butyl") ? "boc" : ester + "-oxycarbonyl";
        return finish(
            acyl.isEmpty() ? Kind.ANILINE : Kind.ANILIDE,
            aryl,
            acyl,
            guard,
            true,
            canonicalList(others, null),
            "");
      }
    }
    return ring(acyl.isEmpty() ? Kind.ANILINE : Kind.ANILIDE, aryl, acyl, others, suffix, ester);
  }

  /** Splits piperidine prefixes into the ring nitrogen's (locant 1 or N) and the ring carbons'. */
  private static Skeleton ring(
      Kind kind,
      String aryl,
      List<String> acyl,
      List<ChemicalNameReading.Prefix> ringPrefixes,
      String ringSuffix,
      String ester) {
    String nitrogen = "";
    List<ChemicalNameReading.Prefix> carbons = new ArrayList<>();
    for (ChemicalNameReading.Prefix p : ringPrefixes) {
      if (nitrogen.isEmpty() && ("1".equals(p.locant()) || "n".equals(p.locant()))) {
        nitrogen = p.reading().canonical();
      } else {
        carbons.add(p);
      }
    }
    String bare = nitrogen.replace("?", "");
    boolean blocked = bare.contains("tert") && bare.contains("carbonyl") || bare.equals("boc");
    if (blocked) {
      nitrogen = "boc";
    }
    return finish(kind, aryl, acyl, nitrogen, blocked, canonicalList(carbons, ringSuffix), ester);
  }

  private static Skeleton finish(
      Kind kind,
      String aryl,
      List<String> acyl,
      String nitrogen,
      boolean blocked,
      String carbons,
      String ester) {
    String signature =
        kind
            + "|aryl="
            + aryl
            + "|acyl="
            + new TreeSet<>(acyl)
            + "|n1="
            + nitrogen
            + "|ring="
            + carbons
            + "|ester="
            + ester;
    return new Skeleton(kind, nitrogen, blocked, signature);
  }

  private static String canonicalList(List<ChemicalNameReading.Prefix> prefixes, String extra) {
    TreeSet<String> parts = new TreeSet<>();
    for (ChemicalNameReading.Prefix p : prefixes) {
      parts.add(p.canonical());
    }
    if (extra != null && !extra.isEmpty()) {
      parts.add(extra);
    }
    return parts.toString();
  }

  static boolean isPhenyl(ChemicalNameReading r) {
    return r.parentText().equals("phenyl");
  }

  static boolean isPiperidin4yl(ChemicalNameReading r) {
    String p = r.parentText();
    return p.equals("piperidin|4|yl") || p.equals("4|piperidin|yl") || p.equals("4|piperid|yl");
  }

  private static boolean isAnilino(ChemicalNameReading r) {
    String p = r.parentText();
    boolean hasPhenyl = r.prefixes().stream().anyMatch(x -> isPhenyl(x.reading()));
    return p.equals("anilino")
        || (p.equals("amino") && hasPhenyl)
        || (p.endsWith("amido") && hasPhenyl);
  }

  /** An acyl substituent: -oyl, acetyl/propionyl/butyryl..., or 1-oxoalkyl. */
  private static boolean isAcyl(ChemicalNameReading r) {
    String p = r.parentText();
    if (p.endsWith("|oyl")) {
      return true;
    }
    if (p.matches("(acet|propion|butyr|isobutyr|valer|isovaler|acryl|croton|form)\\|yl")) {
      return true;
    }
    return r.prefixes().stream()
        .anyMatch(x -> "1".equals(x.locant()) && x.reading().parentText().equals("oxo"));
  }

  private static String acylOf(ChemicalNameReading r) {
    String p = r.parentText();
    if (r.prefixes().stream()
        .anyMatch(x -> "1".equals(x.locant()) && x.reading().parentText().equals("oxo"))) {
      p =
          p.replace("propyl", "propan")
              .replace("ethyl", "ethan")
              .replace("butyl", "butan")
              .replace("pentyl", "pentan")
              .replace("methyl", "methan");
    }
    return ChemicalSpellings.canonicalStem(p.replaceAll("\\|?(oyl|yl)$", ""));
  }

  /**
   * Adds an acyl stem; an alias such as isobutyr = 2-methyl|propan adds its prefix part separately.
   */
  private static void addAcyl(List<String> parts, String canonical) {
    int bar = canonical.lastIndexOf('|');
    if (bar >= 0) {
      parts.add(canonical.substring(0, bar));
    }
    parts.add("stem:" + canonical.substring(bar + 1));
  }
}
