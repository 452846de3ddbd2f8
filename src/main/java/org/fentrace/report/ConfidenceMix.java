package org.fentrace.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Confidence;
import org.fentrace.core.Route;

/**
 * The confidence of the route rules behind a figure, in words: for each route, the share of its kg
 * (or shipment lines) decided by HIGH, MEDIUM and LOW rules. The mix is what tells a reader how far
 * to trust a line: CBP aggregates carry no origin, so every route they get is a LOW or MEDIUM
 * proxy.
 */
final class ConfidenceMix {
  private ConfidenceMix() {}

  static final List<String> ORDER =
      List.of(
          Confidence.HIGH.wireName(),
          Confidence.MEDIUM.wireName(),
          Confidence.LOW.wireName(),
          Confidence.NO_RULE);
  static final String LEGEND =
      "HIGH: origin, transit or conveyance recorded on the seizure or shipment; "
          + "MEDIUM: inferred from where it was seized (Southwest border land crossing); LOW: CBP aggregate "
          + "proxy from region and land filter alone; NONE: no route rule has run on the row.";

  /**
   * "MEXICO_CARTEL: 97% MEDIUM, 2% HIGH, 1% LOW of kg; CHINA_DIRECT: ..." for the given routes (all
   * when empty).
   */
  static String ofKg(Map<Route, Map<String, BigDecimal>> byRoute, List<Route> routes) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Route, Map<String, BigDecimal>> e : byRoute.entrySet()) {
      if (!routes.isEmpty() && !routes.contains(e.getKey())) {
        continue;
      }
      BigDecimal total = e.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (total.signum() <= 0) {
        continue;
      }
      List<String> mix = new ArrayList<>();
      for (String level : ORDER) {
        BigDecimal v = e.getValue().get(level);
        if (v != null && v.signum() > 0) {
          mix.add(
              Html.pct(
                      v.multiply(BigDecimal.valueOf(100))
                          .divide(total, MathContext.DECIMAL64)
                          .doubleValue())
                  + " "
                  + level);
        }
      }
      parts.add(e.getKey().wireName() + ": " + String.join(", ", mix));
    }
    return parts.isEmpty()
        ? "no attributed kg"
        : String.join("; ", parts) + " (share of each route's kg by rule confidence)";
  }

  /** The same for counts (pill press shipment lines). */
  static String ofCounts(Map<Route, Map<String, Long>> byRoute) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Route, Map<String, Long>> e : byRoute.entrySet()) {
      long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      if (total <= 0) {
        continue;
      }
      List<String> mix = new ArrayList<>();
      for (String level : ORDER) {
        Long v = e.getValue().get(level);
        if (v != null && v > 0) {
          mix.add(Html.pct(100.0 * v / total) + " " + level);
        }
      }
      parts.add(e.getKey().wireName() + ": " + String.join(", ", mix));
    }
    return parts.isEmpty()
        ? "no pill press shipment lines"
        : String.join("; ", parts) + " (share of lines by rule confidence)";
  }
}
