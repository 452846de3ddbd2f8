package org.fentrace.generate;

import java.util.SplittableRandom;

/**
 * A quantity as a landing file writes it: value, unit spelling, decimals and whether the whole part
 * is grouped with thousands commas. Mutable and reused row after row; {@link #text} overrides the
 * number for deliberately bad values.
 */
final class Quantity {
  static final double LB = 0.45359237;
  static final double OZ = 0.028349523125;

  double value;
  int decimals;
  boolean thousands;
  String unit;

  /** When set, written instead of the number (bad rows). */
  String text;

  void clear() {
    value = 0;
    decimals = 0;
    thousands = false;
    unit = null;
    text = null;
  }

  void copyFrom(Quantity o) {
    value = o.value;
    decimals = o.decimals;
    thousands = o.thousands;
    unit = o.unit;
    text = o.text;
  }

  /**
   * A mass, in a unit that suits its size: grams and ounces for parcels, kilograms and pounds for
   * loads.
   */
  void setMass(double kg, SplittableRandom r) {
    text = null;
    String u =
        kg < 0.5
            ? Rand.pick(r, LandingSpellings.MASS_UNITS_SMALL)
            : Rand.pick(r, LandingSpellings.MASS_UNITS_LARGE);
    if (u.equals("mg") && kg >= 0.01) {
      u = "g"; // milligrams only for a few grams at most
    }
    if (kg >= 0.5 && kg < 5 && r.nextInt(5) == 0) {
      u = r.nextBoolean() ? "g" : "grams";
    }
    unit = u;
    switch (u) {
      case "mg":
        value = kg * 1e6;
        decimals = 0;
        break;
      case "g":
      case "grams":
        value = kg * 1e3;
        decimals = 1;
        break;
      case "oz":
        value = kg / OZ;
        decimals = 2;
        break;
      case "lb":
      case "lbs":
        value = kg / LB;
        decimals = 2;
        break;
      default:
        value = kg;
        decimals = 3;
    }
    double smallest = decimals == 0 ? 1 : decimals == 1 ? 0.1 : decimals == 2 ? 0.01 : 0.001;
    if (value < smallest) {
      value = smallest;
    }
    thousands = value >= 1000 && r.nextInt(3) == 0;
  }

  /** A count of pills, tablets or dosage units: never converted to mass. */
  void setCount(long n, SplittableRandom r) {
    text = null;
    unit = Rand.pick(r, LandingSpellings.COUNT_UNITS);
    value = Math.max(1, n);
    decimals = 0;
    thousands = value >= 1000 && r.nextInt(3) == 0;
  }

  void write(CsvOut out) {
    if (text != null) {
      out.text(text);
    } else {
      out.number(value, decimals, thousands);
    }
  }
}
