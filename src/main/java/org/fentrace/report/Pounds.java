package org.fentrace.report;

import java.math.BigDecimal;
import java.math.MathContext;
import org.fentrace.core.Source;

/**
 * CBP publishes pounds; the warehouse stores kilograms (pounds x 0.45359237, the exact
 * international pound). Wherever CBP is the report's source, its kilograms are shown with the
 * pounds CBP published beside them (1 kg = 2.20462 lb), so a reader can check them against CBP's
 * own page.
 */
final class Pounds {
  static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

  private Pounds() {}

  static BigDecimal of(BigDecimal kg) {
    return kg.divide(KG_PER_LB, MathContext.DECIMAL64);
  }

  /** Whether the report's source publishes pounds. */
  static boolean shown(ReportData d) {
    return d.source().chosen() == Source.CBP_PUBLISHED;
  }

  /** "1,234.5 kg (2,721.6 lb)" for CBP, "1,234.5 kg" otherwise. */
  static String kgText(ReportData d, BigDecimal kg) {
    return Html.kg(kg) + " kg" + (shown(d) ? " (" + Html.kg(of(kg)) + " lb)" : "");
  }
}
