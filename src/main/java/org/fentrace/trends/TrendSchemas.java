package org.fentrace.trends;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.TableName;

/**
 * The schemas of the trend tables, in one place. Masses keep the warehouse's exact {@code
 * DECIMAL(22,9)}, months are {@code DATE} (first day of the month), counts {@code BIGINT}, shares
 * and statistics {@code DOUBLE}. Every table has a {@code source} column ({@link
 * org.fentrace.core.Source#id()}), and every grouping includes it: nothing is added across sources.
 * Measures are nullable: null, with {@code covered = false}, for a month the source did not cover;
 * 0 for a covered month with nothing seized.
 */
public final class TrendSchemas {
  private TrendSchemas() {}

  public static final DataType KG = DataTypes.createDecimalType(22, 9);

  /**
   * month x route x substance_class [x extra], the columns of route_monthly and its
   * by-form/conveyance variants.
   */
  public static StructType monthly(String... extraDims) {
    StructType s =
        new StructType()
            .add("source", DataTypes.StringType, false)
            .add("month", DataTypes.DateType, false)
            .add("fiscal_year", DataTypes.IntegerType, false)
            .add("route", DataTypes.StringType, false)
            .add("substance_class", DataTypes.StringType, false);
    for (String d : extraDims) {
      s = s.add(d, DataTypes.StringType, false);
    }
    return s.add("covered", DataTypes.BooleanType, false)
        .add("events", DataTypes.LongType, true)
        .add("quantity_kg", KG, true)
        .add("dosage_units", DataTypes.LongType, true)
        .add("share_of_month_kg", DataTypes.DoubleType, true);
  }

  public static final StructType ROUTE_MONTHLY = monthly();
  public static final StructType ROUTE_MONTHLY_BY_FORM = monthly("form");
  public static final StructType ROUTE_MONTHLY_BY_CONVEYANCE = monthly("conveyance");

  public static final StructType ROUTE_FISCAL_YEAR =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("fiscal_year", DataTypes.IntegerType, false)
          .add("route", DataTypes.StringType, false)
          .add("substance_class", DataTypes.StringType, false)
          .add("months_covered", DataTypes.IntegerType, false)
          .add("events", DataTypes.LongType, true)
          .add("quantity_kg", KG, true)
          .add("dosage_units", DataTypes.LongType, true)
          .add("share_of_year_kg", DataTypes.DoubleType, true)
          .add("partial_year", DataTypes.BooleanType, false)
          .add("pct_change_prior_year", DataTypes.DoubleType, true)
          .add("comparison_note", DataTypes.StringType, true);

  public static final StructType ROUTE_TRENDS =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("route", DataTypes.StringType, false)
          .add("substance_class", DataTypes.StringType, false)
          .add("first_month", DataTypes.DateType, true)
          .add("last_month", DataTypes.DateType, true)
          .add("as_of_month", DataTypes.DateType, false)
          .add("total_kg", KG, false)
          .add("total_events", DataTypes.LongType, false)
          .add("last_12m_kg", KG, true)
          .add("prior_12m_kg", KG, true)
          .add("pct_change_12m", DataTypes.DoubleType, true)
          .add("comparison_note", DataTypes.StringType, true)
          .add("rolling_3m_mean_kg", DataTypes.DoubleType, true)
          .add("rolling_12m_mean_kg", DataTypes.DoubleType, true)
          .add("trend_method", DataTypes.StringType, false)
          .add("trend_pct_per_month_all", DataTypes.DoubleType, true)
          .add("trend_ci_low_all", DataTypes.DoubleType, true)
          .add("trend_ci_high_all", DataTypes.DoubleType, true)
          .add("trend_months_all", DataTypes.IntegerType, false)
          .add("trend_lag_all", DataTypes.IntegerType, true)
          .add("trend_pct_per_month_24m", DataTypes.DoubleType, true)
          .add("trend_ci_low_24m", DataTypes.DoubleType, true)
          .add("trend_ci_high_24m", DataTypes.DoubleType, true)
          .add("trend_months_24m", DataTypes.IntegerType, false)
          .add("trend_lag_24m", DataTypes.IntegerType, true);

  public static final StructType ROUTE_LEAD_CHANGES =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("month", DataTypes.DateType, false)
          .add("leader_before", DataTypes.StringType, false)
          .add("leader_after", DataTypes.StringType, false)
          .add("china_direct_kg", KG, false)
          .add("mexico_cartel_kg", KG, false);

  public static final StructType PILL_PRESS_MONTHLY =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("month", DataTypes.DateType, false)
          .add("fiscal_year", DataTypes.IntegerType, false)
          .add("route", DataTypes.StringType, false)
          .add("covered", DataTypes.BooleanType, false)
          .add("shipment_lines", DataTypes.LongType, true)
          .add("units", DataTypes.LongType, true)
          .add("gross_weight_kg", KG, true);

  /** analog_watch: see {@link AnalogSchemas}, with analog_waves and analog_successors. */
  public static final StructType ANALOG_WATCH = AnalogSchemas.WATCH;

  /**
   * Per source and month: whether the source covered it, and the first and last month it covers at
   * all.
   */
  public static final StructType SOURCE_COVERAGE =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("month", DataTypes.DateType, false)
          .add("fiscal_year", DataTypes.IntegerType, false)
          .add("covered", DataTypes.BooleanType, false)
          .add("coverage_first_month", DataTypes.DateType, false)
          .add("coverage_last_month", DataTypes.DateType, false);

  /**
   * The schema of a trend table by its folder name (readers pass it to Spark instead of letting it
   * infer one from the files, which costs a job per read).
   *
   * @throws IllegalArgumentException for a name that is not a trend table
   */
  public static StructType forTable(String name) {
    StructType schema =
        Arrays.stream(TableName.values())
            .filter(t -> t.wireName().equals(name))
            .findFirst()
            .map(TrendSchemas::forTable)
            .orElse(null);
    if (schema == null) {
      throw new IllegalArgumentException("not a trend table: " + name);
    }
    return schema;
  }

  /** The schema of a trend table, or null for a table that is not one. */
  private static StructType forTable(TableName table) {
    return switch (table) {
      case ROUTE_MONTHLY -> ROUTE_MONTHLY;
      case ROUTE_FISCAL_YEAR -> ROUTE_FISCAL_YEAR;
      case ROUTE_MONTHLY_BY_FORM -> ROUTE_MONTHLY_BY_FORM;
      case ROUTE_MONTHLY_BY_CONVEYANCE -> ROUTE_MONTHLY_BY_CONVEYANCE;
      case ROUTE_TRENDS -> ROUTE_TRENDS;
      case ROUTE_LEAD_CHANGES -> ROUTE_LEAD_CHANGES;
      case PILL_PRESS_MONTHLY -> PILL_PRESS_MONTHLY;
      case ANALOG_WATCH -> ANALOG_WATCH;
      case ANALOG_WAVES -> AnalogSchemas.WAVES;
      case ANALOG_SUCCESSORS -> AnalogSchemas.SUCCESSORS;
      case SOURCE_COVERAGE -> SOURCE_COVERAGE;
      default -> null;
    };
  }
}
