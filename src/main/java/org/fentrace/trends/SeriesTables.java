package org.fentrace.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.trends.Aggregates.SeizureCell;

/**
 * {@code route_trends} and {@code route_lead_changes}: one dense monthly series per route and substance
 * class (the same grid as route_monthly), fed to {@link TrendStatistics} and {@link LeadChanges}.
 */
final class SeriesTables {
  /** Months of the recent trend window; the column names say 24m, so it is not an option. */
  static final int RECENT_MONTHS = 24;

  /** One dense monthly series: kg and events per month of the span. */
  record Series(String route, String substanceClass, BigDecimal[] kg, long[] events) {}

  private SeriesTables() {}

  /** Every route x class series over the span, sorted by route then class. */
  static List<Series> series(MonthSpan span, List<String> routes, List<String> classes, List<SeizureCell> cells) {
    Map<List<String>, Series> byKey = new HashMap<>();
    List<Series> out = new ArrayList<>();
    for (String route : DenseTables.sorted(routes)) {
      for (String cls : DenseTables.sorted(classes)) {
        BigDecimal[] kg = new BigDecimal[span.size()];
        Arrays.fill(kg, BigDecimal.ZERO);
        Series s = new Series(route, cls, kg, new long[span.size()]);
        byKey.put(List.of(route, cls), s);
        out.add(s);
      }
    }
    for (SeizureCell c : cells) {
      Series s = byKey.get(List.of(c.route(), c.substanceClass()));
      int i = span.index(c.month());
      s.events()[i] += c.events();
      s.kg()[i] = s.kg()[i].add(c.kg());
    }
    return out;
  }

  static List<Row> trends(List<Series> series, MonthSpan span, int minPoints, double confidence) {
    List<Row> rows = new ArrayList<>();
    for (Series s : series) {
      TrendStatistics t = TrendStatistics.of(span.first(), s.kg(), s.events(), RECENT_MONTHS, minPoints, confidence);
      rows.add(RowFactory.create(s.route(), s.substanceClass(), DenseTables.date(t.firstMonth()),
          DenseTables.date(t.lastMonth()), DenseTables.date(t.asOfMonth()), DenseTables.kg(t.totalKg()),
          t.totalEvents(), kgOrNull(t.last12mKg()), kgOrNull(t.prior12mKg()), t.pctChange12m(),
          t.rolling3mMeanKg(), t.rolling12mMeanKg(),
          t.trendAll().pctPerMonth(), t.trendAll().ciLow(), t.trendAll().ciHigh(), t.trendAll().months(),
          t.trendRecent().pctPerMonth(), t.trendRecent().ciLow(), t.trendRecent().ciHigh(), t.trendRecent().months()));
    }
    return rows;
  }

  /** Lead changes between CHINA_DIRECT and MEXICO_CARTEL in fentanyl-family (FENTANYL + FENTANYL_ANALOG) kg. */
  static List<LeadChanges.LeadChange> leadChanges(List<Series> series, MonthSpan span) {
    return LeadChanges.of(span.first(), family(series, span, Vocabulary.CHINA_DIRECT),
        family(series, span, Vocabulary.MEXICO_CARTEL));
  }

  static List<Row> leadChangeRows(List<LeadChanges.LeadChange> changes) {
    List<Row> rows = new ArrayList<>();
    for (LeadChanges.LeadChange c : changes) {
      rows.add(RowFactory.create(DenseTables.date(c.month()), c.leaderBefore(), c.leaderAfter(),
          DenseTables.kg(c.chinaDirectKg()), DenseTables.kg(c.mexicoCartelKg())));
    }
    return rows;
  }

  private static BigDecimal[] family(List<Series> series, MonthSpan span, String route) {
    BigDecimal[] kg = new BigDecimal[span.size()];
    Arrays.fill(kg, BigDecimal.ZERO);
    for (Series s : series) {
      if (s.route().equals(route) && Vocabulary.FENTANYL_FAMILY.contains(s.substanceClass())) {
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
