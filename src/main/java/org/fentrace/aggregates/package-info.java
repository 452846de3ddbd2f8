/**
 * The monthly aggregates under {@code _state/aggregates}: per-month sums every trend table and
 * report figure needs ({@link org.fentrace.aggregates.MonthlyAggregate}), staged by ingest for the
 * months it rewrites and built once when missing ({@link org.fentrace.aggregates.AggregateStore}).
 *
 * <p>May depend on: core, routes (the facts a route rule reads, which the route fact cells keep),
 * state, warehouse. Read by ingest (which writes them), trends and report.
 */
package org.fentrace.aggregates;
