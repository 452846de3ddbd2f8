package org.fentrace.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.trends.Vocabulary;

/**
 * The summary at the top of the report, computed from the data: the latest complete fiscal year's
 * fentanyl-family kg on the direct and cartel routes and the change from the year before, a warning when
 * the two years do not rest on the same sources (with the latest like-for-like comparison instead), the
 * year in progress, the lead changes, and how much is unattributed. Plain text; the page escapes it.
 *
 * @param lines the summary sentences, most important first
 * @param cautions sentences a reader must not miss (drawn as warnings)
 */
public record Headline(List<String> lines, List<String> cautions) {
  public Headline {
    lines = List.copyOf(lines);
    cautions = List.copyOf(cautions);
  }

  static final String CD = Vocabulary.CHINA_DIRECT;
  static final String MC = Vocabulary.MEXICO_CARTEL;

  static Headline of(ReportData d) {
    List<String> lines = new ArrayList<>();
    List<String> cautions = new ArrayList<>();
    List<Integer> years = d.fiscalYearList();
    if (years.isEmpty()) {
      return new Headline(List.of("No fentanyl-family seizures in the warehouse yet: run the pipeline on a landing"
          + " folder with seizure data."), List.of());
    }
    List<Integer> complete = years.stream().filter(y -> !d.isPartial(y)).toList();
    int latest = complete.isEmpty() ? years.get(years.size() - 1) : complete.get(complete.size() - 1);
    String fy = "FY" + latest + (d.isPartial(latest) ? " (partial)" : "");
    BigDecimal total = total(d, latest);
    lines.add("In " + fy + ", " + Html.kg(kg(d, latest, MC)) + " kg of fentanyl-family seizures were attributed to "
        + MC + " (" + share(kg(d, latest, MC), total) + " of the year's kg) and " + Html.kg(kg(d, latest, CD))
        + " kg to " + CD + " (" + share(kg(d, latest, CD), total) + ")" + ratio(kg(d, latest, MC), kg(d, latest, CD)) + ".");
    if (years.contains(latest - 1)) {
      lines.add(change(d, latest - 1, latest));
      List<String> before = formats(d, latest - 1);
      List<String> now = formats(d, latest);
      if (!before.equals(now)) {
        cautions.add("Not like for like: FY" + latest + " rests on " + String.join(", ", now) + " and FY" + (latest - 1)
            + " on " + String.join(", ", before) + ". The change between them reflects the sources as much as"
            + " the border (see Coverage).");
        likeForLike(d, complete, latest).ifPresent(lines::add);
      }
    }
    for (int y : years) {
      if (y > latest && d.isPartial(y)) {
        lines.add("FY" + y + " to date (partial, still in progress or not fully covered): " + Html.kg(kg(d, y, MC))
            + " kg " + MC + ", " + Html.kg(kg(d, y, CD)) + " kg " + CD + ".");
      }
    }
    if (!d.leadChanges().isEmpty()) {
      ReportData.LeadChange last = d.leadChanges().get(d.leadChanges().size() - 1);
      lines.add(CD + " and " + MC + " swapped the lead in monthly kg " + d.leadChanges().size() + " time(s); the last"
          + " change, in " + last.month() + ", put " + last.leaderAfter() + " ahead.");
    } else if (!d.months().isEmpty()) {
      lines.add("No lead change between " + CD + " and " + MC + " from " + d.months().get(0) + " to "
          + d.months().get(d.months().size() - 1) + ".");
    }
    BigDecimal un = kg(d, latest, Vocabulary.UNATTRIBUTED);
    if (total.signum() > 0) {
      lines.add(share(un, total) + " of " + fy + "'s fentanyl-family kg could not be attributed to a route.");
    }
    String mix = dominantConfidence(d);
    if (!mix.isEmpty()) {
      lines.add("Confidence of the rules behind these kg: " + mix + ".");
    }
    return new Headline(lines, cautions);
  }

  private static String change(ReportData d, int from, int to) {
    return "Compared with FY" + from + ": " + MC + " " + Html.signedPct(pctChange(kg(d, from, MC), kg(d, to, MC)))
        + " (from " + Html.kg(kg(d, from, MC)) + " kg), " + CD + " " + Html.signedPct(pctChange(kg(d, from, CD),
        kg(d, to, CD))) + " (from " + Html.kg(kg(d, from, CD)) + " kg).";
  }

  /** The latest pair of consecutive complete fiscal years with the same sources, before {@code latest}. */
  private static java.util.Optional<String> likeForLike(ReportData d, List<Integer> complete, int latest) {
    for (int i = complete.size() - 1; i > 0; i--) {
      int b = complete.get(i);
      int a = complete.get(i - 1);
      if (b <= latest && a == b - 1 && formats(d, a).equals(formats(d, b)) && !formats(d, a).isEmpty()) {
        return java.util.Optional.of("Like for like (both years from " + String.join(", ", formats(d, b)) + "), FY" + a
            + " to FY" + b + ": " + MC + " " + Html.signedPct(pctChange(kg(d, a, MC), kg(d, b, MC))) + " to "
            + Html.kg(kg(d, b, MC)) + " kg, " + CD + " " + Html.signedPct(pctChange(kg(d, a, CD), kg(d, b, CD)))
            + " to " + Html.kg(kg(d, b, CD)) + " kg.");
      }
    }
    return java.util.Optional.empty();
  }

  private static String dominantConfidence(ReportData d) {
    List<String> parts = new ArrayList<>();
    for (String route : List.of(MC, CD)) {
      Map<String, BigDecimal> mix = d.familyKgByRouteAndConfidence().get(route);
      if (mix == null || mix.isEmpty()) {
        continue;
      }
      BigDecimal sum = mix.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      Map.Entry<String, BigDecimal> top = mix.entrySet().stream().max(Map.Entry.comparingByValue()).get();
      if (sum.signum() > 0) {
        parts.add(route + " mostly " + top.getKey() + " (" + share(top.getValue(), sum) + " of its kg)");
      }
    }
    return String.join("; ", parts);
  }

  static List<String> formats(ReportData d, int fy) {
    return d.quality().formatsByFiscalYear().getOrDefault(fy, List.of());
  }

  static BigDecimal kg(ReportData d, int fy, String route) {
    ReportData.FiscalYearRow r = d.fiscalYear(fy, route);
    return r == null ? BigDecimal.ZERO : r.kg();
  }

  static BigDecimal total(ReportData d, int fy) {
    return d.fiscalYears().stream().filter(r -> r.fiscalYear() == fy).map(ReportData.FiscalYearRow::kg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static Double pctChange(BigDecimal from, BigDecimal to) {
    if (from.signum() == 0) {
      return null;
    }
    return to.subtract(from).multiply(BigDecimal.valueOf(100)).divide(from, MathContext.DECIMAL64).doubleValue();
  }

  private static String share(BigDecimal part, BigDecimal total) {
    return total.signum() == 0 ? "–" : Html.pct(TimeCharts.percent(part, total));
  }

  private static String ratio(BigDecimal mc, BigDecimal cd) {
    if (mc.signum() <= 0 || cd.signum() <= 0) {
      return "";
    }
    boolean cartel = mc.compareTo(cd) >= 0;
    BigDecimal r = cartel ? mc.divide(cd, MathContext.DECIMAL64) : cd.divide(mc, MathContext.DECIMAL64);
    return ": the " + (cartel ? "cartel" : "direct") + " route carried " + r.setScale(1, java.math.RoundingMode.HALF_UP)
        .toPlainString() + " times the kilograms of the " + (cartel ? "direct" : "cartel") + " route";
  }
}
