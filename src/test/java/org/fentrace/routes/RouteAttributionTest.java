package org.fentrace.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every default rule, and the precedence between them, on hand-made normalized rows through real
 * Spark. Each case names the rule the README's reasoning says must decide it.
 */
class RouteAttributionTest {
  static final RouteRules RULES = RouteRules.loadDefault();
  static Map<String, Row> seizures = new HashMap<>();
  static Map<String, Row> shipments = new HashMap<>();

  /**
   * id, format, origin, transit (| separated), destination, conveyance, region, land filter, class,
   * shipment id.
   */
  static final String[][] SEIZURE_CASES = {
    {
      "cbp1",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "SOUTHWEST_BORDER",
      "LAND_ONLY",
      "FENTANYL",
      null
    },
    {
      "cbp2",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "SOUTHWEST_BORDER",
      "OTHER",
      "FENTANYL",
      null
    },
    {
      "cbp3",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "FENTANYL",
      null
    },
    {
      "cbp4", "cbp_amo", null, "", null, "UNKNOWN", "NORTHERN_BORDER", "LAND_ONLY", "FENTANYL", null
    },
    {
      "cbp5",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "LAND_ONLY",
      "FENTANYL",
      null
    },
    {
      "hub-fent",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "FENTANYL",
      null
    },
    {
      "hub-analog",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "FENTANYL_ANALOG",
      null
    },
    {
      "hub-pot",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "OTHER_DRUG",
      null
    },
    {
      "hub-unknown",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "UNKNOWN",
      null
    },
    {
      "houston-fent",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "FENTANYL",
      null
    },
    {
      "usbp-miami",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "FENTANYL",
      null
    },
    {
      "amo-coastal",
      "cbp_amo",
      null,
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      "OTHER",
      "FENTANYL",
      null
    },
    {
      "swb-pot",
      "cbp_nationwide",
      null,
      "",
      null,
      "UNKNOWN",
      "SOUTHWEST_BORDER",
      "LAND_ONLY",
      "OTHER_DRUG",
      null
    },
    {
      "cn-mail-pot",
      "seizure_events",
      "CN",
      "",
      null,
      "INTERNATIONAL_MAIL",
      "COASTAL_INTERIOR",
      null,
      "OTHER_DRUG",
      null
    },
    {
      "pre-transit",
      "seizure_events",
      "CN",
      "MX",
      "US",
      "SEA",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL_PRECURSOR",
      null
    },
    {
      "pre-dest",
      "seizure_events",
      "HK",
      "",
      "MX",
      "SEA",
      "UNKNOWN",
      null,
      "FENTANYL_PRECURSOR",
      null
    },
    {
      "pre-us",
      "seizure_events",
      "CN",
      "",
      "US",
      "EXPRESS_CONSIGNMENT",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL_PRECURSOR",
      null
    },
    {
      "mx-origin",
      "seizure_events",
      "MX",
      "",
      null,
      "LAND_VEHICLE",
      "SOUTHWEST_BORDER",
      null,
      "FENTANYL",
      null
    },
    {
      "cn-via-mx",
      "seizure_events",
      "CN",
      "MX",
      null,
      "INTERNATIONAL_MAIL",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL",
      null
    },
    {
      "hk-mail",
      "seizure_events",
      "HK",
      "",
      null,
      "INTERNATIONAL_MAIL",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL_ANALOG",
      null
    },
    {
      "cn-unknown",
      "seizure_events",
      "CN",
      "",
      null,
      "UNKNOWN",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL",
      null
    },
    {
      "cn-truck-swb",
      "seizure_events",
      "CN",
      "",
      null,
      "LAND_VEHICLE",
      "SOUTHWEST_BORDER",
      null,
      "FENTANYL",
      null
    },
    {
      "none-ped-swb",
      "seizure_events",
      null,
      "",
      null,
      "PEDESTRIAN",
      "SOUTHWEST_BORDER",
      null,
      "FENTANYL",
      null
    },
    {
      "none-unk-swb",
      "seizure_events",
      null,
      "",
      null,
      "UNKNOWN",
      "SOUTHWEST_BORDER",
      null,
      "FENTANYL",
      null
    },
    {
      "ca-north",
      "seizure_events",
      "CA",
      "",
      null,
      "LAND_VEHICLE",
      "NORTHERN_BORDER",
      null,
      "FENTANYL",
      null
    },
    {
      "none-mail",
      "seizure_events",
      null,
      "",
      null,
      "INTERNATIONAL_MAIL",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL",
      null
    },
    {
      "none-sea-swb",
      "seizure_events",
      null,
      "",
      null,
      "SEA",
      "SOUTHWEST_BORDER",
      null,
      "FENTANYL",
      null
    },
    {
      "linked",
      "seizure_events",
      null,
      "",
      null,
      "EXPRESS_CONSIGNMENT",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL",
      "S1"
    },
    {
      "linked-own",
      "seizure_events",
      "IN",
      "",
      null,
      "EXPRESS_CONSIGNMENT",
      "COASTAL_INTERIOR",
      null,
      "FENTANYL",
      "S1"
    }
  };

