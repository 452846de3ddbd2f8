package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.report.ReportRenderTest.section;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;
import org.fentrace.testing.SampleWarehouse;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The kilograms and events the sample report shows equal the CSV exports (read here independently
 * with commons-csv and summed over the fentanyl family) or the seizures table itself, and the
 * fiscal-year chart draws the attribution sensitivity band.
 */
class ReportNumbersIT {
  @Test
  void largestSingleRowIsTheHeaviestSeizureOfTheYear() throws IOException {
    // Independently of the report's monthly aggregate: the seizures table itself, the report's
    // source only, fentanyl family; per fiscal year and route the heaviest row and its month (the
    // earliest of equal ones), which the fiscal-year detail table must show.
    List<org.apache.spark.sql.Row> rows =
        SharedSpark.session()
            .read()
            .parquet(SampleWarehouse.warehouse().resolve("seizures").toString())
            .filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .col("source_format")
                    .equalTo(SampleReport.SOURCE)
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .col("substance_class")
                            .isin(SampleReport.FAMILY.toArray()))
                    .and(org.apache.spark.sql.functions.col("quantity_kg").isNotNull()))
            .selectExpr(
                "fiscal_year",
                "coalesce(route, 'UNATTRIBUTED') as route",
                "event_date",
                "quantity_kg")
            .collectAsList();
    Map<String, Object[]> best = new TreeMap<>();
    for (org.apache.spark.sql.Row r : rows) {
      String key = r.getInt(0) + "|" + r.getString(1);
      BigDecimal kg = r.getDecimal(3);
      java.time.YearMonth m = java.time.YearMonth.from(ReportInputs.date(r, "event_date"));
      Object[] b = best.get(key);
      if (b == null
          || kg.compareTo((BigDecimal) b[0]) > 0
          || kg.compareTo((BigDecimal) b[0]) == 0 && m.isBefore((java.time.YearMonth) b[1])) {
        best.put(key, new Object[] {kg, m});
      }
    }
    assertThat(best).isNotEmpty();
    String detail =
        section(SampleReport.html(), "<table id=\"fig-fiscal-year-detail\">", "</table>");
    best.forEach(
        (key, b) -> {
          String[] k = key.split("\\|");
          String row =
              section(
                  detail,
                  "<tr data-fiscal-year=\"" + k[0] + "\" data-route=\"" + k[1] + "\"",
                  "</tr>");
          BigDecimal kg = (BigDecimal) b[0];
          assertThat(row)
              .as(key)
              .contains(
                  kg.signum() == 0
                      ? "none in this source"
                      : "<td>" + Html.kg(kg) + " kg in " + b[1] + "</td>");
        });
  }

  @Test
  void monthlyKilogramsEqualTheExport() throws IOException {
    // Covered months only: a month outside the source's coverage is not charted.
    Map<String, Map<String, BigDecimal>> expected =
        familyKg(
            "route_monthly",
            r -> r.get("covered").equals("true"),
            r -> r.get("month").substring(0, 7));
    tableShows("fig-monthly-route-table", "month", expected);
  }

  @Test
  void fiscalYearKilogramsEqualTheExportAndTheHeadline() throws IOException {
    // Years the source covered at all: a year without a covered month has no figures.
    Map<String, Map<String, BigDecimal>> expected =
        familyKg(
            "route_fiscal_year",
            r -> !r.get("months_covered").equals("0"),
            r -> r.get("fiscal_year"));
    tableShows("fig-fiscal-year-table", "fiscal-year", expected);
    // The headline quotes the latest complete fiscal year (FY2023 here) with the same rounding as
    // the table.
    BigDecimal mc = expected.get("2023").get("MEXICO_CARTEL");
    BigDecimal cd = expected.get("2023").get("CHINA_DIRECT");
    assertThat(SampleWarehouse.report().headline().get(1))
        .startsWith("In FY2023 (seizure_events), " + Html.kg(mc) + " kg")
        .contains(Html.kg(cd) + " kg to CHINA_DIRECT");
  }

  @Test
  void eventsBesideKilogramsEqualTheExportAndTheSensitivityBandIsDrawn() throws IOException {
    // Events per fiscal year and route, summed over the fentanyl family from the CSV export
    // independently.
    Map<String, Long> expected = new TreeMap<>();
    for (CSVRecord r : SampleReport.export("route_fiscal_year")) {
      if (SampleReport.FAMILY.contains(r.get("substance_class"))
          && r.get("source").equals(SampleReport.SOURCE)
          && !r.get("months_covered").equals("0")) {
        expected.merge(
            r.get("fiscal_year") + " " + r.get("route"),
            Long.parseLong(r.get("events")),
            Long::sum);
      }
    }
    Map<String, Long> shown = new TreeMap<>();
    SampleReport.tableByRowKey("fig-fiscal-year-detail", "fiscal-year", "route")
        .forEach((key, cells) -> shown.put(key, cells.get("events").longValueExact()));
    assertThat(shown).isEqualTo(expected);
    // The sample warehouse has route_sensitivity: the band is drawn, with its caption naming the
    // rule sets.
    String fig = section(SampleReport.html(), "<figure id=\"fig-fiscal-year\"", "</figure>");
    assertThat(fig)
        .contains("grey band: lowest to highest kg over the alternative rule sets")
        .contains("Grey band on each bar")
        .contains("mail-facilities-only")
        .contains("route_sensitivity")
        .doesNotContain("No attribution sensitivity band");
    assertThat(String.join("\n", SampleWarehouse.report().headline())).doesNotContain("carried");
  }

  /**
   * Fentanyl-family kg of the report's source by row key and route, summed from an export's rows
   * that {@code keep} keeps.
   */
  private static Map<String, Map<String, BigDecimal>> familyKg(
      String export, Predicate<CSVRecord> keep, Function<CSVRecord, String> rowKey)
      throws IOException {
    Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
    for (CSVRecord r : SampleReport.export(export)) {
      if (SampleReport.FAMILY.contains(r.get("substance_class"))
          && r.get("source").equals(SampleReport.SOURCE)
          && keep.test(r)) {
        out.computeIfAbsent(rowKey.apply(r), k -> new TreeMap<>())
            .merge(r.get("route"), new BigDecimal(r.get("quantity_kg")), BigDecimal::add);
      }
    }
    return out;
  }

  /** The report table has exactly the expected rows, each route's kg equal to the expected one. */
  private static void tableShows(
      String tableId, String keyAttribute, Map<String, Map<String, BigDecimal>> expected)
      throws IOException {
    Map<String, Map<String, BigDecimal>> shown = SampleReport.tableByRowKey(tableId, keyAttribute);
    assertThat(shown.keySet()).as(tableId).isEqualTo(expected.keySet());
    expected.forEach(
        (row, routes) ->
            routes.forEach(
                (route, kg) ->
                    assertThat(shown.get(row).get(route))
                        .as("%s %s %s", tableId, row, route)
                        .isEqualByComparingTo(kg)));
  }
}
