package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.report.ReportRenderTest.section;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the Quick start's sample warehouse: where it is written, what every figure states,
 * that the policy events are drawn, and that the kilograms it shows equal the CSV exports, read
 * here independently with commons-csv and summed over the fentanyl family.
 */
class ReportActionIT {
  static final List<String> FAMILY = List.of("FENTANYL", "FENTANYL_ANALOG");
  static ReportResult report;
  static String html;
  static Path warehouse;

  @BeforeAll
  static void build() throws IOException {
    report = SampleWarehouse.report();
    warehouse = SampleWarehouse.warehouse();
    html = Files.readString(SampleWarehouse.index(), StandardCharsets.UTF_8);
  }

  @Test
  void pageIsPublishedInPlaceWithNothingLeftBehind() throws IOException {
    assertThat(report.path()).endsWith("report/index.html");
    try (var files = Files.list(warehouse.resolve("report"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
    }
    assertThat(warehouse.resolve("_staging").resolve(SampleWarehouse.RUN_ID)).doesNotExist();
    assertThat(report.bytes()).isEqualTo(Files.size(SampleWarehouse.index()));
    assertThat(report.timingsMillis()).containsKeys("read", "charts", "page", "write");
  }

  @Test
  void pageIsSelfContained() {
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("<iframe")
        .doesNotContain("@import")
        .doesNotContain("url(http");
    assertThat(Pattern.compile("\\ssrc\\s*=").matcher(html).find()).as("src attributes").isFalse();
    assertThat(html).doesNotContain("{{");
  }

  @Test
  void everyFigureNamesUnitSourcesRunDateAndConfidence() {
    assertThat(report.figures())
        .startsWith(
            "fig-monthly-route",
            "fig-share",
            "fig-fiscal-year",
            "fig-forms",
            "fig-analogs",
            "fig-pill-presses",
            "fig-trends");
    for (String id : report.figures()) {
      String figure = section(html, "<figure id=\"" + id + "\"", "</figure>");
      assertThat(figure)
          .as(id)
          .contains(
              "<dt>Unit</dt>",
              "<dt>Source tables</dt>",
              "<dt>Run date</dt><dd>2026-11-28",
              "<dt>Rule confidence</dt>");
    }
    String monthly = section(html, "<figure id=\"fig-monthly-route\"", "</figure>");
    assertThat(monthly)
        .contains("kilograms per month", "route_monthly", "MEXICO_CARTEL:", "MEDIUM");
  }

  @Test
  void policyEventsAreDrawnOnEveryTimeChart() {
    assertThat(report.policyEvents())
        .as("events in the bundled policy-events.csv")
        .isGreaterThanOrEqualTo(2);
    // The sample spans 2018-10 to 2023-09: the 2019-05-01 China class-wide control falls inside it.
    assertThat(report.policyEventsDrawn()).isGreaterThanOrEqualTo(1);
    for (String id :
        List.of(
            "fig-monthly-route",
            "fig-share",
            "fig-fiscal-year",
            "fig-forms",
            "fig-analogs",
            "fig-pill-presses",
            "fig-unattributed",
            "fig-coverage")) {
      Matcher m =
          Pattern.compile("<figure id=\"" + id + "\"[^>]*data-events=\"([^\"]*)\"").matcher(html);
      assertThat(m.find()).as(id).isTrue();
      assertThat(m.group(1)).as("events drawn on %s", id).isNotEmpty();
    }
    assertThat(html)
        .contains(
            "China controls fentanyl-related substances as a class",
            "2019-05-01",
            "https://www.federalregister.gov/d/2018-02319");
  }

  @Test
  void policyEffectsHaveASectionPerEventWithTheCounterfactualAndPlainWords() {
    // Title 42 (2020-03-20) has 17 covered CBP months before and 30 after in the sample: a chart
    // and an estimate.
    String title42 = section(html, "<figure id=\"fig-effect-us-title-42-2020\"", "</figure>");
    assertThat(title42)
        .contains(
            "<svg",
            "pre-event trend carried forward (counterfactual)",
            "Association, not causation",
            "95% interval",
            "ESTIMATED",
            "85 FR 17060");
    // Woodside (2023-11-15) is after every covered period of the sample's sources but NFLIS: its
    // table says so.
    String woodside = section(html, "<figure id=\"fig-effect-us-cn-woodside-2023\"", "</figure>");
    assertThat(woodside).contains("OUTSIDE_COVERAGE");
  }

  @Test
  void policyEffectsAreThePublishedTableWithAPanelPerEstimate() throws IOException {
    // The published table (its export) is the one source: every row appears in its event's
    // figure with the status, and every ESTIMATED row with its level change and interval rounded
    // as the page rounds them, and one chart panel titled by its source, route and class.
    List<CSVRecord> rows = csv("policy_effects");
    assertThat(rows).anyMatch(r -> r.get("status").equals("ESTIMATED"));
    for (CSVRecord r : rows) {
      String figure =
          section(html, "<figure id=\"fig-effect-" + r.get("event_id") + "\"", "</figure>");
      String route = r.get("route").isEmpty() ? "(none)" : r.get("route");
      String cells =
          "<td>"
              + r.get("source")
              + "</td><td>"
              + route
              + "</td><td>"
              + r.get("substance_class")
              + "</td><td>"
              + r.get("period_unit")
              + "</td><td>"
              + r.get("status")
              + "</td>";
      assertThat(figure).contains(cells);
      if (r.get("status").equals("ESTIMATED")) {
        String level = Html.signedPct(Double.valueOf(r.get("level_change_pct")));
        String low = Html.signedPct(Double.valueOf(r.get("level_change_ci_low")));
        String high = Html.signedPct(Double.valueOf(r.get("level_change_ci_high")));
        assertThat(figure)
            .contains(cells + "<td class=\"num\">" + r.get("periods_before"))
            .contains(
                "<td class=\"num\">" + level + "</td><td class=\"num\">" + low + " to " + high)
            .contains(
                (r.get("source")
                        + (r.get("route").isEmpty() ? "" : ", " + r.get("route"))
                        + ", "
                        + r.get("substance_class")
                        + ": level "
                        + level)
                    .replace("&", "&amp;"));
        assertThat(r.get("fit_intercept")).isNotEmpty();
      }
    }
  }

  @Test
  void largestSingleRowIsTheHeaviestSeizureOfTheYear() {
    // Independently of the report's monthly aggregate: the seizures table itself, the report's
    // source only, fentanyl family; per fiscal year and route the heaviest row and its month (the
    // earliest of equal ones), which the fiscal-year detail table must show.
    List<org.apache.spark.sql.Row> rows =
        SharedSpark.session()
            .read()
            .parquet(warehouse.resolve("seizures").toString())
            .filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .col("source_format")
                    .equalTo(SOURCE)
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .col("substance_class")
                            .isin(FAMILY.toArray()))
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
    String detail = section(html, "<table id=\"fig-fiscal-year-detail\">", "</table>");
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
    Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
    for (CSVRecord r : csv("route_monthly")) {
      if (FAMILY.contains(r.get("substance_class"))
          && r.get("source").equals(SOURCE)
          && r.get("covered").equals("true")) {
        expected
            .computeIfAbsent(r.get("month").substring(0, 7), k -> new TreeMap<>())
            .merge(r.get("route"), new BigDecimal(r.get("quantity_kg")), BigDecimal::add);
      }
    }
    Map<String, Map<String, BigDecimal>> shown = tableByRowKey("fig-monthly-route-table", "month");
    assertThat(shown.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (month, routes) ->
            routes.forEach(
                (route, kg) ->
                    assertThat(shown.get(month).get(route))
                        .as("%s %s", month, route)
                        .isEqualByComparingTo(kg)));
  }

  @Test
  void fiscalYearKilogramsEqualTheExportAndTheHeadline() throws IOException {
    Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
    for (CSVRecord r : csv("route_fiscal_year")) {
      if (FAMILY.contains(r.get("substance_class"))
          && r.get("source").equals(SOURCE)
          && !r.get("months_covered").equals("0")) {
        expected
            .computeIfAbsent(r.get("fiscal_year"), k -> new TreeMap<>())
            .merge(r.get("route"), new BigDecimal(r.get("quantity_kg")), BigDecimal::add);
      }
    }
    Map<String, Map<String, BigDecimal>> shown =
        tableByRowKey("fig-fiscal-year-table", "fiscal-year");
    assertThat(shown.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (fy, routes) ->
            routes.forEach(
                (route, kg) ->
                    assertThat(shown.get(fy).get(route))
                        .as("FY%s %s", fy, route)
                        .isEqualByComparingTo(kg)));
    // The headline quotes the latest complete fiscal year (FY2023 here) with the same rounding as
    // the table.
    BigDecimal mc = expected.get("2023").get("MEXICO_CARTEL");
    BigDecimal cd = expected.get("2023").get("CHINA_DIRECT");
    assertThat(report.headline().get(1))
        .startsWith("In FY2023 (seizure_events), " + Html.kg(mc) + " kg")
        .contains(Html.kg(cd) + " kg to CHINA_DIRECT");
  }

  @Test
  void shownRoundingMatchesTheExactValues() {
    Matcher m = Pattern.compile("<td class=\"num\" data-v=\"([^\"]+)\">([^<]*)</td>").matcher(html);
    int checked = 0;
    while (m.find()) {
      String exact = m.group(1);
      String text = m.group(2);
      String expected =
          exact.contains(".") || text.contains(".")
              ? Html.kg(new BigDecimal(exact))
              : Html.count(Long.parseLong(exact));
      assertThat(text).as("cell with data-v=%s", exact).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void headlineSpeaksForOneSourceAndComparesOnlyLikeCoveredYears() {
    // sample-data's CBP file ends with FY2022; the seizure events go on: they cover the latest
    // fiscal year
    // best, so the report speaks for them alone and says so first.
    assertThat(report.headline().get(0))
        .startsWith("Every figure below is from seizure event files (seizure_events)");
    assertThat(report.headline()).noneSatisfy(l -> assertThat(l).contains("cbp_published"));
    assertThat(report.headline())
        .filteredOn(l -> l.startsWith("Compared with"))
        .allSatisfy(l -> assertThat(l).contains("same months covered"));
    assertThat(html).contains("Source: seizure event files (seizure_events) only");
  }

  @Test
  void eventsBesideKilogramsEqualTheExportAndTheSensitivityBandIsDrawn() throws IOException {
    // Events per fiscal year and route, summed over the fentanyl family from the CSV export
    // independently.
    Map<String, Long> expected = new TreeMap<>();
    for (CSVRecord r : csv("route_fiscal_year")) {
      if (FAMILY.contains(r.get("substance_class"))
          && r.get("source").equals(SOURCE)
          && !r.get("months_covered").equals("0")) {
        expected.merge(
            r.get("fiscal_year") + " " + r.get("route"),
            Long.parseLong(r.get("events")),
            Long::sum);
      }
    }
    String table = section(html, "<table id=\"fig-fiscal-year-detail\">", "</table>");
    List<String> header = new ArrayList<>();
    Matcher th = Pattern.compile("<th scope=\"col\">([^<]*)</th>").matcher(table);
    while (th.find()) {
      header.add(th.group(1));
    }
    int events = header.indexOf("events");
    Map<String, Long> shown = new TreeMap<>();
    Matcher tr =
        Pattern.compile("<tr data-fiscal-year=\"(\\d+)\" data-route=\"([A-Z_]+)\"[^>]*>(.*?)</tr>")
            .matcher(table);
    while (tr.find()) {
      Matcher td = Pattern.compile("<td[^>]*?(?: data-v=\"([^\"]*)\")?>").matcher(tr.group(3));
      for (int col = 0; td.find(); col++) {
        if (col == events) {
          shown.put(tr.group(1) + " " + tr.group(2), Long.parseLong(td.group(1)));
        }
      }
    }
    assertThat(shown).isEqualTo(expected);
    // The sample warehouse has route_sensitivity: the band is drawn, with its caption naming the
    // rule sets.
    String fig = section(html, "<figure id=\"fig-fiscal-year\"", "</figure>");
    assertThat(fig)
        .contains("grey band: lowest to highest kg over the alternative rule sets")
        .contains("Grey band on each bar")
        .contains("mail-facilities-only")
        .contains("route_sensitivity")
        .doesNotContain("No attribution sensitivity band");
    assertThat(String.join("\n", report.headline())).doesNotContain("carried");
  }

  /**
   * Parses a report table into row key -> column header -> exact value (data-v) of every number
   * cell.
   */
  static Map<String, Map<String, BigDecimal>> tableByRowKey(String tableId, String keyAttribute) {
    String table = section(html, "<table id=\"" + tableId + "\">", "</table>");
    List<String> header = new ArrayList<>();
    Matcher th = Pattern.compile("<th scope=\"col\">([^<]*)</th>").matcher(table);
    while (th.find()) {
      header.add(th.group(1));
    }
    Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
    Matcher tr =
        Pattern.compile("<tr data-" + keyAttribute + "=\"([^\"]+)\"[^>]*>(.*?)</tr>")
            .matcher(table);
    while (tr.find()) {
      Matcher td = Pattern.compile("<td[^>]*?(?: data-v=\"([^\"]*)\")?>").matcher(tr.group(2));
      Map<String, BigDecimal> cells = new LinkedHashMap<>();
      for (int col = 0; td.find(); col++) {
        if (td.group(1) != null) {
          cells.put(header.get(col), new BigDecimal(td.group(1)));
        }
      }
      out.put(tr.group(1), cells);
    }
    return out;
  }

  /** The source the sample report speaks for (the one covering the latest fiscal year best). */
  static final String SOURCE = "seizure_events";

  static List<CSVRecord> csv(String export) throws IOException {
    try (Reader in =
            Files.newBufferedReader(warehouse.resolve("exports").resolve(export + ".csv"));
        CSVParser p =
            CSVParser.builder()
                .setReader(in)
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
      return p.getRecords();
    }
  }
}
