package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Route;
import org.fentrace.routes.RouteRule;
import org.fentrace.routes.RouteRules;
import org.junit.jupiter.api.Test;

/**
 * Proxy wording from the shipped rule file: a route whose kilograms rest mostly on rules below HIGH
 * is named by what the rule really counts, the headline never says a route "carried" anything, and
 * the unattributed share is said to be small by construction.
 */
class ProxyWordingTest {
  static final RouteRules SHIPPED =
      RouteRules.load(java.nio.file.Path.of("jobs/conf/route-rules.yaml"));

  static RouteRule rule(String id) {
    return SHIPPED.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void proxiesAreTheRulesBelowHighThatGiveARoute() {
    assertThat(ProxyWording.isProxy(rule("cbp-parcel-hubs"))).isTrue(); // LOW, CHINA_DIRECT
    assertThat(ProxyWording.isProxy(rule("cbp-southwest-land"))).isTrue(); // MEDIUM, MEXICO_CARTEL
    assertThat(ProxyWording.isProxy(rule("china-direct")))
        .isFalse(); // HIGH: the record names China
    assertThat(ProxyWording.isProxy(rule("cbp-other"))).isFalse(); // gives UNATTRIBUTED, no route
  }

  @Test
  void phraseIsTheDescriptionsProxyOpeningOrItsFirstClause() {
    // The parcel-hub rule's description opens "Coastal/Interior ports (proxy for direct parcels):
    // ...".
    assertThat(ProxyWording.phrase(rule("cbp-parcel-hubs")))
        .isEqualTo("Coastal/Interior ports (proxy for direct parcels)");
    assertThat(ProxyWording.phrase(rule("cbp-southwest-land")))
        .isEqualTo("Southwest Border land crossings (proxy for the cartel route)");
    // A description with no proxy opening: its first clause, up to the ';', and a generic proxy
    // note.
    org.fentrace.routes.RouteRule plain =
        new org.fentrace.routes.RouteRule(
            "x",
            "Seized at a port; who knows",
            null,
            null,
            org.fentrace.core.Route.MEXICO_CARTEL,
            org.fentrace.core.Confidence.LOW);
    assertThat(ProxyWording.phrase(plain))
        .isEqualTo("Seized at a port (proxy: inferred from where it was seized, not recorded)");
  }

  /**
   * The confidence mix of cbp_published on the real CBP file under rules 1.1.0, rounded (the run's
   * headline).
   */
  static Map<Route, Map<String, BigDecimal>> cbpMix() {
    Map<Route, Map<String, BigDecimal>> mix = new LinkedHashMap<>();
    mix.put(
        Route.MEXICO_CARTEL, Map.of("MEDIUM", new BigDecimal("6353"), "LOW", new BigDecimal("44")));
    mix.put(Route.CHINA_DIRECT, Map.of("LOW", new BigDecimal("226")));
    mix.put(Route.OTHER_ORIGIN, Map.of("LOW", new BigDecimal("5")));
    mix.put(Route.UNATTRIBUTED, Map.of("LOW", new BigDecimal("40")));
    return mix;
  }

  @Test
  void routesThatRestMostlyOnProxiesAreNamedByWhatTheyCount() {
    Map<Route, String> labels = ProxyWording.labels(SHIPPED, cbpMix());
    assertThat(labels)
        .containsEntry(
            Route.CHINA_DIRECT, "CHINA_DIRECT = Coastal/Interior ports (proxy for direct parcels)")
        .containsKey(Route.MEXICO_CARTEL)
        .containsKey(Route.OTHER_ORIGIN)
        .doesNotContainKey(Route.UNATTRIBUTED);
    // MEDIUM holds most of MEXICO_CARTEL's kg: the first MEDIUM rule to it in file order is
    // cbp-southwest-land.
    assertThat(labels.get(Route.MEXICO_CARTEL))
        .isEqualTo(
            "MEXICO_CARTEL = Southwest Border land crossings (proxy for the" + " cartel route)");
    assertThat(labels.get(Route.OTHER_ORIGIN))
        .isEqualTo("OTHER_ORIGIN = Northern Border (proxy for other origins)");
    // Event files' routes rest on the record's own country: no proxy wording at all.
    assertThat(
            ProxyWording.labels(
                SHIPPED,
                Map.of(
                    Route.CHINA_DIRECT,
                    Map.of("HIGH", BigDecimal.TEN),
                    Route.MEXICO_CARTEL,
                    Map.of("HIGH", BigDecimal.TEN, "MEDIUM", BigDecimal.ONE))))
        .isEmpty();
    assertThat(ProxyWording.unattributedCaveat(Map.of(), "seizure_events")).isEmpty();
    assertThat(ProxyWording.unattributedCaveat(labels, "cbp_published"))
        .contains("small by construction");
  }

  @Test
  void headlineOfAProxySourceSaysProxyNeverCarried() {
    ReportData base = ReportRenderTest.data(List.of(), Map.of());
    ReportData.Run run =
        new ReportData.Run(
            LocalDate.of(2025, 3, 15),
            "r1",
            "/w",
            "m1",
            SHIPPED.version(),
            SHIPPED.sha256(),
            "jobs/conf/route-rules.yaml",
            List.of(SHIPPED.version()));
    ReportData cbp =
        new ReportData(
            run,
            base.months(),
            base.familyKgByRoute(),
            base.fiscalYears(),
            base.familyKgByForm(),
            base.familyUnitsByForm(),
            base.leadChanges(),
            base.analogs(),
            base.shipmentMonths(),
            base.pillPressLinesByRoute(),
            base.pillPressKgByRoute(),
            base.trends(),
            base.quality(),
            cbpMix(),
            base.pillPressLinesByRouteAndConfidence(),
            base.policyEvents(),
            base.policyEventsSource(),
            new ReportData.SourceChoice("cbp_published", "test", base.source().coveredMonths()),
            null,
            null);
    Headline h = Headline.of(cbp);
    String all = String.join("\n", h.lines());
    assertThat(all)
        .doesNotContain("carried")
        .contains(
            "78.0 kg (172.0 lb) to CHINA_DIRECT = Coastal/Interior ports (proxy for direct parcels)")
        .contains("these routes are proxies, not recorded origins");
    // FY2024 UNATTRIBUTED 12 of 870 kg = 1.4%, said with why it is small.
    assertThat(h.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "1.4% of FY2024's fentanyl-family kg (cbp_published)"
                            + " could not be attributed to a route. This is small by construction, not by evidence"));
    // Once defined, a proxy route is named short: the comparison with FY2023 is not made here
    // (FY2023 not
    // covered), so look at the year-to-date line.
    assertThat(h.lines())
        .anySatisfy(
            l -> assertThat(l).startsWith("FY2025 (partial").contains("MEXICO_CARTEL (proxy)"));
    String page = ReportRenderTest.render(cbp);
    assertThat(page)
        .doesNotContain("carried")
        .contains("Coastal/Interior ports (proxy for direct parcels)");
  }
}
