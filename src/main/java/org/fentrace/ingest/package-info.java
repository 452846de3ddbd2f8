/**
 * The ingest step, the Spark action that turns new landing files into published partitions: scan
 * and diff against the ledger, parse one task per file into envelope rows, decide the touched
 * records and months, deduplicate, attribute routes, stage and publish, and account for every file.
 * See {@link org.fentrace.ingest.IngestAction}.
 *
 * <p>May depend on: aggregates, formats, normalize, routes, state, warehouse (and core).
 */
package org.fentrace.ingest;
