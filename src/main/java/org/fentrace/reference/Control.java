package org.fentrace.reference;

import java.util.Locale;

/**
 * One kind of control measure the scheduling reference records a date for. Each has two columns in
 * {@code scheduling.csv}: {@code <id>_date} and {@code <id>_source}.
 */
public enum Control {
  /** DEA temporary scheduling order (21 U.S.C. 811(h)). */
  US_TEMPORARY,
  /** DEA final rule placing the substance itself in a schedule. */
  US_PERMANENT,
  /** The US class-wide orders for fentanyl-related substances. */
  US_CLASS_WIDE,
  /** US List I designation or Schedule II immediate-precursor control. */
  US_PRECURSOR,
  /** China's listing of the substance by name. */
  CHINA,
  /** China's listing of fentanyl-related substances as a class. */
  CHINA_CLASS_WIDE,
  /** A Commission on Narcotic Drugs decision (convention schedule or 1988 Convention Table I). */
  UN,
  /** Mexico's control, published in the Diario Oficial de la Federacion. */
  MEXICO;

  /** The column-name stem: {@code us_temporary}, {@code china_class_wide}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String dateColumn() {
    return id() + "_date";
  }

  public String sourceColumn() {
    return id() + "_source";
  }
}
