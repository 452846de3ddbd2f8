package org.fentrace.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.fentrace.generate.LandingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fentrace generate}: deterministic synthetic landing files for tests and benchmarks (no
 * Spark).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write synthetic seizure_events and customs_shipments files, deterministic for a seed.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      required = true,
      description = "Seizure rows to write (shipments are a share of it).")
  long rows;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--days",
      defaultValue = "1826",
      description = "Days covered (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--first-day",
      defaultValue = "2018-10-01",
      description = "First day covered (default ${DEFAULT-VALUE}).")
  LocalDate firstDay;

  @Option(
      names = "--chunks",
      defaultValue = "0",
      description =
          "Files per format, written in parallel; 0 picks one per ~500,000 rows. Chunk files of an"
              + " earlier generation numbered at or above it are removed from --out.")
  int chunks;

  @Option(
      names = "--bad-row-rate",
      defaultValue = "" + LandingGenerator.Options.DEFAULT_BAD_ROW_RATE,
      description = "Share of deliberately bad rows (default ${DEFAULT-VALUE}).")
  double badRowRate;

  @Option(
      names = "--shipment-ratio",
      defaultValue = "" + LandingGenerator.Options.DEFAULT_SHIPMENT_RATIO,
      description = "Customs shipment rows per seizure row (default ${DEFAULT-VALUE}).")
  double shipmentRatio;

  @Option(
      names = "--id-tag",
      defaultValue = "",
      paramLabel = "TAG",
      description =
          "Capital letters and digits put in every id (SZ<TAG>-0-000000001) so that files generated"
              + " separately, such as a later day, never reuse an id of earlier ones; default none (SZ0-000000001).")
  String idTag;

  @Override
  public Integer call() throws Exception {
    int c = chunks > 0 ? chunks : (int) Math.max(1, Math.min(64, (rows + 499_999) / 500_000));
    LandingGenerator.Options o;
    try {
      o =
          new LandingGenerator.Options(
              rows, out, seed, firstDay, days, c, badRowRate, shipmentRatio, idTag);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fentrace generate: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    var summary = LandingGenerator.generate(o);
    spec.commandLine().getOut().println(summary);
    return 0;
  }
}
