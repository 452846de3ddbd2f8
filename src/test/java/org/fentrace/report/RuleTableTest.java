package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fentrace.routes.RouteRules;
import org.junit.jupiter.api.Test;

/** The report's rule table lists every rule of the file in force with its reasoning. Pure Java. */
class RuleTableTest {
  @Test
  void everyRuleIsListedInOrderWithItsReasoningAndProxiesAreNamed() {
    RouteRules rules = RouteRules.fromSource("bundled " + RouteRules.DEFAULT_RESOURCE);
    List<String> notes = new ArrayList<>();
    String html = QualityFigures.ruleTable(rules, notes);
    assertThat(notes).isEmpty();
    // One row per rule (13 in the bundled file), in file order.
    assertThat(html.split("data-rule=").length - 1).isEqualTo(rules.rules().size()).isEqualTo(13);
    assertThat(html.indexOf("data-rule=\"cbp-southwest-land\""))
        .isLessThan(html.indexOf("data-rule=\"cbp-parcel-hubs\""));
    // The parcel proxy says it is one, and why these offices (HTML-escaped apostrophe aside).
    String hubs =
        html.substring(
            html.indexOf("data-rule=\"cbp-parcel-hubs\""),
            html.indexOf("data-rule=\"cbp-northern\""));
    assertThat(hubs)
        .contains("CHINA_DIRECT")
        .contains("Coastal/Interior ports (proxy for direct parcels)")
        .contains("LOW (proxy: where CBP seized it, not where it came from)")
        .contains("JFK International Mail Facility")
        .contains("HOUSTON, BALTIMORE, TAMPA and SAN JUAN");
    String own = html.substring(html.indexOf("data-rule=\"china-direct\""));
    assertThat(own.substring(0, own.indexOf("</tr>"))).doesNotContain("proxy").contains("HIGH");
  }

  @Test
  void aRuleFileThatCannotBeReadIsSaidSo() {
    List<String> notes = new ArrayList<>();
    assertThat(QualityFigures.ruleTable(RouteRules.fromSource("/nowhere/rules.yaml"), notes))
        .isEmpty();
    assertThat(notes).singleElement().asString().contains("can no longer be read");
  }
}
