package org.fentrace.core;

import java.util.List;

/**
 * The CBP region of a seizure: the stored value of {@code seizures.region} (docs/contract.md,
 * "Seizure events" and "Vocabularies").
 *
 * <p>Why: a seizure at the Southwest Border is evidence for the Mexico route even when nothing else
 * is known, so the region has to be read reliably from CBP files ({@code Southwest Border}, {@code
 * Coastal/Interior}) and from agencies that abbreviate ({@code SWB}). Keywords are tried coastal
 * first (so {@code Coastal/Interior} never becomes plain interior), then southwest, northern,
 * interior. The constant names are the values written to Parquet; {@code docs/vocabularies.md} is
 * generated from this class.
 */
public enum Region implements SpelledVocabulary {
  /** The US-Mexico land border. {@code Southern border} is read as this. */
  SOUTHWEST_BORDER(
      List.of(
          "Southwest Border",
          "SWB",
          "southwest",
          "south west border",
          "southern border",
          "US-Mexico border",
          "Mexico border",
          "frontera sur"),
      List.of(
          "southwest", "south west", "swb", "southern border", "mexico border", "mexican border")),
  /** The US-Canada land border. */
  NORTHERN_BORDER(
      List.of("Northern Border", "northern", "north", "US-Canada border", "Canada border"),
      List.of("northern", "canada border", "canadian border")),
  /** CBP's coastal and interior ports of entry taken together (air, sea, mail, express). */
  COASTAL_INTERIOR(
      List.of("Coastal/Interior", "coastal and interior", "coastal", "coast"),
      List.of("coastal", "coast")),
  /** Inside the country, away from any border (DEA, state and local cases). */
  INTERIOR(List.of("Interior", "inland", "domestic"), List.of("interior", "inland")),
  /** Stated, but none of the above. */
  OTHER(Spellings.OTHER),
  /** Not stated. */
  UNKNOWN(Spellings.UNKNOWN);

  private final Spellings spelled;

  Region(List<String> spellings, List<String> keywords) {
    this(new Spellings(spellings, keywords));
  }

  Region(Spellings spelled) {
    this.spelled = spelled;
  }

  @Override
  public Spellings spelled() {
    return spelled;
  }

  private static final VocabularyMatcher<Region> MATCHER =
      new VocabularyMatcher<>(
          Region.class, List.of(COASTAL_INTERIOR, SOUTHWEST_BORDER, NORTHERN_BORDER, INTERIOR));

  /**
   * The region named by raw text: null or blank gives {@link #UNKNOWN}, anything not recognised
   * {@link #OTHER}. Never throws.
   */
  public static Region fromRaw(String raw) {
    return MATCHER.match(raw);
  }

  /** The values whose keywords are tried, in this order. */
  public static List<Region> keywordOrder() {
    return MATCHER.keywordOrder();
  }
}
