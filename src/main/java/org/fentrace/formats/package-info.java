/**
 * Reading landing files: recognising a file's format from its header ({@link
 * org.fentrace.formats.HeaderMatch}) and streaming its records with physical line numbers and raw
 * text ({@link org.fentrace.formats.CsvFileReader}: BOM, delimiters, quoted line breaks, encoding
 * fallback). No Spark.
 *
 * <p>May depend on: core.
 */
package org.fentrace.formats;
