package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.report.ReportRenderTest.section;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report built from CBP's real "Nationwide Drug Seizures" file (FY2019 to FY2022, 10,092 rows),
 * which is not in the repository. Point {@code fentrace.cbp.file} or {@code FENTRACE_CBP_FILE} at
 * it; without either the test is skipped. The pounds it checks are the fentanyl pounds per fiscal
 * year summed from the file with Python's csv module (independently of fentrace): FY2019 2,803.6,
 * FY2022 14,699.9.
 */
class CbpReportRealFileIT {
  static String html;
  static ReportResult report;

  @BeforeAll
  static void build() throws IOException {
    String path = System.getProperty("fentrace.cbp.file", System.getenv("FENTRACE_CBP_FILE"));
    assumeTrue(
        path != null && Files.isRegularFile(Path.of(path)),
        "set -Dfentrace.cbp.file or FENTRACE_CBP_FILE to CBP's nationwide drug seizures file to run this test");
    Path tmp = Files.createTempDirectory("fentrace-cbp-report-");
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.copy(Path.of(path), landing.resolve(Path.of(path).getFileName()));
    Path w = tmp.resolve("warehouse");
    LocalDate runDate = LocalDate.of(2026, 11, 28);
    Pipelines.Run run =
        Pipelines.execute(
            "run",
            EnumSet.of(PipelineRunner.Step.INGEST, PipelineRunner.Step.TRENDS),
            landing,
            w,
            runDate,
            Map.of());
    assertThat(run.exitCode()).as("pipeline over the CBP file").isZero();
    report =
        new ReportAction(
                SharedSpark.session(),
                new ReportAction.Options(w.toString(), runDate, "20261128T000000Z-cbp"))
            .execute();
    html = Files.readString(w.resolve("report").resolve("index.html"), StandardCharsets.UTF_8);
  }

  @Test
  void proxyRoutesAreNamedAsProxiesAndNeverCarry() {
    String headline = String.join("\n", report.headline());
    assertThat(headline)
        .startsWith("Every figure below is from CBP published statistics (cbp_published)")
        .contains("CHINA_DIRECT = Coastal/Interior ports (proxy for direct parcels)")
        .contains("these routes are proxies, not recorded origins")
        .contains("small by construction")
        .doesNotContain("carried");
    // "carried forward" is the statistical phrase of the policy-effect panels (the pre-event trend
    // carried forward as the counterfactual), not a route carrying drugs: only that phrase may hold
    // the word.
    assertThat(html).contains("carried forward");
    assertThat(html.replace("carried forward", "")).doesNotContain("carried");
  }

  @Test
  void poundsBesideKilogramsMatchCbpsPublishedPounds() {
    // The fiscal-year table's "all routes" lb are the fentanyl family; CBP's file has no analog
    // rows, so
    // they are CBP's fentanyl pounds: FY2019 2,803.6 and FY2022 14,699.9 (summed from the file).
    String table = section(html, "<table id=\"fig-fiscal-year-detail\">", "</table>");
    assertThat(table).contains("<th scope=\"col\">lb</th>");
    java.math.BigDecimal fy2019 = java.math.BigDecimal.ZERO;
    java.math.BigDecimal fy2022 = java.math.BigDecimal.ZERO;
    var m =
        java.util.regex.Pattern.compile(
                "<tr data-fiscal-year=\"(\\d+)\" data-route=\"[A-Z_]+\"[^>]*><td>[^<]*</td>"
                    + "<td>[^<]*</td><td class=\"num\" data-v=\"[^\"]*\">[^<]*</td><td class=\"num\" data-v=\"([^\"]*)\">")
            .matcher(table);
    while (m.find()) {
      if (m.group(1).equals("2019")) {
        fy2019 = fy2019.add(new java.math.BigDecimal(m.group(2)));
      } else if (m.group(1).equals("2022")) {
        fy2022 = fy2022.add(new java.math.BigDecimal(m.group(2)));
      }
    }
    assertThat(fy2019.setScale(1, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("2803.6");
    assertThat(fy2022.setScale(1, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("14699.9");
  }

  @Test
  void sensitivityBandAndLumpyColumnAreShown() {
    String fig = section(html, "<figure id=\"fig-fiscal-year\"", "</figure>");
    assertThat(fig)
        .contains("grey band: lowest to highest kg over the alternative rule sets")
        .contains("kg, lowest to highest over the rule sets")
        .contains("change from the year before is lumpy");
  }
}
