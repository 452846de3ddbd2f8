package org.fentrace.effects;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code policy_effects} table: one row per policy event x source x route x substance class, an
 * estimate or a status saying why there is none. Sorted by event date, event id, source, route (null
 * first), substance class.
 */
public final class PolicyEffectsTable {
  public static final String TABLE = "policy_effects";

  public static final StructType SCHEMA = new StructType()
      .add("event_id", DataTypes.StringType, false)
      .add("event_date", DataTypes.DateType, false)
      .add("event_label", DataTypes.StringType, false)
      .add("primary_citation", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("route", DataTypes.StringType, true)
      .add("substance_class", DataTypes.StringType, false)
      .add("period_unit", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("status_note", DataTypes.StringType, true)
      .add("periods_before", DataTypes.IntegerType, false)
      .add("periods_after", DataTypes.IntegerType, false)
      .add("window_first", DataTypes.DateType, true)
      .add("window_last", DataTypes.DateType, true)
      .add("level_change_pct", DataTypes.DoubleType, true)
      .add("level_change_ci_low", DataTypes.DoubleType, true)
      .add("level_change_ci_high", DataTypes.DoubleType, true)
      .add("slope_change_pct_per_period", DataTypes.DoubleType, true)
      .add("slope_change_ci_low", DataTypes.DoubleType, true)
      .add("slope_change_ci_high", DataTypes.DoubleType, true)
      .add("pre_trend_pct_per_period", DataTypes.DoubleType, true)
      .add("n", DataTypes.IntegerType, true)
      .add("hac_lag", DataTypes.IntegerType, true)
      .add("method", DataTypes.StringType, false)
      .add("overlapping_event", DataTypes.BooleanType, false)
      .add("overlapping_events", DataTypes.StringType, true);

  private PolicyEffectsTable() {}

  /** The rows of the effects, in table order. */
  public static List<Row> rows(List<PolicyEffects.Effect> effects) {
    return effects.stream().sorted(ORDER).map(PolicyEffectsTable::row).toList();
  }

  static final Comparator<PolicyEffects.Effect> ORDER = Comparator
      .comparing((PolicyEffects.Effect e) -> e.event().date())
      .thenComparing(e -> e.event().id())
      .thenComparing(e -> e.series().source())
      .thenComparing(e -> e.series().route(), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(e -> e.series().substanceClass());

  static Row row(PolicyEffects.Effect e) {
    PolicyEvent ev = e.event();
    PolicyEffects.Series s = e.series();
    return RowFactory.create(ev.id(), Date.valueOf(ev.date()), ev.label(), ev.primaryCitation(), s.source(), s.route(),
        s.substanceClass(), s.unit().id(), e.status().name(), e.note().isEmpty() ? null : e.note(), e.periodsBefore(),
        e.periodsAfter(), date(e.windowFirst()), date(e.windowLast()), e.levelChangePct(), e.levelLowPct(),
        e.levelHighPct(), e.slopeChangePct(), e.slopeLowPct(), e.slopeHighPct(), e.preTrendPct(), e.n(), e.lag(),
        PolicyEffects.method(s.unit()), !e.overlapping().isEmpty(),
        e.overlapping().isEmpty() ? null : String.join("; ", e.overlapping()));
  }

  private static Date date(YearMonth m) {
    return m == null ? null : Date.valueOf(m.atDay(1));
  }
}
