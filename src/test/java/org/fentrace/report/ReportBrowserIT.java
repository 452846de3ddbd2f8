package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.fentrace.testing.SampleWarehouse;
import org.junit.jupiter.api.Test;

/**
 * Opens the sample report from disk in headless Chromium (Debian's {@code chromium}; {@code
 * jobs/test} installs it) and checks what a reader would: no console errors or uncaught exceptions,
 * no failed request and no request leaving the disk, every chart present, laid out and drawn. Saves
 * a full-page screenshot to {@code target/report-screenshot.png} and Chromium's own log to {@code
 * target/report-chromium.log}. A missing browser fails the test: it must run in CI.
 */
class ReportBrowserIT {
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  static final Path LOG = Path.of("target", "report-chromium.log");
  static final List<String> EXPECTED_CHARTS =
      List.of(
          "fig-monthly-route",
          "fig-share",
          "fig-fiscal-year",
          "fig-forms",
          "fig-analogs",
          "fig-pill-presses",
          "fig-analog-waves",
          "fig-rejects",
          "fig-unattributed",
          "fig-coverage",
          // Policy effects: a chart for each event with an estimate on the sample (CBP covers Oct
          // 2018 .. Sep 2022,
          // the NFLIS slice 2017 .. 2025), in event order.
          "fig-effect-us-support-act-2018",
          "fig-effect-cn-fentanyl-class-2019",
          "fig-effect-us-title-42-2020",
          "fig-effect-us-cn-woodside-2023");

  /** Per chart figure: its svg's size on the page and how much was drawn in it. */
  static final String CHARTS_JS =
      """
      JSON.stringify([...document.querySelectorAll('figure.has-chart')].map(f => {
        const svg = f.querySelector('.chart svg');
        const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
        const marks = svg ? [...svg.querySelectorAll('path,rect,line,polygon,polyline')] : [];
        const colours = new Set(marks.flatMap(m => [getComputedStyle(m).fill, getComputedStyle(m).stroke])
            .map(c => (c || '').replace(/ /g, '').replace(/^rgba\\((\\d+,\\d+,\\d+),[\\d.]+\\)$/, 'rgb($1)'))
            .filter(c => c.startsWith('rgb(') && !/^rgb\\((\\d+),\\1,\\1\\)$/.test(c)));
        return {id: f.id, svg: !!svg, width: r.width, height: r.height, marks: marks.length,
                texts: svg ? svg.querySelectorAll('text').length : 0, colours: colours.size};
      }))""";

