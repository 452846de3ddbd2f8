package org.fentrace.core;

import java.util.Locale;

/**
 * The published tables, by the name a reader knows them by: the folder under the warehouse, the
 * view of {@code fentrace sql}, the table a report figure names as its source, the name of its CSV
 * export. Their schemas and folders live with the code that writes them (the warehouse's Avro
 * tables, the trend, sensitivity and policy-effects schemas); this is only the names.
 */
public enum TableName implements Vocabulary {
  /** Normalized seizure events and CBP aggregate rows. */
  SEIZURES,
  /** Normalized customs shipment lines. */
  SHIPMENTS,
  /** NFLIS drug report counts. */
  LAB_REPORTS,
  /** The quarantine. */
  REJECTED,
  // The trend tables, from ROUTE_MONTHLY to SOURCE_COVERAGE, in the order the trends step writes
  // and publishes them.
  ROUTE_MONTHLY,
  ROUTE_FISCAL_YEAR,
  ROUTE_MONTHLY_BY_FORM,
  ROUTE_MONTHLY_BY_CONVEYANCE,
  ROUTE_TRENDS,
  ROUTE_LEAD_CHANGES,
  PILL_PRESS_MONTHLY,
  ANALOG_WATCH,
  ANALOG_WAVES,
  ANALOG_SUCCESSORS,
  SOURCE_COVERAGE,
  ROUTE_SENSITIVITY,
  POLICY_EFFECTS;

  /** The folder and view name: the constant's name in lower case. */
  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
