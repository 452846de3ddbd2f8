package org.fentrace.routes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.aggregates.MonthlyAggregate;
import org.fentrace.core.Route;
import org.fentrace.testing.ExternalRows;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * route_sensitivity on hand-made FY2020 rows through real Spark, from their monthly route fact
 * cells, under the bundled rules and the three bundled alternatives. Expected kilograms worked out
 * by hand from each file's CBP rules (in the comments).
 */
class RouteSensitivityTest {
  static final Map<String, Row> ROWS = new HashMap<>();

  @BeforeAll
  static void compute() {
    List<Row> seizures = new ArrayList<>();
    seizures.add(
        cbp(
            "cbp_nationwide",
            "OFO",
            "HOUSTON FIELD OFFICE",
            "COASTAL_INTERIOR",
            "OTHER",
            "FENTANYL",
            "100"));
    seizures.add(
        cbp(
            "cbp_nationwide",
            "OFO",
            "NEW ORLEANS FIELD OFFICE",
            "COASTAL_INTERIOR",
            "OTHER",
            "FENTANYL",
            "50"));
    seizures.add(
        cbp(
            "cbp_nationwide",
            "OFO",
            "NEW YORK FIELD OFFICE",
            "COASTAL_INTERIOR",
            "OTHER",
            "FENTANYL_ANALOG",
            "10"));
    seizures.add(
        cbp(
            "cbp_nationwide",
            "OFO",
            "NEW YORK FIELD OFFICE",
            "COASTAL_INTERIOR",
            "OTHER",
            "OTHER_DRUG",
            "500"));
    seizures.add(
        cbp(
            "cbp_nationwide",
            "OFO",
            "SAN DIEGO FIELD OFFICE",
            "SOUTHWEST_BORDER",
            "LAND_ONLY",
            "FENTANYL",
            "300"));
    seizures.add(cbp("cbp_amo", "AMO", "Marine", "COASTAL_INTERIOR", "OTHER", "FENTANYL", "5"));
    TableRow event =
        base("e1", "seizure_events", "FENTANYL", "2")
            .set("origin_country", "CN")
            .set("conveyance", "INTERNATIONAL_MAIL")
            .set("region", "COASTAL_INTERIOR");
    seizures.add(ExternalRows.of(event));
    // The event again in another month of the same fiscal year, and a second CBP row with the
    // same facts as New York's analog row: both fall into cells with other rows, which the sums
    // must count once each.
    seizures.add(
        ExternalRows.of(
            base("e2", "seizure_events", "FENTANYL", "3")
                .set("event_date", LocalDate.of(2020, 2, 1))
                .set("origin_country", "CN")
                .set("conveyance", "INTERNATIONAL_MAIL")
                .set("region", "COASTAL_INTERIOR")));
    seizures.add(
        cbp(
            "cbp_nationwide",
            "OFO",
            "NEW YORK FIELD OFFICE",
            "COASTAL_INTERIOR",
            "OTHER",
            "FENTANYL_ANALOG",
            "1"));
    SEIZURES =
        SharedSpark.session()
            .createDataFrame(seizures, SparkSchemas.structType(WarehouseTable.SEIZURES));
    // What the trends step reads: the monthly route fact cells the warehouse keeps.
    Dataset<Row> cells =
        MonthlyAggregate.ROUTE_FACT_CELLS.of(
            SEIZURES.withColumn(AggregateStore.MONTH, date_format(col("event_date"), "yyyy-MM")));
    for (Row r :
        RouteSensitivity.compute(
            cells, RouteRules.loadDefault(), SensitivityRuleSets.alternatives())) {
      ROWS.put(r.getString(0) + "|" + r.getInt(1) + "|" + r.getString(2), r);
    }
  }

  static Dataset<Row> SEIZURES;

  static int n;

  static TableRow base(String id, String format, String cls, String kg) {
    return WarehouseTable.SEIZURES
        .newRow()
        .set("record_id", id)
        .set("source_format", format)
        .set("source_file", "f.csv")
        .set("source_line", 2L)
        .set("event_date", LocalDate.of(2020, 1, 1))
        .set("fiscal_year", 2020)
        .set("event_count", 1)
        .set("substance_raw", cls)
        .set("substance_name", cls)
        .set("substance_class", cls)
        .set("substance_unlisted", false)
        .set("form", "UNKNOWN")
        .set("quantity_kg", new BigDecimal(kg).setScale(9))
        .set("transit_countries", List.of())
        .set("enriched_from_shipment", false)
        .set("conveyance", "UNKNOWN");
  }

