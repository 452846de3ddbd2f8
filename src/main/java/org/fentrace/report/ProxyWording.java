package org.fentrace.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Confidence;
import org.fentrace.core.Route;
import org.fentrace.routes.RouteRule;
import org.fentrace.routes.RouteRules;

/**
 * How the report names a route whose kilograms come from a proxy rule. A rule is a proxy when its
 * confidence is below HIGH and it gives a route: the route is inferred (from where the drug was
 * seized, or from a conveyance assumed), not recorded on the row. In a source where most of a
 * route's kilograms rest on such rules (CBP's aggregates carry no origin at all), the report says
 * what the route really counts, e.g. "CHINA_DIRECT = Coastal/Interior ports (proxy for direct
 * parcels)", and never that the route "carried" the drugs.
 */
final class ProxyWording {
  private static final String PROXY_FOR = "(proxy for";

  private ProxyWording() {}

  static boolean isProxy(RouteRule rule) {
    return rule.confidence() != Confidence.HIGH && rule.route() != Route.UNATTRIBUTED;
  }

  /**
   * What a proxy rule counts, in the reader's words: its description's opening "X (proxy for Y)"
   * when it has one, else the description's first clause followed by "(proxy: inferred from where
   * it was seized)".
   */
  static String phrase(RouteRule rule) {
    String d = rule.description() == null ? rule.id() : rule.description().strip();
    int p = d.indexOf(PROXY_FOR);
    int close = p < 0 ? -1 : d.indexOf(')', p);
    if (close > 0) {
      return d.substring(0, close + 1);
    }
    String clause = d.split("[;:.]", 2)[0].strip();
    return clause + " (proxy: inferred from where it was seized, not recorded)";
  }

  /**
   * Route to its proxy wording, for each route whose kilograms in the report's source rest mostly
   * (the confidence holding the most kg) on a confidence below HIGH; the wording is that of the
   * first rule of the file in force, in the order tried, that gives the route at that confidence.
   * Routes with mostly HIGH kilograms, UNATTRIBUTED, and routes with no kilograms are left out.
   *
   * @param rules the rule file in force (null when it cannot be read: the generic proxy wording is
   *     used)
   * @param kgByRouteAndConfidence fentanyl-family kg of the report's source by route and confidence
   */
  static Map<Route, String> labels(
      RouteRules rules, Map<Route, Map<String, BigDecimal>> kgByRouteAndConfidence) {
    Map<Route, String> out = new LinkedHashMap<>();
    kgByRouteAndConfidence.forEach(
        (route, mix) -> {
          if (route == Route.UNATTRIBUTED || mix.isEmpty()) {
            return;
          }
          Map.Entry<String, BigDecimal> top =
              mix.entrySet().stream().max(Map.Entry.comparingByValue()).get();
          if (top.getValue().signum() <= 0
              || top.getKey().equals(Confidence.HIGH.wireName())
              || top.getKey().equals(Confidence.NO_RULE)) {
            return;
          }
          String phrase = "proxy: inferred from where it was seized, not recorded";
          List<RouteRule> list = rules == null ? List.of() : rules.rules();
          for (RouteRule r : list) {
            if (isProxy(r) && r.route() == route && r.confidence().name().equals(top.getKey())) {
              phrase = phrase(r);
              break;
            }
          }
          out.put(route, route.wireName() + " = " + phrase);
        });
    return out;
  }

  /** The route as the report first names it: its proxy wording when it has one, else its code. */
  static String name(Map<Route, String> labels, Route route) {
    return labels.getOrDefault(route, route.wireName());
  }

  /**
   * The route as the report names it again, once defined: "CHINA_DIRECT (proxy)", else its code.
   */
  static String shortName(Map<Route, String> labels, Route route) {
    return labels.containsKey(route) ? route.wireName() + " (proxy)" : route.wireName();
  }

  /**
   * Said beside the unattributed share when proxy rules give the source's routes: the share is
   * small by construction (the proxies give a route to every row they match by where it was
   * seized), so it says the rules covered the rows, not that their origin is known. Empty when no
   * route is a proxy.
   */
  static String unattributedCaveat(Map<Route, String> labels, String source) {
    if (labels.isEmpty()) {
      return "";
    }
    return " This is small by construction, not by evidence: in "
        + source
        + " the proxy rules give a route to every"
        + " row they match from where it was seized, so only rows no rule matches stay unattributed; it does not"
        + " mean the origin of the rest is known.";
  }
}
