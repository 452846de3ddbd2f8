package org.fentrace.trends;

import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;

/**
 * The lab-report counts (NFLIS, table {@code lab_reports}) summed over states: one row per source,
 * substance, class and half-year. Read from the table itself: it is small by construction
 * (substances x states x half-years, some ten thousand rows for nine years of the whole country),
 * unlike the seizure and shipment tables, whose trends come from the monthly aggregates. Half-years
 * that start after the run date's month are left out, as the trend tables leave out later months.
 */
final class LabReportCounts {
  private LabReportCounts() {}

  /** Reports of one substance in one half-year of one source, every state summed. */
  record Count(
      String source,
      String substanceName,
      String substanceClass,
      boolean unlisted,
      LocalDate periodStart,
      long reports) {}

  static List<Count> read(SparkSession spark, Warehouse warehouse, YearMonth runMonth)
      throws IOException {
    Path path = warehouse.table(WarehouseTable.LAB_REPORTS.tableName());
    if (!warehouse.holdsTable(path)) {
      return List.of();
    }
    spark
        .sparkContext()
        .setJobDescription("fentrace trends: sum lab reports by source, substance and half-year");
    return warehouse
        .readTable(spark, path, SparkSchemas.structType(WarehouseTable.LAB_REPORTS))
        .filter(col("period_start").leq(java.sql.Date.valueOf(runMonth.atDay(1))))
        .groupBy("source", "substance_name", "substance_class", "period_start")
        .agg(sum(col("report_count")), bool_or(col("substance_unlisted")))
        .collectAsList()
        .stream()
        .map(
            r ->
                new Count(
                    r.getString(0),
                    r.getString(1),
                    r.getString(2),
                    !r.isNullAt(5) && r.getBoolean(5),
                    localDate(r.get(3)),
                    r.getLong(4)))
        .toList();
  }

  private static LocalDate localDate(Object v) {
    return v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
  }
}
