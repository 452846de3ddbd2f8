/**
 * The analyst report: {@link org.fentrace.report.ReportAction} writes {@code
 * WAREHOUSE/report/index.html}, one static page that opens from disk with no network.
 *
 * <h2>Flow</h2>
 *
 * <ol>
 *   <li>{@code ReportInputs} reads the trend tables (collected whole: months x routes x classes)
 *       and aggregates {@code seizures}, {@code shipments} and {@code rejected} with Spark; {@code
 *       Manifests} reads the latest run manifest (or the one the pipeline hands over) and, for
 *       files an incremental run did not read again, the manifest of the run that did (found
 *       through {@code _state/ledger.json}); {@code PolicyEvents} reads the dated events CSV.
 *   <li>{@code ReportDataReader} turns them into {@link org.fentrace.report.ReportData}: exact
 *       decimal fentanyl-family (FENTANYL + FENTANYL_ANALOG) sums per month / fiscal year and
 *       route, forms, pill presses, analogs, trend rows, data quality and the route-confidence mix.
 *       No Spark type leaves it, so rendering is tested without a session.
 *   <li>{@code Headline} computes the summary; {@code Figures} and {@code QualityFigures} build
 *       each figure: a JFreeChart chart ({@code TimeCharts}, {@code CategoryCharts}, styled by
 *       {@code ChartKit}) rendered to inline SVG by JFreeSVG, its caption facts (unit, source
 *       tables, run date, rule confidence, policy events drawn) and its data table; {@code
 *       HtmlPage} fills the template {@code org/fentrace/report/report.html} and stylesheet {@code
 *       report.css}.
 *   <li>The page is written to {@code _staging/<runId>/report/} and swapped into place by {@code
 *       Warehouse.publish}.
 * </ol>
 *
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li>No script, no external stylesheet, font or image: charts are inline SVG, styles inline;
 *       links to the policy events' sources are plain anchors, never loaded.
 *   <li>Every number cell carries its exact value in {@code data-v}, the plain decimal the CSV
 *       exports write; kilograms are shown to one decimal (half up). The tests compare the page
 *       with the exports.
 *   <li>Every time chart carries the policy events inside its span, numbered as in the events
 *       table; the fiscal-year chart marks them on their fiscal year and draws a partial year
 *       lighter, labelled {@code (partial)} and described by where its data stop ({@link
 *       PartialYears}).
 *   <li>A route that rests on proxy rules is named as a proxy ({@link ProxyWording}); the
 *       fiscal-year chart carries the attribution sensitivity band ({@link SensitivityBand}) and
 *       flags lumpy changes ({@link LumpyYears}); CBP kilograms come with CBP's pounds ({@link
 *       Pounds}).
 *   <li>The output is a function of the warehouse, the run date, the run id and the events file: no
 *       clock time is written, so the same inputs give the same page.
 * </ul>
 *
 * <p>May depend on: core, config, aggregates, trends, routes, state, warehouse. Only run and cli
 * depend on it.
 */
package org.fentrace.report;
