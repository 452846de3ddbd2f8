package org.fentrace.report;

import java.util.List;

/**
 * One figure of the report: a chart (inline SVG, or null for a table-only figure) with the caption
 * facts every figure states (unit, source tables, confidence of the rules behind it; the run date
 * is added by the page), notes, the policy events drawn on it, and its data as an HTML table.
 *
 * @param id HTML id of the {@code <figure>}; the chart's {@code <svg>} id is {@code id + "-svg"}
 * @param section the page section it belongs to
 * @param timeChart whether the chart has time on an axis (and so carries the policy events)
 * @param eventsDrawn 1-based numbers of the policy events drawn on the chart
 */
public record Figure(
    String id,
    String section,
    String title,
    String summary,
    String unit,
    List<String> sources,
    String confidence,
    String svg,
    boolean timeChart,
    List<Integer> eventsDrawn,
    List<String> notes,
    String tableHtml) {
  public Figure {
    sources = List.copyOf(sources);
    notes = List.copyOf(notes);
    eventsDrawn = List.copyOf(eventsDrawn);
  }

  /** The same figure with other notes: a caller adds what it knows that the figure does not. */
  public Figure withNotes(List<String> otherNotes) {
    return new Figure(
        id,
        section,
        title,
        summary,
        unit,
        sources,
        confidence,
        svg,
        timeChart,
        eventsDrawn,
        otherNotes,
        tableHtml);
  }

  public boolean hasChart() {
    return svg != null;
  }
}
