package org.fentrace.normalize;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.fentrace.core.GoodsClass;
import org.fentrace.core.SubstanceClass;

/**
 * The {@link GoodsClass} of a customs shipment line. In order: {@code SEIZED_DRUG} when inspection
 * found a drug; {@code FENTANYL_PRECURSOR} by HS subheading (2933.33, 2933.34, 2933.36, 2933.37,
 * 2934.92: the fentanyl and fentanyl-precursor subheadings) or by a description naming a precursor
 * or fentanyl (required for the broad 2933.39, 2921 and 2922 lines); {@code PILL_PRESS} for tablet
 * and pill presses, their dies and punches, by description (under HS 8479 the weaker words "press",
 * "die" and "punch" suffice); {@code OTHER}.
 */
public final class GoodsClassifier {
  private static final List<String> FENTANYL_SUBHEADINGS =
      List.of("293333", "293334", "293336", "293337", "293492");
  private static final List<String> PRESS_PHRASES =
      List.of(
          "tablet press",
          "pill press",
          "tdp",
          "rotary press",
          "punch die",
          "die set",
          "tablet die",
          "pill die",
          "tablet punch",
          "pill punch",
          "tableting",
          "tabletting",
          "pill maker",
          "pill making",
          "tablet machine",
          "pill machine",
          "press die",
          "press mold",
          "press mould",
          "single punch",
          "pill press parts",
          "tablet press parts");
  private static final List<String> PRESS_WORDS_UNDER_8479 =
      List.of("press", "die", "dies", "punch", "punches", "mold", "mould");

  private final Function<String, SubstanceMatch> substances;

  public GoodsClassifier(SubstanceDictionary substances) {
    this(substances::match);
  }

  /**
   * @param substances reads a description as the substance dictionary does (a normalizer passes its
   *     memo of the dictionary, see {@link RawValueMemo})
   */
  GoodsClassifier(Function<String, SubstanceMatch> substances) {
    this.substances = substances;
  }

  /**
   * @param hsCode digits only, or null
   * @param description goods description as declared
   * @param seizedClass class of the substance found at inspection, or null when nothing was found
   */
  public GoodsClass classify(String hsCode, String description, SubstanceClass seizedClass) {
    if (seizedClass != null) {
      return GoodsClass.SEIZED_DRUG;
    }
    String hs = hsCode == null ? "" : hsCode;
    if (FENTANYL_SUBHEADINGS.stream().anyMatch(hs::startsWith)
        || namesFentanylChemical(description)) {
      return GoodsClass.FENTANYL_PRECURSOR;
    }
    String d =
        description == null
            ? ""
            : " " + description.toLowerCase(Locale.ROOT).replace('-', ' ') + " ";
    if (PRESS_PHRASES.stream().anyMatch(p -> d.contains(p.replace('-', ' ')))) {
      return GoodsClass.PILL_PRESS;
    }
    if (hs.startsWith("8479")
        && PRESS_WORDS_UNDER_8479.stream().anyMatch(w -> d.contains(" " + w + " "))) {
      return GoodsClass.PILL_PRESS;
    }
    return GoodsClass.OTHER;
  }

  private boolean namesFentanylChemical(String description) {
    if (description == null || description.isBlank()) {
      return false;
    }
    SubstanceClass c = substances.apply(description).substanceClass();
    return c == SubstanceClass.FENTANYL_PRECURSOR || c.isFentanylFamily();
  }
}
