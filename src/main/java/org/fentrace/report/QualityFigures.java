package org.fentrace.report;

import static org.fentrace.report.Html.countCell;
import static org.fentrace.report.Html.kgCell;
import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.Route;
import org.fentrace.core.TableName;
import org.fentrace.routes.RouteRule;
import org.fentrace.routes.RouteRules;
import org.fentrace.warehouse.WarehouseLayout;
import org.fentrace.warehouse.WarehouseTable;

/**
 * The data-quality figures: rows per source file (from the run manifest), the quarantine by reason
 * and file, the unattributed share, coverage per source, and the route rule file in force.
 */
final class QualityFigures {
  static final String QUALITY = "Data quality";

  private QualityFigures() {}

  static List<Figure> all(ReportData d) {
    return List.of(files(d), rejects(d), unattributed(d), coverage(d), rules(d));
  }

  static Figure files(ReportData d) {
    List<String> rows = new ArrayList<>();
    long[] t = new long[4];
    for (ReportData.FileRow f : d.quality().files()) {
      rows.add(
          Html.row(
              List.of("file", f.path()),
              textCell(f.path()),
              textCell(f.format()),
              textCell(f.status()),
              textCell(f.readByRun()),
              countCell(f.rowsRead()),
              countCell(f.normalized()),
              countCell(f.rejected()),
              countCell(f.duplicates())));
      t[0] += f.rowsRead();
      t[1] += f.normalized();
      t[2] += f.rejected();
      t[3] += f.duplicates();
    }
    if (!rows.isEmpty()) {
      rows.add(
          Html.row(
              List.of("file", "(all files)"),
              "<th scope=\"row\">all files</th>",
              textCell(""),
              textCell(""),
              textCell(""),
              countCell(t[0]),
              countCell(t[1]),
              countCell(t[2]),
              countCell(t[3])));
    }
    String run =
        d.run().manifestRunId() == null || d.run().manifestRunId().isEmpty()
            ? "no run manifest found"
            : "run "
                + d.run().manifestRunId()
                + (d.quality().manifestOutcome().isEmpty()
                    ? " (this run, still in progress when the report was written)"
                    : ", outcome " + d.quality().manifestOutcome());
    return new Figure(
        "fig-files",
        QUALITY,
        "Rows per source file",
        "What ingestion read from each landing file and where every row went: rows read = normalized + rejected +"
            + " duplicates. Runs are incremental: a file is read once, so its numbers come from the run that read it.",
        "rows (input records)",
        List.of(
            WarehouseLayout.RUNS + "/" + nonEmpty(d.run().manifestRunId(), "<run_id>") + ".json"),
        "not applicable (no route rule involved)",
        null,
        false,
        List.of(),
        List.of("From the run manifest: " + run + "."),
        Html.table(
            "fig-files-table",
            List.of(
                "file",
                "format",
                "status",
                "read by run",
                "rows read",
                "normalized",
                "rejected",
                "duplicates"),
            rows));
  }

  static Figure rejects(ReportData d) {
    List<String> byReason = new ArrayList<>();
    d.quality()
        .rejectsByReason()
        .forEach((k, v) -> byReason.add(Html.row(List.of("reason", k), textCell(k), countCell(v))));
    List<String> byFile = new ArrayList<>();
    d.quality()
        .rejectsByFile()
        .forEach((k, v) -> byFile.add(Html.row(List.of("file", k), textCell(k), countCell(v))));
    long total = d.quality().rejectsByReason().values().stream().mapToLong(Long::longValue).sum();
    return new Figure(
        "fig-rejects",
        QUALITY,
        "Rejected rows by reason",
        "Input rows that could not be normalized, kept in the quarantine with the reason and the row as delivered.",
        "rows",
        List.of(TableName.REJECTED.wireName()),
        "not applicable (rejected rows have no route)",
        total == 0
            ? null
            : Figures.svg(
                CategoryCharts.rejects(d),
                "fig-rejects",
                Math.max(200, 80 + 28 * d.quality().rejectsByReason().size())),
        false,
        List.of(),
        List.of(
            total
                + " rejected row(s) in the quarantine. Query them: SELECT * FROM rejected WHERE reason_code = '...'"),
        Html.table("fig-rejects-table", List.of("reason_code", "rows"), byReason)
            + "<h4>By source file</h4>"
            + Html.table("fig-rejects-files", List.of("source_file", "rows"), byFile));
  }

