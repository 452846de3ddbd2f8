package org.fentrace.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sentence per column of every trend table (TrendSchemas has the types, not the meanings; the
 * definitions follow {@code org.fentrace.trends.package-info} and {@code TrendStatistics}). The
 * data dictionary fails to render when a column of TrendSchemas has no entry here, so a new column
 * cannot go undocumented.
 */
final class TrendColumnDocs {
  private TrendColumnDocs() {}

  /** Columns shared by the monthly tables. */
  static final Map<String, String> MONTHLY =
      ordered(
          "source",
              "Source of the figures (cbp_published, seizure_events, customs_shipments); every grouping includes it and"
                  + " nothing is ever added across sources.",
          "month", "First day of the month (DATE).",
          "fiscal_year",
              "US federal fiscal year of the month (1 October to 30 September, named by the year it ends in).",
          "route", "Route vocabulary value; a row without a route counts as UNATTRIBUTED.",
          "substance_class",
              "Substance class vocabulary value (UNKNOWN when the seizure had none).",
          "form",
              "Form vocabulary value of the seizures (UNKNOWN when not recorded, as in every CBP aggregate).",
          "conveyance", "Conveyance vocabulary value of the seizures (UNKNOWN when not recorded).",
          "covered",
              "True when the source covered this month (see source_coverage); false: the measures are null (no"
                  + " data), not 0 (nothing seized).",
          "events",
              "Seizure events: sum of event_count (1 per seizure event, CBP's Count of Event per aggregate).",
          "quantity_kg",
              "Seized mass in kilograms (exact DECIMAL; seizures counted in dosage units add nothing here).",
          "dosage_units",
              "Seized pills, tablets or dosage units (counts, never converted to mass).",
          "share_of_month_kg",
              "This route's quantity_kg / all routes' quantity_kg in the same source, month and class (and"
                  + " form or conveyance); null when that total is 0 or the month is not covered.");

