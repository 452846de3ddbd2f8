package org.fentrace.routes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.core.InputFormat;
import org.fentrace.core.Region;

/**
 * Attributes normalized rows to routes with a {@link RouteRules} set: fills {@code route}, {@code
 * route_rule} and {@code route_confidence}. Seizures linked to a customs shipment take origin,
 * export and transit countries from it when they lack them (a left join), and say so in {@code
 * enriched_from_shipment}.
 */
public final class RouteAttribution {
  private static final String DECISION = "_route_decision";

  private RouteAttribution() {}

  /**
   * Seizures (normalized, one row per record) with routes; {@code shipments} may be empty. A left
   * join: give it only the shipments the seizures name, with a broadcast hint when they are few,
   * and it moves no seizure row (most seizures name no shipment).
   */
  public static Dataset<Row> seizures(
      Dataset<Row> seizures, Dataset<Row> shipments, RouteRules rules) {
    Dataset<Row> links =
        shipments.select(
            col("shipment_id").as("_s_id"),
            col("origin_country").as("_s_origin"),
            col("export_country").as("_s_export"),
            col("transit_countries").as("_s_transit"));
    Dataset<Row> joined =
        seizures.join(links, seizures.col("shipment_id").equalTo(links.col("_s_id")), "left");
    Column hasTransit =
        col("transit_countries").isNotNull().and(size(col("transit_countries")).gt(0));
    Column shipmentTransit = col("_s_transit").isNotNull().and(size(col("_s_transit")).gt(0));
    Column enriched =
        col("origin_country")
            .isNull()
            .and(col("_s_origin").isNotNull())
            .or(col("export_country").isNull().and(col("_s_export").isNotNull()))
            .or(hasTransit.equalTo(false).and(shipmentTransit));
    Dataset<Row> withFacts =
        joined
            .withColumn("enriched_from_shipment", coalesce(enriched, lit(false)))
            .withColumn("origin_country", coalesce(col("origin_country"), col("_s_origin")))
            .withColumn("export_country", coalesce(col("export_country"), col("_s_export")))
            .withColumn(
                "transit_countries",
                when(hasTransit.equalTo(false).and(shipmentTransit), col("_s_transit"))
                    .otherwise(col("transit_countries")));
    Column decision = RuleCompiler.compile(rules, RouteAttribution::seizureFact);
    return decide(withFacts, decision).selectExpr(seizures.columns());
  }

  /**
   * Seizures already attributed once, attributed again under {@code rules}: only the three route
   * columns change. Their countries already hold what their shipment filled in, which is what a
   * fresh attribution would see, so the routes equal those of a clean run under {@code rules}.
   */
  public static Dataset<Row> seizuresAgain(Dataset<Row> routedSeizures, RouteRules rules) {
    return decide(routedSeizures, RuleCompiler.compile(rules, RouteAttribution::seizureFact))
        .selectExpr(routedSeizures.columns());
  }

  /** Shipments with routes: mode stands for conveyance, the US for destination, no region. */
  public static Dataset<Row> shipments(Dataset<Row> shipments, RouteRules rules) {
    Column decision =
        RuleCompiler.compile(
            rules,
            f ->
                switch (f) {
                  case SOURCE_FORMAT -> lit(InputFormat.CUSTOMS_SHIPMENTS.wireName());
                  case CONVEYANCE -> col("mode");
                  case DESTINATION_COUNTRY -> lit("US");
                  case REGION -> lit(Region.UNKNOWN.wireName());
                  case CBP_LAND_FILTER, CBP_COMPONENT, CBP_AREA_OF_RESPONSIBILITY ->
                      lit(null).cast("string");
                  default -> col(f.fieldName());
                });
    return decide(shipments, decision).selectExpr(shipments.columns());
  }

  /**
   * The column a rule field reads on a seizure row. The CBP area of responsibility is the
   * nationwide file's {@code location}; AMO's {@code location} is a branch, not an office, so it is
   * null there.
   */
  public static Column seizureFact(RuleField f) {
    return switch (f) {
      case GOODS_CLASS -> lit(null).cast("string");
      case CBP_AREA_OF_RESPONSIBILITY ->
          when(
              col("source_format").equalTo(InputFormat.CBP_NATIONWIDE.wireName()),
              upper(trim(col("location"))));
      default -> col(f.fieldName());
    };
  }

  /**
   * One column per fact a rule can read on a seizure, named by its field: what the monthly route
   * fact cells group by, so that those cells can be decided again under any rule set without
   * reading the table ({@link #seizureFactOfCell} reads them back). GOODS_CLASS is left out: it is
   * null on every seizure.
   */
  public static List<Column> seizureFactColumns() {
    return Arrays.stream(RuleField.values())
        .filter(f -> f != RuleField.GOODS_CLASS)
        .map(f -> seizureFact(f).as(f.fieldName()))
        .toList();
  }

  /**
   * The column a rule field reads on a row grouped by {@link #seizureFactColumns}: the same value
   * {@link #seizureFact} reads on the seizure itself.
   */
  public static Column seizureFactOfCell(RuleField f) {
    return f == RuleField.GOODS_CLASS ? seizureFact(f) : col(f.fieldName());
  }

  private static Dataset<Row> decide(Dataset<Row> rows, Column decision) {
    return rows.withColumn(DECISION, decision)
        .withColumn("route", col(DECISION + ".route"))
        .withColumn("route_rule", col(DECISION + ".route_rule"))
        .withColumn("route_confidence", col(DECISION + ".route_confidence"))
        .drop(DECISION);
  }
}
