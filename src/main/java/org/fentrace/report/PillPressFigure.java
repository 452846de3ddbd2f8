package org.fentrace.report;

import static org.fentrace.report.Html.countCell;
import static org.fentrace.report.Html.kgCell;
import static org.fentrace.report.Html.textCell;

import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.Route;
import org.fentrace.core.TableName;

/**
 * Pill press and die shipment lines per month and route, from the customs shipments source (the
 * only one that records them), with the lines and gross weight per route in its tables.
 */
final class PillPressFigure {
  private PillPressFigure() {}

  static Figure of(ReportData d) {
    List<Route> routes = new ArrayList<>(d.pillPressLinesByRoute().keySet());
    List<String> rows = new ArrayList<>();
    for (Route r : routes) {
      long lines = d.pillPressLinesByRoute().get(r).stream().mapToLong(Long::longValue).sum();
      rows.add(
          Html.row(
              List.of("route", r.wireName()),
              textCell(r.wireName()),
              countCell(lines),
              kgCell(d.pillPressKgByRoute().get(r))));
    }
    List<String> header = new ArrayList<>(List.of("month"));
    routes.forEach(r -> header.add(r.wireName()));
    List<String> monthly = new ArrayList<>();
    for (int i = 0; i < d.shipmentMonths().size(); i++) {
      StringBuilder cells = new StringBuilder(textCell(d.shipmentMonths().get(i).toString()));
      for (Route r : routes) {
        cells.append(countCell(d.pillPressLinesByRoute().get(r).get(i)));
      }
      monthly.add(
          Html.row(List.of("month", d.shipmentMonths().get(i).toString()), cells.toString()));
    }
    String id = "fig-pill-presses";
    return new Figure(
        id,
        Figures.ROUTES,
        "Pill press and die shipments per month and route",
        "Customs lines classed PILL_PRESS (tablet presses, their dies and punches): the machinery behind"
            + " counterfeit pills, by the road the shipment took.",
        "customs shipment lines per month (the customs layout has no piece count); weights in the table",
        List.of(TableName.PILL_PRESS_MONTHLY.wireName(), TableName.SHIPMENTS.wireName()),
        ConfidenceMix.ofCounts(d.pillPressLinesByRouteAndConfidence()),
        d.shipmentMonths().isEmpty() ? null : Figures.svg(TimeCharts.pillPresses(d), id, 400),
        true,
        ChartKit.eventsInside(
            d.policyEvents(),
            TimeCharts.first(d.shipmentMonths()),
            TimeCharts.last(d.shipmentMonths())),
        List.of(
            "Lines without a declared weight add nothing to the weight total.",
            CoverageMarks.sentence(
                org.fentrace.core.Source.CUSTOMS_SHIPMENTS.id(), d.shipmentMonths())),
        Html.table(id + "-totals", List.of("route", "shipment lines", "gross weight kg"), rows)
            + "<h4>Lines per month</h4>"
            + Html.table(id + "-table", header, monthly));
  }
}
