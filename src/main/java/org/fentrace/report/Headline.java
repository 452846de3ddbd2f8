package org.fentrace.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.Route;
import org.fentrace.trends.LeadChanges;

/**
 * The summary at the top of the report, computed from the data of one source ({@link
 * ReportData#source()}, named in every sentence): the latest complete fiscal year's fentanyl-family
 * kg on the direct and cartel routes and the change from the year before, made only when the source
 * covered the same months of both years (else a caution, with the latest like-for-like comparison
 * instead), the year in progress, the lead changes, and how much is unattributed. Plain text; the
 * page escapes it.
 *
 * @param lines the summary sentences, most important first
 * @param cautions sentences a reader must not miss (drawn as warnings)
 */
public record Headline(List<String> lines, List<String> cautions) {
  public Headline {
    lines = List.copyOf(lines);
    cautions = List.copyOf(cautions);
  }

  static final Route CD = Route.CHINA_DIRECT;
  static final Route MC = Route.MEXICO_CARTEL;

  static Headline of(ReportData d) {
    List<String> lines = new ArrayList<>();
    List<String> cautions = new ArrayList<>();
    ReportData.SourceChoice src = d.source();
    String in = " (" + src.id() + ")";
    List<Integer> years = d.fiscalYearList();
    if (years.isEmpty()) {
      return new Headline(
          List.of(
              "No fentanyl-family seizures in the warehouse yet (source: "
                  + src.label()
                  + "): run"
                  + " the pipeline on a landing folder with seizure data."),
          List.of());
    }
    lines.add(
        "Every figure below is from "
            + src.label()
            + ", "
            + src.reason()
            + "; figures from different sources"
            + " are never added together.");
    Map<Route, String> proxies = proxies(d);
    String mcName = ProxyWording.shortName(proxies, MC);
    String cdName = ProxyWording.shortName(proxies, CD);
    List<Integer> complete = years.stream().filter(y -> !d.isPartial(y)).toList();
    int latest =
        complete.isEmpty() ? years.get(years.size() - 1) : complete.get(complete.size() - 1);
    String fy =
        "FY"
            + latest
            + (d.isPartial(latest)
                ? " (partial: " + PartialYears.describe(latest, src.coveredIn(latest)) + ")"
                : "");
    BigDecimal total = total(d, latest);
    lines.add(
        "In "
            + fy
            + in
            + ", "
            + Pounds.kgText(d, kg(d, latest, MC))
            + " of fentanyl-family seizures were attributed to "
            + ProxyWording.name(proxies, MC)
            + " ("
            + share(kg(d, latest, MC), total)
            + " of the year's kg) and "
            + Pounds.kgText(d, kg(d, latest, CD))
            + " to "
            + ProxyWording.name(proxies, CD)
            + " ("
            + share(kg(d, latest, CD), total)
            + ")"
            + ratio(kg(d, latest, MC), kg(d, latest, CD))
            + ".");
    if (!proxies.isEmpty()) {
      lines.add(
          "In "
              + src.id()
              + " these routes are proxies, not recorded origins: they count where the drugs were"
              + " seized ("
              + String.join("; ", proxies.values())
              + "); the rule table (Route rule file) says why.");
    }
    if (src.comparable(latest)) {
      lines.add(change(d, latest - 1, latest, in, mcName, cdName));
    } else if (years.contains(latest - 1) || !src.coveredIn(latest - 1).isEmpty()) {
      cautions.add(
          "FY"
              + latest
              + " is not compared with FY"
              + (latest - 1)
              + ": "
              + src.id()
              + " covers "
              + src.coveredIn(latest - 1).size()
              + " month(s) of FY"
              + (latest - 1)
              + " and "
              + src.coveredIn(latest).size()
              + " of FY"
              + latest
              + ", so a change between them would measure the coverage, not the border (see Coverage).");
      likeForLike(d, complete, latest, in).ifPresent(lines::add);
    }
    for (int y : years) {
      if (y > latest && d.isPartial(y)) {
        lines.add(PartialYears.line(d, y, in, mcName, cdName));
      }
    }
    for (LumpyYears.Flag f : LumpyYears.flags(d, List.of(MC, CD))) {
      if (f.toFy() >= latest - 1) {
        cautions.add(
            "Lumpy year" + in + ": " + f.sentence(ProxyWording.shortName(proxies, f.route())));
      }
    }
    if (!d.leadChanges().isEmpty()) {
      LeadChanges.LeadChange last = d.leadChanges().get(d.leadChanges().size() - 1);
      lines.add(
          "In "
              + src.id()
              + ", "
              + CD.wireName()
              + " and "
              + MC.wireName()
              + " swapped the lead in monthly kg "
              + d.leadChanges().size()
              + " time(s) within its covered months; the last change, in "
              + last.month()
              + ", put "
              + last.leaderAfter()
              + " ahead.");
    } else if (!d.months().isEmpty()) {
      lines.add(
          "No lead change between "
              + CD.wireName()
              + " and "
              + MC.wireName()
              + " in "
              + src.id()
              + " from "
              + d.months().get(0)
              + " to "
              + d.months().get(d.months().size() - 1)
              + ".");
    }
    BigDecimal un = kg(d, latest, Route.UNATTRIBUTED);
    if (total.signum() > 0) {
      lines.add(
          share(un, total)
              + " of "
              + fy
              + "'s fentanyl-family kg"
              + in
              + " could not be attributed to a route."
              + ProxyWording.unattributedCaveat(proxies, src.id()));
    }
    String mix = dominantConfidence(d);
    if (!mix.isEmpty()) {
      lines.add("Confidence of the rules behind these kg" + in + ": " + mix + ".");
    }
    return new Headline(lines, cautions);
  }

