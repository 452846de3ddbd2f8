package org.fentrace.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fentrace.routes.RouteRule;
import org.fentrace.routes.RouteRules;
import org.fentrace.routes.RuleCondition;
import org.fentrace.routes.RuleField;

/**
 * fentrace's route rules ({@link RouteRules#loadDefault()}) as one DuckDB {@code CASE WHEN} whose
 * value is the struct {@code {route, route_rule, route_confidence}} of the first rule that holds:
 * the same semantics as {@code org.fentrace.routes.RuleCompiler} (null facts make a test false;
 * list fields test "any element"), written for DuckDB so the competitor attributes routes with the
 * same rule file.
 */
final class DuckDbRoutes {
  private DuckDbRoutes() {}

  /**
   * @param facts SQL expression of each field for the table at hand; a field missing from the map
   *     is NULL
   */
  static String decision(RouteRules rules, Map<RuleField, String> facts) {
    StringBuilder sql = new StringBuilder("CASE");
    for (RouteRule rule : rules.rules()) {
      sql.append("\n  WHEN ")
          .append(condition(rule.condition(), facts))
          .append(" THEN {'route': ")
          .append(quote(rule.route().name()))
          .append(", 'route_rule': ")
          .append(quote(rules.tag(rule)))
          .append(", 'route_confidence': ")
          .append(quote(rule.confidence().name()))
          .append('}');
    }
    return sql.append("\n END").toString();
  }

  private static String condition(RuleCondition c, Map<RuleField, String> facts) {
    if (c instanceof RuleCondition.All all) {
      return join(all.conditions(), " AND ", "TRUE", facts);
    }
    if (c instanceof RuleCondition.Any any) {
      return join(any.conditions(), " OR ", "FALSE", facts);
    }
    RuleCondition.FieldTest t = (RuleCondition.FieldTest) c;
    String v = facts.getOrDefault(t.field(), "NULL");
    boolean array = t.field().isArray();
    String present =
        array ? "(" + v + " IS NOT NULL AND len(" + v + ") > 0)" : "(" + v + " IS NOT NULL)";
    String values =
        t.values().stream().sorted().map(DuckDbRoutes::quote).collect(Collectors.joining(", "));
    String in = array ? "list_has_any(" + v + ", [" + values + "])" : v + " IN (" + values + ")";
    String test =
        switch (t.test()) {
          case IN -> present + " AND " + in;
          case NOT_IN -> "NOT " + present + " OR NOT (" + in + ")";
          case IS_NULL -> "NOT " + present;
          case NOT_NULL -> present;
        };
    return "coalesce((" + test + "), FALSE)";
  }

  private static String join(
      List<RuleCondition> parts, String op, String empty, Map<RuleField, String> facts) {
    if (parts.isEmpty()) {
      return empty;
    }
    return parts.stream().map(p -> "(" + condition(p, facts) + ")").collect(Collectors.joining(op));
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
