package org.fentrace.trends;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of the analog tables: {@code analog_watch} (one row per source and fentanyl-related
 * substance, seizure sources and lab reports alike), {@code analog_waves} (a lab-report source's
 * count of each substance per half-year, with its share of the fentanyl-related reports) and {@code
 * analog_successors} (substances that first appeared within 12 months of another's control).
 *
 * <p>Long tables rather than list columns: DuckDB, pandas and a CSV export read one row per
 * successor or per period without unnesting, and a filter or join on a successor name is an
 * ordinary WHERE.
 */
public final class AnalogSchemas {
  private AnalogSchemas() {}

  public static final StructType WATCH =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("substance_name", DataTypes.StringType, false)
          .add("first_month", DataTypes.DateType, false)
          .add("last_month", DataTypes.DateType, false)
          .add("events", DataTypes.LongType, true)
          .add("quantity_kg", TrendSchemas.KG, true)
          .add("dosage_units", DataTypes.LongType, true)
          .add("unlisted", DataTypes.BooleanType, false)
          .add("new_this_run", DataTypes.BooleanType, false)
          .add("substance_class", DataTypes.StringType, false)
          .add("period_months", DataTypes.IntegerType, false)
          .add("reports", DataTypes.LongType, true)
          .add("left_censored", DataTypes.BooleanType, false)
          .add("peak_period", DataTypes.DateType, true)
          .add("peak_reports", DataTypes.LongType, true)
          .add("peak_share", DataTypes.DoubleType, true)
          .add("scheduling_listed", DataTypes.BooleanType, false)
          .add("us_control", DataTypes.StringType, true)
          .add("us_control_date", DataTypes.DateType, true)
          .add("us_control_source", DataTypes.StringType, true)
          .add("china_control", DataTypes.StringType, true)
          .add("china_control_date", DataTypes.DateType, true)
          .add("china_control_source", DataTypes.StringType, true)
          .add("months_to_quarter_peak_us", DataTypes.IntegerType, true)
          .add("quarter_peak_note_us", DataTypes.StringType, true)
          .add("months_to_quarter_peak_china", DataTypes.IntegerType, true)
          .add("quarter_peak_note_china", DataTypes.StringType, true);

  public static final StructType WAVES =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("substance_name", DataTypes.StringType, false)
          .add("substance_class", DataTypes.StringType, false)
          .add("period_start", DataTypes.DateType, false)
          .add("period_months", DataTypes.IntegerType, false)
          .add("reports", DataTypes.LongType, false)
          .add("fentanyl_related_reports", DataTypes.LongType, false)
          .add("share_of_fentanyl_related", DataTypes.DoubleType, true);

  public static final StructType SUCCESSORS =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("substance_name", DataTypes.StringType, false)
          .add("control_country", DataTypes.StringType, false)
          .add("control", DataTypes.StringType, false)
          .add("control_date", DataTypes.DateType, false)
          .add("successor_name", DataTypes.StringType, false)
          .add("successor_first_month", DataTypes.DateType, false)
          .add("months_after_control", DataTypes.IntegerType, false);
}
