package org.fentrace.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.testing.ExternalRows;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Hand-made normalized seizures and shipments, attributed by the default rules through real Spark
 * ({@link RouteAttribution}), keyed by record id: the shared fixture of the route attribution
 * tests. Each test class writes its cases as a table, one case a line, columns separated by spaces
 * and {@code -} for a missing value.
 */
final class AttributedRows {
  static final RouteRules RULES = RouteRules.loadDefault();

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

  final Map<String, Row> seizures = new HashMap<>();
  final Map<String, Row> shipments = new HashMap<>();

  /**
   * Attributes the cases.
   *
   * @param seizureCases one seizure a line: id, format, origin, transit (| separated), destination,
   *     conveyance, region, land filter, class, shipment id
   * @param shipmentCases one shipment a line: id, origin, export country, transit (| separated),
   *     mode, goods class
   */
  AttributedRows(String seizureCases, String shipmentCases) {
    var spark = SharedSpark.session();
    Dataset<Row> shipmentDf =
        spark.createDataFrame(
            cases(shipmentCases).stream().map(AttributedRows::shipment).toList(),
            SparkSchemas.structType(WarehouseTable.SHIPMENTS));
    Dataset<Row> seizureDf =
        spark.createDataFrame(
            cases(seizureCases).stream().map(AttributedRows::seizure).toList(),
            SparkSchemas.structType(WarehouseTable.SEIZURES));
    for (Row r : RouteAttribution.seizures(seizureDf, shipmentDf, RULES).collectAsList()) {
      seizures.put(r.getAs("record_id"), r);
    }
    for (Row r : RouteAttribution.shipments(shipmentDf, RULES).collectAsList()) {
      shipments.put(r.getAs("record_id"), r);
    }
  }

  /**
   * The seizure {@code id} got {@code route} from {@code rule} of the rules, at {@code confidence}.
   */
  void seizure(String id, String route, String rule, String confidence) {
    expect(seizures, id, route, rule, confidence);
  }

  /** As {@link #seizure}, for a shipment. */
  void shipment(String id, String route, String rule, String confidence) {
    expect(shipments, id, route, rule, confidence);
  }

  private static void expect(
      Map<String, Row> rows, String id, String route, String rule, String confidence) {
    Row r = rows.get(id);
    assertThat(r).as(id).isNotNull();
    assertThat(r.<String>getAs("route")).as("%s route", id).isEqualTo(route);
    assertThat(r.<String>getAs("route_rule"))
        .as("%s rule", id)
        .isEqualTo(rule + "@" + RULES.version() + "#" + RULES.sha256().substring(0, 8));
    assertThat(r.<String>getAs("route_confidence")).as("%s confidence", id).isEqualTo(confidence);
  }

  /** The lines of a case table, split on spaces, {@code -} read as null. */
  private static List<String[]> cases(String table) {
    return table
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l ->
                Arrays.stream(l.strip().split("\\s+"))
                    .map(v -> v.equals("-") ? null : v)
                    .toArray(String[]::new))
        .toList();
  }

  private static Row seizure(String[] c) {
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
    return ExternalRows.of(t);
  }

  private static Row shipment(String[] c) {
    TableRow t =
        WarehouseTable.SHIPMENTS
            .newRow()
            .set("record_id", c[0])
            .set("shipment_id", c[0])
            .set("source_file", "s.csv")
            .set("source_line", 2L)
            .set("event_date", LocalDate.of(2022, 3, 1))
            .set("fiscal_year", 2022)
            .set("origin_country", c[1])
            .set("origin_country_raw", c[1])
            .set("export_country", c[2])
            .set("transit_countries", list(c[3]))
            .set("mode", c[4])
            .set("description", "d")
            .set("goods_class", c[5])
            .set("inspection_outcome", "RELEASED");
    return ExternalRows.of(t);
  }

  /** No transit country is an empty list, never null. */
  private static List<String> list(String pipeSeparated) {
    return pipeSeparated == null ? List.of() : Arrays.asList(pipeSeparated.split("\\|"));
  }
}
