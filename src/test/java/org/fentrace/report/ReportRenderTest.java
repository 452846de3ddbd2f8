package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Form;
import org.fentrace.core.Route;
import org.fentrace.trends.LeadChanges;
import org.junit.jupiter.api.Test;

/**
 * Rendering on small hand-built data, without Spark: the fiscal year in progress is marked partial
 * in the chart and the table, policy events outside the data are listed but not drawn, the headline
 * compares like with like, an empty warehouse still gives a page, and the policy events file is
 * checked.
 */
class ReportRenderTest {
  static final Route CD = Route.CHINA_DIRECT;
  static final Route MC = Route.MEXICO_CARTEL;

  /** FY2024 complete (Oct 2023 to Sep 2024), FY2025 in progress until the run date 2025-03-15. */
  static ReportData data(
      List<PolicyEvents.PolicyEvent> events, Map<Integer, List<String>> formats) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2023, 10);
        !m.isAfter(YearMonth.of(2025, 3));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    Map<Route, List<BigDecimal>> kg = new LinkedHashMap<>();
    kg.put(CD, months.stream().map(m -> BigDecimal.valueOf(m.getMonthValue())).toList());
    kg.put(MC, months.stream().map(m -> BigDecimal.valueOf(10L * m.getMonthValue())).toList());
    kg.put(Route.UNATTRIBUTED, months.stream().map(m -> BigDecimal.ONE).toList());
    List<ReportData.FiscalYearRow> fy =
        List.of(
            new ReportData.FiscalYearRow(2024, CD, new BigDecimal("78"), 12, 0, false),
            new ReportData.FiscalYearRow(2024, MC, new BigDecimal("780"), 40, 5000, false),
            new ReportData.FiscalYearRow(
                2024, Route.UNATTRIBUTED, new BigDecimal("12"), 3, 0, false),
            new ReportData.FiscalYearRow(2025, CD, new BigDecimal("6"), 4, 0, true),
            new ReportData.FiscalYearRow(2025, MC, new BigDecimal("60"), 9, 800, true),
            new ReportData.FiscalYearRow(
                2025, Route.UNATTRIBUTED, new BigDecimal("6"), 1, 0, true));
    Map<Form, List<BigDecimal>> forms = Map.of(Form.POWDER, kg.get(MC), Form.PILLS, kg.get(CD));
    Map<Form, List<Long>> units = Map.of(Form.PILLS, months.stream().map(m -> 100L).toList());
    ReportData.Quality quality =
        new ReportData.Quality(
            List.of(
                new ReportData.FileRow(
                    "events/a.csv", "seizure_events", "READ", 10, 8, 1, 1, "r0")),
            Map.of("BAD_DATE", 1L),
            Map.of("events/a.csv", 1L),
            List.of(
                new ReportData.Coverage(
                    "seizure_events", months.get(0), months.get(months.size() - 1), 8, 8)),
            List.of(),
            formats,
            "SUCCEEDED");
    ReportData.Run run =
        new ReportData.Run(
            LocalDate.of(2025, 3, 15),
            "r1",
            "/w",
            "m1",
            "1.0.0",
            "abc",
            "bundled",
            List.of("1.0.0"));
    return new ReportData(
        run,
        months,
        kg,
        fy,
        forms,
        units,
        List.of(
            new LeadChanges.LeadChange(
                YearMonth.of(2024, 2),
                MC.wireName(),
                CD.wireName(),
                BigDecimal.TEN,
                BigDecimal.ONE)),
        List.of(
            new ReportData.Analog(
                "x fentanyl",
                YearMonth.of(2024, 1),
                YearMonth.of(2024, 6),
                3,
                BigDecimal.ONE,
                0,
                true,
                true)),
        months,
        Map.of(CD, months.stream().map(m -> 1L).toList()),
        Map.of(CD, BigDecimal.TEN),
        List.of(),
        quality,
        Map.of(CD, Map.of("HIGH", BigDecimal.ONE)),
        Map.of(CD, Map.of("HIGH", 3L)),
        events,
        "test",
        new ReportData.SourceChoice(
            "seizure_events",
            "the seizure source with the most complete coverage of FY2025",
            months),
        null,
        null);
  }

  static final List<PolicyEvents.PolicyEvent> EVENTS =
      List.of(
          new PolicyEvents.PolicyEvent(
              LocalDate.of(2018, 2, 6), "before the data", "", "https://example.org/a"),
          new PolicyEvents.PolicyEvent(
              LocalDate.of(2024, 5, 1), "inside the data", "", "https://example.org/b"));

  static String render(ReportData d) {
    return HtmlPage.render(d, Headline.of(d), Figures.all(d), "test");
  }

  @Test
  void yearInProgressIsMarkedPartialInChartTableAndNotes() {
    ReportData d =
        data(EVENTS, Map.of(2024, List.of("seizure_events"), 2025, List.of("seizure_events")));
    String html = render(d);
    String fig = section(html, "<figure id=\"fig-fiscal-year\"", "</figure>");
    assertThat(fig)
        .contains("<tr data-fiscal-year=\"2025\" data-partial=\"true\"><td>FY2025 (partial)</td>")
        .contains("<tr data-fiscal-year=\"2024\" data-partial=\"false\"><td>FY2024</td>")
        // The source covers 2024-10 to 2025-03 of FY2025: its data stop inside the year.
        .contains("FY2025 is partial (data through 2025-03, 6 of 12 months)")
        .contains(">FY2025 (partial)</text>")
        .contains("lighter bars: partial fiscal year");
  }

  @Test
  void eventsOutsideTheDataAreListedButNotDrawn() {
    ReportData d = data(EVENTS, Map.of());
    List<Figure> figures = Figures.all(d);
    for (Figure f : figures) {
      if (f.hasChart() && f.timeChart() && !f.id().equals("fig-fiscal-year")) {
        assertThat(f.eventsDrawn()).as(f.id()).containsExactly(2);
      }
    }
    String html = HtmlPage.render(d, Headline.of(d), figures, "test");
    assertThat(html).contains("no (outside the data&#39;s span)").contains("before the data");
    assertThat(html)
        .contains("<a href=\"https://example.org/b\" rel=\"noopener noreferrer\">example.org</a>");
  }

  @Test
  void headlineComparesTheLatestCompleteYearAndReportsTheYearInProgress() {
    Headline h =
        Headline.of(
            data(EVENTS, Map.of(2024, List.of("seizure_events"), 2025, List.of("seizure_events"))));
    assertThat(h.lines().get(0))
        .startsWith("Every figure below is from seizure event files (seizure_events)");
    assertThat(h.lines().get(1))
        .isEqualTo(
            "In FY2024 (seizure_events), 780.0 kg of fentanyl-family seizures were attributed to"
                + " MEXICO_CARTEL (89.7% of the year's kg) and 78.0 kg to CHINA_DIRECT (9.0%): 10.0 times as many kilograms"
                + " on MEXICO_CARTEL as on CHINA_DIRECT.");
    // FY2025 covered October to March: 6 months, never compared with the whole of FY2024.
    assertThat(h.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "FY2025 (partial: data through 2025-03, 6 of 12 months) (seizure_events)")
                    .contains("60.0 kg MEXICO_CARTEL, 6.0 kg CHINA_DIRECT")
                    .contains("compared with the same months of FY2024")
                    .doesNotContain("year in progress"));
    assertThat(h.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("swapped the lead in monthly kg 1 time(s)")
                    .contains("2024-02, put CHINA_DIRECT ahead"));
    assertThat(h.cautions()).isEmpty();
  }

  @Test
  void headlineMakesNoChangeAcrossACoverageChange() {
    // The source covered only October to March of FY2023 (6 months), then every month of FY2024: a
    // change
    // from FY2023 to FY2024 would measure the coverage, so there is none, only a caution saying
    // why.
    ReportData d = data(EVENTS, Map.of());
    List<YearMonth> covered = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2022, 10);
        !m.isAfter(YearMonth.of(2023, 3));
        m = m.plusMonths(1)) {
      covered.add(m);
    }
    covered.addAll(d.months());
    ReportData gap =
        new ReportData(
            d.run(),
            d.months(),
            d.familyKgByRoute(),
            d.fiscalYears(),
            d.familyKgByForm(),
            d.familyUnitsByForm(),
            d.leadChanges(),
            d.analogs(),
            d.shipmentMonths(),
            d.pillPressLinesByRoute(),
            d.pillPressKgByRoute(),
            d.trends(),
            d.quality(),
            d.familyKgByRouteAndConfidence(),
            d.pillPressLinesByRouteAndConfidence(),
            d.policyEvents(),
            d.policyEventsSource(),
            new ReportData.SourceChoice("seizure_events", "test", covered),
            null,
            null);
    Headline h = Headline.of(gap);
    assertThat(h.cautions())
        .containsExactly(
            "FY2024 is not compared with FY2023: seizure_events covers 6 month(s) of"
                + " FY2023 and 12 of FY2024, so a change between them would measure the coverage, not the border (see Coverage).");
    assertThat(h.lines()).noneSatisfy(l -> assertThat(l).contains("Compared with"));
  }

  @Test
  void sameDataGiveTheSamePage() {
    ReportData d = data(EVENTS, Map.of());
    assertThat(render(d)).isEqualTo(render(d));
  }

  @Test
  void emptyWarehouseStillRendersAPage() {
    ReportData.Quality q =
        new ReportData.Quality(List.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(), "");
    ReportData.Run run =
        new ReportData.Run(LocalDate.of(2025, 3, 15), "r1", "/w", "", "", "", "", List.of());
    ReportData d =
        new ReportData(
            run,
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            List.of(),
            q,
            Map.of(),
            Map.of(),
            EVENTS,
            "test",
            new ReportData.SourceChoice(
                "cbp_published", "no seizure source covers any month yet", List.of()),
            null,
            null);
    String html = render(d);
    assertThat(html)
        .contains("No fentanyl-family seizures in the warehouse yet")
        .contains("data none yet");
  }

  @Test
  void bundledPolicyEventsFileIsValidSortedAndSourced() throws IOException {
    Path file = Path.of("jobs/conf/policy-events.csv");
    List<PolicyEvents.PolicyEvent> events =
        PolicyEvents.parse(file.toString(), Files.newInputStream(file));
    assertThat(events)
        .extracting(PolicyEvents.PolicyEvent::date)
        .contains(LocalDate.of(2018, 2, 6), LocalDate.of(2019, 5, 1))
        .isSorted();
    assertThat(events).allSatisfy(e -> assertThat(e.sourceUrl()).startsWith("https://"));
    try (var in = PolicyEvents.class.getResourceAsStream(PolicyEvents.DEFAULT_RESOURCE)) {
      assertThat(in)
          .as(
              "classpath %s (pom: jobs/conf resource includes policy-events.csv)",
              PolicyEvents.DEFAULT_RESOURCE)
          .isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(file));
    }
  }

  @Test
  void badPolicyEventRowsAreErrorsNamingTheLine() {
    // The report reads the events with the policy effects' loader: a row it refuses stops the
    // report too.
    String header = "id,date,label,source_url,primary_citation\n";
    assertThatThrownBy(
            () -> parse(header + "a,2019-13-01,x,https://www.federalregister.gov/d/1,1 FR 1\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("'2019-13-01' is not yyyy-MM-dd");
    assertThatThrownBy(() -> parse("# comment\n" + header + "a,2019-05-01,x,not a url,1 FR 1\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> parse("date,label\n2019-05-01,x\n"))
        .hasMessageContaining("lacks the column");
  }

  private static List<PolicyEvents.PolicyEvent> parse(String csv) throws IOException {
    return PolicyEvents.parse(
        "test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  /** The part of the page from start to the first end after it. */
  static String section(String text, String start, String end) {
    int i = text.indexOf(start);
    assertThat(i).as("page contains %s", start).isGreaterThanOrEqualTo(0);
    return text.substring(i, text.indexOf(end, i) + end.length());
  }
}
