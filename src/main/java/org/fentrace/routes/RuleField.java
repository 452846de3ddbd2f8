package org.fentrace.routes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.fentrace.normalize.Conveyance;
import org.fentrace.normalize.Region;
import org.fentrace.normalize.SubstanceClass;

/**
 * The normalized fields a route rule may test, with the values each accepts. Rules name fields by
 * these snake_case names; values outside a field's vocabulary are a validation error, so a typo in a
 * rule file fails before any Spark work instead of silently matching nothing.
 */
public enum RuleField {
  SOURCE_FORMAT(false, Set.of("seizure_events", "customs_shipments", "cbp_nationwide", "cbp_amo")),
  ORIGIN_COUNTRY(false, null),
  EXPORT_COUNTRY(false, null),
  TRANSIT_COUNTRIES(true, null),
  DESTINATION_COUNTRY(false, null),
  CONVEYANCE(false, names(Conveyance.values())),
  REGION(false, names(Region.values())),
  CBP_LAND_FILTER(false, Set.of("LAND_ONLY", "OTHER")),
  CBP_COMPONENT(false, Set.of("OFO", "USBP", "AMO")),
  SUBSTANCE_CLASS(false, names(SubstanceClass.values())),
  GOODS_CLASS(false, Set.of("FENTANYL_PRECURSOR", "PILL_PRESS", "SEIZED_DRUG", "OTHER"));

  private final boolean array;
  /** Allowed values; null for country fields (any ISO alpha-2 code or a country group). */
  private final Set<String> allowed;

  RuleField(boolean array, Set<String> allowed) {
    this.array = array;
    this.allowed = allowed;
  }

  /** The field's name in rule files and in the facts the rules are evaluated on. */
  public String fieldName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isArray() {
    return array;
  }

  public boolean isCountry() {
    return allowed == null;
  }

  public Set<String> allowedValues() {
    return allowed;
  }

  public static RuleField fromName(String name) {
    for (RuleField f : values()) {
      if (f.fieldName().equals(name)) {
        return f;
      }
    }
    return null;
  }

  public static String knownNames() {
    return Arrays.stream(values()).map(RuleField::fieldName).collect(Collectors.joining(", "));
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