  static Row cbp(
      String format,
      String component,
      String office,
      String region,
      String land,
      String cls,
      String kg) {
    return ExternalRows.of(
        base("c" + n++, format, cls, kg)
            .set("cbp_component", component)
            .set("location", office)
            .set("region", region)
            .set("cbp_land_filter", land));
  }

  static void expect(
      String key, String inForce, String min, String minSet, String max, String maxSet) {
    Row r = ROWS.get(key);
    assertThat(r).as(key).isNotNull();
    assertThat(r.<BigDecimal>getAs("in_force_kg"))
        .as(key + " in force")
        .isEqualByComparingTo(inForce);
    assertThat(r.<BigDecimal>getAs("min_kg")).as(key + " min").isEqualByComparingTo(min);
    assertThat(r.<String>getAs("min_rule_set")).as(key + " min set").isEqualTo(minSet);
    assertThat(r.<BigDecimal>getAs("max_kg")).as(key + " max").isEqualByComparingTo(max);
    assertThat(r.<String>getAs("max_rule_set")).as(key + " max set").isEqualTo(maxSet);
    assertThat(r.<Integer>getAs("rule_sets")).isEqualTo(4);
  }

  @Test
  void cbpRoutesRangeOverTheProxyVariants() {
    // CHINA_DIRECT: in force NY 10 + 1 + New Orleans 50 = 61; mail facilities only: NY 11; Gulf
    // coast as Mexico: NY 11 (tie, the earlier set is named); every Coastal/Interior office:
    // 100 + 50 + 11 + 5 (AMO) = 166.
    expect(
        "cbp_published|2020|CHINA_DIRECT",
        "61",
        "11",
        "mail-facilities-only",
        "166",
        "all-coastal-interior");
    // MEXICO_CARTEL: San Diego 300 everywhere, plus Houston 100 and New Orleans 50 when the Gulf is
    // Mexico-linked.
    expect(
        "cbp_published|2020|MEXICO_CARTEL", "300", "300", "in-force", "450", "gulf-coast-mexico");
    // UNATTRIBUTED: in force Houston 100 + AMO 5 = 105; mail only adds New Orleans (155);
    // all-coastal leaves 0.
    // The 500 kg of marijuana at JFK is outside the family and counts nowhere.
    expect(
        "cbp_published|2020|UNATTRIBUTED",
        "105",
        "0",
        "all-coastal-interior",
        "155",
        "mail-facilities-only");
    expect("cbp_published|2020|OTHER_ORIGIN", "0", "0", "in-force", "0", "in-force");
  }

  @Test
  void theCellsGiveTheSameRowsAsTheSeizuresThemselves() {
    // Deciding every seizure row on its own (no grouping) must give exactly the table the cells
    // give: a rule reads nothing a cell does not keep.
    List<Column> perRow = new ArrayList<>();
    perRow.add(col("fiscal_year"));
    perRow.add(col("quantity_kg"));
    perRow.addAll(RouteAttribution.seizureFactColumns());
    List<Row> fromRows =
        RouteSensitivity.compute(
            SEIZURES.select(perRow.toArray(Column[]::new)),
            RouteRules.loadDefault(),
            SensitivityRuleSets.alternatives());
    assertThat(fromRows).hasSize(ROWS.size());
    for (Row r : fromRows) {
      assertThat(ROWS.get(r.getString(0) + "|" + r.getInt(1) + "|" + r.getString(2)))
          .as(r.toString())
          .isEqualTo(r);
    }
  }

  @Test
  void eventsAreTheirOwnSourceAndDoNotDependOnTheCbpProxy() {
    // The event's own origin (CN, by mail) decides under every rule set: no range, never added to
    // CBP's. January's 2 kg and February's 3 kg are two months' cells of the same fiscal year.
    expect("seizure_events|2020|CHINA_DIRECT", "5", "5", "in-force", "5", "in-force");
    assertThat(ROWS.keySet())
        .filteredOn(k -> k.startsWith("seizure_events"))
        .hasSize(Route.values().length);
  }
}
