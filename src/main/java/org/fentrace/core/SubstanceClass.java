package org.fentrace.core;

import java.util.Arrays;
import java.util.List;

/** The contract's substance vocabulary (docs/contract.md, "Vocabularies"). */
public enum SubstanceClass implements Vocabulary {
  /** Fentanyl and its salts. */
  FENTANYL,
  /** Fentanyl-related substances, pharmaceutical ones (sufentanil, ...) included. */
  FENTANYL_ANALOG,
  /** Chemicals used to make fentanyl: NPP, 4-ANPP, 4-AP, norfentanyl, 4-piperidone, ... */
  FENTANYL_PRECURSOR,
  /** Any other drug: heroin, methamphetamine, cocaine, xylazine, nitazenes, ... */
  OTHER_DRUG,
  /** Nothing can be said. */
  UNKNOWN;

  /** True for the classes that make up the "fentanyl family" of the trend tables. */
  public boolean isFentanylFamily() {
    return this == FENTANYL || this == FENTANYL_ANALOG;
  }

  /**
   * The fentanyl family as written in the {@code substance_class} column, in the vocabulary's
   * order.
   */
  public static final List<String> FENTANYL_FAMILY_WIRE_NAMES =
      Arrays.stream(values())
          .filter(SubstanceClass::isFentanylFamily)
          .map(Vocabulary::wireName)
          .toList();
}
