package org.fentrace.core;

/** The contract's route vocabulary. */
public enum Route {
  /** From China, Hong Kong or Macau straight to the US: mail, express, air, sea. */
  CHINA_DIRECT,
  /** Through Mexico: origin or transit Mexico, or seized crossing the Southwest land border. */
  MEXICO_CARTEL,
  /** Chinese precursors shipped to or through Mexico. */
  CHINA_PRECURSOR_VIA_MEXICO,
  /** A known origin elsewhere. */
  OTHER_ORIGIN,
  /** Not enough to say. */
  UNATTRIBUTED
}
