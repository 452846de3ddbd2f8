package org.fentrace.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes of customs shipments (mode, goods class, destination), and the countries a seizure takes
 * from the shipment it names.
 */
class ShipmentRoutesTest {
  /** id, origin, export country, transit, mode, goods class. */
  static final String SHIPMENTS =
      """
      S1  CN  -   -   EXPRESS_CONSIGNMENT  FENTANYL_PRECURSOR
      S2  CN  CN  MX  SEA                  FENTANYL_PRECURSOR
      S3  CN  -   -   INTERNATIONAL_MAIL   OTHER
      S4  CN  -   -   SEA                  PILL_PRESS
      S5  DE  -   -   AIR_CARGO            OTHER
      """;

  /** id, format, origin, transit, destination, conveyance, region, land filter, class, shipment. */
  static final String SEIZURES =
      """
      linked      seizure_events  -   -  -  EXPRESS_CONSIGNMENT  COASTAL_INTERIOR  -  FENTANYL         S1
      linked-own  seizure_events  IN  -  -  EXPRESS_CONSIGNMENT  COASTAL_INTERIOR  -  FENTANYL         S1
      hk-mail     seizure_events  HK  -  -  INTERNATIONAL_MAIL   COASTAL_INTERIOR  -  FENTANYL_ANALOG  -
      """;

  static AttributedRows rows;

  @BeforeAll
  static void attribute() {
    rows = new AttributedRows(SEIZURES, SHIPMENTS);
  }

  @Test
  void seizuresTakeMissingCountriesFromTheirShipment() {
    Row linked = rows.seizures.get("linked");
    assertThat(linked.<String>getAs("origin_country")).isEqualTo("CN");
    assertThat(linked.<Boolean>getAs("enriched_from_shipment")).isTrue();
    rows.seizure("linked", "CHINA_DIRECT", "china-direct", "HIGH");
    // A seizure's own origin is never overwritten.
    Row own = rows.seizures.get("linked-own");
    assertThat(own.<String>getAs("origin_country")).isEqualTo("IN");
    assertThat(own.<Boolean>getAs("enriched_from_shipment")).isFalse();
    rows.seizure("linked-own", "OTHER_ORIGIN", "other-known-origin", "HIGH");
    assertThat(rows.seizures.get("hk-mail").<Boolean>getAs("enriched_from_shipment")).isFalse();
  }

  @Test
  void shipmentsUseModeGoodsClassAndUsDestination() {
    rows.shipment("S1", "CHINA_DIRECT", "china-direct", "HIGH");
    rows.shipment("S2", "CHINA_PRECURSOR_VIA_MEXICO", "china-precursor-via-mexico", "HIGH");
    rows.shipment("S3", "CHINA_DIRECT", "china-direct", "HIGH");
    rows.shipment("S4", "CHINA_DIRECT", "china-direct", "HIGH");
    rows.shipment("S5", "OTHER_ORIGIN", "other-known-origin", "HIGH");
  }
}
