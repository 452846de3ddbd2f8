package org.fentrace.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fentrace.core.Route;
import org.fentrace.core.Source;

/**
 * The heaviest single row of the report's source per month and route (fentanyl family): one seizure
 * event in an event file, one published row in CBP's statistics. A fiscal-year change that flips
 * sign without each year's heaviest row rests on that one row (the lumpy flag of {@link
 * LumpyYears}); the heaviest month, which may sum many rows, says less.
 */
final class LargestRows {
  private LargestRows() {}

  /**
   * Per route, the heaviest row of each of {@code months} (zero where the route has none), from
   * {@link ReportInputs#largestFamilyRows()}: rows of other sources and months are left out.
   */
  static Map<Route, List<BigDecimal>> byRoute(
      List<Row> rows, String source, List<YearMonth> months) {
    Map<Route, List<BigDecimal>> out = new EnumMap<>(Route.class);
    for (Row r : rows) {
      String format = r.getAs("source_format");
      if (!Source.ofSourceFormat(format).id().equals(source)) {
        continue;
      }
      int i = months.indexOf(YearMonth.parse(r.<String>getAs("event_month")));
      BigDecimal kg = ReportInputs.decimal(r, "largest_row_kg");
      if (i < 0) {
        continue;
      }
      List<BigDecimal> series =
          out.computeIfAbsent(
              ReportInputs.route(r),
              k -> new ArrayList<>(Collections.nCopies(months.size(), BigDecimal.ZERO)));
      if (kg.compareTo(series.get(i)) > 0) {
        series.set(i, kg);
      }
    }
    return out;
  }

  /** What one row of {@code source} is, in a sentence: "seizure event", "published CBP row". */
  static String rowName(String source) {
    if (Source.CBP_PUBLISHED.id().equals(source)) {
      return "published CBP row";
    }
    if (Source.SEIZURE_EVENTS.id().equals(source)) {
      return "seizure event";
    }
    return "row";
  }

  /** The grain of one row of {@code source}, for a figure note. */
  static String grain(String source) {
    if (Source.CBP_PUBLISHED.id().equals(source)) {
      return "a published CBP row is one line of CBP's table: fiscal month x component x region x land filter x"
          + " area of responsibility (or AMO branch) x drug type, already a sum of seizures";
    }
    if (Source.SEIZURE_EVENTS.id().equals(source)) {
      return "a seizure event is one row of an agency event file";
    }
    return "a row is one row of " + source;
  }
}
