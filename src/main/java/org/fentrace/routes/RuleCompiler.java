package org.fentrace.routes;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * Turns a rule set into one Spark expression: a CASE WHEN chain in rule order whose value is the
 * struct (route, route_rule, route_confidence) of the first rule that holds. The rules stay data;
 * Spark evaluates them with its own code generation, with no row-by-row Java call.
 */
public final class RuleCompiler {
  private RuleCompiler() {}

  /**
   * @param facts the column holding each field's value for the table at hand ({@code lit(null)}
   *     when the table has no such field)
   */
  public static Column compile(RouteRules rules, Function<RuleField, Column> facts) {
    Column chain = null;
    List<RouteRule> list = rules.rules();
    for (RouteRule rule : list) {
      Column value =
          struct(
              lit(rule.route().wireName()).as("route"),
              lit(rules.tag(rule)).as("route_rule"),
              lit(rule.confidence().wireName()).as("route_confidence"));
      Column test = condition(rule.condition(), facts);
      chain = chain == null ? when(test, value) : chain.when(test, value);
    }
    return chain;
  }

  /**
   * A condition as a boolean column that is never null (null facts make tests false, not unknown).
   */
  static Column condition(RuleCondition c, Function<RuleField, Column> facts) {
    if (c instanceof RuleCondition.All all) {
      Column result = lit(true);
      for (RuleCondition x : all.conditions()) {
        result = result.and(condition(x, facts));
      }
      return result;
    }
    if (c instanceof RuleCondition.Any any) {
      Column result = lit(false);
      for (RuleCondition x : any.conditions()) {
        result = result.or(condition(x, facts));
      }
      return result;
    }
    RuleCondition.FieldTest t = (RuleCondition.FieldTest) c;
    Column v = facts.apply(t.field());
    Column present = t.field().isArray() ? v.isNotNull().and(size(v).gt(0)) : v.isNotNull();
    Column in =
        t.field().isArray()
            ? arrays_overlap(
                v,
                array(
                    t.values().stream()
                        .sorted()
                        .map(org.apache.spark.sql.functions::lit)
                        .toArray(Column[]::new)))
            : v.isin(t.values().stream().sorted().toArray());
    Column test =
        switch (t.test()) {
          case IN -> present.and(in);
          case NOT_IN -> not(present).or(not(in));
          case IS_NULL -> not(present);
          case NOT_NULL -> present;
        };
    return coalesce(test, lit(false));
  }
}
