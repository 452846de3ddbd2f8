package org.fentrace.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.fentrace.generate.LandingGenerator.FileSummary;
import org.fentrace.generate.LandingGenerator.Options;
import org.fentrace.generate.LandingGenerator.Planted;
import org.fentrace.generate.LandingGenerator.Summary;

/**
 * The generator's own command line ({@code LandingGenerator.main}, which {@code
 * jobs/regenerate-sample-data} runs with javac-compiled classes and no picocli): the flags into
 * {@link Options}, the usage text, the exit codes, and the list of planted bad rows. The writing
 * itself is {@link LandingGenerator}'s.
 */
final class LandingGeneratorCli {
  static final String USAGE =
      String.join(
          "\n",
          "usage: LandingGenerator --rows N --out DIR --seed S [--days D] [--first-day YYYY-MM-DD] [--chunks C]",
          "                        [--bad-row-rate R] [--shipment-ratio R] [--list-planted]",
          "  --rows            seizure rows in all (shipments: ceil(rows per chunk x shipment ratio))",
          "  --days            length of the period, default " + Options.DEFAULT_DAYS,
          "  --first-day       first day of the period, default " + Options.DEFAULT_FIRST_DAY,
          "  --chunks          files of each kind, written in parallel, default "
              + Options.DEFAULT_CHUNKS,
          "  --bad-row-rate    share of deliberately bad rows, default "
              + Options.DEFAULT_BAD_ROW_RATE,
          "  --shipment-ratio  shipment rows per seizure row, default "
              + Options.DEFAULT_SHIPMENT_RATIO,
          "  --id-tag          capital letters and digits put in every id (SZ<tag>-0-000000001), so that files",
          "                    generated separately (a later day) never reuse an id; default none (SZ0-000000001)",
          "  --list-planted    also print each bad row and revision: file, line, id, kind, expected reason");

  private LandingGeneratorCli() {}

  /** The command line: 0 done, 1 writing failed, 2 bad arguments (nothing written). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.println(USAGE);
      return 0;
    }
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // NumberFormatException is an IllegalArgumentException and names the bad value.
      err.println("LandingGenerator: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      long start = System.nanoTime();
      Summary s = LandingGenerator.generate(o);
      out.println(s);
      out.printf("written in %.1f s%n", (System.nanoTime() - start) / 1e9);
      if (List.of(args).contains("--list-planted")) {
        listPlanted(s, out);
      }
      return 0;
    } catch (IOException e) {
      err.println("LandingGenerator: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The options of a command line ({@code --list-planted} and {@code --help} are left to {@link
   * #run}).
   */
  static Options parse(String[] args) {
    Long rows = null;
    Long seed = null;
    Path out = null;
    LocalDate firstDay = Options.DEFAULT_FIRST_DAY;
    int days = Options.DEFAULT_DAYS;
    int chunks = Options.DEFAULT_CHUNKS;
    double badRate = Options.DEFAULT_BAD_ROW_RATE;
    double shipmentRatio = Options.DEFAULT_SHIPMENT_RATIO;
    String idTag = "";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--list-planted", "--help", "-h" -> {}
        case "--rows" -> rows = Long.parseLong(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--days" -> days = Integer.parseInt(value(args, ++i, a));
        case "--first-day" -> firstDay = LocalDate.parse(value(args, ++i, a));
        case "--chunks" -> chunks = Integer.parseInt(value(args, ++i, a));
        case "--bad-row-rate" -> badRate = Double.parseDouble(value(args, ++i, a));
        case "--shipment-ratio" -> shipmentRatio = Double.parseDouble(value(args, ++i, a));
        case "--id-tag" -> idTag = value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    if (rows == null || out == null || seed == null) {
      throw new IllegalArgumentException("--rows, --out and --seed are required");
    }
    return new Options(rows, out, seed, firstDay, days, chunks, badRate, shipmentRatio, idTag);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  /** Each bad row and revision: file, line, id, kind, and the reject reason expected for it. */
  static void listPlanted(Summary s, PrintStream out) {
    for (FileSummary f : s.files()) {
      for (Planted p : f.planted()) {
        String reason =
            p.kind().equals(ChunkWriter.REVISION)
                ? "(duplicate: replaces the earlier row)"
                : BadKind.valueOf(p.kind()).expectedReason();
        out.println(
            f.file().getFileName()
                + "\t"
                + p.line()
                + "\t"
                + p.id()
                + "\t"
                + p.kind()
                + "\t"
                + reason);
      }
    }
  }
}
