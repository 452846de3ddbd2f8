package org.fentrace.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.fentrace.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule files are validated on load, with messages that name the rule and the problem. Pure Java.
 */
class RouteRulesTest {
  static final String HEAD = "version: \"9\"\ncountry_groups: {china: [CN, HK, MO]}\nrules:\n";
  static final String CATCH_ALL =
      "  - {id: rest, description: d, route: UNATTRIBUTED, confidence: LOW}\n";

  static RouteRules parse(String rules) {
    return RouteRules.parse(
        (HEAD + rules + CATCH_ALL).getBytes(StandardCharsets.UTF_8), "test.yaml");
  }

  @Test
  void bundledDefaultLoadsWithVersionChecksumAndCatchAll() {
    RouteRules r = RouteRules.loadDefault();
    assertThat(r.version()).isEqualTo("1.1.0");
    assertThat(r.sha256()).hasSize(64);
    assertThat(r.rules())
        .extracting(RouteRule::id)
        .startsWith("cbp-southwest-land")
        .endsWith("unattributed");
    assertThat(r.tag(r.rules().get(0)))
        .isEqualTo("cbp-southwest-land@1.1.0#" + r.sha256().substring(0, 8));
    assertThat(r.sha256()).matches("[0-9a-f]{64}");
  }

  @Test
  void everyBundledRuleSaysWhyAndTheAlternativesDifferOnlyInTheCbpRules() {
    RouteRules in = RouteRules.loadDefault();
    java.util.Map<String, RouteRules> alternatives = SensitivityRuleSets.alternatives();
    assertThat(alternatives)
        .containsOnlyKeys("mail-facilities-only", "gulf-coast-mexico", "all-coastal-interior");
    java.util.List<RouteRule> eventRules =
        in.rules().stream().filter(r -> !r.id().startsWith("cbp-")).toList();
    assertThat(eventRules).hasSize(8);
    for (var e : alternatives.entrySet()) {
      RouteRules alt = e.getValue();
      assertThat(alt.version()).as(e.getKey()).isEqualTo("1.1.0-" + e.getKey());
      assertThat(alt.rules().stream().filter(r -> !r.id().startsWith("cbp-")).toList())
          .as(e.getKey())
          .isEqualTo(eventRules);
      assertThat(alt.sha256()).isNotEqualTo(in.sha256());
    }
    for (RouteRules r : java.util.List.of(in, alternatives.get("gulf-coast-mexico"))) {
      assertThat(r.rules())
          .allSatisfy(rule -> assertThat(rule.reasoning()).as(rule.id()).isNotBlank());
    }
    RouteRule hubs =
        in.rules().stream().filter(r -> r.id().equals("cbp-parcel-hubs")).findFirst().orElseThrow();
    assertThat(hubs.reasoning()).contains("JFK International").contains("not evidence of parcels");
  }

  @Test
  void reasoningIsOptionalForOwnRuleFilesAndFoldedToOneLine() {
    RouteRules r =
        parse(
            "  - {id: a, description: d, reasoning: \"one\\n   two\", route: CHINA_DIRECT, confidence: LOW}\n");
    assertThat(r.rules().get(0).reasoning()).isEqualTo("one two");
    assertThat(r.rules().get(1).reasoning()).isNull();
  }

  @Test
  void groupsExpandAndShorthandListsMeanIn() {
    RouteRules r =
        parse(
            "  - {id: a, description: d, when: {origin_country: ['@china'], conveyance: [SEA]}, "
                + "route: CHINA_DIRECT, confidence: HIGH}\n");
    var all = (RuleCondition.All) r.rules().get(0).condition();
    assertThat(all.conditions())
        .containsExactly(
            new RuleCondition.FieldTest(
                RuleField.ORIGIN_COUNTRY,
                RuleCondition.Test.IN,
                java.util.Set.of("CN", "HK", "MO")),
            new RuleCondition.FieldTest(
                RuleField.CONVEYANCE, RuleCondition.Test.IN, java.util.Set.of("SEA")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{id: a, description: d, when: {origin: [CN]}, route: CHINA_DIRECT, confidence: HIGH}|rule a: unknown field 'origin'",
        "{id: a, description: d, when: {origin_country: [China]}, route: CHINA_DIRECT, confidence: HIGH}|rule a: origin_country: 'China' is not an ISO",
        "{id: a, description: d, when: {origin_country: ['@chna']}, route: CHINA_DIRECT, confidence: HIGH}|rule a: origin_country: country group '@chna' is not defined",
        "{id: a, description: d, when: {conveyance: [MAIL]}, route: CHINA_DIRECT, confidence: HIGH}|rule a: conveyance: 'MAIL' is not one of",
        "{id: a, description: d, route: CHINA, confidence: HIGH}|rule a: route 'CHINA' is not one of",
        "{id: a, description: d, route: CHINA_DIRECT, confidence: SURE}|rule a: confidence 'SURE' is not one of",
        "{id: a, description: d, route: CHINA_DIRECT}|rule a: 'confidence' is missing",
        "{id: a, route: CHINA_DIRECT, confidence: HIGH}|rule a: 'description' is missing",
        "{id: A B, description: d, route: CHINA_DIRECT, confidence: HIGH}|rule #1: id 'A B' must be lower case",
        "{id: a, description: d, route: CHINA_DIRECT, confidence: HIGH, script: 'rm -rf /'}|rule a: unknown key 'script'",
        "{id: a, description: d, when: {region: {matches: '.*'}}, route: CHINA_DIRECT, confidence: HIGH}|rule a: region: expected a list",
        "{id: a, description: d, when: {region: {is_null: false}}, route: CHINA_DIRECT, confidence: HIGH}|rule a: region: is_null takes the value true",
        "{id: a, description: d, when: {any: []}, route: CHINA_DIRECT, confidence: HIGH}|rule a: 'any' must be a non-empty list",
        "{id: rest, description: d, route: CHINA_DIRECT, confidence: HIGH}|rule rest: the id is used twice",
        "{id: a, description: d, when: {cbp_area_of_responsibility: [new york]}, route: CHINA_DIRECT, confidence: LOW}|rule a: cbp_area_of_responsibility: 'new york' is not an upper-case CBP office",
        "{id: a, description: d, reasoning: '', route: CHINA_DIRECT, confidence: LOW}|rule a: 'reasoning' must be text"
      })
  void badRulesAreNamedWithTheirProblem(String rule, String expected) {
    assertThatThrownBy(() -> parse("  - " + rule + "\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("route rule file test.yaml")
        .hasMessageContaining(expected);
  }

  @Test
  void theLastRuleMustCatchEverything() {
    byte[] yaml =
        (HEAD
                + "  - {id: a, description: d, when: {region: [SOUTHWEST_BORDER]}, route: MEXICO_CARTEL, confidence: HIGH}\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RouteRules.parse(yaml, "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rule a: the last rule must have no conditions");
  }

  @Test
  void notYamlAndMissingVersionAreReported() {
    assertThatThrownBy(
            () -> RouteRules.parse("rules: [".getBytes(StandardCharsets.UTF_8), "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(
            () ->
                RouteRules.parse(
                    ("rules:\n" + CATCH_ALL).getBytes(StandardCharsets.UTF_8), "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'version' is missing");
  }
}
