package org.fentrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Writes {@code docs/benchmarks.md} from the measurements {@code jobs/bench} collected: one TSV row
 * per measured process ({@code scenario size competitor run rows wall_s cpu_s rss_kb exit load1
 * detail}) and a properties file describing the machine and the invocation. Medians over the runs;
 * ratios against the performance targets (the limits written in targets()) marked met or not met.
 *
 * <p>Usage: {@code BenchReport --results FILE --meta FILE --out FILE}.
 */
public final class BenchReport {
  private BenchReport() {}

  record Row(
      String scenario,
      long size,
      String competitor,
      int run,
      long rows,
      double wall,
      double cpu,
      long rssKb,
      int exit,
      String load,
      String detail) {}

  /** Median figures of one (scenario, size, competitor). */
  record Cell(double wall, double cpu, long rows, long rssKb, List<Row> runs) {
    double rowsPerSecond() {
      return rows / wall;
    }
  }

  public static void main(String[] args) throws IOException {
    List<Row> rows = read(Path.of(BenchLanding.arg(args, "--results", null)));
    Properties meta = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            Path.of(BenchLanding.arg(args, "--meta", null)), StandardCharsets.UTF_8)) {
      meta.load(r);
    }
    Path out = Path.of(BenchLanding.arg(args, "--out", null));
    Files.writeString(out, render(rows, meta), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  static List<Row> read(Path tsv) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("scenario\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(
          new Row(
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
              f.length > 10 ? f[10] : ""));
    }
    return rows;
  }

  static Map<String, Cell> cells(List<Row> rows) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      groups
          .computeIfAbsent(key(r.scenario(), r.size(), r.competitor()), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, Cell> cells = new LinkedHashMap<>();
    groups.forEach(
        (k, runs) -> {
          double wall = median(runs.stream().mapToDouble(Row::wall).sorted().toArray());
          double cpu = median(runs.stream().mapToDouble(Row::cpu).sorted().toArray());
          long rss = (long) median(runs.stream().mapToDouble(Row::rssKb).sorted().toArray());
          cells.put(k, new Cell(wall, cpu, runs.get(0).rows(), rss, runs));
        });
    return cells;
  }

  static String key(String scenario, long size, String competitor) {
    return scenario + "|" + size + "|" + competitor;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String render(List<Row> rows, Properties m) {
    Map<String, Cell> cells = cells(rows);
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append("Written by `jobs/bench` on ")
        .append(m.getProperty("date"))
        .append("; rerun it to refresh this page. ")
        .append(
            "Every figure is the median of the runs listed; peak memory is the maximum resident set ")
        .append(
            "size of the measured process (`/usr/bin/time -v`), JVM start-up and Spark session included.\n\n")
        .append("```\n")
        .append(m.getProperty("command"))
        .append("\n```\n\n");
    md.append("## Machine and versions\n\n| | |\n|---|---|\n");
    for (String[] p :
        new String[][] {
          {"cpu", "CPU"},
          {"nproc", "processors (nproc)"},
          {"memory", "memory"},
          {"java", "Java"},
          {"spark", "Spark"},
          {"duckdb", "DuckDB (duckdb_jdbc)"},
          {"commit", "fentrace commit"},
          {"load_start", "load average at start (1, 5, 15 min)"},
          {"load_end", "load average at end"},
          {"runs", "runs per measurement"}
        }) {
      md.append("| ").append(p[1]).append(" | ").append(m.getProperty(p[0], "?")).append(" |\n");
    }
    md.append(
            "\nEvery competitor is limited to the same 2 cores: Spark `local[2]`, DuckDB `SET threads = 2` and `SET ")
        .append("memory_limit = '")
        .append(m.getProperty("duckdb_memory", "?"))
        .append("'`. A load average above 2 means ")
        .append(
            "other work shared the machine during the run: compare ratios, not absolute times, between runs.\n\n");
    fullTable(md, rows, cells);
    nightlyTable(md, rows, cells, m);
    targets(md, rows, cells);
    stages(md, rows, cells);
    md.append(BenchText.METHOD.replace("${DAILY}", m.getProperty("daily_rows", "?")));
    return md.toString();
  }

  private static TreeSet<Long> sizes(List<Row> rows, String scenario) {
    TreeSet<Long> s = new TreeSet<>();
    rows.stream().filter(r -> r.scenario().equals(scenario)).forEach(r -> s.add(r.size()));
    return s;
  }

  private static void fullTable(StringBuilder md, List<Row> rows, Map<String, Cell> cells) {
    md.append("## Ingest: the same generated landing, three ways\n\n")
        .append(
            "`rows` counts data rows read (seizure and shipment lines); rows/s = rows / wall time.\n\n")
        .append(
            "| seizure rows generated | competitor | rows | wall s | rows/s | CPU s | peak RSS | runs (wall s, exit) |\n")
        .append("|---:|---|---:|---:|---:|---:|---:|---|\n");
    for (long size : sizes(rows, "full")) {
      for (String[] c :
          new String[][] {
            {"raw_spark", "(a) raw Spark CSV to Parquet"},
            {"fentrace", "(b) fentrace ingest"},
            {"duckdb", "(c) DuckDB normalization"}
          }) {
        Cell cell = cells.get(key("full", size, c[0]));
        if (cell != null) {
          md.append(line(String.format(Locale.ROOT, "%,d", size), c[1], cell));
        }
      }
    }
    md.append('\n');
  }

  private static void nightlyTable(
      StringBuilder md, List<Row> rows, Map<String, Cell> cells, Properties m) {
    if (sizes(rows, "nightly").isEmpty()) {
      return;
    }
    md.append("## Nightly increment: one new day over 3 and 36 months of history\n\n")
        .append("History generated at ")
        .append(m.getProperty("daily_rows", "?"))
        .append(" seizure rows a day ")
        .append(
            "(plus 35% shipment rows). (d) is a second `fentrace run` after the new day file lands, over the ")
        .append(
            "warehouse the first run wrote; `rows` is the new file's rows. DuckDB rebuilds everything from the ")
        .append("full landing; `rows` is every landing row.\n\n")
        .append(
            "| history | competitor | rows | wall s | rows/s | CPU s | peak RSS | runs (wall s, exit) |\n")
        .append("|---:|---|---:|---:|---:|---:|---:|---|\n");
    for (long months : sizes(rows, "nightly")) {
      for (String[] c :
          new String[][] {
            {"fentrace_nightly", "(d) fentrace run, nightly increment (default JVM profile)"},
            {"fentrace_nightly_batch", "(d) the same, `FENTRACE_JVM_PROFILE=batch`"},
            {"duckdb_rebuild", "DuckDB full rebuild"}
          }) {
        Cell cell = cells.get(key("nightly", months, c[0]));
        if (cell != null) {
          md.append(line(months + " months", c[1], cell));
        }
      }
    }
    md.append('\n');
  }

  private static String line(String first, String competitor, Cell c) {
    StringBuilder runs = new StringBuilder();
    for (Row r : c.runs()) {
      runs.append(runs.length() == 0 ? "" : "; ")
          .append(String.format(Locale.ROOT, "%.1f", r.wall()))
          .append(r.exit() == 0 ? "" : " (exit " + r.exit() + ")");
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,d | %.1f | %,.0f | %.1f | %.2f GB | %s |\n",
        first,
        competitor,
        c.rows(),
        c.wall(),
        c.rowsPerSecond(),
        c.cpu(),
        c.rssKb() / 1024.0 / 1024.0,
        runs);
  }

  private static void targets(StringBuilder md, List<Row> rows, Map<String, Cell> cells) {
    md.append(
            "## Ratios against the performance targets\n\nThe targets are on wall time. The CPU-time ratio ")
        .append(
            "(user + system seconds of the measured process) is given beside it because it is less disturbed ")
        .append(
            "by other work on the machine.\n\n| figure | value (wall) | CPU-time ratio | target | status |\n")
        .append("|---|---:|---:|---|---|\n");
    for (long size : sizes(rows, "full")) {
      String n = String.format(Locale.ROOT, "%,d", size);
      ratio(
          md,
          "b/a at " + n + " rows (fentrace / raw Spark)",
          cells.get(key("full", size, "fentrace")),
          cells.get(key("full", size, "raw_spark")),
          1.3,
          "at most 1.3");
      ratio(
          md,
          "b/c at " + n + " rows (fentrace / DuckDB)",
          cells.get(key("full", size, "fentrace")),
          cells.get(key("full", size, "duckdb")),
          size >= 5_000_000 ? 3.0 : Double.NaN,
          size >= 5_000_000 ? "at most 3" : "(target is at 5,000,000)");
    }
    Cell rebuild36 = cells.get(key("nightly", 36, "duckdb_rebuild"));
    for (String[] c :
        new String[][] {{"fentrace_nightly", ""}, {"fentrace_nightly_batch", ", profile batch"}}) {
      Cell d3 = cells.get(key("nightly", 3, c[0]));
      Cell d36 = cells.get(key("nightly", 36, c[0]));
      if (c[1].isEmpty() || d36 != null) {
        ratio(
            md,
            "d(36)/d(3) (nightly over 36 vs 3 months of history" + c[1] + ")",
            d36,
            d3,
            1.2,
            "at most 1.2");
        ratio(
            md,
            "d(36) / DuckDB full rebuild at 36 months" + c[1],
            d36,
            rebuild36,
            1.0,
            "below 1 (nightly faster than the rebuild)");
      }
    }
    for (long size : sizes(rows, "full")) {
      Cell b = cells.get(key("full", size, "fentrace"));
      if (b != null && size >= 5_000_000) {
        boolean ok = b.runs().stream().allMatch(r -> r.exit() == 0 || r.exit() == 3);
        md.append(
            String.format(
                Locale.ROOT,
                "| %,d rows ingested with the default driver memory | exit %s | "
                    + " | no failure | %s |\n",
                size,
                b.runs().stream().map(r -> Integer.toString(r.exit())).toList(),
                ok ? "met" : "**not met**"));
      }
    }
    md.append('\n');
  }

  private static void ratio(
      StringBuilder md, String name, Cell num, Cell den, double max, String target) {
    if (num == null || den == null) {
      md.append("| ")
          .append(name)
          .append(" | not measured | | ")
          .append(target)
          .append(" | not measured |\n");
      return;
    }
    double r = num.wall() / den.wall();
    String status = Double.isNaN(max) ? "for reference" : r <= max ? "met" : "**not met**";
    if (max == 1.0) {
      status = r < 1.0 ? "met" : "**not met**";
    }
    String cpu =
        num.cpu() > 0 && den.cpu() > 0
            ? String.format(Locale.ROOT, "%.2f", num.cpu() / den.cpu())
            : "";
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.2f (%.1f s / %.1f s) | %s | %s | %s |\n",
            name,
            r,
            num.wall(),
            den.wall(),
            cpu,
            target,
            status));
  }

  /**
   * fentrace's own step timings (run manifest timings_ms) of the median run of each measurement.
   */
  private static void stages(StringBuilder md, List<Row> rows, Map<String, Cell> cells) {
    md.append(
            "## Where fentrace's time goes\n\nStep timings from the run manifest (`_runs/*.json`, `timings_ms`) of ")
        .append(
            "the median run; the rest of the wall time is JVM and Spark start-up and shutdown.\n\n")
        .append(
            "`rows read` is the manifest's `totals.rows_read`: the rows fentrace parsed in that run (for a nightly ")
        .append("increment, ideally only the new file's).\n\n")
        .append(
            "| measurement | wall s | rows read | steps (s), largest first |\n|---|---:|---:|---|\n");
    ObjectMapper json = new ObjectMapper();
    List<String> notes = new ArrayList<>();
    cells.forEach(
        (k, c) -> {
          if (!k.contains("fentrace")) {
            return;
          }
          List<Row> sorted = new ArrayList<>(c.runs());
          sorted.sort(Comparator.comparingDouble(Row::wall));
          Row med = sorted.get((sorted.size() - 1) / 2);
          String steps;
          String read = "?";
          try {
            Map<String, Double> t = new LinkedHashMap<>();
            JsonNode manifest = json.readTree(Path.of(med.detail()).toFile());
            long rowsRead = manifest.path("totals").path("rows_read").asLong();
            read = String.format(Locale.ROOT, "%,d", rowsRead);
            if (k.startsWith("nightly") && rowsRead > 2 * c.rows()) {
              notes.add(
                  String.format(
                      Locale.ROOT,
                      "The nightly run over %s months of history parsed %,d rows for a new file of "
                          + "%,d: it re-read files it had already ingested (see the `scan:` line of its log in `WORK/logs`).",
                      k.split("\\|")[1],
                      rowsRead,
                      c.rows()));
            }
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
                                x ->
                                    t.put(
                                        e.getKey() + "." + x.getKey(),
                                        x.getValue().asDouble() / 1000)));
            steps =
                t.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
          } catch (IOException | RuntimeException e) {
            steps = "(no manifest: " + med.detail() + ")";
          }
          String[] p = k.split("\\|");
          String what =
              p[0].equals("full")
                  ? String.format(Locale.ROOT, "ingest, %,d rows", Long.parseLong(p[1]))
                  : "nightly run, "
                      + p[1]
                      + " months"
                      + (k.endsWith("_batch") ? ", profile batch" : "");
          md.append(
              String.format(
                  Locale.ROOT, "| %s | %.1f | %s | %s |\n", what, med.wall(), read, steps));
        });
    md.append('\n');
    notes.forEach(n -> md.append(n).append("\n\n"));
  }
}
