package org.fentrace.report;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of one report: where the page was written, the figures it shows (ids, in
 * page order) and which of them carry a chart, the headline sentences and cautions, the policy
 * events read and how many of them fall inside the data's span, the page size, and step timings.
 */
public record ReportResult(
    String runId,
    LocalDate runDate,
    String path,
    List<String> figures,
    List<String> charts,
    List<String> headline,
    List<String> cautions,
    int policyEvents,
    int policyEventsDrawn,
    long bytes,
    Map<String, Long> timingsMillis) {

  public ReportResult {
    figures = List.copyOf(figures);
    charts = List.copyOf(charts);
    headline = List.copyOf(headline);
    cautions = List.copyOf(cautions);
    timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
  }
}
