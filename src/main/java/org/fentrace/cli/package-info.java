/**
 * The command line ({@code fentrace run | ingest | trends | report | sql | runs | generate},
 * picocli): option validation (usage errors are exit 2 before Spark), Spark session set-up, and the
 * hand-over to {@link org.fentrace.run.PipelineRunner} or the generator.
 *
 * <p>May depend on: anything; nothing depends on it.
 */
package org.fentrace.cli;
