package org.fentrace.trends;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of one trends computation: the month span of the seizure series (both null
 * when there were no seizures), rows written per table (in the order written), the export files,
 * the CHINA_DIRECT / MEXICO_CARTEL lead changes, the analogs flagged new in this run, and step
 * timings.
 */
public record TrendsResult(
    String runId,
    LocalDate runDate,
    YearMonth firstMonth,
    YearMonth lastMonth,
    Map<String, Long> tableRows,
    List<String> exports,
    List<LeadChanges.LeadChange> leadChanges,
    List<String> newAnalogs,
    Map<String, Long> timingsMillis) {

  public TrendsResult {
    tableRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tableRows));
    exports = List.copyOf(exports);
    leadChanges = List.copyOf(leadChanges);
    newAnalogs = List.copyOf(newAnalogs);
    timingsMillis =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMillis));
  }
}
