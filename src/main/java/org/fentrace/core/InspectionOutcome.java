package org.fentrace.core;

import java.util.List;

/**
 * What customs did with a shipment line: the stored value of {@code shipments.inspection_outcome},
 * read from the free-text {@code inspection_outcome} column of {@code customs_shipments}.
 *
 * <p>Why a fixed set: hit rates (seized / examined) are only comparable across ports and years when
 * every source's wording lands on the same five outcomes. When a text names several steps ({@code
 * examined and seized}, {@code detained, then released}) the most consequential wins: keywords are
 * tried seized, refused, detained, released, examined, in that order. The constant names are the
 * values written to Parquet; {@code docs/vocabularies.md} is generated from this class.
 */
public enum InspectionOutcome implements SpelledVocabulary {
  /** Released to the importer without a finding. */
  RELEASED(
      List.of("released", "release", "cleared", "liberado"),
      List.of("released", "release", "cleared", "liberado")),
  /** Examined (documents, x-ray, physical exam) with no further action recorded. */
  EXAMINED(
      List.of(
          "examined",
          "exam",
          "inspected",
          "inspection",
          "intensive exam",
          "tailgate exam",
          "x-ray",
          "revisado",
          "inspeccionado"),
      List.of("examined", "exam", "inspected", "inspection", "x ray", "revisado", "inspeccionado")),
  /** Something was seized. */
  SEIZED(
      List.of("seized", "seizure", "seize", "forfeited", "decomisado", "asegurado", "incautado"),
      List.of("seized", "seizure", "seize", "forfeited", "decomisado", "asegurado", "incautado")),
  /** Entry refused: returned, re-exported or destroyed without a seizure. */
  REFUSED(
      List.of("refused", "refusal", "refused entry", "denied entry", "denied", "rechazado"),
      List.of("refused", "refusal", "denied", "rechazado")),
  /** Held pending documents, a lab result or an investigation. */
  DETAINED(
      List.of("detained", "detention", "on hold", "hold", "held", "retenido"),
      List.of("detained", "detention", "hold", "held", "retenido")),
  /** Stated, but none of the above. */
  OTHER(Spellings.OTHER),
  /** Not stated. */
  UNKNOWN(Spellings.UNKNOWN);

  private final Spellings spelled;

  InspectionOutcome(List<String> spellings, List<String> keywords) {
    this(new Spellings(spellings, keywords));
  }

  InspectionOutcome(Spellings spelled) {
    this.spelled = spelled;
  }

  @Override
  public Spellings spelled() {
    return spelled;
  }

  private static final VocabularyMatcher<InspectionOutcome> MATCHER =
      new VocabularyMatcher<>(
          InspectionOutcome.class, List.of(SEIZED, REFUSED, DETAINED, RELEASED, EXAMINED));

  /**
   * The outcome named by raw text: null or blank gives {@link #UNKNOWN}, anything not recognised
   * {@link #OTHER}. Never throws.
   */
  public static InspectionOutcome fromRaw(String raw) {
    return MATCHER.match(raw);
  }

  /** The values whose keywords are tried, in this order. */
  public static List<InspectionOutcome> keywordOrder() {
    return MATCHER.keywordOrder();
  }
}
