package org.fentrace.core;

/**
 * What a customs shipment line is, as far as the fentanyl trade is concerned: the stored value of
 * {@code shipments.goods_class} (docs/contract.md, "Vocabularies"), decided by the normalizer's
 * goods classifier and tested by route rules.
 */
public enum GoodsClass implements Vocabulary {
  /** Fentanyl, an analog or a precursor chemical by HS subheading or by description. */
  FENTANYL_PRECURSOR,
  /** Tablet and pill presses, their dies and punches. */
  PILL_PRESS,
  /** Inspection found a drug in the shipment. */
  SEIZED_DRUG,
  /** Anything else. */
  OTHER
}
