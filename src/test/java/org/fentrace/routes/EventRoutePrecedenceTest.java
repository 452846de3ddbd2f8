package org.fentrace.routes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that read a record's own countries and conveyance (agency event files), and the order
 * in which they are tried when more than one matches. Each case names the rule the README's
 * reasoning says must decide it.
 */
class EventRoutePrecedenceTest {
  /** id, format, origin, transit, destination, conveyance, region, land filter, class, shipment. */
  static final String SEIZURES =
      """
      swb-pot      cbp_nationwide  -   -   -   UNKNOWN              SOUTHWEST_BORDER  LAND_ONLY  OTHER_DRUG          -
      cn-mail-pot  seizure_events  CN  -   -   INTERNATIONAL_MAIL   COASTAL_INTERIOR  -          OTHER_DRUG          -
      pre-transit  seizure_events  CN  MX  US  SEA                  COASTAL_INTERIOR  -          FENTANYL_PRECURSOR  -
      pre-dest     seizure_events  HK  -   MX  SEA                  UNKNOWN           -          FENTANYL_PRECURSOR  -
      pre-us       seizure_events  CN  -   US  EXPRESS_CONSIGNMENT  COASTAL_INTERIOR  -          FENTANYL_PRECURSOR  -
      mx-origin    seizure_events  MX  -   -   LAND_VEHICLE         SOUTHWEST_BORDER  -          FENTANYL            -
      cn-via-mx    seizure_events  CN  MX  -   INTERNATIONAL_MAIL   COASTAL_INTERIOR  -          FENTANYL            -
      hk-mail      seizure_events  HK  -   -   INTERNATIONAL_MAIL   COASTAL_INTERIOR  -          FENTANYL_ANALOG     -
      cn-unknown   seizure_events  CN  -   -   UNKNOWN              COASTAL_INTERIOR  -          FENTANYL            -
      cn-truck-swb seizure_events  CN  -   -   LAND_VEHICLE         SOUTHWEST_BORDER  -          FENTANYL            -
      none-ped-swb seizure_events  -   -   -   PEDESTRIAN           SOUTHWEST_BORDER  -          FENTANYL            -
      none-unk-swb seizure_events  -   -   -   UNKNOWN              SOUTHWEST_BORDER  -          FENTANYL            -
      ca-north     seizure_events  CA  -   -   LAND_VEHICLE         NORTHERN_BORDER   -          FENTANYL            -
      none-mail    seizure_events  -   -   -   INTERNATIONAL_MAIL   COASTAL_INTERIOR  -          FENTANYL            -
      none-sea-swb seizure_events  -   -   -   SEA                  SOUTHWEST_BORDER  -          FENTANYL            -
      """;

  static AttributedRows rows;

  @BeforeAll
  static void attribute() {
    rows = new AttributedRows(SEIZURES, "");
  }

  @Test
  void geographyAndOwnCountryEvidenceStillHoldForAnyDrug() {
    // A Southwest land crossing came from Mexico whatever was seized.
    rows.seizure("swb-pot", "MEXICO_CARTEL", "cbp-southwest-land", "MEDIUM");
    // The record's own origin (China) and a parcel conveyance: direct, whatever the drug.
    rows.seizure("cn-mail-pot", "CHINA_DIRECT", "china-direct", "HIGH");
  }

  @Test
  void precursorsToOrThroughMexicoComeFirst() {
    // Transit MX would also satisfy mexico-origin-or-transit, and SEA from HK china-direct:
    // precedence decides.
    rows.seizure("pre-transit", "CHINA_PRECURSOR_VIA_MEXICO", "china-precursor-via-mexico", "HIGH");
    rows.seizure("pre-dest", "CHINA_PRECURSOR_VIA_MEXICO", "china-precursor-via-mexico", "HIGH");
    // A Chinese precursor sent straight to the US is a direct shipment.
    rows.seizure("pre-us", "CHINA_DIRECT", "china-direct", "HIGH");
  }

  @Test
  void mexicoBeatsChinaDirectAndChinaDirectNeedsParcelModes() {
    rows.seizure("mx-origin", "MEXICO_CARTEL", "mexico-origin-or-transit", "HIGH");
    rows.seizure("cn-via-mx", "MEXICO_CARTEL", "mexico-origin-or-transit", "HIGH");
    rows.seizure("hk-mail", "CHINA_DIRECT", "china-direct", "HIGH");
    rows.seizure("cn-unknown", "CHINA_DIRECT", "china-conveyance-unknown", "MEDIUM");
    rows.seizure("cn-truck-swb", "MEXICO_CARTEL", "china-origin-southwest-land", "MEDIUM");
  }

  @Test
  void southwestLandCrossingsWithoutOriginAndTheRest() {
    rows.seizure("none-ped-swb", "MEXICO_CARTEL", "southwest-land-no-origin", "MEDIUM");
    rows.seizure("none-unk-swb", "MEXICO_CARTEL", "southwest-land-no-origin", "MEDIUM");
    rows.seizure("ca-north", "OTHER_ORIGIN", "other-known-origin", "HIGH");
    rows.seizure("none-mail", "UNATTRIBUTED", "unattributed", "LOW");
    rows.seizure("none-sea-swb", "UNATTRIBUTED", "unattributed", "LOW");
  }
}