  static Figure unattributed(ReportData d) {
    List<String> rows = new ArrayList<>();
    for (int fy : d.fiscalYearList()) {
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal un = BigDecimal.ZERO;
      for (ReportData.FiscalYearRow r : d.fiscalYears()) {
        if (r.fiscalYear() == fy) {
          total = total.add(r.kg());
          if (r.route() == Route.UNATTRIBUTED) {
            un = un.add(r.kg());
          }
        }
      }
      rows.add(
          Html.row(
              List.of("fiscal-year", Integer.toString(fy)),
              textCell(CategoryCharts.fyLabel(d, fy)),
              kgCell(un),
              kgCell(total),
              numCell(total.signum() == 0 ? "–" : Html.pct(TimeCharts.percent(un, total)))));
    }
    return new Figure(
        "fig-unattributed",
        QUALITY,
        "Unattributed share",
        "The part of each month's fentanyl-family kilograms that no route rule could attribute: the higher it is,"
            + " the less the route figures above can say.",
        "percent of the month's fentanyl-family kilograms (" + Figures.FAMILY + ")",
        List.of(TableName.ROUTE_MONTHLY.wireName(), TableName.ROUTE_FISCAL_YEAR.wireName()),
        ConfidenceMix.ofKg(d.familyKgByRouteAndConfidence(), List.of(Route.UNATTRIBUTED)),
        d.months().isEmpty()
            ? null
            : Figures.svg(TimeCharts.unattributed(d), "fig-unattributed", 340),
        true,
        ChartKit.eventsInside(
            d.policyEvents(), TimeCharts.first(d.months()), TimeCharts.last(d.months())),
        List.of(
            "UNATTRIBUTED: no rule matched (no origin, and nothing about where or how it was seized pointed"
                + " to a road)."),
        Html.table(
            "fig-unattributed-table",
            List.of("fiscal year", "UNATTRIBUTED kg", "all routes kg", "share"),
            rows));
  }

  /** One table row per coverage line: source (format or file), first and last month, counts. */
  private static List<String> coverageRows(List<ReportData.Coverage> coverage) {
    List<String> rows = new ArrayList<>();
    for (ReportData.Coverage c : coverage) {
      rows.add(
          Html.row(
              List.of("source", c.source()),
              textCell(c.source()),
              textCell(c.firstMonth().toString()),
              textCell(c.lastMonth().toString()),
              countCell(c.rows()),
              countCell(c.events())));
    }
    return rows;
  }

  static Figure coverage(ReportData d) {
    List<String> byFormat = coverageRows(d.quality().coverageByFormat());
    List<String> byFile = coverageRows(d.quality().coverageByFile());
    List<String> fyRows = new ArrayList<>();
    d.quality()
        .formatsByFiscalYear()
        .forEach(
            (fy, formats) ->
                fyRows.add(
                    Html.row(
                        List.of("fiscal-year", Integer.toString(fy)),
                        textCell("FY" + fy),
                        textCell(String.join(", ", formats)))));
    List<ReportData.Coverage> cov = d.quality().coverageByFormat();
    List<Integer> events =
        cov.isEmpty()
            ? List.of()
            : ChartKit.eventsInside(
                d.policyEvents(),
                cov.stream()
                    .map(ReportData.Coverage::firstMonth)
                    .min(java.time.YearMonth::compareTo)
                    .get(),
                cov.stream()
                    .map(ReportData.Coverage::lastMonth)
                    .max(java.time.YearMonth::compareTo)
                    .get());
    return new Figure(
        "fig-coverage",
        QUALITY,
        "Coverage: first and last month per source",
        "Which sources the seizure figures rest on, month by month. A change in the sources behind two periods"
            + " changes the totals whatever happened at the border: compare like with like.",
        "months",
        List.of(TableName.SEIZURES.wireName()),
        "not applicable (coverage of the sources, before route rules)",
        cov.isEmpty()
            ? null
            : Figures.svg(CategoryCharts.coverage(d), "fig-coverage", 110 + 36 * cov.size()),
        true,
        events,
        List.of(
            "cbp_nationwide and cbp_amo are monthly aggregates published by CBP; seizure_events are single seizures."),
        Html.table(
                "fig-coverage-table",
                List.of("source format", "first month", "last month", "rows", "events"),
                byFormat)
            + "<h4>Sources per fiscal year</h4>"
            + Html.table("fig-coverage-fy", List.of("fiscal year", "source formats"), fyRows)
            + "<h4>By file</h4>"
            + Html.table(
                "fig-coverage-files",
                List.of("source file (format)", "first month", "last month", "rows", "events"),
                byFile));
  }

