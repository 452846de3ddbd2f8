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
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.trends.AggregateCells.SeizureCell;
import org.fentrace.trends.AggregateCells.ShipmentCell;

/**
 * Builds the rows of the dense tables from the collected aggregates, in plain Java, already sorted
 * by the tables' keys (source first, strings in their natural order). Dense: every source x every
 * month of the span x every route x every observed value of the other dimensions gets a row, with
 * zeros where a covered month had no seizure and nulls where the source did not cover the month, so
 * rolling windows count calendar months and "no data" never reads as "nothing seized". Rows follow
 * {@link TrendSchemas}.
 */
final class DenseTables {
  private DenseTables() {}

  /**
   * A dimension of a monthly table besides month and route: its column, observed values and
   * extractor.
   */
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
   * source x month x route x dims over the span: {@code covered}, {@code events, quantity_kg,
   * dosage_units} and {@code share_of_month_kg}, this route's kg over all routes' kg in the same
   * source, month and dims values (null when that total is 0). Measures are null in a month the
   * source did not cover, 0 in a covered month without seizures.
   */
  static List<Row> monthly(
      MonthSpan span,
      Coverage coverage,
      List<String> sources,
      List<String> routes,
      List<Dim> dims,
      List<SeizureCell> cells) {
    Map<List<Object>, Totals> sums = new HashMap<>();
    Map<List<Object>, BigDecimal> allRoutes = new HashMap<>();
    for (SeizureCell c : cells) {
      List<Object> at = new ArrayList<>(List.of(c.source(), c.month()));
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
    for (String source : sorted(sources)) {
      for (YearMonth m : span.months()) {
        boolean covered = coverage.covered(source, m);
        for (String route : sorted(routes)) {
          for (List<String> combo : combos) {
            List<Object> at = new ArrayList<>(List.of(source, m));
            at.addAll(combo);
            List<Object> key = new ArrayList<>(at);
            key.add(route);
            Totals t = sums.getOrDefault(key, new Totals());
            List<Object> values =
                new ArrayList<>(List.of(source, date(m), MonthSpan.fiscalYear(m), route));
            values.addAll(combo);
            values.add(covered);
            values.addAll(covered ? List.of(t.events, kg(t.kg), t.dosageUnits) : nulls(3));
            values.add(covered ? share(t.kg, allRoutes.get(at)) : null);
            rows.add(RowFactory.create(values.toArray()));
          }
        }
      }
    }
    return rows;
  }

  /**
   * source x fiscal_year x route x substance_class over the fiscal years the span touches, summed
   * over the months the source covered ({@code months_covered}; measures null when it covered
   * none), with {@code share_of_year_kg}, {@code partial_year} (fewer than 12 covered months, or
   * the run date is before the year's last day) and the change from the year before. That change is
   * made only when both years were covered in the same months of the fiscal year: otherwise it
   * would measure the coverage, not the border, so it is null and {@code comparison_note} says why.
   */
  static List<Row> fiscalYears(
      MonthSpan span,
      Coverage coverage,
      List<String> sources,
      LocalDate runDate,
      List<String> routes,
      List<String> classes,
      List<SeizureCell> cells) {
    Map<List<Object>, Totals> sums = new HashMap<>();
    Map<List<Object>, BigDecimal> allRoutes = new HashMap<>();
    for (SeizureCell c : cells) {
      int fy = MonthSpan.fiscalYear(c.month());
      allRoutes.merge(List.of(c.source(), fy, c.substanceClass()), c.kg(), BigDecimal::add);
      sums.computeIfAbsent(
              List.of(c.source(), fy, c.route(), c.substanceClass()), k -> new Totals())
          .add(c.events(), c.kg(), c.dosageUnits());
    }
    List<Row> rows = new ArrayList<>();
    for (String source : sorted(sources)) {
      for (int fy : span.fiscalYears()) {
        List<YearMonth> months = coverage.coveredIn(source, fy);
        List<YearMonth> before = coverage.coveredIn(source, fy - 1);
        boolean covered = !months.isEmpty();
        boolean partial =
            months.size() < 12 || runDate.isBefore(YearMonth.of(fy, 9).atEndOfMonth());
        for (String route : sorted(routes)) {
          for (String cls : sorted(classes)) {
            Totals t = sums.getOrDefault(List.of(source, fy, route, cls), new Totals());
            Totals p = sums.getOrDefault(List.of(source, fy - 1, route, cls), new Totals());
            String note = yearComparisonNote(source, fy, months, before, p.kg);
            Double pct =
                note == null
                    ? t.kg
                        .subtract(p.kg)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(p.kg, MathContext.DECIMAL128)
                        .doubleValue()
                    : null;
            rows.add(
                RowFactory.create(
                    source,
                    fy,
                    route,
                    cls,
                    months.size(),
                    covered ? t.events : null,
                    covered ? kg(t.kg) : null,
                    covered ? t.dosageUnits : null,
                    covered ? share(t.kg, allRoutes.get(List.of(source, fy, cls))) : null,
                    partial,
                    pct,
                    note));
          }
        }
      }
    }
    return rows;
  }

  /** Why FY {@code fy} is not compared with the year before; null when it is. */
  static String yearComparisonNote(
      String source, int fy, List<YearMonth> months, List<YearMonth> before, BigDecimal priorKg) {
    if (months.isEmpty()) {
      return source + " does not cover FY" + fy;
    }
    if (before.isEmpty()) {
      return source + " does not cover FY" + (fy - 1);
    }
    List<YearMonth> shifted = before.stream().map(m -> m.plusYears(1)).toList();
    if (!shifted.equals(months)) {
      return "coverage differs: "
          + source
          + " covers "
          + before.size()
          + " month(s) of FY"
          + (fy - 1)
          + " and "
          + months.size()
          + " of FY"
          + fy;
    }
    if (priorKg.signum() == 0) {
      return "no kg in FY" + (fy - 1);
    }
    return null;
  }

  /**
   * Pill press lines per source x month x route over the span of the shipment sources. The customs
   * layout has no piece count: {@code units} counts lines (one line, one press or die set), like
   * {@code shipment_lines}. Null outside the source's coverage.
   */
  static List<Row> pillPresses(
      MonthSpan span,
      Coverage coverage,
      List<String> sources,
      List<String> routes,
      List<ShipmentCell> cells) {
    Map<List<Object>, ShipmentCell> byKey = new HashMap<>();
    for (ShipmentCell c : cells) {
      byKey.put(List.of(c.source(), c.month(), c.route()), c);
    }
    List<Row> rows = new ArrayList<>();
    for (String source : sorted(sources)) {
      for (YearMonth m : span.months()) {
        boolean covered = coverage.covered(source, m);
        for (String route : sorted(routes)) {
          ShipmentCell c = byKey.get(List.of(source, m, route));
          Long lines = covered ? (c == null ? 0L : c.pressLines()) : null;
          BigDecimal kg = covered ? kg(c == null ? BigDecimal.ZERO : c.pressWeightKg()) : null;
          rows.add(
              RowFactory.create(
                  source, date(m), MonthSpan.fiscalYear(m), route, covered, lines, lines, kg));
        }
      }
    }
    return rows;
  }

  /** source x month over the span: covered, and the source's first and last covered month. */
  static List<Row> sourceCoverage(MonthSpan span, Coverage coverage) {
    List<Row> rows = new ArrayList<>();
    for (String source : coverage.sources()) {
      MonthSpan own = coverage.span(source);
      for (YearMonth m : span.months()) {
        rows.add(
            RowFactory.create(
                source,
                date(m),
                MonthSpan.fiscalYear(m),
                coverage.covered(source, m),
                date(own.first()),
                date(own.last())));
      }
    }
    return rows;
  }

  private static List<Object> nulls(int n) {
    return java.util.Collections.nCopies(n, null);
  }

  /**
   * kg / total as a double (correctly rounded from the exact decimals); null when the total is not
   * positive.
   */
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

  /**
   * Every combination of the dims' values, in lexicographic order (one empty combination for no
   * dims).
   */
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
