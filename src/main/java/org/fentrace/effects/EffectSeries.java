package org.fentrace.effects;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.fentrace.core.PeriodUnit;
import org.fentrace.core.Source;
import org.fentrace.core.SubstanceClass;

/**
 * Builds the series the estimates run on, from rows already collected (plain Java): the monthly
 * kilogram series of each seizure source, route and fentanyl-related substance class (from {@code
 * route_monthly}, which already marks the months the source did not cover), and the half-yearly
 * NFLIS counts (from {@code lab_reports}, summed over states).
 */
public final class EffectSeries {
  /** The substance classes estimated: fentanyl, its analogues and its precursors. */
  public static final Set<String> CLASSES =
      Set.of(
          SubstanceClass.FENTANYL.wireName(),
          SubstanceClass.FENTANYL_ANALOG.wireName(),
          SubstanceClass.FENTANYL_PRECURSOR.wireName());

  /** The source id of the NFLIS counts. */
  public static final String NFLIS_SOURCE = Source.NFLIS_LAB_REPORTS.id();

  private EffectSeries() {}

  /** One route_monthly cell: kg null when the month was not covered. */
  public record MonthCell(
      String source,
      YearMonth month,
      String route,
      String substanceClass,
      boolean covered,
      Double kg) {}

  /** One lab_reports sum: reports of a class in a half-year (summed over states and substances). */
  public record HalfYearCell(YearMonth periodStart, String substanceClass, long reports) {}

  /** Monthly series per source x route x class (classes outside {@link #CLASSES} are skipped). */
  public static List<PolicyEffects.Series> monthly(List<MonthCell> cells) {
    Map<List<String>, TreeMap<YearMonth, PolicyEffects.Point>> by =
        new TreeMap<>(EffectSeries::compareKeys);
    for (MonthCell c : cells) {
      if (!CLASSES.contains(c.substanceClass())) {
        continue;
      }
      by.computeIfAbsent(List.of(c.source(), c.route(), c.substanceClass()), k -> new TreeMap<>())
          .put(
              c.month(),
              new PolicyEffects.Point(
                  c.month(), c.covered(), c.covered() && c.kg() != null ? c.kg() : 0));
    }
    List<PolicyEffects.Series> out = new ArrayList<>();
    by.forEach(
        (k, points) ->
            out.add(
                new PolicyEffects.Series(
                    k.get(0),
                    k.get(1),
                    k.get(2),
                    PeriodUnit.MONTH,
                    new ArrayList<>(points.values()))));
    return out;
  }

  /**
   * Half-yearly NFLIS series per class: every half-year from the first to the last the export holds
   * (of any class) is covered, a class without reports in one of them is 0 there; no route (lab
   * reports have none).
   */
  public static List<PolicyEffects.Series> halfYearly(List<HalfYearCell> cells) {
    if (cells.isEmpty()) {
      return List.of();
    }
    YearMonth first =
        cells.stream().map(HalfYearCell::periodStart).min(YearMonth::compareTo).orElseThrow();
    YearMonth last =
        cells.stream().map(HalfYearCell::periodStart).max(YearMonth::compareTo).orElseThrow();
    Map<String, Map<YearMonth, Long>> by = new TreeMap<>();
    for (HalfYearCell c : cells) {
      if (CLASSES.contains(c.substanceClass())) {
        by.computeIfAbsent(c.substanceClass(), k -> new TreeMap<>())
            .merge(c.periodStart(), c.reports(), Long::sum);
      }
    }
    List<PolicyEffects.Series> out = new ArrayList<>();
    by.forEach(
        (cls, counts) -> {
          List<PolicyEffects.Point> points = new ArrayList<>();
          for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(6)) {
            points.add(new PolicyEffects.Point(m, true, counts.getOrDefault(m, 0L)));
          }
          out.add(new PolicyEffects.Series(NFLIS_SOURCE, null, cls, PeriodUnit.HALF_YEAR, points));
        });
    return out;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Objects.compare(a.get(i), b.get(i), String::compareTo);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