  @BeforeAll
  static void attribute() {
    var spark = SharedSpark.session();
    List<Row> shipmentRows =
        List.of(
            shipment("S1", "CN", null, "", "EXPRESS_CONSIGNMENT", "FENTANYL_PRECURSOR"),
            shipment("S2", "CN", "CN", "MX", "SEA", "FENTANYL_PRECURSOR"),
            shipment("S3", "CN", null, "", "INTERNATIONAL_MAIL", "OTHER"),
            shipment("S4", "CN", null, "", "SEA", "PILL_PRESS"),
            shipment("S5", "DE", null, "", "AIR_CARGO", "OTHER"));
    Dataset<Row> shipmentDf =
        spark.createDataFrame(shipmentRows, SparkSchemas.structType(WarehouseTable.SHIPMENTS));
    List<Row> seizureRows = new ArrayList<>();
    for (String[] c : SEIZURE_CASES) {
      seizureRows.add(seizure(c));
    }
    Dataset<Row> seizureDf =
        spark.createDataFrame(seizureRows, SparkSchemas.structType(WarehouseTable.SEIZURES));
    for (Row r : RouteAttribution.seizures(seizureDf, shipmentDf, RULES).collectAsList()) {
      seizures.put(r.getAs("record_id"), r);
    }
    for (Row r : RouteAttribution.shipments(shipmentDf, RULES).collectAsList()) {
      shipments.put(r.getAs("record_id"), r);
    }
  }

  /**
   * CBP rows: component and area of responsibility as the nationwide file writes them (AMO: a
   * branch).
   */
  static final Map<String, String[]> CBP_OFFICES =
      Map.of(
          "cbp3", new String[] {"OFO", "HOUSTON FIELD OFFICE"},
          "hub-fent", new String[] {"OFO", "NEW YORK FIELD OFFICE"},
          "hub-analog", new String[] {"OFO", "Chicago Field Office"},
          "hub-pot", new String[] {"OFO", "NEW YORK FIELD OFFICE"},
          "hub-unknown", new String[] {"OFO", "MIAMI FIELD OFFICE"},
          "houston-fent", new String[] {"OFO", "HOUSTON FIELD OFFICE"},
          "usbp-miami", new String[] {"USBP", "MIAMI SECTOR"},
          "amo-coastal", new String[] {"AMO", "NEW YORK FIELD OFFICE"});

