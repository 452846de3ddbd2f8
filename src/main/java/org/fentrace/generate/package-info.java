/**
 * Deterministic synthetic landing files for tests, the benchmark and {@code sample-data/} ({@code
 * fentrace generate}). An edge writer: it spells raw values as an agency would ({@link
 * org.fentrace.generate.LandingSpellings}), so it is the one package besides core allowed to write
 * vocabulary values as strings. No Spark.
 *
 * <p>May depend on: normalize (to know which spellings the normalizer understands).
 */
package org.fentrace.generate;
