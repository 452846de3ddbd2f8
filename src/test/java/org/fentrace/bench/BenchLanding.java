package org.fentrace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.fentrace.core.InputFormat;

/**
 * The landing files a benchmark competitor reads, split by format from each file's header line (the
 * generator writes {@code seizure_events} and {@code customs_shipments} files only). The
 * competitors that are not fentrace get these lists, so they do no format detection of their own
 * beyond one line.
 */
record BenchLanding(List<Path> seizureFiles, List<Path> shipmentFiles) {

  static final List<String> SEIZURE_COLUMNS = InputFormat.SEIZURE_EVENTS.columns();

  static final List<String> SHIPMENT_COLUMNS = InputFormat.CUSTOMS_SHIPMENTS.columns();

  /**
   * Every {@code *.csv} under {@code root}, sorted by path; a header of neither layout fails
   * loudly.
   */
  static BenchLanding scan(Path root) {
    List<Path> seizures = new ArrayList<>();
    List<Path> shipments = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p :
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".csv"))
              .sorted()
              .toList()) {
        String header = firstLine(p).toLowerCase(Locale.ROOT).replace("\uFEFF", "");
        if (header.equals(String.join(",", SEIZURE_COLUMNS))) {
          seizures.add(p);
        } else if (header.equals(String.join(",", SHIPMENT_COLUMNS))) {
          shipments.add(p);
        } else {
          throw new IllegalArgumentException(
              p + ": not a generated seizure or shipment file; header " + header);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BenchLanding(List.copyOf(seizures), List.copyOf(shipments));
  }

  private static String firstLine(Path p) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      return line == null ? "" : line.strip();
    }
  }

  /** {@code --name value} from a command line, or the default. */
  static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    if (dflt == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return dflt;
  }

  /** Deletes a folder tree if it exists. */
  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
