package org.fentrace.report;

import static org.fentrace.report.Html.numCell;
import static org.fentrace.report.Html.textCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.core.PeriodUnit;
import org.fentrace.core.TableName;
import org.fentrace.effects.PolicyEffects;
import org.fentrace.effects.PolicyEffectsTable;
import org.fentrace.warehouse.WarehouseLayout;

/**
 * The report's "Policy effects" section: one figure per policy event, read from the published
 * {@code policy_effects} table (the report never refits: the table is the one source of its
 * numbers). The chart has one small panel per series with an estimate, each titled by its source,
 * route and class and its level change ({@link PolicyEffectPanels}); the table lists every series:
 * the estimate with its 95% interval, or why there is none. The words say association, not
 * causation, and name overlapping events.
 */
final class PolicyEffectFigures {
  static final String SECTION = "Policy effects";

  private PolicyEffectFigures() {}

  /**
   * One figure per event of {@code byEvent} (policy_effects grouped by event, in table order).
   *
   * @param observed the series the table was fitted on, by {@link PublishedEffects#key}
   * @param events the policy events file, for each event's primary source address
   */
  static List<Figure> all(
      Map<String, List<PublishedEffects.Row>> byEvent,
      Map<String, PolicyEffects.Series> observed,
      List<PolicyEvents.PolicyEvent> events) {
    List<Figure> out = new ArrayList<>();
    byEvent.values().forEach(rows -> out.add(figure(rows, observed, events)));
    return out;
  }