  static Row seizure(String[] c) {
    TableRow t =
        WarehouseTable.SEIZURES
            .newRow()
            .set("record_id", c[0])
            .set("source_format", c[1])
            .set("source_file", "f.csv")
            .set("source_line", 2L)
            .set("event_date", LocalDate.of(2022, 3, 1))
            .set("fiscal_year", 2022)
            .set("event_count", 1)
            .set("substance_raw", "x")
            .set("substance_name", "x")
            .set("substance_class", c[8])
            .set("substance_unlisted", false)
            .set("form", "UNKNOWN")
            .set("origin_country", c[2])
            .set("transit_countries", list(c[3]))
            .set("destination_country", c[4])
            .set("conveyance", c[5])
            .set("region", c[6])
            .set("cbp_land_filter", c[7])
            .set("shipment_id", c[9])
            .set("enriched_from_shipment", false);
    String[] office = CBP_OFFICES.get(c[0]);
    if (office != null) {
      t.set("cbp_component", office[0]).set("location", office[1]);
    }
    return SparkSchemas.toRow(t);
  }

  static Row shipment(
      String id, String origin, String export, String transit, String mode, String goods) {
    TableRow t =
        WarehouseTable.SHIPMENTS
            .newRow()
            .set("record_id", id)
            .set("shipment_id", id)
            .set("source_file", "s.csv")
            .set("source_line", 2L)
            .set("event_date", LocalDate.of(2022, 3, 1))
            .set("fiscal_year", 2022)
            .set("origin_country", origin)
            .set("origin_country_raw", origin)
            .set("export_country", export)
            .set("transit_countries", list(transit))
            .set("mode", mode)
            .set("description", "d")
            .set("goods_class", goods)
            .set("inspection_outcome", "RELEASED");
    return SparkSchemas.toRow(t);
  }

  static List<String> list(String pipeSeparated) {
    return pipeSeparated.isEmpty() ? List.of() : Arrays.asList(pipeSeparated.split("\\|"));
  }

  static void expect(
      Map<String, Row> rows, String id, String route, String rule, String confidence) {
    Row r = rows.get(id);
    assertThat(r).as(id).isNotNull();
    assertThat(r.<String>getAs("route")).as("%s route", id).isEqualTo(route);
    assertThat(r.<String>getAs("route_rule"))
        .as("%s rule", id)
        .isEqualTo(rule + "@" + RULES.version() + "#" + RULES.sha256().substring(0, 8));
    assertThat(r.<String>getAs("route_confidence")).as("%s confidence", id).isEqualTo(confidence);
  }

  @Test
  void cbpAggregatesByRegionAndLandFilter() {
    expect(seizures, "cbp1", "MEXICO_CARTEL", "cbp-southwest-land", "MEDIUM");
    expect(seizures, "cbp2", "MEXICO_CARTEL", "cbp-southwest-other", "LOW");
    expect(seizures, "cbp4", "OTHER_ORIGIN", "cbp-northern", "LOW");
    expect(seizures, "cbp5", "UNATTRIBUTED", "cbp-other", "LOW");
  }

  @Test
  void theParcelProxyTakesOnlyTheFentanylFamilyAtTheMailAndExpressHubs() {
    expect(seizures, "hub-fent", "CHINA_DIRECT", "cbp-parcel-hubs", "LOW");
    // CBP's spelling varies in case between vintages; the rule compares upper case.
    expect(seizures, "hub-analog", "CHINA_DIRECT", "cbp-parcel-hubs", "LOW");
    // Marijuana or "Other Drugs**" at JFK is no evidence of a Chinese parcel.
    expect(seizures, "hub-pot", "UNATTRIBUTED", "cbp-other", "LOW");
    expect(seizures, "hub-unknown", "UNATTRIBUTED", "cbp-other", "LOW");
    // A seaport office, a coastal Border Patrol sector, an AMO branch: not parcel hubs.
    expect(seizures, "cbp3", "UNATTRIBUTED", "cbp-other", "LOW");
    expect(seizures, "houston-fent", "UNATTRIBUTED", "cbp-other", "LOW");
    expect(seizures, "usbp-miami", "UNATTRIBUTED", "cbp-other", "LOW");
    expect(seizures, "amo-coastal", "UNATTRIBUTED", "cbp-other", "LOW");
  }

