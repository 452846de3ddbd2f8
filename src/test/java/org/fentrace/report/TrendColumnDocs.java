package org.fentrace.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sentence per column of every trend table (TrendSchemas has the types, not the meanings; the
 * definitions follow {@code org.fentrace.trends.package-info} and {@code TrendStatistics}). The data
 * dictionary fails to render when a column of TrendSchemas has no entry here, so a new column cannot
 * go undocumented.
 */
final class TrendColumnDocs {
  private TrendColumnDocs() {}

  /** Columns shared by the monthly tables. */
  static final Map<String, String> MONTHLY = ordered(
      "month", "First day of the month (DATE).",
      "fiscal_year", "US federal fiscal year of the month (1 October to 30 September, named by the year it ends in).",
      "route", "Route vocabulary value; a row without a route counts as UNATTRIBUTED.",
      "substance_class", "Substance class vocabulary value (UNKNOWN when the seizure had none).",
      "form", "Form vocabulary value of the seizures (UNKNOWN when not recorded, as in every CBP aggregate).",
      "conveyance", "Conveyance vocabulary value of the seizures (UNKNOWN when not recorded).",
      "events", "Seizure events: sum of event_count (1 per seizure event, CBP's Count of Event per aggregate).",
      "quantity_kg", "Seized mass in kilograms (exact DECIMAL; seizures counted in dosage units add nothing here).",
      "dosage_units", "Seized pills, tablets or dosage units (counts, never converted to mass).",
      "share_of_month_kg", "This route's quantity_kg / all routes' quantity_kg in the same month and class (and form or"
          + " conveyance); null when that total is 0.");

