/**
 * Route trend tables and CSV exports: {@link org.fentrace.trends.TrendsAction} reads the monthly
 * aggregates of the {@code seizures} and {@code shipments} tables of a warehouse and rewrites,
 * whole, nine small tables and three CSV exports.
 *
 * <h2>Sources and coverage</h2>
 *
 * Every table has a {@code source} column ({@link org.fentrace.core.Source}: cbp_published,
 * seizure_events, customs_shipments) and every grouping includes it: CBP's published aggregates
 * already count the seizures an agency's event file may list again, so figures are never added
 * across sources. {@code source_coverage} says, per source and month, whether the source covered
 * it: the months its deliveries' event dates span ({@link org.fentrace.trends.Coverage}). Dense
 * tables write 0 for a covered month without seizures and null (with {@code covered = false}) for a
 * month outside coverage; changes, rolling means, trends and lead changes use covered months only,
 * and a comparison across a coverage change is null with a {@code comparison_note}.
 *
 * <h2>Tables</h2>
 *
 * All are unpartitioned (one sorted Parquet file each: a decade is a few thousand to a few tens of
 * thousands of rows, rewritten whole by every run, so partitions would only add small files).
 * Months are {@code DATE} (first day), masses {@code DECIMAL(22,9)}, counts {@code BIGINT}; exact
 * schemas in {@link org.fentrace.trends.TrendSchemas}.
 *
 * <ul>
 *   <li>{@code route_monthly}: source x month x route x substance_class, dense: every month from
 *       the first to the last month any seizure source covers (never after the run date's month) x
 *       every route of the vocabulary (plus any other route value the data has) x every
 *       substance_class seen. {@code share_of_month_kg} = this route's kg / all routes' kg in that
 *       source, month and class, null when that total is 0 (for example a month of pill counts
 *       only) or the month is not covered.
 *   <li>{@code route_fiscal_year}: the same per US federal fiscal year over the covered months
 *       ({@code months_covered}), with {@code share_of_year_kg}, {@code partial_year} (fewer than
 *       12 covered months, or the run date is before its 30 September) and {@code
 *       pct_change_prior_year}, made only when the source covered the same months of both years.
 *   <li>{@code route_monthly_by_form}, {@code route_monthly_by_conveyance}: the monthly grain plus
 *       {@code form} / {@code conveyance}, for every substance class (not only the fentanyl
 *       family), dense over the observed forms / conveyances; the share is among routes within the
 *       same source, month, class and form (conveyance).
 *   <li>{@code route_trends}: per source x route x substance_class (see {@link
 *       org.fentrace.trends.TrendStatistics} for every definition). All windows end at {@code
 *       as_of_month}, the source's last covered month. The log-linear trend fits ln(kg) on the
 *       month index over covered months with kg &gt; 0 only, with a Newey-West interval ({@link
 *       org.fentrace.trends.NeweyWestTrend}), and needs 3 such months.
 *   <li>{@code route_lead_changes}: per source, months in which CHINA_DIRECT and MEXICO_CARTEL
 *       swapped the lead in fentanyl-family (FENTANYL + FENTANYL_ANALOG) kg; ties keep the previous
 *       leader and the first leader after a month without coverage is not a change ({@link
 *       org.fentrace.trends.LeadChanges}).
 *   <li>{@code pill_press_monthly}: shipment lines with goods_class PILL_PRESS per source x month x
 *       route, dense over the months the shipment deliveries cover x the route vocabulary. The
 *       customs layout has no piece count, so {@code units} counts lines like {@code
 *       shipment_lines}; lines without a weight add nothing to {@code gross_weight_kg}.
 *   <li>{@code analog_watch}: per source, every substance of class FENTANYL_ANALOG (fentanyl itself
 *       is its own class) seen in {@code seizures}, and, for a lab-report source, every
 *       FENTANYL_ANALOG and FENTANYL_PRECURSOR in {@code lab_reports} (read from the table: it is
 *       small); {@code unlisted} when any of its rows had {@code substance_unlisted}; {@code
 *       left_censored} when first seen in the first period its source covers; {@code new_this_run}
 *       only when its source had rows in the analog_watch this run replaces (read before it is
 *       overwritten), it was not among them, and it is not left-censored, so a first run marks
 *       nothing new. Peak, share and the months from a control to a quarter of the peak for
 *       lab-report sources ({@link org.fentrace.analogs.Waves}); each substance's own US and
 *       Chinese control dates from the scheduling reference ({@link
 *       org.fentrace.analogs.Scheduling}).
 *   <li>{@code analog_waves}: a lab-report source's reports of each of those substances per
 *       half-year, dense over its half-years, with the share of the half-year's fentanyl-related
 *       reports.
 *   <li>{@code analog_successors}: substances of the same class and source first seen within 12
 *       months after another's US or Chinese control.
 *   <li>{@code source_coverage}: source x month, {@code covered}, and the source's first and last
 *       covered month.
 * </ul>
 *
 * <h2>Inputs</h2>
 *
 * A missing or empty {@code seizures} / {@code shipments} table reads as empty: the tables are
 * written with their schema and no rows, the exports with their header only. A row without a route
 * (route attribution has not run) counts as UNATTRIBUTED; rows dated after the run date's month are
 * ignored.
 *
 * <h2>Exports</h2>
 *
 * {@code exports/route_monthly.csv}, {@code exports/route_fiscal_year.csv} and {@code
 * exports/source_coverage.csv}: the tables' columns and rows exactly, sorted by (source, month |
 * fiscal_year, route, substance_class); format in {@link org.fentrace.trends.CsvExports}. Written
 * after the tables are published.
 *
 * <p>{@link org.fentrace.trends.RouteSensitivityAction} writes {@code route_sensitivity} beside
 * them, from the seizure fact cells of the aggregates.
 *
 * <p>May depend on: core, action, aggregates, analogs, routes (the rule sets route sensitivity
 * compares), state, warehouse.
 */
package org.fentrace.trends;
