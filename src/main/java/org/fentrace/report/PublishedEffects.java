package org.fentrace.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.core.EffectStatus;
import org.fentrace.core.PeriodUnit;
import org.fentrace.core.Route;
import org.fentrace.core.Source;
import org.fentrace.core.SubstanceClass;
import org.fentrace.core.Vocabulary;
import org.fentrace.effects.PolicyEffects;
import org.fentrace.effects.PolicyEffectsTable;
import org.fentrace.warehouse.Warehouse;

/**
 * The published {@code policy_effects} table as the report reads it: every estimate, interval and
 * status comes from the table (the report never refits), and the observed values drawn under them
 * from the series the table was fitted on ({@code route_monthly}, {@code lab_reports}).
 */
final class PublishedEffects {
  private PublishedEffects() {}

  /** One row of policy_effects; the estimate fields are null unless {@link #estimated()}. */
  record Row(
      String eventId,
      LocalDate eventDate,
      String eventLabel,
      String primaryCitation,
      Source source,
      Route route,
      SubstanceClass substanceClass,
      PeriodUnit unit,
      EffectStatus status,
      String statusNote,
      int periodsBefore,
      int periodsAfter,
      YearMonth windowFirst,
      YearMonth windowLast,
      Double levelPct,
      Double levelLow,
      Double levelHigh,
      Double slopePct,
      Double slopeLow,
      Double slopeHigh,
      Double preTrendPct,
      String method,
      String overlappingEvents,
      Double fitIntercept,
      Double seasonSin,
      Double seasonCos) {

    boolean estimated() {
      return status == EffectStatus.ESTIMATED;
    }

    /** "cbp_published, MEXICO_CARTEL, FENTANYL": the series, naming its source. */
    String series() {
      return source.id()
          + (route == null ? "" : ", " + route.wireName())
          + ", "
          + substanceClass.wireName();
    }

    /** The key of its series among {@link PublishedEffects#observed}. */
    SeriesKey key() {
      return new SeriesKey(source, route, substanceClass, unit);
    }

    /**
     * The counterfactual of the published fit at a period starting {@code start}: the pre-event
     * trend (and season) carried forward, on the value's own scale: exp(intercept + ln(1 + pre
     * trend) t + season) - 1, t in periods from the first period after the event.
     */
    double counterfactual(YearMonth start) {
      double t =
          java.time.temporal.ChronoUnit.MONTHS.between(firstAfter(), start)
              / (double) unit.months();
      double v = fitIntercept + Math.log1p(preTrendPct / 100) * t;
      if (seasonSin != null && seasonCos != null) {
        int m = start.getMonthValue();
        v +=
            seasonSin * Math.sin(2 * Math.PI * m / 12.0)
                + seasonCos * Math.cos(2 * Math.PI * m / 12.0);
      }
      return Math.expm1(v);
    }

    /** The first period after the event (the counterfactual is drawn from there on). */
    YearMonth firstAfter() {
      YearMonth holding = PolicyEffects.periodStart(YearMonth.from(eventDate), unit);
      return eventDate.equals(holding.atDay(1)) ? holding : holding.plusMonths(unit.months());
    }
  }

  /** Which series a row was fitted on; {@code route} is null for a series of every route. */
  record SeriesKey(Source source, Route route, SubstanceClass substanceClass, PeriodUnit unit) {}

  /**
   * The rows of policy_effects in table order, grouped by event (in the table's order: by date), or
   * null when the warehouse has no such table yet (written by the trends step).
   */
  static Map<String, List<Row>> read(SparkSession spark, Warehouse warehouse) throws IOException {
    Path path = warehouse.table(PolicyEffectsTable.TABLE);
    if (!warehouse.holdsTable(path)) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    org.apache.spark.sql.types.StructType schema = PolicyEffectsTable.SCHEMA;
    // Through the table's own format: a Delta table's folder still holds the files of rows a later
    // night replaced (until VACUUM), which a plain Parquet read of the folder would return too.
    List<org.apache.spark.sql.Row> read = warehouse.readTable(spark, path, schema).collectAsList();
    for (org.apache.spark.sql.Row r : read) {
      rows.add(of(r));
    }
    // Within an event, by the written words of source, route and class (the table's own order).
    rows.sort(
        java.util.Comparator.comparing(Row::eventDate)
            .thenComparing(Row::eventId)
            .thenComparing(r -> r.source().id())
            .thenComparing(
                r -> r.route() == null ? null : r.route().wireName(),
                java.util.Comparator.nullsFirst(String::compareTo))
            .thenComparing(r -> r.substanceClass().wireName()));
    Map<String, List<Row>> byEvent = new LinkedHashMap<>();
    rows.forEach(r -> byEvent.computeIfAbsent(r.eventId(), k -> new ArrayList<>()).add(r));
    return byEvent;
  }

  /** One table row, by column name (a table written with more columns reads the same). */
  static Row of(org.apache.spark.sql.Row r) {
    return new Row(
        r.getAs("event_id"),
        ReportInputs.date(r, "event_date"),
        r.getAs("event_label"),
        r.getAs("primary_citation"),
        ReportInputs.vocabulary(r, "source", Source.class),
        r.getAs("route") == null ? null : ReportInputs.route(r),
        ReportInputs.vocabulary(r, "substance_class", SubstanceClass.class),
        ReportInputs.vocabulary(r, "period_unit", PeriodUnit.class),
        ReportInputs.vocabulary(r, "status", EffectStatus.class),
        r.getAs("status_note"),
        r.<Integer>getAs("periods_before"),
        r.<Integer>getAs("periods_after"),
        ReportInputs.month(r, "window_first"),
        ReportInputs.month(r, "window_last"),
        ReportInputs.doubleOrNull(r, "level_change_pct"),
        ReportInputs.doubleOrNull(r, "level_change_ci_low"),
        ReportInputs.doubleOrNull(r, "level_change_ci_high"),
        ReportInputs.doubleOrNull(r, "slope_change_pct_per_period"),
        ReportInputs.doubleOrNull(r, "slope_change_ci_low"),
        ReportInputs.doubleOrNull(r, "slope_change_ci_high"),
        ReportInputs.doubleOrNull(r, "pre_trend_pct_per_period"),
        r.getAs("method"),
        r.getAs("overlapping_events"),
        ReportInputs.doubleOrNull(r, "fit_intercept"),
        ReportInputs.doubleOrNull(r, "fit_season_sin"),
        ReportInputs.doubleOrNull(r, "fit_season_cos"));
  }

  /**
   * The observed series by {@link SeriesKey}, as the table was fitted on them (the policy effects
   * name a series by its written words: they become the constants here).
   */
  static Map<SeriesKey, PolicyEffects.Series> observed(List<PolicyEffects.Series> series) {
    Map<SeriesKey, PolicyEffects.Series> out = new LinkedHashMap<>();
    for (PolicyEffects.Series s : series) {
      out.put(
          new SeriesKey(
              Vocabulary.fromWire(Source.class, s.source()),
              s.route() == null ? null : Vocabulary.fromWire(Route.class, s.route()),
              Vocabulary.fromWire(SubstanceClass.class, s.substanceClass()),
              s.unit()),
          s);
    }
    return out;
  }
}