  static Figure rules(ReportData d) {
    ReportData.Run r = d.run();
    List<String> rows =
        List.of(
            Html.row(
                List.of("key", "version"),
                textCell("rule file version (run manifest)"),
                textCell(nonEmpty(r.rulesVersion(), "unknown"))),
            Html.row(
                List.of("key", "sha256"),
                textCell("rule file SHA-256"),
                textCell(nonEmpty(r.rulesSha256(), "unknown"))),
            Html.row(
                List.of("key", "source"),
                textCell("rule file"),
                textCell(nonEmpty(r.rulesSource(), "unknown"))),
            Html.row(
                List.of("key", "in-data"),
                textCell("rule versions in the seizures table (route_rule = id@version#checksum)"),
                textCell(
                    r.ruleVersionsInData().isEmpty()
                        ? "none"
                        : String.join(", ", r.ruleVersionsInData()))));
    List<String> notes = new ArrayList<>();
    if (r.ruleVersionsInData().size() > 1) {
      notes.add(
          "More than one rule version decided the rows in the warehouse: rows ingested under an older rule"
              + " file keep its routes until they are ingested again.");
    }
    notes.add(ConfidenceMix.LEGEND);
    String ruleTable = ruleTable(RouteRules.fromSource(r.rulesSource()), notes);
    return new Figure(
        "fig-rules",
        QUALITY,
        "Route rule file",
        "The versioned rule file that attributed the routes.",
        "not applicable",
        List.of(
            WarehouseLayout.RUNS + "/" + nonEmpty(r.manifestRunId(), "<run_id>") + ".json",
            WarehouseTable.SEIZURES.tableName()),
        "see the legend below",
        null,
        false,
        List.of(),
        notes,
        Html.table("fig-rules-table", List.of("what", "value"), rows) + ruleTable);
  }

  /**
   * Every rule of the file in force, in the order tried, with its reasoning: a LOW rule is a proxy
   * (where CBP seized, not where the drug came from), and the reader sees why it is taken as
   * evidence at all.
   */
  static String ruleTable(RouteRules rules, List<String> notes) {
    if (rules == null) {
      notes.add(
          "The rule file named above can no longer be read, so its rules are not listed here.");
      return "";
    }
    List<String> rows = new ArrayList<>();
    for (RouteRule rule : rules.rules()) {
      String kind =
          rule.confidence() == org.fentrace.core.Confidence.LOW && rule.id().startsWith("cbp-")
              ? " (proxy: where CBP seized it, not where it came from)"
              : "";
      rows.add(
          Html.row(
              List.of("rule", rule.id()),
              textCell(rule.id()),
              textCell(rule.route().name()),
              textCell(rule.confidence().name() + kind),
              textCell(rule.description()),
              textCell(
                  rule.reasoning() == null ? "not given in the rule file" : rule.reasoning())));
    }
    return "<h4>Rules, in the order they are tried (the first that holds decides)</h4>"
        + Html.table(
            "fig-rules-list", List.of("rule", "route", "confidence", "what it takes", "why"), rows);
  }

  private static String nonEmpty(String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }
}
