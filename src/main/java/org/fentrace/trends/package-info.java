/**
 * Route trend tables and CSV exports: {@link org.fentrace.trends.TrendsAction}
 * reads the normalized {@code seizures} and {@code shipments} tables of a warehouse and rewrites, whole,
 * eight small tables and two CSV exports.
 *
 * <h2>Tables</h2>
 * All are unpartitioned (one sorted Parquet file each: a decade is a few thousand to a few tens of
 * thousands of rows, rewritten whole by every run, so partitions would only add small files). Months
 * are {@code DATE} (first day), masses {@code DECIMAL(22,9)}, counts {@code BIGINT}; exact schemas in
 * {@link org.fentrace.trends.TrendSchemas}.
 * <ul>
 *   <li>{@code route_monthly}: month x route x substance_class, dense: every month from the first to the
 *       last month with a seizure (never after the run date's month) x every route of the vocabulary
 *       (plus any other route value the data has) x every substance_class seen. A month without
 *       seizures is a row of zeros. {@code share_of_month_kg} = this route's kg / all routes' kg in that
 *       month and class, null when that total is 0 (for example a month of pill counts only).
 *   <li>{@code route_fiscal_year}: the same per US federal fiscal year, with {@code share_of_year_kg}
 *       and {@code partial_year}: true when the data starts after the year's October, ends before its
 *       September, or the run date is before its 30 September.
 *   <li>{@code route_monthly_by_form}, {@code route_monthly_by_conveyance}: the monthly grain plus
 *       {@code form} / {@code conveyance}, for every substance class (not only the fentanyl family),
 *       dense over the observed forms / conveyances; the share is among routes within the same month,
 *       class and form (conveyance).
 *   <li>{@code route_trends}: per route x substance_class (see
 *       {@link org.fentrace.trends.TrendStatistics} for every definition). All windows end at
 *       {@code as_of_month}, the last month of the span, the same for every series so routes compare.
 *       The log-linear trend fits ln(kg) on the month index over months with kg &gt; 0 only (zero months
 *       are left out of the fit, not imputed) and needs 3 such months.
 *   <li>{@code route_lead_changes}: months in which CHINA_DIRECT and MEXICO_CARTEL swapped the lead in
 *       fentanyl-family (FENTANYL + FENTANYL_ANALOG) kg; ties keep the previous leader and the first
 *       leader is not a change ({@link org.fentrace.trends.LeadChanges}).
 *   <li>{@code pill_press_monthly}: shipment lines with goods_class PILL_PRESS per month x route, dense
 *       over the months of the shipments table (any goods class) x the route vocabulary. The customs
 *       layout has no piece count, so {@code units} counts lines like {@code shipment_lines}; lines
 *       without a weight add nothing to {@code gross_weight_kg}.
 *   <li>{@code analog_watch}: every substance of class FENTANYL_ANALOG (fentanyl itself is its own class)
 *       seen in {@code seizures}; {@code unlisted} when any of its rows had {@code substance_unlisted};
 *       {@code new_this_run} when its name is not in the analog_watch table this run replaces (read
 *       before it is overwritten). On the first run, with no previous table, every analog is new.
 * </ul>
 *
 * <h2>Inputs</h2>
 * A missing or empty {@code seizures} / {@code shipments} table reads as empty: the tables are written
 * with their schema and no rows, the exports with their header only. A row without a route (route
 * attribution has not run) counts as UNATTRIBUTED; rows dated after the run date's month are ignored.
 *
 * <h2>Exports</h2>
 * {@code exports/route_monthly.csv} and {@code exports/route_fiscal_year.csv}: the tables' columns
 * and rows exactly, sorted by (month | fiscal_year, route, substance_class); format in
 * {@link org.fentrace.trends.CsvExports}. Written after the tables are published.
 */
package org.fentrace.trends;
