package org.fentrace.normalize;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Units a quantity can be given in. Masses convert to kilograms with exact factors (the contract's
 * definitions: 1 lb = 0.45359237 kg, 1 oz = 0.028349523125 kg); counts of pills, tablets or dosage
 * units stay counts.
 */
public enum MassUnit {
  KILOGRAM(
      new BigDecimal("1"),
      "kg",
      "kgs",
      "kilo",
      "kilos",
      "kilogram",
      "kilograms",
      "kilogramo",
      "kilogramos"),
  GRAM(new BigDecimal("0.001"), "g", "gr", "grs", "gram", "grams", "gramo", "gramos", "gm", "gms"),
  MILLIGRAM(
      new BigDecimal("0.000001"),
      "mg",
      "mgs",
      "milligram",
      "milligrams",
      "miligramo",
      "miligramos"),
  MICROGRAM(new BigDecimal("0.000000001"), "mcg", "ug", "µg", "microgram", "micrograms"),
  POUND(new BigDecimal("0.45359237"), "lb", "lbs", "pound", "pounds", "libra", "libras"),
  OUNCE(new BigDecimal("0.028349523125"), "oz", "ozs", "ounce", "ounces", "onza", "onzas"),
  /** Pills, tablets, dosage units: a count, never converted to mass. */
  DOSAGE_UNIT(
      null,
      "pill",
      "pills",
      "tablet",
      "tablets",
      "tab",
      "tabs",
      "dosage unit",
      "dosage units",
      "du",
      "d.u.",
      "pastilla",
      "pastillas",
      "capsule",
      "capsules");

  private static final Map<String, MassUnit> BY_SPELLING = new HashMap<>();

  static {
    for (MassUnit u : values()) {
      for (String s : u.spellings) {
        BY_SPELLING.put(s, u);
      }
    }
  }

  private final BigDecimal kilograms;
  private final String[] spellings;

  MassUnit(BigDecimal kilograms, String... spellings) {
    this.kilograms = kilograms;
    this.spellings = spellings;
  }

  /** Kilograms in one of this unit, or null for counts. */
  public BigDecimal kilograms() {
    return kilograms;
  }

  public boolean isCount() {
    return kilograms == null;
  }

  /**
   * The unit for a raw spelling (case, surrounding spaces, a trailing dot and underscores ignored),
   * or null when unknown. "gr" is read as grams because that is what seizure reports mean by it.
   */
  public static MassUnit fromRaw(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
    MassUnit u = BY_SPELLING.get(s);
    if (u == null && s.endsWith(".")) {
      u = BY_SPELLING.get(s.substring(0, s.length() - 1));
    }
    return u;
  }
}
