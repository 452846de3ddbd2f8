package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.report.ReportRenderTest.section;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The policy effects section of the sample report: a figure per event with the counterfactual and
 * plain words, and every row of the published policy_effects table (its export) in its event's
 * figure, each estimate with its rounded level change, interval and chart panel.
 */
class PolicyEffectsReportIT {
  @Test
  void policyEffectsHaveASectionPerEventWithTheCounterfactualAndPlainWords() throws IOException {
    // Title 42 (2020-03-20) has 17 covered CBP months before and 30 after in the sample: a chart
    // and an estimate.
    String title42 =
        section(SampleReport.html(), "<figure id=\"fig-effect-us-title-42-2020\"", "</figure>");
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
    String woodside =
        section(SampleReport.html(), "<figure id=\"fig-effect-us-cn-woodside-2023\"", "</figure>");
    assertThat(woodside).contains("OUTSIDE_COVERAGE");
  }

  @Test
  void policyEffectsAreThePublishedTableWithAPanelPerEstimate() throws IOException {
    // The published table (its export) is the one source: every row appears in its event's
    // figure with the status, and every ESTIMATED row with its level change and interval rounded
    // as the page rounds them, and one chart panel titled by its source, route and class.
    List<CSVRecord> rows = SampleReport.export("policy_effects");
    assertThat(rows).anyMatch(r -> r.get("status").equals("ESTIMATED"));
    for (CSVRecord r : rows) {
      String figure =
          section(
              SampleReport.html(),
              "<figure id=\"fig-effect-" + r.get("event_id") + "\"",
              "</figure>");
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
}
