package org.fentrace.routes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy rules of CBP's published aggregates, which carry no origin: a route from region, land
 * filter, office and drug class alone, at MEDIUM or LOW confidence. Each case names the rule the
 * README's reasoning says must decide it.
 */
class CbpProxyRoutesTest {
  /** id, format, origin, transit, destination, conveyance, region, land filter, class, shipment. */
  static final String SEIZURES =
      """
      cbp1         cbp_nationwide  -  -  -  UNKNOWN  SOUTHWEST_BORDER  LAND_ONLY  FENTANYL         -
      cbp2         cbp_nationwide  -  -  -  UNKNOWN  SOUTHWEST_BORDER  OTHER      FENTANYL         -
      cbp3         cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      FENTANYL         -
      cbp4         cbp_amo         -  -  -  UNKNOWN  NORTHERN_BORDER   LAND_ONLY  FENTANYL         -
      cbp5         cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  LAND_ONLY  FENTANYL         -
      hub-fent     cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      FENTANYL         -
      hub-analog   cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      FENTANYL_ANALOG  -
      hub-pot      cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      OTHER_DRUG       -
      hub-unknown  cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      UNKNOWN          -
      houston-fent cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      FENTANYL         -
      usbp-miami   cbp_nationwide  -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      FENTANYL         -
      amo-coastal  cbp_amo         -  -  -  UNKNOWN  COASTAL_INTERIOR  OTHER      FENTANYL         -
      """;

  static AttributedRows rows;

  @BeforeAll
  static void attribute() {
    rows = new AttributedRows(SEIZURES, "");
  }

  @Test
  void cbpAggregatesByRegionAndLandFilter() {
    rows.seizure("cbp1", "MEXICO_CARTEL", "cbp-southwest-land", "MEDIUM");
    rows.seizure("cbp2", "MEXICO_CARTEL", "cbp-southwest-other", "LOW");
    rows.seizure("cbp4", "OTHER_ORIGIN", "cbp-northern", "LOW");
    rows.seizure("cbp5", "UNATTRIBUTED", "cbp-other", "LOW");
  }

  @Test
  void theParcelProxyTakesOnlyTheFentanylFamilyAtTheMailAndExpressHubs() {
    rows.seizure("hub-fent", "CHINA_DIRECT", "cbp-parcel-hubs", "LOW");
    // CBP's spelling varies in case between vintages; the rule compares upper case.
    rows.seizure("hub-analog", "CHINA_DIRECT", "cbp-parcel-hubs", "LOW");
    // Marijuana or "Other Drugs**" at JFK is no evidence of a Chinese parcel.
    rows.seizure("hub-pot", "UNATTRIBUTED", "cbp-other", "LOW");
    rows.seizure("hub-unknown", "UNATTRIBUTED", "cbp-other", "LOW");
    // A seaport office, a coastal Border Patrol sector, an AMO branch: not parcel hubs.
    rows.seizure("cbp3", "UNATTRIBUTED", "cbp-other", "LOW");
    rows.seizure("houston-fent", "UNATTRIBUTED", "cbp-other", "LOW");
    rows.seizure("usbp-miami", "UNATTRIBUTED", "cbp-other", "LOW");
    rows.seizure("amo-coastal", "UNATTRIBUTED", "cbp-other", "LOW");
  }
}
