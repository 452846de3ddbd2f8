package org.fentrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The measurements of one {@code jobs/bench} invocation: one per measured process, read from the
 * TSV the script writes ({@code scenario size competitor run rows wall_s cpu_s rss_kb exit load1
 * detail}, detail being the run manifest fentrace wrote, if any), and grouped into medians per
 * (scenario, size, competitor).
 */
final class BenchResults {
  private BenchResults() {}

  /**
   * One measured process. {@code rowsRead} and {@code stepsSeconds} come from fentrace's run
   * manifest ({@code totals.rows_read}, {@code timings_ms}); -1 and empty for the other
   * competitors.
   */
  record Measurement(
      String scenario,
      long size,
      String competitor,
      int run,
      long rows,
      double wall,
      double cpu,
      long rssKb,
      int exit,
      String load1,
      long rowsRead,
      Map<String, Double> stepsSeconds) {}

  /** Median figures of one (scenario, size, competitor), with the runs they are the median of. */
  record Cell(double wall, double cpu, long rows, long rssKb, List<Measurement> runs) {
    double rowsPerSecond() {
      return rows / wall;
    }

    /** The run whose wall time is the (lower) median: its manifest explains the figure. */
    Measurement medianRun() {
      List<Measurement> sorted = new ArrayList<>(runs);
      sorted.sort(Comparator.comparingDouble(Measurement::wall));
      return sorted.get((sorted.size() - 1) / 2);
    }

    boolean allSucceeded() {
      // exit 3 is fentrace's data-quality gate: the generated landing plants bad rows on purpose
      return runs.stream().allMatch(r -> r.exit() == 0 || r.exit() == 3);
    }
  }

  static List<Measurement> readTsv(Path tsv) throws IOException {
    List<Measurement> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("scenario\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      long rowsRead = -1;
      Map<String, Double> steps = new LinkedHashMap<>();
      String detail = f.length > 10 ? f[10] : "";
      if (!detail.isEmpty() && Files.isRegularFile(Path.of(detail))) {
        JsonNode manifest = json.readTree(Path.of(detail).toFile());
        rowsRead = manifest.path("totals").path("rows_read").asLong(-1);
        steps = steps(manifest);
      }
      rows.add(
          new Measurement(
              f[0],
              Long.parseLong(f[1]),
              f[2],
              Integer.parseInt(f[3]),
              Long.parseLong(f[4]),
              Double.parseDouble(f[5]),
              Double.parseDouble(f[6]),
              Long.parseLong(f[7]),
              Integer.parseInt(f[8]),
              f[9],
              rowsRead,
              steps));
    }
    return rows;
  }

  /**
   * The step timings of a run manifest in seconds, largest first: the top-level {@code timings_ms}
   * and each section's ({@code trends.timings_ms} becomes {@code trends.compute} and so on).
   */
  static Map<String, Double> steps(JsonNode manifest) {
    Map<String, Double> t = new LinkedHashMap<>();
    manifest
        .path("timings_ms")
        .properties()
        .forEach(e -> t.put(e.getKey(), e.getValue().asDouble() / 1000));
    manifest
        .properties()
        .forEach(
            e ->
                e.getValue()
                    .path("timings_ms")
                    .properties()
                    .forEach(
                        x -> t.put(e.getKey() + "." + x.getKey(), x.getValue().asDouble() / 1000)));
    Map<String, Double> sorted = new LinkedHashMap<>();
    t.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  static Map<String, Cell> cells(List<Measurement> rows) {
    Map<String, List<Measurement>> groups = new LinkedHashMap<>();
    for (Measurement r : rows) {
      groups
          .computeIfAbsent(key(r.scenario(), r.size(), r.competitor()), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, Cell> cells = new LinkedHashMap<>();
    groups.forEach(
        (k, runs) ->
            cells.put(
                k,
                new Cell(
                    median(runs.stream().mapToDouble(Measurement::wall).sorted().toArray()),
                    median(runs.stream().mapToDouble(Measurement::cpu).sorted().toArray()),
                    runs.get(0).rows(),
                    (long) median(runs.stream().mapToDouble(Measurement::rssKb).sorted().toArray()),
                    runs)));
    return cells;
  }

  static String key(String scenario, long size, String competitor) {
    return scenario + "|" + size + "|" + competitor;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static TreeSet<Long> sizes(List<Measurement> rows, String scenario) {
    TreeSet<Long> s = new TreeSet<>();
    rows.stream().filter(r -> r.scenario().equals(scenario)).forEach(r -> s.add(r.size()));
    return s;
  }
}
