/**
 * One night: {@link org.fentrace.run.PipelineRunner} takes the warehouse lock, recovers an
 * interrupted publish, runs ingest, trends and report in order, writes the run manifest ({@link
 * org.fentrace.run.RunManifest}) and decides the exit code.
 *
 * <p>May depend on: every step package (ingest, trends, report, routes, normalize) and config,
 * state, warehouse. Only cli depends on it.
 */
package org.fentrace.run;
