package org.fentrace.routes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alternative rule sets the attribution sensitivity compares with the rules in force. Each is a
 * bundled variant of the default rule file that differs only in how CBP's aggregates are
 * attributed, the one place where a route rests on a proxy rather than on the record's own
 * evidence; the reasoning for each is at the top of its file ({@code
 * jobs/conf/route-rules-alt-*.yaml}).
 */
public final class SensitivityRuleSets {
  /** Name of the rules in force in {@code route_sensitivity}. */
  public static final String IN_FORCE = "in-force";

  /** Names of the alternatives, in the order they are reported. */
  public static final String MAIL_FACILITIES_ONLY = "mail-facilities-only";

  public static final String GULF_COAST_MEXICO = "gulf-coast-mexico";
  public static final String ALL_COASTAL_INTERIOR = "all-coastal-interior";

  private SensitivityRuleSets() {}

  /** The alternatives, name to rules, loaded from the jar. */
  public static Map<String, RouteRules> alternatives() {
    Map<String, RouteRules> m = new LinkedHashMap<>();
    for (String name :
        new String[] {MAIL_FACILITIES_ONLY, GULF_COAST_MEXICO, ALL_COASTAL_INTERIOR}) {
      m.put(name, RouteRules.loadBundled(resource(name)));
    }
    return m;
  }

  /** The classpath location of an alternative. */
  public static String resource(String name) {
    return "/conf/route-rules-alt-" + name + ".yaml";
  }
}