  @Test
  void geographyAndOwnCountryEvidenceStillHoldForAnyDrug() {
    // A Southwest land crossing came from Mexico whatever was seized.
    expect(seizures, "swb-pot", "MEXICO_CARTEL", "cbp-southwest-land", "MEDIUM");
    // The record's own origin (China) and a parcel conveyance: direct, whatever the drug.
    expect(seizures, "cn-mail-pot", "CHINA_DIRECT", "china-direct", "HIGH");
  }

  @Test
  void precursorsToOrThroughMexicoComeFirst() {
    // Transit MX would also satisfy mexico-origin-or-transit, and SEA from HK china-direct:
    // precedence decides.
    expect(
        seizures,
        "pre-transit",
        "CHINA_PRECURSOR_VIA_MEXICO",
        "china-precursor-via-mexico",
        "HIGH");
    expect(
        seizures, "pre-dest", "CHINA_PRECURSOR_VIA_MEXICO", "china-precursor-via-mexico", "HIGH");
    // A Chinese precursor sent straight to the US is a direct shipment.
    expect(seizures, "pre-us", "CHINA_DIRECT", "china-direct", "HIGH");
  }

  @Test
  void mexicoBeatsChinaDirectAndChinaDirectNeedsParcelModes() {
    expect(seizures, "mx-origin", "MEXICO_CARTEL", "mexico-origin-or-transit", "HIGH");
    expect(seizures, "cn-via-mx", "MEXICO_CARTEL", "mexico-origin-or-transit", "HIGH");
    expect(seizures, "hk-mail", "CHINA_DIRECT", "china-direct", "HIGH");
    expect(seizures, "cn-unknown", "CHINA_DIRECT", "china-conveyance-unknown", "MEDIUM");
    expect(seizures, "cn-truck-swb", "MEXICO_CARTEL", "china-origin-southwest-land", "MEDIUM");
  }

  @Test
  void southwestLandCrossingsWithoutOriginAndTheRest() {
    expect(seizures, "none-ped-swb", "MEXICO_CARTEL", "southwest-land-no-origin", "MEDIUM");
    expect(seizures, "none-unk-swb", "MEXICO_CARTEL", "southwest-land-no-origin", "MEDIUM");
    expect(seizures, "ca-north", "OTHER_ORIGIN", "other-known-origin", "HIGH");
    expect(seizures, "none-mail", "UNATTRIBUTED", "unattributed", "LOW");
    expect(seizures, "none-sea-swb", "UNATTRIBUTED", "unattributed", "LOW");
  }

  @Test
  void seizuresTakeMissingCountriesFromTheirShipment() {
    Row linked = seizures.get("linked");
    assertThat(linked.<String>getAs("origin_country")).isEqualTo("CN");
    assertThat(linked.<Boolean>getAs("enriched_from_shipment")).isTrue();
    expect(seizures, "linked", "CHINA_DIRECT", "china-direct", "HIGH");
    // A seizure's own origin is never overwritten.
    Row own = seizures.get("linked-own");
    assertThat(own.<String>getAs("origin_country")).isEqualTo("IN");
    assertThat(own.<Boolean>getAs("enriched_from_shipment")).isFalse();
    expect(seizures, "linked-own", "OTHER_ORIGIN", "other-known-origin", "HIGH");
    assertThat(seizures.get("hk-mail").<Boolean>getAs("enriched_from_shipment")).isFalse();
  }

  @Test
  void shipmentsUseModeGoodsClassAndUsDestination() {
    expect(shipments, "S1", "CHINA_DIRECT", "china-direct", "HIGH");
    expect(shipments, "S2", "CHINA_PRECURSOR_VIA_MEXICO", "china-precursor-via-mexico", "HIGH");
    expect(shipments, "S3", "CHINA_DIRECT", "china-direct", "HIGH");
    expect(shipments, "S4", "CHINA_DIRECT", "china-direct", "HIGH");
    expect(shipments, "S5", "OTHER_ORIGIN", "other-known-origin", "HIGH");
  }
}
