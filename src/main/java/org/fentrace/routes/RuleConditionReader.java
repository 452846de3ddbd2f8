package org.fentrace.routes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fentrace.config.ConfigException;

/**
 * Reads the conditions of a route rule file for {@link RouteRules}: a rule's {@code when} map into
 * a {@link RuleCondition}, each field test checked against its {@link RuleField}'s values, and the
 * file's {@code country_groups} that country tests may name as {@code @group}. Every problem is a
 * {@link ConfigException} naming the rule, the field and the value, before any Spark work.
 */
final class RuleConditionReader {
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  private RuleConditionReader() {}

  /**
   * A rule's {@code when} map as one condition: its field tests and nested {@code any} / {@code
   * all} lists, all of which must hold. {@code w} is the rule's location prefix for messages.
   */
  static RuleCondition conditions(JsonNode when, Map<String, Set<String>> groups, String w) {
    if (!when.isObject()) {
      throw new ConfigException(w + "'when' must be a map of field tests");
    }
    List<RuleCondition> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.equals("any") || key.equals("all")) {
        if (!e.getValue().isArray() || e.getValue().isEmpty()) {
          throw new ConfigException(w + "'" + key + "' must be a non-empty list of condition maps");
        }
        List<RuleCondition> nested = new ArrayList<>();
        for (JsonNode c : e.getValue()) {
          nested.add(conditions(c, groups, w));
        }
        all.add(key.equals("any") ? new RuleCondition.Any(nested) : new RuleCondition.All(nested));
        continue;
      }
      RuleField field = RuleField.fromName(key);
      if (field == null) {
        throw new ConfigException(
            w + "unknown field '" + key + "'; fields: " + RuleField.knownNames() + ", any, all");
      }
      all.add(fieldTest(field, e.getValue(), groups, w));
    }
    return new RuleCondition.All(all);
  }

  private static RuleCondition fieldTest(
      RuleField field, JsonNode spec, Map<String, Set<String>> groups, String w) {
    String f = field.fieldName();
    if (spec.isArray()) {
      return new RuleCondition.FieldTest(
          field, RuleCondition.Test.IN, values(field, spec, groups, w));
    }
    if (spec.isObject() && spec.size() == 1) {
      Map.Entry<String, JsonNode> e = spec.fields().next();
      switch (e.getKey()) {
        case "in":
          return new RuleCondition.FieldTest(
              field, RuleCondition.Test.IN, values(field, e.getValue(), groups, w));
        case "not_in":
          return new RuleCondition.FieldTest(
              field, RuleCondition.Test.NOT_IN, values(field, e.getValue(), groups, w));
        case "is_null":
        case "not_null":
          if (!e.getValue().isBoolean() || !e.getValue().booleanValue()) {
            throw new ConfigException(w + f + ": " + e.getKey() + " takes the value true");
          }
          return new RuleCondition.FieldTest(
              field,
              e.getKey().equals("is_null")
                  ? RuleCondition.Test.IS_NULL
                  : RuleCondition.Test.NOT_NULL,
              Set.of());
        default:
          break;
      }
    }
    throw new ConfigException(
        w
            + f
            + ": expected a list of values or one of {in: [...]}, {not_in: [...]}, "
            + "{is_null: true}, {not_null: true}; got "
            + spec);
  }

  private static Set<String> values(
      RuleField field, JsonNode list, Map<String, Set<String>> groups, String w) {
    String f = field.fieldName();
    if (!list.isArray() || list.isEmpty()) {
      throw new ConfigException(w + f + ": expected a non-empty list of values");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode v : list) {
      if (!v.isTextual()) {
        throw new ConfigException(w + f + ": value " + v + " must be text");
      }
      String s = v.asText();
      if (field.isCountry()) {
        if (s.startsWith("@")) {
          Set<String> g = groups.get(s.substring(1));
          if (g == null) {
            throw new ConfigException(
                w + f + ": country group '" + s + "' is not defined in country_groups");
          }
          out.addAll(g);
        } else if (ISO_COUNTRIES.contains(s)) {
          out.add(s);
        } else {
          throw new ConfigException(
              w + f + ": '" + s + "' is not an ISO 3166-1 alpha-2 code (upper case) or @group");
        }
      } else if (field.accepts(s)) {
        out.add(s);
      } else {
        throw new ConfigException(w + f + ": '" + s + "' is not " + field.describeValues());
      }
    }
    return Set.copyOf(out);
  }

  /** The file's {@code country_groups}: group name to ISO codes; empty when the file has none. */
  static Map<String, Set<String>> countryGroups(JsonNode node, String source) {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return groups;
    }
    if (!node.isObject()) {
      throw new ConfigException(
          "route rule file " + source + ": country_groups must map names to lists of ISO codes");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Set<String> codes = new LinkedHashSet<>();
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        throw new ConfigException(
            "route rule file "
                + source
                + ": country group '"
                + e.getKey()
                + "' must be a non-empty list");
      }
      for (JsonNode c : e.getValue()) {
        if (!ISO_COUNTRIES.contains(c.asText())) {
          throw new ConfigException(
              "route rule file "
                  + source
                  + ": country group '"
                  + e.getKey()
                  + "': '"
                  + c.asText()
                  + "' is not an ISO 3166-1 alpha-2 code (upper case)");
        }
        codes.add(c.asText());
      }
      groups.put(e.getKey(), codes);
    }
    return groups;
  }
}
