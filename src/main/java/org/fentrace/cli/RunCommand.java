package org.fentrace.cli;

import picocli.CommandLine.Command;

/**
 * {@code fentrace run}: the nightly pipeline. Until route attribution and trends land (issue 3) it runs
 * the ingestion step only, with the same options and outputs as {@code ingest}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "The nightly pipeline: ingest what is in LANDING and normalize it (routes, trends and report follow).")
final class RunCommand extends IngestCommand {
  @Override
  String commandName() {
    return "run";
  }
}
