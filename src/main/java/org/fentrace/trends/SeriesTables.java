package org.fentrace.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.core.Route;
import org.fentrace.core.SubstanceClass;
import org.fentrace.trends.AggregateCells.SeizureCell;

/**
 * {@code route_trends} and {@code route_lead_changes}: one dense monthly series per source, route
 * and substance class over the months from the source's first to its last covered month, fed to
 * {@link TrendStatistics} and {@link LeadChanges} with the source's coverage flags, so that no
 * window, fit or lead change reaches into months the source did not cover.
 */
final class SeriesTables {
  /** Months of the recent trend window; the column names say 24m, so it is not an option. */
  static final int RECENT_MONTHS = 24;

  /** One dense monthly series of a source: kg, events and coverage per month of its span. */
  record Series(
      String source,
      MonthSpan span,
      String route,
      String substanceClass,
      BigDecimal[] kg,
      long[] events,
      boolean[] covered) {}

  private SeriesTables() {}

  /** Every source x route x class series, sorted by source, route then class. */
  static List<Series> series(
      Coverage coverage,
      List<String> sources,
      List<String> routes,
      List<String> classes,
      List<SeizureCell> cells) {
    Map<List<String>, Series> byKey = new HashMap<>();
    List<Series> out = new ArrayList<>();
    for (String source : DenseTables.sorted(sources)) {
      MonthSpan span = coverage.span(source);
      if (span == null) {
        continue;
      }
      boolean[] covered = coverage.flags(source, span);
      for (String route : DenseTables.sorted(routes)) {
        for (String cls : DenseTables.sorted(classes)) {
          BigDecimal[] kg = new BigDecimal[span.size()];
          Arrays.fill(kg, BigDecimal.ZERO);
          Series s = new Series(source, span, route, cls, kg, new long[span.size()], covered);
          byKey.put(List.of(source, route, cls), s);
          out.add(s);
        }
      }
    }
    for (SeizureCell c : cells) {
      Series s = byKey.get(List.of(c.source(), c.route(), c.substanceClass()));
      if (s == null || c.month().isBefore(s.span().first()) || c.month().isAfter(s.span().last())) {
        continue;
      }
      int i = s.span().index(c.month());
      s.events()[i] += c.events();
      s.kg()[i] = s.kg()[i].add(c.kg());
    }
    return out;
  }

  static List<Row> trends(List<Series> series, int minPoints, double confidence) {
    List<Row> rows = new ArrayList<>();
    for (Series s : series) {
      TrendStatistics t =
          TrendStatistics.of(
              s.span().first(),
              s.kg(),
              s.events(),
              s.covered(),
              RECENT_MONTHS,
              minPoints,
              confidence);
      rows.add(
          RowFactory.create(
              s.source(),
              s.route(),
              s.substanceClass(),
              DenseTables.date(t.firstMonth()),
              DenseTables.date(t.lastMonth()),
              DenseTables.date(t.asOfMonth()),
              DenseTables.kg(t.totalKg()),
              t.totalEvents(),
              kgOrNull(t.last12mKg()),
              kgOrNull(t.prior12mKg()),
              t.pctChange12m(),
              t.comparisonNote(),
              t.rolling3mMeanKg(),
              t.rolling12mMeanKg(),
              NeweyWestTrend.METHOD,
              t.trendAll().pctPerMonth(),
              t.trendAll().ciLow(),
              t.trendAll().ciHigh(),
              t.trendAll().months(),
              t.trendAll().lag(),
              t.trendRecent().pctPerMonth(),
              t.trendRecent().ciLow(),
              t.trendRecent().ciHigh(),
              t.trendRecent().months(),
              t.trendRecent().lag()));
    }
    return rows;
  }

  /**
   * Lead changes between CHINA_DIRECT and MEXICO_CARTEL in fentanyl-family (FENTANYL +
   * FENTANYL_ANALOG) kg, per source, over each run of consecutive covered months: after a month the
   * source did not cover the lead is established afresh, so a source stopping and restarting is
   * never a change of lead.
   */
  static List<SourcedLeadChange> leadChanges(
      List<Series> series, Coverage coverage, List<String> sources) {
    List<SourcedLeadChange> out = new ArrayList<>();
    for (String source : DenseTables.sorted(sources)) {
      MonthSpan span = coverage.span(source);
      if (span == null) {
        continue;
      }
      boolean[] covered = coverage.flags(source, span);
      BigDecimal[] china = family(series, source, span, Route.CHINA_DIRECT.wireName());
      BigDecimal[] mexico = family(series, source, span, Route.MEXICO_CARTEL.wireName());
      int i = 0;
      while (i < covered.length) {
        if (!covered[i]) {
          i++;
          continue;
        }
        int j = i;
        while (j < covered.length && covered[j]) {
          j++;
        }
        for (LeadChanges.LeadChange c :
            LeadChanges.of(
                span.month(i), Arrays.copyOfRange(china, i, j), Arrays.copyOfRange(mexico, i, j))) {
          out.add(new SourcedLeadChange(source, c));
        }
        i = j;
      }
    }
    return out;
  }

  /** A lead change and the source whose figures it is in. */
  record SourcedLeadChange(String source, LeadChanges.LeadChange change) {}

  static List<Row> leadChangeRows(List<SourcedLeadChange> changes) {
    List<Row> rows = new ArrayList<>();
    for (SourcedLeadChange s : changes) {
      LeadChanges.LeadChange c = s.change();
      rows.add(
          RowFactory.create(
              s.source(),
              DenseTables.date(c.month()),
              c.leaderBefore().wireName(),
              c.leaderAfter().wireName(),
              DenseTables.kg(c.chinaDirectKg()),
              DenseTables.kg(c.mexicoCartelKg())));
    }
    return rows;
  }

  private static BigDecimal[] family(
      List<Series> series, String source, MonthSpan span, String route) {
    BigDecimal[] kg = new BigDecimal[span.size()];
    Arrays.fill(kg, BigDecimal.ZERO);
    for (Series s : series) {
      if (s.source().equals(source)
          && s.route().equals(route)
          && SubstanceClass.FENTANYL_FAMILY_WIRE_NAMES.contains(s.substanceClass())) {
        for (int i = 0; i < kg.length; i++) {
          kg[i] = kg[i].add(s.kg()[i]);
        }
      }
    }
    return kg;
  }

  private static BigDecimal kgOrNull(BigDecimal v) {
    return v == null ? null : DenseTables.kg(v);
  }
}
