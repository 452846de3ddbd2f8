package org.fentrace.routes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.Route;
import org.fentrace.core.Source;
import org.fentrace.core.SubstanceClass;
import org.fentrace.core.TableName;

/**
 * How much the routes depend on the proxy rules: fentanyl-family kilograms per source, fiscal year
 * and route, attributed from the stored records' own facts under the rules in force and under each
 * {@linkplain SensitivityRuleSets alternative}, with the lowest and highest of them. A route whose
 * range is wide rests on a proxy; a narrow one does not depend on it. Figures are never added
 * across sources (CBP's aggregates already hold the seizures an event file may list again).
 *
 * <p>Seizures only (customs shipment lines have no seized mass), and only FENTANYL and
 * FENTANYL_ANALOG, the family the report's route figures count. It reads seizure fact cells, not
 * seizures: kilograms summed per fiscal year and every fact a rule reads ({@link
 * RouteAttribution#seizureFactColumns}), which the warehouse keeps per month, so a night never
 * scans the history for it. A rule decides a cell exactly as it decides each of the cell's rows
 * (they share every fact it reads), so the sums are those of the rows. One Spark pass: every rule
 * set's route is a column of the same scan, summed per combination of the rule sets' routes; the
 * sums are collected and ranged on the driver.
 */
public final class RouteSensitivity {
  public static final String TABLE = TableName.ROUTE_SENSITIVITY.wireName();
  private static final org.apache.spark.sql.types.DataType KG = DataTypes.createDecimalType(22, 9);
  public static final StructType SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("fiscal_year", DataTypes.IntegerType, false)
          .add("route", DataTypes.StringType, false)
          .add("in_force_kg", KG, false)
          .add("min_kg", KG, false)
          .add("max_kg", KG, false)
          .add("min_rule_set", DataTypes.StringType, false)
          .add("max_rule_set", DataTypes.StringType, false)
          .add("rule_sets", DataTypes.IntegerType, false);

  private RouteSensitivity() {}

  /**
   * The table's rows, sorted by source, fiscal year and route; dense over the route vocabulary for
   * every (source, fiscal year) with family seizures, so a route with no kilograms under any rule
   * set is a row of zeros. Ties for the minimum or maximum name the first rule set in order (in
   * force first). {@code factCells} has {@code fiscal_year}, {@code quantity_kg} and the columns of
   * {@link RouteAttribution#seizureFactColumns} (seizure fact cells, or seizures selected so).
   */
  public static List<Row> compute(
      Dataset<Row> factCells, RouteRules inForce, Map<String, RouteRules> alternatives) {
    Map<String, RouteRules> sets = new LinkedHashMap<>();
    sets.put(SensitivityRuleSets.IN_FORCE, inForce);
    sets.putAll(alternatives);
    Dataset<Row> family =
        factCells.filter(
            col("substance_class").isin(SubstanceClass.FENTANYL_FAMILY_WIRE_NAMES.toArray()));
    List<String> names = new ArrayList<>(sets.keySet());
    Dataset<Row> routed = family;
    for (int i = 0; i < names.size(); i++) {
      routed =
          routed.withColumn(
              "_r" + i,
              RuleCompiler.compile(sets.get(names.get(i)), RouteAttribution::seizureFactOfCell)
                  .getField("route"));
    }
    // One aggregation: kilograms per source format, fiscal year and the route each rule set gives
    // (a handful of combinations), so every rule set's sums come from the same pass.
    List<Column> keys = new ArrayList<>(List.of(col("source_format"), col("fiscal_year")));
    for (int i = 0; i < names.size(); i++) {
      keys.add(col("_r" + i));
    }
    Dataset<Row> sums = routed.groupBy(keys.toArray(Column[]::new)).agg(sum("quantity_kg"));
    int kgField = keys.size();
    // (source, fiscal year) -> route -> kg per rule set, summed over the source's formats.
    Map<String, Map<String, BigDecimal[]>> cells = new TreeMap<>();
    for (Row r : sums.collectAsList()) {
      String key = Source.ofSourceFormat(r.getString(0)).id() + "|" + r.getInt(1);
      BigDecimal add = r.isNullAt(kgField) ? BigDecimal.ZERO : r.getDecimal(kgField);
      Map<String, BigDecimal[]> byRoute = cells.computeIfAbsent(key, k -> new TreeMap<>());
      for (int set = 0; set < names.size(); set++) {
        BigDecimal[] kg = byRoute.computeIfAbsent(r.getString(2 + set), k -> zeros(names.size()));
        kg[set] = kg[set].add(add);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, BigDecimal[]>> e : cells.entrySet()) {
      String[] key = e.getKey().split("\\|");
      TreeSet<String> routes = new TreeSet<>(e.getValue().keySet());
      for (Route route : Route.values()) {
        routes.add(route.wireName());
      }
      for (String route : routes) {
        BigDecimal[] kg = e.getValue().getOrDefault(route, zeros(names.size()));
        int lo = 0;
        int hi = 0;
        for (int i = 1; i < kg.length; i++) {
          lo = kg[i].compareTo(kg[lo]) < 0 ? i : lo;
          hi = kg[i].compareTo(kg[hi]) > 0 ? i : hi;
        }
        rows.add(
            new GenericRowWithSchema(
                new Object[] {
                  key[0],
                  Integer.parseInt(key[1]),
                  route,
                  scaled(kg[0]),
                  scaled(kg[lo]),
                  scaled(kg[hi]),
                  names.get(lo),
                  names.get(hi),
                  names.size()
                },
                SCHEMA));
      }
    }
    return rows;
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] a = new BigDecimal[n];
    java.util.Arrays.fill(a, BigDecimal.ZERO);
    return a;
  }

  private static BigDecimal scaled(BigDecimal kg) {
    return kg.setScale(9, java.math.RoundingMode.UNNECESSARY);
  }
}
