package org.fentrace.core;

import java.util.List;

/**
 * The physical form of seized drugs: the stored value of {@code seizures.form} (docs/contract.md,
 * "Seizure events" and "Vocabularies").
 *
 * <p>Why it matters: pills are counted in dosage units rather than weighed, and the share of
 * counterfeit pills against powder is one of the trends users follow. Lab and officer notes spell
 * forms freely ({@code M30 blue pills}, {@code pressed tablets}, {@code nasal spray}), so matching
 * is by exact spelling first, then by keyword: pills before powder (a {@code powder-filled capsule}
 * counts as a pill), then powder, liquid and patch. The constant names are the values written to
 * Parquet; {@code docs/vocabularies.md} is generated from this class.
 */
public enum Form implements SpelledVocabulary {
  /** Loose powder, bulk or in bags. */
  POWDER(
      List.of("powder", "powdered", "polvo", "bulk powder"),
      List.of("powder", "powdered", "polvo")),
  /** Pills, tablets and capsules, counterfeit or pharmaceutical. */
  PILLS(
      List.of(
          "pills",
          "pill",
          "tablets",
          "tablet",
          "counterfeit pills",
          "M30 pills",
          "pressed pills",
          "M30",
          "capsules",
          "capsule",
          "pastillas",
          "tabletas"),
      List.of(
          "pill",
          "pills",
          "tablet",
          "tablets",
          "m30",
          "m30s",
          "m 30",
          "capsule",
          "capsules",
          "pastilla",
          "pastillas",
          "tableta",
          "tabletas")),
  /** Liquids: solutions, nasal sprays, vials. */
  LIQUID(
      List.of("liquid", "solution", "nasal spray", "spray", "liquido"),
      List.of("liquid", "solution", "spray", "liquido", "vial", "vials", "injectable")),
  /** Transdermal patches. */
  PATCH(
      List.of("patch", "transdermal patch", "patches", "parche"),
      List.of("patch", "patches", "transdermal", "parche", "parches")),
  /** Stated, but none of the above (paper, blotter, residue, ...). */
  OTHER(Spellings.OTHER),
  /** Not stated. */
  UNKNOWN(Spellings.UNKNOWN);

  private final Spellings spelled;

  Form(List<String> spellings, List<String> keywords) {
    this(new Spellings(spellings, keywords));
  }

  Form(Spellings spelled) {
    this.spelled = spelled;
  }

  @Override
  public Spellings spelled() {
    return spelled;
  }

  private static final VocabularyMatcher<Form> MATCHER =
      new VocabularyMatcher<>(Form.class, List.of(PILLS, POWDER, LIQUID, PATCH));

  /**
   * The form named by raw text: null or blank gives {@link #UNKNOWN}, anything not recognised
   * {@link #OTHER}. Never throws.
   */
  public static Form fromRaw(String raw) {
    return MATCHER.match(raw);
  }

  /** The values whose keywords are tried, in this order. */
  public static List<Form> keywordOrder() {
    return MATCHER.keywordOrder();
  }
}
