package org.fentrace.effects;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.TableName;

/**
 * The {@code policy_effects} table: one row per policy event x source x route x substance class, an
 * estimate or a status saying why there is none. Sorted by event date, event id, source, route
 * (null first), substance class.
 */
public final class PolicyEffectsTable {
  public static final String TABLE = TableName.POLICY_EFFECTS.wireName();

  public static final StructType SCHEMA =
      new StructType()
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
          .add("overlapping_events", DataTypes.StringType, true)
          .add("fit_intercept", DataTypes.DoubleType, true)
          .add("fit_season_sin", DataTypes.DoubleType, true)
          .add("fit_season_cos", DataTypes.DoubleType, true);

  /** What one row is, for the data dictionary. */
  public static final String GRAIN =
      "policy event x source x route x substance_class (fentanyl, analogues, precursors):"
          + " an interrupted-time-series estimate of the event, or a status saying why there is none";

  /** Each column's meaning, for the data dictionary (in schema order). */
  public static final java.util.Map<String, String> COLUMN_DOCS =
      docs(
          "event_id", "The event's id in the policy events file (jobs/conf/policy-events.csv).",
          "event_date",
              "The day the measure took effect (or was signed / announced, as its label says).",
          "event_label", "The event's label in the events file.",
          "primary_citation", "The primary source of the event's date (e.g. 83 FR 5188, EO 14195).",
          "source",
              "The source of the series (cbp_published, seizure_events, nflis_lab_reports); never a sum across"
                  + " sources.",
          "route",
              "Route of the kilogram series; null for nflis_lab_reports, whose lab reports carry no route.",
          "substance_class", "FENTANYL, FENTANYL_ANALOG or FENTANYL_PRECURSOR.",
          "period_unit",
              "month (kilograms per covered month, from route_monthly) or half_year (NFLIS drug reports per"
                  + " half-year, summed over states).",
          "status",
              "ESTIMATED; OUTSIDE_COVERAGE (the event is before or after every covered period of the source);"
                  + " TOO_FEW_PERIODS (fewer than 12 covered months, or 3 half-years, on one side); SPARSE_SERIES (more than"
                  + " half of the window's covered periods are zero). Estimates are null unless ESTIMATED.",
          "status_note",
              "Why there is no estimate, in words; for an estimate, the other events inside its window.",
          "periods_before",
              "Covered periods used before the event (at most 36 months or 6 half-years; the period holding"
                  + " the event is left out unless the event is on its first day).",
          "periods_after",
              "Covered periods used after the event (at most 36 months or 6 half-years).",
          "window_first", "First day of the first period used; null when none.",
          "window_last", "First day of the last period used; null when none.",
          "level_change_pct",
              "Level change at the event, percent: 100*(exp(b)-1) of the segmented regression's step"
                  + " coefficient on ln(value + 1).",
          "level_change_ci_low",
              "Lower end of its 95% interval (autocorrelation-robust; see method).",
          "level_change_ci_high", "Upper end of its 95% interval.",
          "slope_change_pct_per_period",
              "Change of the trend after the event, percent per period_unit:"
                  + " 100*(exp(b)-1) of the slope-change coefficient.",
          "slope_change_ci_low", "Lower end of its 95% interval.",
          "slope_change_ci_high", "Upper end of its 95% interval.",
          "pre_trend_pct_per_period",
              "The pre-event trend, percent per period_unit: the counterfactual carried forward.",
          "n", "Periods in the fit (periods_before + periods_after); null without an estimate.",
          "hac_lag", "Newey-West lag in periods, ceil(1.3*sqrt(n)); null without an estimate.",
          "method", "The model and interval method, in words.",
          "overlapping_event",
              "True when another event of the file falls inside the window used: the estimate mixes"
                  + " them.",
          "overlapping_events", "Those events, as id (date), separated by '; '; null when none.",
          "fit_intercept",
              "The fitted ln(value + 1) of the pre-event trend at the first period after the event"
                  + " (the intercept; t counts periods from there). With pre_trend_pct_per_period and the"
                  + " season it gives the counterfactual the report draws: exp(fit_intercept + ln(1 +"
                  + " pre_trend_pct_per_period/100)*t + fit_season_sin*sin(2*pi*m/12) + fit_season_cos*cos(2*pi*m/12)) - 1,"
                  + " m the calendar month; null without an estimate.",
          "fit_season_sin",
              "Coefficient of sin(2*pi*m/12) on a monthly series (m the calendar month); null for"
                  + " half-yearly series and without an estimate.",
          "fit_season_cos", "Coefficient of cos(2*pi*m/12), as fit_season_sin.");

  private PolicyEffectsTable() {}

  private static java.util.Map<String, String> docs(String... pairs) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The rows of the effects, in table order. */
  public static List<Row> rows(List<PolicyEffects.Effect> effects) {
    return effects.stream().sorted(ORDER).map(PolicyEffectsTable::row).toList();
  }

  static final Comparator<PolicyEffects.Effect> ORDER =
      Comparator.comparing((PolicyEffects.Effect e) -> e.event().date())
          .thenComparing(e -> e.event().id())
          .thenComparing(e -> e.series().source())
          .thenComparing(e -> e.series().route(), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(e -> e.series().substanceClass());

  static Row row(PolicyEffects.Effect e) {
    PolicyEvent ev = e.event();
    PolicyEffects.Series s = e.series();
    return RowFactory.create(
        ev.id(),
        Date.valueOf(ev.date()),
        ev.label(),
        ev.primaryCitation(),
        s.source(),
        s.route(),
        s.substanceClass(),
        s.unit().wireName(),
        e.status().wireName(),
        e.note().isEmpty() ? null : e.note(),
        e.periodsBefore(),
        e.periodsAfter(),
        date(e.windowFirst()),
        date(e.windowLast()),
        e.levelChangePct(),
        e.levelLowPct(),
        e.levelHighPct(),
        e.slopeChangePct(),
        e.slopeLowPct(),
        e.slopeHighPct(),
        e.preTrendPct(),
        e.n(),
        e.lag(),
        PolicyEffects.method(s.unit()),
        !e.overlapping().isEmpty(),
        e.overlapping().isEmpty() ? null : String.join("; ", e.overlapping()),
        coefficient(e, SegmentedRegression.INTERCEPT),
        coefficient(e, SegmentedRegression.SEASON_SIN),
        coefficient(e, SegmentedRegression.SEASON_COS));
  }

  /** A fitted coefficient on the log scale, or null without a fit or without that parameter. */
  private static Double coefficient(PolicyEffects.Effect e, int k) {
    return e.fit() == null || k >= e.fit().parameters() ? null : e.fit().beta()[k];
  }

  private static Date date(YearMonth m) {
    return m == null ? null : Date.valueOf(m.atDay(1));
  }
}
