package org.fentrace.routes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.fentrace.core.CbpComponent;
import org.fentrace.core.CbpLandFilter;
import org.fentrace.core.Conveyance;
import org.fentrace.core.GoodsClass;
import org.fentrace.core.InputFormat;
import org.fentrace.core.Region;
import org.fentrace.core.SubstanceClass;
import org.fentrace.core.Vocabulary;

/**
 * The normalized fields a route rule may test, with the values each accepts. Rules name fields by
 * these snake_case names; values outside a field's vocabulary are a validation error, so a typo in
 * a rule file fails before any Spark work instead of silently matching nothing.
 */
public enum RuleField {
  SOURCE_FORMAT(
      false,
      names(
          InputFormat.SEIZURE_EVENTS,
          InputFormat.CUSTOMS_SHIPMENTS,
          InputFormat.CBP_NATIONWIDE,
          InputFormat.CBP_AMO)),
  ORIGIN_COUNTRY(false, null),
  EXPORT_COUNTRY(false, null),
  TRANSIT_COUNTRIES(true, null),
  DESTINATION_COUNTRY(false, null),
  CONVEYANCE(false, names(Conveyance.values())),
  REGION(false, names(Region.values())),
  CBP_LAND_FILTER(false, names(CbpLandFilter.values())),
  CBP_COMPONENT(false, names(CbpComponent.values())),
  SUBSTANCE_CLASS(false, names(SubstanceClass.values())),
  GOODS_CLASS(false, names(GoodsClass.values())),
  /**
   * CBP's "Area of Responsibility" (a field office or Border Patrol sector, in upper case as CBP
   * writes it, e.g. {@code NEW YORK FIELD OFFICE}); null outside the CBP nationwide file. CBP adds
   * and renames offices, so the values are checked for shape, not against a closed list.
   */
  CBP_AREA_OF_RESPONSIBILITY(false, Set.of(), true);

  /** The shape of a CBP office or sector name as the normalizer stores it. */
  private static final String OFFICE_NAME = "[A-Z0-9][A-Z0-9 .&/'()-]*";

  private final boolean array;

  /** Allowed values; null for country fields (any ISO alpha-2 code or a country group). */
  private final Set<String> allowed;

  /** Upper-case names of an open vocabulary, checked by shape ({@link #OFFICE_NAME}). */
  private final boolean openNames;

  RuleField(boolean array, Set<String> allowed) {
    this(array, allowed, false);
  }

  RuleField(boolean array, Set<String> allowed, boolean openNames) {
    this.array = array;
    this.allowed = allowed;
    this.openNames = openNames;
  }

  /**
   * Whether {@code value} may appear in a test on this field (country fields are checked by the
   * caller).
   */
  public boolean accepts(String value) {
    return openNames ? value.matches(OFFICE_NAME) : allowed.contains(value);
  }

  /** What the field accepts, for messages. */
  public String describeValues() {
    return openNames
        ? "an upper-case CBP office or sector name such as 'NEW YORK FIELD OFFICE'"
        : "one of " + new java.util.TreeSet<>(allowed);
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

  private static Set<String> names(Vocabulary... values) {
    return Arrays.stream(values).map(Vocabulary::wireName).collect(Collectors.toUnmodifiableSet());
  }
}
