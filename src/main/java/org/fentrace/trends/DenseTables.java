package org.fentrace.trends;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.trends.Aggregates.AnalogCell;
import org.fentrace.trends.Aggregates.SeizureCell;
import org.fentrace.trends.Aggregates.ShipmentCell;

/**
 * Builds the rows of the dense tables from the collected aggregates, in plain Java, already sorted by
 * the tables' keys (strings in their natural order). Dense: every month of the span x every route x
 * every observed value of the other dimensions gets a row, with zeros where nothing was seized, so
 * rolling windows count calendar months. Rows follow {@link TrendSchemas}.
 */
final class DenseTables {
  private DenseTables() {}

  /** A dimension of a monthly table besides month and route: its column, observed values and extractor. */
  record Dim(String column, List<String> values, Function<SeizureCell, String> of) {}

  /** Sums of one grid cell. */
  static final class Totals {
    long events;
    BigDecimal kg = BigDecimal.ZERO;
    long dosageUnits;

    void add(long e, BigDecimal k, long d) {
      events += e;
      kg = kg.add(k);
      dosageUnits += d;
    }
  }

  /**
   * month x route x dims: {@code events, quantity_kg, dosage_units} and {@code share_of_month_kg}, this
   * route's kg over all routes' kg in the same month and dims values (null when that total is 0).
   */
  static List<Row> monthly(MonthSpan span, List<String> routes, List<Dim> dims, List<SeizureCell> cells) {
    Map<List<Object>, Totals> sums = new HashMap<>();
    Map<List<Object>, BigDecimal> allRoutes = new HashMap<>();
    for (SeizureCell c : cells) {
      List<Object> at = new ArrayList<>(List.of(c.month()));
      for (Dim d : dims) {
        at.add(d.of().apply(c));
      }
      allRoutes.merge(at, c.kg(), BigDecimal::add);
      List<Object> key = new ArrayList<>(at);
      key.add(c.route());
      sums.computeIfAbsent(key, k -> new Totals()).add(c.events(), c.kg(), c.dosageUnits());
    }
    List<List<String>> combos = combinations(dims);
    List<Row> rows = new ArrayList<>();
    for (YearMonth m : span.months()) {
      for (String route : sorted(routes)) {
        for (List<String> combo : combos) {
          List<Object> at = new ArrayList<>(List.of(m));
          at.addAll(combo);
          List<Object> key = new ArrayList<>(at);
          key.add(route);
          Totals t = sums.getOrDefault(key, new Totals());
          List<Object> values = new ArrayList<>(List.of(date(m), MonthSpan.fiscalYear(m), route));
          values.addAll(combo);
          values.addAll(List.of(t.events, kg(t.kg), t.dosageUnits));
          values.add(share(t.kg, allRoutes.get(at)));
          rows.add(RowFactory.create(values.toArray()));
        }
      }
    }
    return rows;
  }

  /**
   * fiscal_year x route x substance_class over the fiscal years the span touches, with
   * {@code share_of_year_kg} and {@code partial_year} ({@link MonthSpan#isPartialFiscalYear}).
   */
  static List<Row> fiscalYears(MonthSpan span, LocalDate runDate, List<String> routes, List<String> classes,
      List<SeizureCell> cells) {
    Map<List<Object>, Totals> sums = new HashMap<>();
    Map<List<Object>, BigDecimal> allRoutes = new HashMap<>();
    for (SeizureCell c : cells) {
      int fy = MonthSpan.fiscalYear(c.month());
      allRoutes.merge(List.of(fy, c.substanceClass()), c.kg(), BigDecimal::add);
      sums.computeIfAbsent(List.of(fy, c.route(), c.substanceClass()), k -> new Totals())
          .add(c.events(), c.kg(), c.dosageUnits());
    }
    List<Row> rows = new ArrayList<>();
    for (int fy : span.fiscalYears()) {
      boolean partial = span.isPartialFiscalYear(fy, runDate);
      for (String route : sorted(routes)) {
        for (String cls : sorted(classes)) {
          Totals t = sums.getOrDefault(List.of(fy, route, cls), new Totals());
          rows.add(RowFactory.create(fy, route, cls, t.events, kg(t.kg), t.dosageUnits,
              share(t.kg, allRoutes.get(List.of(fy, cls))), partial));
        }
      }
    }
    return rows;
  }

  /**
   * Pill press lines per month x route over the months of the shipments table. The customs layout has
   * no piece count: {@code units} counts lines (one line, one press or die set), like {@code shipment_lines}.
   */
  static List<Row> pillPresses(MonthSpan span, List<String> routes, List<ShipmentCell> cells) {
    Map<List<Object>, ShipmentCell> byKey = new HashMap<>();
    for (ShipmentCell c : cells) {
      byKey.put(List.of(c.month(), c.route()), c);
    }
    List<Row> rows = new ArrayList<>();
    for (YearMonth m : span.months()) {
      for (String route : sorted(routes)) {
        ShipmentCell c = byKey.get(List.of(m, route));
        long lines = c == null ? 0 : c.pressLines();
        rows.add(RowFactory.create(date(m), MonthSpan.fiscalYear(m), route, lines, lines,
            kg(c == null ? BigDecimal.ZERO : c.pressWeightKg())));
      }
    }
    return rows;
  }

  /**
   * One row per analog, sorted by name; {@code new_this_run} when the name is not in
   * {@code previousNames}, the analog_watch table this run replaces (null: there was none, so every
   * analog is new).
   */
  static List<Row> analogWatch(List<AnalogCell> analogs, Set<String> previousNames) {
    List<AnalogCell> sorted = new ArrayList<>(analogs);
    sorted.sort(java.util.Comparator.comparing(AnalogCell::substanceName));
    List<Row> rows = new ArrayList<>();
    for (AnalogCell a : sorted) {
      boolean isNew = previousNames == null || !previousNames.contains(a.substanceName());
      rows.add(RowFactory.create(a.substanceName(), date(a.firstMonth()), date(a.lastMonth()), a.events(),
          kg(a.kg()), a.dosageUnits(), a.unlisted(), isNew));
    }
    return rows;
  }

  /** kg / total as a double (correctly rounded from the exact decimals); null when the total is not positive. */
  static Double share(BigDecimal kg, BigDecimal total) {
    if (total == null || total.signum() <= 0) {
      return null;
    }
    return kg.divide(total, MathContext.DECIMAL128).doubleValue();
  }

  static BigDecimal kg(BigDecimal v) {
    return v.setScale(9, RoundingMode.HALF_UP);
  }

  static java.sql.Date date(YearMonth m) {
    return m == null ? null : java.sql.Date.valueOf(m.atDay(1));
  }

  static List<String> sorted(List<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }

  /** Every combination of the dims' values, in lexicographic order (one empty combination for no dims). */
  private static List<List<String>> combinations(List<Dim> dims) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (Dim d : dims) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String v : sorted(d.values())) {
          List<String> c = new ArrayList<>(prefix);
          c.add(v);
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }
}
