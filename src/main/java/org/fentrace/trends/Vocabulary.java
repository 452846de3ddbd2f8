package org.fentrace.trends;

import java.util.List;

/**
 * The closed vocabularies the trend tables are made dense over (docs/contract.md, "Vocabularies").
 * Routes are listed here rather than taken from the data so that a route with no seizures at all still
 * has its zero rows; a route value the vocabulary lacks (a newer rule file) is kept as well.
 */
public final class Vocabulary {
  private Vocabulary() {}

  public static final String CHINA_DIRECT = "CHINA_DIRECT";
  public static final String MEXICO_CARTEL = "MEXICO_CARTEL";
  public static final String CHINA_PRECURSOR_VIA_MEXICO = "CHINA_PRECURSOR_VIA_MEXICO";
  public static final String OTHER_ORIGIN = "OTHER_ORIGIN";
  /** Also what a row without a route (attribution not run yet) counts as. */
  public static final String UNATTRIBUTED = "UNATTRIBUTED";

  /** Every route, in the contract's order. */
  public static final List<String> ROUTES =
      List.of(CHINA_DIRECT, MEXICO_CARTEL, CHINA_PRECURSOR_VIA_MEXICO, OTHER_ORIGIN, UNATTRIBUTED);

  public static final String FENTANYL = "FENTANYL";
  public static final String FENTANYL_ANALOG = "FENTANYL_ANALOG";
  /** The "fentanyl family": fentanyl and its salts plus fentanyl-related substances. */
  public static final List<String> FENTANYL_FAMILY = List.of(FENTANYL, FENTANYL_ANALOG);

  public static final String PILL_PRESS = "PILL_PRESS";
}
