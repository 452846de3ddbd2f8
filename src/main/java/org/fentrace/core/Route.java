package org.fentrace.core;

import java.util.List;

/** The contract's route vocabulary. */
public enum Route implements Vocabulary {
  /** From China, Hong Kong or Macau straight to the US: mail, express, air, sea. */
  CHINA_DIRECT,
  /** Through Mexico: origin or transit Mexico, or seized crossing the Southwest land border. */
  MEXICO_CARTEL,
  /** Chinese precursors shipped to or through Mexico. */
  CHINA_PRECURSOR_VIA_MEXICO,
  /** A known origin elsewhere. */
  OTHER_ORIGIN,
  /** Not enough to say; also what a row without a route (attribution not run yet) counts as. */
  UNATTRIBUTED;

  /** Every route as written, in the contract's order. */
  public static final List<String> WIRE_NAMES = Vocabulary.wireNames(Route.class);
}