  static Figure figure(
      List<PublishedEffects.Row> rows,
      Map<String, PolicyEffects.Series> observed,
      List<PolicyEvents.PolicyEvent> events) {
    PublishedEffects.Row first = rows.get(0);
    List<PublishedEffects.Row> estimated =
        rows.stream().filter(PublishedEffects.Row::estimated).toList();
    String id = "fig-effect-" + first.eventId();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Association, not causation: a level or slope change around the date is what the data show next to"
            + " the event; other measures, enforcement, reporting or markets may move the series at the same time.");
    String url =
        events.stream()
            .filter(e -> e.date().equals(first.eventDate()) && e.label().equals(first.eventLabel()))
            .map(PolicyEvents.PolicyEvent::sourceUrl)
            .findFirst()
            .orElse(null);
    notes.add(
        "Primary source of the date: "
            + first.primaryCitation()
            + (url == null ? "" : " (" + url + ")")
            + ".");
    List<String> overlaps =
        estimated.stream()
            .map(PublishedEffects.Row::overlappingEvents)
            .filter(o -> o != null && !o.isEmpty())
            .flatMap(o -> java.util.Arrays.stream(o.split("; ")))
            .distinct()
            .toList();
    if (!overlaps.isEmpty()) {
      notes.add(
          "Other events inside the windows used, whose changes the estimates mix in: "
              + String.join("; ", overlaps)
              + ".");
    }
    if (!estimated.isEmpty()) {
      notes.add(
          "Each panel is one series with an estimate, named by its source (never a sum of sources):"
              + " observed values over the window used (blue), the pre-event trend and season carried"
              + " forward as the counterfactual (dashed orange, from the table's fit_intercept,"
              + " pre_trend_pct_per_period and season columns), the event (grey line). Each panel has its own scale.");
    }
    notes.add(
        "Numbers from "
            + PolicyEffectsTable.TABLE
            + " as published (also "
            + WarehouseLayout.exportPath(PolicyEffectsTable.TABLE)
            + "). Method: "
            + PolicyEffects.METHOD_MONTHLY
            + " (half-yearly NFLIS series: no seasonal pair, t(n-4)).");
    boolean months = estimated.stream().anyMatch(r -> r.unit() == PeriodUnit.MONTH);
    boolean halves = estimated.stream().anyMatch(r -> r.unit() == PeriodUnit.HALF_YEAR);
    return new Figure(
        id,
        SECTION,
        first.eventLabel() + " (" + first.eventDate() + ")",
        summary(first, rows, estimated),
        estimated.isEmpty()
            ? "percent change"
            : (months ? "kg per month" : "")
                + (months && halves ? "; " : "")
                + (halves ? "drug reports per half-year" : "")
                + ", one panel per series",
        List.of(
            PolicyEffectsTable.TABLE,
            TableName.ROUTE_MONTHLY.wireName(),
            TableName.LAB_REPORTS.wireName()),
        "not applicable (estimates per series)",
        estimated.isEmpty()
            ? null
            : Figures.svg(
                PolicyEffectPanels.chart(estimated, observed),
                id,
                PolicyEffectPanels.height(estimated.size())),
        false,
        List.of(),
        notes,
        table(id, rows));
  }

  /**
   * How many series have an estimate, and the range of their level changes with how many intervals
   * exclude no change; or why there is none.
   */
  static String summary(
      PublishedEffects.Row event,
      List<PublishedEffects.Row> rows,
      List<PublishedEffects.Row> estimated) {
    if (estimated.isEmpty()) {
      return "No series has enough covered data on both sides of "
          + event.eventDate()
          + " for an estimate (12 covered months, or 3 half-years, each side); the table says why for each.";
    }
    long clear = estimated.stream().filter(r -> r.levelLow() > 0 || r.levelHigh() < 0).count();
    StringBuilder s =
        new StringBuilder("Around ")
            .append(event.eventDate())
            .append(", ")
            .append(estimated.size())
            .append(" of ")
            .append(rows.size())
            .append(
                " series have enough covered data on both sides; each is drawn below, named by its"
                    + " source. ");
    if (estimated.size() == 1) {
      PublishedEffects.Row r = estimated.get(0);
      s.append("In ")
          .append(r.series())
          .append(" the level changed by ")
          .append(Html.signedPct(r.levelPct()))
          .append(" (95% interval ")
          .append(Html.signedPct(r.levelLow()))
          .append(" to ")
          .append(Html.signedPct(r.levelHigh()))
          .append(") against the pre-event trend carried forward")
          .append(clear == 1 ? "." : "; the interval includes no change.");
    } else {
      double min = estimated.stream().mapToDouble(PublishedEffects.Row::levelPct).min().orElse(0);
      double max = estimated.stream().mapToDouble(PublishedEffects.Row::levelPct).max().orElse(0);
      s.append("Their level changes against the pre-event trend carried forward run from ")
          .append(Html.signedPct(min))
          .append(" to ")
          .append(Html.signedPct(max))
          .append("; ")
          .append(clear)
          .append(" of ")
          .append(estimated.size())
          .append(" have a 95% interval that excludes no change.");
    }
    return s.toString();
  }

  static String table(String id, List<PublishedEffects.Row> rows) {
    List<String> out = new ArrayList<>();
    for (PublishedEffects.Row e : rows) {
      boolean est = e.estimated();
      out.add(
          Html.row(
              List.of("source", e.source(), "status", e.status()),
              textCell(e.source()),
              textCell(e.route() == null ? "(none)" : e.route()),
              textCell(e.substanceClass()),
              textCell(e.unit().wireName()),
              textCell(e.status()),
              numCell(Integer.toString(e.periodsBefore())),
              numCell(Integer.toString(e.periodsAfter())),
              numCell(est ? Html.signedPct(e.levelPct()) : "–"),
              numCell(
                  est
                      ? Html.signedPct(e.levelLow()) + " to " + Html.signedPct(e.levelHigh())
                      : "–"),
              numCell(est ? Html.signedPct(e.slopePct()) : "–"),
              numCell(
                  est
                      ? Html.signedPct(e.slopeLow()) + " to " + Html.signedPct(e.slopeHigh())
                      : "–"),
              textCell(e.statusNote() == null ? "" : e.statusNote())));
    }
    return Html.table(
        id + "-table",
        List.of(
            "source",
            "route",
            "substance class",
            "period",
            "status",
            "before",
            "after",
            "level change",
            "95% interval",
            "slope change per period",
            "95% interval",
            "note"),
        out);
  }
}
