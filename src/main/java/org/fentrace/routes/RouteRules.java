package org.fentrace.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fentrace.config.ConfigException;
import org.fentrace.config.FentraceConfig;
import org.fentrace.core.Confidence;
import org.fentrace.core.Route;

/**
 * A versioned, ordered set of route rules read from YAML (default: {@code
 * jobs/conf/route-rules.yaml}, bundled in the jar). The whole file is validated on load; any
 * problem is a {@link ConfigException} naming the rule and what is wrong, raised before Spark
 * starts. Its version and SHA-256 go into the lineage of every row ({@code route_rule =
 * id@version#checksum}) and into the run manifest.
 *
 * <p>File layout: {@code version}, optional {@code country_groups} (name to ISO codes, used as
 * {@code @name} in country tests), and {@code rules}: each with {@code id}, {@code description},
 * {@code when}, {@code route}, {@code confidence}, and optionally {@code reasoning} (why the
 * evidence supports the route; the report's rule table shows it, and the bundled files give it for
 * every rule). A {@code when} map holds field tests, all of which must hold, plus optional {@code
 * any} / {@code all} lists of nested maps. A field test is a list of values (the field is one of
 * them) or one of {@code {in: [...]}}, {@code {not_in: [...]}}, {@code {is_null: true}}, {@code
 * {not_null: true}}. The last rule must have no conditions, so every record gets a route.
 */
public final class RouteRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Classpath location of the bundled default (the jar carries jobs/conf as conf/). */
  public static final String DEFAULT_RESOURCE = "/conf/route-rules.yaml";

  private static final Set<String> TOP_KEYS = Set.of("version", "country_groups", "rules");
  private static final Set<String> RULE_KEYS =
      Set.of("id", "description", "reasoning", "when", "route", "confidence");

  private final String source;
  private final String version;
  private final String sha256;
  private final List<RouteRule> rules;

  private RouteRules(String source, String version, String sha256, List<RouteRule> rules) {
    this.source = source;
    this.version = version;
    this.sha256 = sha256;
    this.rules = List.copyOf(rules);
  }

  /** The route rules the configuration names (or the bundled default), validated. */
  public static RouteRules configured(FentraceConfig config) {
    return config.routeRulesFile().map(RouteRules::load).orElseGet(RouteRules::loadDefault);
  }

  public static RouteRules loadDefault() {
    return loadBundled(DEFAULT_RESOURCE);
  }

  /**
   * A rule file bundled in the jar (under {@code /conf/}); its source reads {@code bundled
   * <resource>}.
   */
  public static RouteRules loadBundled(String resource) {
    try (InputStream in = RouteRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the route rules " + resource + " are missing from the jar");
      }
      return parse(in.readAllBytes(), "bundled " + resource);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The rules a manifest's {@code route_rules_source} names: a bundled resource or a file path;
   * null when it can no longer be read (the file moved), so a reader can say so instead of failing.
   */
  public static RouteRules fromSource(String source) {
    if (source == null || source.isBlank()) {
      return null;
    }
    try {
      return source.startsWith("bundled ")
          ? loadBundled(source.substring("bundled ".length()))
          : load(Path.of(source));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The stamp the warehouse records for the rules its stored routes were decided with: version and
   * SHA-256 of the file. Two rule files with the same stamp decide every record alike.
   */
  public String stamp() {
    return version + "#" + sha256;
  }

  public static RouteRules load(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new ConfigException("cannot read the route rule file " + file + ": " + e.getMessage());
    }
  }

  /** Parses and validates a rule file's bytes; {@code source} names it in messages. */
  public static RouteRules parse(byte[] yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new ConfigException(
          "route rule file " + source + " is not valid YAML: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(
          "route rule file " + source + " must be a map with version and rules");
    }
    unknownKeys(root, TOP_KEYS, "route rule file " + source);
    String version = text(root, "version", "route rule file " + source);
    Map<String, Set<String>> groups =
        RuleConditionReader.countryGroups(root.get("country_groups"), source);
    JsonNode list = root.get("rules");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new ConfigException("route rule file " + source + " has no rules list");
    }
    List<RouteRule> rules = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      RouteRule rule = rule(list.get(i), i + 1, groups, source);
      if (!ids.add(rule.id())) {
        throw new ConfigException(
            where(source, rule.id()) + "the id is used twice; rule ids must be unique");
      }
      rules.add(rule);
    }
    RouteRule last = rules.get(rules.size() - 1);
    if (!(last.condition() instanceof RuleCondition.All all && all.conditions().isEmpty())) {
      throw new ConfigException(
          where(source, last.id())
              + "the last rule must have no conditions (an empty 'when'), "
              + "so that every record gets a route");
    }
    return new RouteRules(source, version, sha256(yaml), rules);
  }

  public String source() {
    return source;
  }

  public String version() {
    return version;
  }

  public String sha256() {
    return sha256;
  }

  public List<RouteRule> rules() {
    return rules;
  }

  /**
   * The lineage tag stored in {@code route_rule}: {@code id@version#checksum}, the checksum being
   * the first 8 hex digits of the rule file's SHA-256, so a row names the exact file that decided
   * it even when someone edited the rules without bumping the version.
   */
  public String tag(RouteRule rule) {
    return rule.id() + "@" + version + "#" + sha256.substring(0, 8);
  }

  private static RouteRule rule(
      JsonNode n, int position, Map<String, Set<String>> groups, String source) {
    String label = "rule #" + position;
    if (!n.isObject()) {
      throw new ConfigException(
          where(source, label)
              + "a rule must be a map with id, description, when, route, confidence");
    }
    String id = text(n, "id", bare(where(source, label)));
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new ConfigException(
          where(source, label) + "id '" + id + "' must be lower case letters, digits and hyphens");
    }
    String w = where(source, id);
    unknownKeys(n, RULE_KEYS, bare(w));
    String description = text(n, "description", bare(w));
    JsonNode why = n.get("reasoning");
    if (why != null && (!why.isTextual() || why.asText().isBlank())) {
      throw new ConfigException(
          w + "'reasoning' must be text saying why the evidence supports the route");
    }
    String reasoning = why == null ? null : why.asText().strip().replaceAll("\\s+", " ");
    Route route = enumValue(Route.class, text(n, "route", bare(w)), w + "route");
    Confidence confidence =
        enumValue(Confidence.class, text(n, "confidence", bare(w)), w + "confidence");
    JsonNode when = n.get("when");
    RuleCondition condition =
        when == null || when.isNull()
            ? new RuleCondition.All(List.of())
            : RuleConditionReader.conditions(when, groups, w);
    return new RouteRule(id, description, reasoning, condition, route, confidence);
  }

  private static String text(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new ConfigException(where + ": '" + key + "' is missing or empty");
    }
    return v.asText().strip();
  }

  private static void unknownKeys(JsonNode n, Set<String> known, String where) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw new ConfigException(
            where + ": unknown key '" + k + "'; expected " + new java.util.TreeSet<>(known));
      }
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          where
              + " '"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A location prefix without its trailing colon, for messages that add their own. */
  private static String bare(String where) {
    return where.replaceAll(":\\s*$", "");
  }

  private static String where(String source, String rule) {
    return "route rule file " + source + ", rule " + rule + ": ";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
