/**
 * The warehouse's own bookkeeping under {@code _state}: the ledger of ingested files, the run lock,
 * the journal that makes a publish recoverable, the stamp of the rules last applied, and the
 * fault-injection points the crash tests use.
 *
 * <p>May depend on: warehouse (paths).
 */
package org.fentrace.state;