  static final Map<String, Map<String, String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("route_monthly", MONTHLY);
    TABLES.put("route_monthly_by_form", MONTHLY);
    TABLES.put("route_monthly_by_conveyance", MONTHLY);
    TABLES.put("route_fiscal_year", ordered(
        "fiscal_year", "US federal fiscal year.",
        "route", MONTHLY.get("route"),
        "substance_class", MONTHLY.get("substance_class"),
        "events", MONTHLY.get("events"),
        "quantity_kg", MONTHLY.get("quantity_kg"),
        "dosage_units", MONTHLY.get("dosage_units"),
        "share_of_year_kg", "This route's quantity_kg / all routes' quantity_kg in the same fiscal year and class; null"
            + " when that total is 0.",
        "partial_year", "True when the data start after the year's October, end before its September, or the run date"
            + " is before its 30 September: do not compare its totals with full years."));
    TABLES.put("route_trends", ordered(
        "route", MONTHLY.get("route"),
        "substance_class", MONTHLY.get("substance_class"),
        "first_month", "First month with any seizure of this route and class; null when there is none.",
        "last_month", "Last month with any seizure of this route and class; null when there is none.",
        "as_of_month", "Last month of the whole series (the same for every row): every window below ends here.",
        "total_kg", "Kilograms over the whole span.",
        "total_events", "Events over the whole span.",
        "last_12m_kg", "Kilograms in the 12 months ending at as_of_month; null when the span is shorter than 12 months.",
        "prior_12m_kg", "Kilograms in the 12 months before those; null when the span is shorter than 24 months.",
        "pct_change_12m", "100 * (last_12m_kg - prior_12m_kg) / prior_12m_kg; null when prior_12m_kg is 0 or null.",
        "rolling_3m_mean_kg", "Mean monthly kilograms over the last 3 months (months without seizures count as 0).",
        "rolling_12m_mean_kg", "Mean monthly kilograms over the last 12 months (months without seizures count as 0).",
        "trend_pct_per_month_all", "Log-linear trend over the whole span: ordinary least squares of ln(kg) on the month"
            + " index over months with kg > 0, as percent per month 100 * (exp(slope) - 1); null with fewer than 3"
            + " such months.",
        "trend_ci_low_all", "Lower end of the trend's 95% confidence interval, in percent per month.",
        "trend_ci_high_all", "Upper end of the trend's 95% confidence interval, in percent per month.",
        "trend_months_all", "Months with kg > 0 the whole-span trend was fitted on.",
        "trend_pct_per_month_24m", "The same log-linear trend over the last 24 months of the span.",
        "trend_ci_low_24m", "Lower end of the 24-month trend's 95% confidence interval.",
        "trend_ci_high_24m", "Upper end of the 24-month trend's 95% confidence interval.",
        "trend_months_24m", "Months with kg > 0 the 24-month trend was fitted on."));
    TABLES.put("route_lead_changes", ordered(
        "month", "Month in which the leader in fentanyl-family (FENTANYL + FENTANYL_ANALOG) kilograms changed between"
            + " CHINA_DIRECT and MEXICO_CARTEL (ties keep the previous leader; the first leader is not a change).",
        "leader_before", "The route that led before this month.",
        "leader_after", "The route that leads from this month.",
        "china_direct_kg", "CHINA_DIRECT fentanyl-family kilograms in this month.",
        "mexico_cartel_kg", "MEXICO_CARTEL fentanyl-family kilograms in this month."));
    TABLES.put("pill_press_monthly", ordered(
        "month", MONTHLY.get("month"),
        "fiscal_year", MONTHLY.get("fiscal_year"),
        "route", MONTHLY.get("route"),
        "shipment_lines", "Customs lines with goods_class PILL_PRESS (tablet and pill presses, dies, punches).",
        "units", "Pieces shipped; the customs layout has no piece count, so this counts lines like shipment_lines.",
        "gross_weight_kg", "Declared gross weight of those lines in kilograms (lines without a weight add nothing)."));
    TABLES.put("analog_watch", ordered(
        "substance_name", "Canonical name of a fentanyl-related substance (class FENTANYL_ANALOG) seen in seizures.",
        "first_month", "First month it was seized.",
        "last_month", "Last month it was seized.",
        "events", "Seizure events.",
        "quantity_kg", "Kilograms seized.",
        "dosage_units", "Dosage units seized.",
        "unlisted", "True when any of its rows had substance_unlisted: a name the substance dictionary lacks that reads"
            + " as a fentanyl analog.",
        "new_this_run", "True when its name was not in the analog_watch table this run replaced (on a first run every"
            + " analog is new)."));
    TABLES.put("route_sensitivity", ordered(
        "source", "The source the kilograms come from (cbp_published, seizure_events); never a sum across sources.",
        "fiscal_year", "US federal fiscal year.",
        "route", MONTHLY.get("route"),
        "in_force_kg", "Fentanyl-family (FENTANYL + FENTANYL_ANALOG) kilograms on this route under the route rules in"
            + " force, attributed from the stored records' own fields.",
        "min_kg", "The lowest of those kilograms over the rule sets compared (the rules in force and the bundled"
            + " variants jobs/conf/route-rules-alt-*.yaml).",
        "max_kg", "The highest of those kilograms over the same rule sets.",
        "min_rule_set", "The rule set giving min_kg: in-force, mail-facilities-only, gulf-coast-mexico or"
            + " all-coastal-interior (the first in that order on a tie).",
        "max_rule_set", "The rule set giving max_kg (the first in the same order on a tie).",
        "rule_sets", "How many rule sets were compared."));
  }

  /** What each table's row stands for. */
  static final Map<String, String> GRAIN = Map.of(
      "route_monthly", "month x route x substance_class, dense (a month without seizures is a row of zeros)",
      "route_monthly_by_form", "month x route x substance_class x form, dense over the observed forms",
      "route_monthly_by_conveyance", "month x route x substance_class x conveyance, dense over the observed conveyances",
      "route_fiscal_year", "fiscal year x route x substance_class",
      "route_trends", "route x substance_class: growth and trend statistics",
      "route_lead_changes", "a month in which CHINA_DIRECT and MEXICO_CARTEL swapped the lead in fentanyl-family kg",
      "pill_press_monthly", "month x route: pill press and die shipment lines",
      "analog_watch", "a fentanyl-related substance seen in seizures",
      "route_sensitivity", "source x fiscal year x route: fentanyl-family kg under the rules in force and their"
          + " range over the alternative proxy rule sets");

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