  static final Map<String, Map<String, String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("route_monthly", MONTHLY);
    TABLES.put("route_monthly_by_form", MONTHLY);
    TABLES.put("route_monthly_by_conveyance", MONTHLY);
    TABLES.put(
        "route_fiscal_year",
        ordered(
            "source",
            MONTHLY.get("source"),
            "fiscal_year",
            "US federal fiscal year.",
            "route",
            MONTHLY.get("route"),
            "substance_class",
            MONTHLY.get("substance_class"),
            "months_covered",
            "Months of this fiscal year the source covered (0 to 12); the measures sum those months and are"
                + " null when it is 0.",
            "events",
            MONTHLY.get("events"),
            "quantity_kg",
            MONTHLY.get("quantity_kg"),
            "dosage_units",
            MONTHLY.get("dosage_units"),
            "share_of_year_kg",
            "This route's quantity_kg / all routes' quantity_kg in the same fiscal year and class; null"
                + " when that total is 0.",
            "partial_year",
            "True when the source covered fewer than 12 months of the year or the run date is before its 30"
                + " September: do not compare its totals with full years.",
            "pct_change_prior_year",
            "100 * (quantity_kg - previous year's) / previous year's, made only when the source"
                + " covered the same months of both years; else null.",
            "comparison_note",
            "Why pct_change_prior_year is null (a year not covered, coverage that differs between the two"
                + " years, or 0 kg the year before); null when the change was made."));
    TABLES.put(
        "route_trends",
        ordered(
            "source", MONTHLY.get("source"),
            "route", MONTHLY.get("route"),
            "substance_class", MONTHLY.get("substance_class"),
            "first_month",
                "First month with any seizure of this route and class; null when there is none.",
            "last_month",
                "Last month with any seizure of this route and class; null when there is none.",
            "as_of_month",
                "The source's last covered month (the same for every row of a source): every window below ends"
                    + " here.",
            "total_kg", "Kilograms over the source's covered months.",
            "total_events", "Events over the source's covered months.",
            "last_12m_kg",
                "Kilograms in the 12 months ending at as_of_month; null when any of them is not covered.",
            "prior_12m_kg",
                "Kilograms in the 12 months before those; null when any of them is not covered.",
            "pct_change_12m",
                "100 * (last_12m_kg - prior_12m_kg) / prior_12m_kg; made only when all 24 months are covered"
                    + " and prior_12m_kg is not 0, else null.",
            "comparison_note",
                "Why pct_change_12m is null (fewer than 24 covered months, a coverage change inside the 24"
                    + " months, or 0 kg in the prior 12); null when the change was made.",
            "rolling_3m_mean_kg",
                "Mean monthly kilograms over the last 3 months (covered months without seizures count as 0;"
                    + " null when one of them is not covered).",
            "rolling_12m_mean_kg",
                "Mean monthly kilograms over the last 12 months (as rolling_3m_mean_kg).",
            "trend_method",
                "How the trends and their intervals are computed (see docs/report.md): OLS of ln(kg) on the"
                    + " month, Newey-West interval floored at the AR(1)-implied one, t(n-2).",
            "trend_pct_per_month_all",
                "Log-linear trend over the source's covered months: least squares of ln(kg) on the"
                    + " month index over covered months with kg > 0, as percent per month 100 * (exp(slope) - 1); null with"
                    + " fewer than 3 such months.",
            "trend_ci_low_all",
                "Lower end of the trend's 95% interval, in percent per month (allows for autocorrelation).",
            "trend_ci_high_all", "Upper end of the trend's 95% interval, in percent per month.",
            "trend_months_all", "Months the whole-span trend was fitted on (covered, kg > 0).",
            "trend_lag_all",
                "Newey-West lag in months, ceil(1.3 * sqrt(trend_months_all)); null without a trend.",
            "trend_pct_per_month_24m",
                "The same log-linear trend over the last 24 months ending at as_of_month.",
            "trend_ci_low_24m", "Lower end of the 24-month trend's 95% interval.",
            "trend_ci_high_24m", "Upper end of the 24-month trend's 95% interval.",
            "trend_months_24m", "Months the 24-month trend was fitted on (covered, kg > 0).",
            "trend_lag_24m", "Newey-West lag of the 24-month trend; null without a trend."));
    TABLES.put(
        "route_lead_changes",
        ordered(
            "source", MONTHLY.get("source"),
            "month",
                "Month in which the leader in fentanyl-family (FENTANYL + FENTANYL_ANALOG) kilograms changed between"
                    + " CHINA_DIRECT and MEXICO_CARTEL within the source (ties keep the previous leader; the first leader, and the first"
                    + " after a month the source did not cover, is not a change).",
            "leader_before", "The route that led before this month.",
            "leader_after", "The route that leads from this month.",
            "china_direct_kg", "CHINA_DIRECT fentanyl-family kilograms in this month.",
            "mexico_cartel_kg", "MEXICO_CARTEL fentanyl-family kilograms in this month."));
    TABLES.put(
        "pill_press_monthly",
        ordered(
            "source", MONTHLY.get("source"),
            "month", MONTHLY.get("month"),
            "fiscal_year", MONTHLY.get("fiscal_year"),
            "route", MONTHLY.get("route"),
            "covered", MONTHLY.get("covered"),
            "shipment_lines",
                "Customs lines with goods_class PILL_PRESS (tablet and pill presses, dies, punches).",
            "units",
                "Pieces shipped; the customs layout has no piece count, so this counts lines like shipment_lines.",
            "gross_weight_kg",
                "Declared gross weight of those lines in kilograms (lines without a weight add nothing)."));
    TABLES.put(
        "analog_watch",
        ordered(
            "source",
                "Source of the figures (cbp_published, seizure_events, customs_shipments, nflis_lab_reports); every"
                    + " grouping includes it and nothing is ever added across sources.",
            "substance_name",
                "Canonical name of a fentanyl-related substance: class FENTANYL_ANALOG seen in a seizure"
                    + " source's seizures, or class FENTANYL_ANALOG or FENTANYL_PRECURSOR in a lab-report source's reports.",
            "first_month",
                "First day of the first period it was seen in: a month for a seizure source, a half-year (1"
                    + " January or 1 July) for a lab-report source (see period_months).",
            "last_month",
                "First day of the last period it was seen in (month or half-year, as first_month).",
            "events", "Seizure events; null for a lab-report source (reports counts its items).",
            "quantity_kg",
                "Kilograms seized; null for a lab-report source (lab reports carry no mass).",
            "dosage_units", "Dosage units seized; null for a lab-report source.",
            "unlisted",
                "True when any of its rows had substance_unlisted: a name the substance dictionary lacks that reads"
                    + " as a fentanyl analog or precursor.",
            "new_this_run",
                "True when its source had rows in the analog_watch this run replaced, it was not among them, and"
                    + " it is not left_censored; false on a first run (nothing to compare with) and for every left-censored"
                    + " substance.",
            "substance_class",
                "FENTANYL_ANALOG or FENTANYL_PRECURSOR (precursors only for a lab-report source).",
            "period_months",
                "Length of the source's periods in months: 1 for a seizure source, 6 for NFLIS half-years.",
            "reports",
                "Lab-report sources: its drug reports over every period and state; null for a seizure source.",
            "left_censored",
                "True when first_month is the first period its source covers: it may have been there before"
                    + " the data start, so its first period says nothing about when it appeared, and it is never new.",
            "peak_period",
                "Lab-report sources: first day of the half-year with the most reports (the earliest on a tie);"
                    + " null for a seizure source (its analog totals keep no series per month).",
            "peak_reports", "Reports in peak_period.",
            "peak_share",
                "peak_reports / the source's fentanyl-related reports (classes FENTANYL, FENTANYL_ANALOG,"
                    + " FENTANYL_PRECURSOR) in peak_period.",
            "scheduling_listed",
                "True when the scheduling reference (scheduling.csv) has a row for substance_name; false:"
                    + " no date is known to fentrace, and none is guessed.",
            "us_control",
                "Which US measure us_control_date is: the earliest of us_temporary, us_permanent, us_class_wide and"
                    + " us_precursor recorded on the substance's own row; null when none is recorded.",
            "us_control_date",
                "Day that US measure took effect, as scheduling.csv records it; null when not recorded (not"
                    + " recorded is not the same as not controlled).",
            "us_control_source",
                "The primary source the US date was read from (a Federal Register citation).",
            "china_control",
                "Which Chinese measure china_control_date is: the earlier of china and china_class_wide"
                    + " recorded on the substance's own row; null when none is recorded.",
            "china_control_date", "Day that Chinese measure took effect; null when not recorded.",
            "china_control_source",
                "The primary source the Chinese date was read from (the announcement).",
            "months_to_quarter_peak_us",
                "Months from us_control_date's month to the first half-year that starts on or after"
                    + " it, is not before the peak, and has fewer than a quarter of peak_reports (half-year resolution); null"
                    + " with quarter_peak_note_us saying why.",
            "quarter_peak_note_us",
                "Why months_to_quarter_peak_us is null: no date recorded, controlled before the data"
                    + " start, never fell below a quarter of its peak after the control, or a seizure source; null when it"
                    + " has a value.",
            "months_to_quarter_peak_china",
                "As months_to_quarter_peak_us, from china_control_date.",
            "quarter_peak_note_china",
                "Why months_to_quarter_peak_china is null; null when it has a value."));
    TABLES.put(
        "analog_waves",
        ordered(
            "source",
                "The lab-report source (nflis_lab_reports); counts, never added to another source's figures.",
            "substance_name", "A substance of analog_watch for that source.",
            "substance_class", "FENTANYL_ANALOG or FENTANYL_PRECURSOR.",
            "period_start",
                "First day of the half-year (1 January or 1 July); every half-year from the source's first to"
                    + " its last, so a half-year without reports of the substance is a row of 0.",
            "period_months", "Length of the period in months (6).",
            "reports", "Drug reports of the substance in the half-year, every state summed.",
            "fentanyl_related_reports",
                "Drug reports of the source in the half-year of classes FENTANYL, FENTANYL_ANALOG and"
                    + " FENTANYL_PRECURSOR (names the dictionary cannot class, UNKNOWN, are left out).",
            "share_of_fentanyl_related",
                "reports / fentanyl_related_reports; null when that total is 0."));
    TABLES.put(
        "analog_successors",
        ordered(
            "source", "Source of both substances (successors are found within one source only).",
            "substance_name",
                "The controlled substance (a row of analog_watch with a US or Chinese control date).",
            "control_country", "US or CHINA: which of its control dates this row is about.",
            "control",
                "The measure (us_temporary, us_permanent, us_class_wide, us_precursor, china, china_class_wide).",
            "control_date",
                "Day the measure took effect (as analog_watch's us_control_date or china_control_date).",
            "successor_name",
                "A substance of the same class and source first seen in a period starting on or after"
                    + " control_date and no later than 12 months after it; a left-censored substance never is one.",
            "successor_first_month",
                "First day of the successor's first period (its first_month in analog_watch).",
            "months_after_control", "Months from control_date's month to successor_first_month."));
    TABLES.put(
        "route_sensitivity",
        ordered(
            "source",
                "The source the kilograms come from (cbp_published, seizure_events); never a sum across sources.",
            "fiscal_year", "US federal fiscal year.",
            "route", MONTHLY.get("route"),
            "in_force_kg",
                "Fentanyl-family (FENTANYL + FENTANYL_ANALOG) kilograms on this route under the route rules in"
                    + " force, attributed from the stored records' own fields; months after the run date's"
                    + " month are left out, as in route_fiscal_year.",
            "min_kg",
                "The lowest of those kilograms over the rule sets compared (the rules in force and the bundled"
                    + " variants jobs/conf/route-rules-alt-*.yaml).",
            "max_kg", "The highest of those kilograms over the same rule sets.",
            "min_rule_set",
                "The rule set giving min_kg: in-force, mail-facilities-only, gulf-coast-mexico or"
                    + " all-coastal-interior (the first in that order on a tie).",
            "max_rule_set", "The rule set giving max_kg (the first in the same order on a tie).",
            "rule_sets", "How many rule sets were compared."));
    TABLES.put(
        org.fentrace.effects.PolicyEffectsTable.TABLE,
        org.fentrace.effects.PolicyEffectsTable.COLUMN_DOCS);
    TABLES.put(
        "source_coverage",
        ordered(
            "source",
            MONTHLY.get("source"),
            "month",
            MONTHLY.get("month"),
            "fiscal_year",
            MONTHLY.get("fiscal_year"),
            "covered",
            "True when the source covered the month: CBP's published span, or the span of event dates of one of"
                + " the source's delivery files.",
            "coverage_first_month",
            "First month the source covers at all.",
            "coverage_last_month",
            "Last month the source covers (never after the run month)."));
  }

  /** What each table's row stands for. */
  static final Map<String, String> GRAIN =
      withPolicyEffects(
          ordered(
              "route_monthly",
              "source x month x route x substance_class, dense (a covered month without seizures is a row of"
                  + " zeros, a month outside coverage a row of nulls)",
              "route_monthly_by_form",
              "source x month x route x substance_class x form, dense over the observed forms",
              "route_monthly_by_conveyance",
              "source x month x route x substance_class x conveyance, dense over the observed"
                  + " conveyances",
              "route_fiscal_year",
              "source x fiscal year x route x substance_class",
              "route_trends",
              "source x route x substance_class: growth and trend statistics over the source's covered months",
              "route_lead_changes",
              "a month in which CHINA_DIRECT and MEXICO_CARTEL swapped the lead in fentanyl-family kg in"
                  + " one source",
              "pill_press_monthly",
              "source x month x route: pill press and die shipment lines",
              "analog_watch",
              "source x a fentanyl-related substance seen in its seizures or lab reports",
              "analog_waves",
              "lab-report source x fentanyl-related substance x half-year: reports and share of the"
                  + " fentanyl-related reports, dense over the source's half-years",
              "analog_successors",
              "source x controlled substance x US or Chinese control x a substance first seen within 12"
                  + " months after that control",
              "route_sensitivity",
              "source x fiscal year x route: fentanyl-family kg under the rules in force and their"
                  + " range over the alternative proxy rule sets",
              "source_coverage",
              "source x month: whether the source covered the month"));

  /**
   * Map.of holds ten pairs at most: policy_effects, documented beside its schema, is added here.
   */
  private static Map<String, String> withPolicyEffects(Map<String, String> grains) {
    Map<String, String> m = new LinkedHashMap<>(grains);
    m.put(
        org.fentrace.effects.PolicyEffectsTable.TABLE,
        org.fentrace.effects.PolicyEffectsTable.GRAIN);
    return m;
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