  @Test
  void reportOpensFromDiskWithoutErrorsAndDrawsEveryChart() throws Exception {
    Path binary = Chromium.binary();
    assertThat(Files.isExecutable(binary))
        .withFailMessage(
            "Chromium is required for the report's browser test and was not found at %s. Install"
                + " Debian's package (apt-get install -y chromium; jobs/test does this as root when it is missing) or point"
                + " FENTRACE_CHROMIUM at a Chromium binary.",
            binary)
        .isTrue();
    ReportResult report = SampleWarehouse.report();
    assertThat(report.charts()).containsExactlyElementsOf(EXPECTED_CHARTS);
    String url = SampleWarehouse.index().toUri().toString();
    Files.createDirectories(SCREENSHOT.getParent());

    try (Chromium browser = Chromium.launch(binary, LOG)) {
      String target =
          browser
              .send(null, "Target.createTarget", Map.of("url", "about:blank"))
              .get("targetId")
              .asText();
      String s =
          browser
              .send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
              .get("sessionId")
              .asText();
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        browser.send(s, domain + ".enable", Map.of());
      }
      browser.send(
          s,
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 1280, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
      browser.send(s, "Page.navigate", Map.of("url", url));
      browser.await(
          e ->
              "Page.loadEventFired".equals(e.path("method").asText())
                  && s.equals(e.path("sessionId").asText()),
          Duration.ofSeconds(60));

      JsonNode charts = new ObjectMapper().readTree(evaluate(browser, s, CHARTS_JS));
      List<String> ids = new ArrayList<>();
      for (JsonNode c : charts) {
        String id = c.get("id").asText();
        ids.add(id);
        assertThat(c.get("svg").asBoolean()).as("%s has an inline svg", id).isTrue();
        assertThat(c.get("width").asDouble()).as("%s width on the page", id).isGreaterThan(600);
        assertThat(c.get("height").asDouble()).as("%s height on the page", id).isGreaterThan(120);
        assertThat(c.get("marks").asInt()).as("%s drawn shapes", id).isGreaterThan(20);
        assertThat(c.get("texts").asInt()).as("%s text labels", id).isGreaterThan(5);
        assertThat(c.get("colours").asInt())
            .as("%s data colours (not grey)", id)
            .isGreaterThanOrEqualTo(1);
      }
      assertThat(ids).containsExactlyElementsOf(EXPECTED_CHARTS);
      // The first line names the source every figure comes from; the first finding follows it.
      assertThat(evaluate(browser, s, "document.querySelector('#summary-lines li').textContent"))
          .startsWith("Every figure below is from");
      assertThat(
              evaluate(
                  browser,
                  s,
                  "document.querySelector('#summary-lines li:nth-child(2)').textContent"))
          .startsWith("In FY");

      screenshot(browser, s);
      Thread.sleep(200);

      List<String> problems = new ArrayList<>();
      for (JsonNode e : browser.events("Runtime.consoleAPICalled")) {
        String type = e.at("/params/type").asText();
        if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
          problems.add("console." + type + ": " + e.at("/params/args"));
        }
      }
      browser
          .events("Runtime.exceptionThrown")
          .forEach(e -> problems.add("exception: " + e.at("/params/exceptionDetails")));
      for (JsonNode e : browser.events("Log.entryAdded")) {
        if (List.of("error", "warning").contains(e.at("/params/entry/level").asText())) {
          problems.add(
              "log "
                  + e.at("/params/entry/level").asText()
                  + ": "
                  + e.at("/params/entry/text").asText()
                  + " "
                  + e.at("/params/entry/url").asText());
        }
      }
      browser
          .events("Network.loadingFailed")
          .forEach(e -> problems.add("failed request: " + e.get("params")));
      for (JsonNode e : browser.events("Network.responseReceived")) {
        if (e.at("/params/response/status").asInt() >= 400) {
          problems.add(
              "HTTP "
                  + e.at("/params/response/status").asInt()
                  + ": "
                  + e.at("/params/response/url").asText());
        }
      }
      List<String> requested = new ArrayList<>();
      for (JsonNode e : browser.events("Network.requestWillBeSent")) {
        String u = e.at("/params/request/url").asText();
        requested.add(u);
        if (!u.startsWith("file:") && !u.startsWith("data:")) {
          problems.add("request off the disk: " + u);
        }
      }
      assertThat(requested).as("requests made by the page").contains(url);
      assertThat(problems)
          .as("console errors, exceptions and failed requests while opening %s", url)
          .isEmpty();
    }
    assertThat(SCREENSHOT).isNotEmptyFile();
  }

  private static String evaluate(Chromium browser, String session, String expression)
      throws Exception {
    JsonNode r =
        browser.send(
            session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    assertThat(r.has("exceptionDetails"))
        .as("evaluating %s: %s", expression, r.get("exceptionDetails"))
        .isFalse();
    return r.at("/result/value").asText();
  }

  /**
   * A screenshot of the whole page (1280 px wide, as tall as the page) in
   * target/report-screenshot.png.
   */
  private static void screenshot(Chromium browser, String session) throws Exception {
    JsonNode metrics = browser.send(session, "Page.getLayoutMetrics", Map.of());
    int height = (int) Math.ceil(metrics.at("/cssContentSize/height").asDouble());
    browser.send(
        session,
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            1280,
            "height",
            Math.max(1000, Math.min(height, 30000)),
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    JsonNode shot =
        browser.send(
            session,
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(SCREENSHOT, Base64.getDecoder().decode(shot.get("data").asText()));
  }
}