  /** The proxy wording of the report's source's routes (rules in force, kg by confidence). */
  static Map<Route, String> proxies(ReportData d) {
    return ProxyWording.labels(
        org.fentrace.routes.RouteRules.fromSource(d.run().rulesSource()),
        d.familyKgByRouteAndConfidence());
  }

  private static String change(
      ReportData d, int from, int to, String in, String mcName, String cdName) {
    return "Compared with FY"
        + from
        + in
        + ", same months covered: "
        + mcName
        + " "
        + Html.signedPct(pctChange(kg(d, from, MC), kg(d, to, MC)))
        + " (from "
        + Pounds.kgText(d, kg(d, from, MC))
        + "), "
        + cdName
        + " "
        + Html.signedPct(pctChange(kg(d, from, CD), kg(d, to, CD)))
        + " (from "
        + Pounds.kgText(d, kg(d, from, CD))
        + ").";
  }

  /**
   * The latest pair of consecutive complete fiscal years the source covered the same way, before
   * {@code latest}.
   */
  private static java.util.Optional<String> likeForLike(
      ReportData d, List<Integer> complete, int latest, String in) {
    for (int i = complete.size() - 1; i > 0; i--) {
      int b = complete.get(i);
      int a = complete.get(i - 1);
      if (b <= latest && a == b - 1 && d.source().comparable(b)) {
        return java.util.Optional.of(
            "Latest like-for-like change"
                + in
                + ", FY"
                + a
                + " to FY"
                + b
                + " (both fully"
                + " covered): "
                + ProxyWording.shortName(proxies(d), MC)
                + " "
                + Html.signedPct(pctChange(kg(d, a, MC), kg(d, b, MC)))
                + " to "
                + Pounds.kgText(d, kg(d, b, MC))
                + ", "
                + ProxyWording.shortName(proxies(d), CD)
                + " "
                + Html.signedPct(pctChange(kg(d, a, CD), kg(d, b, CD)))
                + " to "
                + Pounds.kgText(d, kg(d, b, CD))
                + ".");
      }
    }
    return java.util.Optional.empty();
  }

  private static String dominantConfidence(ReportData d) {
    List<String> parts = new ArrayList<>();
    for (Route route : List.of(MC, CD)) {
      Map<String, BigDecimal> mix = d.familyKgByRouteAndConfidence().get(route);
      if (mix == null || mix.isEmpty()) {
        continue;
      }
      BigDecimal sum = mix.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      Map.Entry<String, BigDecimal> top =
          mix.entrySet().stream().max(Map.Entry.comparingByValue()).get();
      if (sum.signum() > 0) {
        parts.add(
            route.wireName()
                + " mostly "
                + top.getKey()
                + " ("
                + share(top.getValue(), sum)
                + " of its kg)");
      }
    }
    return String.join("; ", parts);
  }

  static BigDecimal kg(ReportData d, int fy, Route route) {
    ReportData.FiscalYearRow r = d.fiscalYear(fy, route);
    return r == null ? BigDecimal.ZERO : r.kg();
  }

  static BigDecimal total(ReportData d, int fy) {
    return d.fiscalYears().stream()
        .filter(r -> r.fiscalYear() == fy)
        .map(ReportData.FiscalYearRow::kg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static Double pctChange(BigDecimal from, BigDecimal to) {
    if (from.signum() == 0) {
      return null;
    }
    return to.subtract(from)
        .multiply(BigDecimal.valueOf(100))
        .divide(from, MathContext.DECIMAL64)
        .doubleValue();
  }

  static String share(BigDecimal part, BigDecimal total) {
    return total.signum() == 0 ? "–" : Html.pct(TimeCharts.percent(part, total));
  }

  private static String ratio(BigDecimal mc, BigDecimal cd) {
    if (mc.signum() <= 0 || cd.signum() <= 0) {
      return "";
    }
    boolean cartel = mc.compareTo(cd) >= 0;
    BigDecimal r =
        cartel ? mc.divide(cd, MathContext.DECIMAL64) : cd.divide(mc, MathContext.DECIMAL64);
    return ": "
        + r.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
        + " times as many kilograms on "
        + (cartel ? MC : CD).wireName()
        + " as on "
        + (cartel ? CD : MC).wireName();
  }
}
