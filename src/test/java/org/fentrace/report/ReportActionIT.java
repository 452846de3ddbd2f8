package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.report.ReportRenderTest.section;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentrace.testing.SampleWarehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the Quick start's sample warehouse as a page: where it is written, that it stands
 * alone, what every figure states, that the policy events are drawn, what the headline speaks for,
 * and that every number shown is its exact value rounded. {@link ReportNumbersIT} checks the
 * numbers against the exports, {@link PolicyEffectsReportIT} the policy effects section.
 */
class ReportActionIT {
  static ReportResult report;
  static String html;
  static Path warehouse;

  @BeforeAll
  static void build() throws IOException {
    report = SampleWarehouse.report();
    warehouse = SampleWarehouse.warehouse();
    html = SampleReport.html();
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
}
