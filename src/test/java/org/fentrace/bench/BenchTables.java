package org.fentrace.bench;

import static org.fentrace.bench.BenchResults.key;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fentrace.bench.BenchJson.Invocation;
import org.fentrace.bench.BenchResults.Cell;

/**
 * The measurement tables of {@code docs/benchmarks.md}, one section per case, each cell "first /
 * second" when the page shows two invocations.
 */
final class BenchTables {
  private BenchTables() {}

  private static TreeSet<Long> sizes(List<Invocation> invs, String scenario) {
    TreeSet<Long> s = new TreeSet<>();
    invs.forEach(i -> s.addAll(BenchResults.sizes(i.measurements(), scenario)));
    return s;
  }

  private static final String HEADER =
      " | competitor | rows | wall s | rows/s | CPU s | peak RSS | runs (wall s, exit) |\n"
          + "|---:|---|---:|---:|---:|---:|---:|---|\n";

  static void full(StringBuilder md, List<Invocation> invs, List<Map<String, Cell>> cells) {
    md.append("## Ingest: the same generated landing, three ways\n\n")
        .append(
            "`rows` counts data rows read (seizure and shipment lines); rows/s = rows / wall time. ")
        .append("Above 5,000,000 rows only fentrace and DuckDB are measured.\n\n")
        .append("| seizure rows generated")
        .append(HEADER);
    for (long size : sizes(invs, "full")) {
      for (String[] c :
          new String[][] {
            {"raw_spark", "(a) raw Spark CSV to Parquet"},
            {"fentrace", "(b) fentrace ingest"},
            {"duckdb", "(c) DuckDB normalization"}
          }) {
        line(md, String.format(Locale.ROOT, "%,d", size), c[1], cells, key("full", size, c[0]));
      }
    }
    md.append('\n');
  }

  static void nightly(StringBuilder md, List<Invocation> invs, List<Map<String, Cell>> cells) {
    if (sizes(invs, "nightly").isEmpty()) {
      return;
    }
    md.append("## Nightly increment: one new day over 3 and 36 months of history\n\n")
        .append("History generated at ")
        .append(invs.get(invs.size() - 1).meta().getOrDefault("daily_rows", "?"))
        .append(
            " seizure rows a day (plus 35% shipment rows). (d) is a second `fentrace run` after ")
        .append(
            "the new day file lands, over the warehouse the first run wrote; `rows` is the new ")
        .append(
            "file's rows. DuckDB rebuilds everything from the full landing; `rows` is every landing row.\n\n")
        .append("| history")
        .append(HEADER);
    for (long months : sizes(invs, "nightly")) {
      for (String[] c :
          new String[][] {
            {"fentrace_nightly", "(d) fentrace run, nightly increment (default JVM profile)"},
            {"fentrace_nightly_batch", "(d) the same, `FENTRACE_JVM_PROFILE=batch`"},
            {"duckdb_rebuild", "DuckDB full rebuild"}
          }) {
        line(md, months + " months", c[1], cells, key("nightly", months, c[0]));
      }
    }
    md.append('\n');
  }

  static void parcel(StringBuilder md, List<Invocation> invs, List<Map<String, Cell>> cells) {
    if (sizes(invs, "parcel").isEmpty()) {
      return;
    }
    md.append("## A night at national parcel scale\n\n")
        .append(
            "One day file of customs_shipments lines lands over 12 months of history (history at ")
        .append(invs.get(invs.size() - 1).meta().getOrDefault("daily_rows", "?"))
        .append(
            " seizure rows a day). fentrace: the whole `run` (ingest, attribution, aggregates, ")
        .append(
            "trends, report) over the warehouse of the history; `rows` is the day file's lines. ")
        .append("DuckDB: the same normalization of that one file.\n\n")
        .append("| shipment lines in the day file")
        .append(HEADER);
    for (long n : sizes(invs, "parcel")) {
      for (String[] c :
          new String[][] {
            {"fentrace_parcel_night", "fentrace run, the night of the day file"},
            {"duckdb_day", "DuckDB normalizing the day file"}
          }) {
        line(md, String.format(Locale.ROOT, "%,d", n), c[1], cells, key("parcel", n, c[0]));
      }
    }
    md.append('\n');
  }

  static void split(StringBuilder md, List<Invocation> invs, List<Map<String, Cell>> cells) {
    if (sizes(invs, "split").isEmpty()) {
      return;
    }
    md.append("## One large file parsed in byte ranges\n\n")
        .append(
            "One plain seizure file of the generated rows, cut into byte ranges of an eighth of ")
        .append(
            "the file (`fentrace.ingest.split-bytes`), each parsed by its own task; beside it the ")
        .append(
            "same rows generated as 20 files. `local[1]` leaves the JVM's garbage collector and ")
        .append(
            "JIT compiler the second core, so the run confined to one CPU (`taskset -c 0`) is the ")
        .append("single-core baseline; split size 0 reads the file in one task, as before byte ")
        .append("ranges.\n\n")
        .append("| seizure rows")
        .append(HEADER);
    for (long n : sizes(invs, "split")) {
      for (String[] c :
          new String[][] {
            {"one_file_local1", "one file, `local[1]`"},
            {"one_file_local1_one_cpu", "one file, `local[1]` confined to one CPU"},
            {"one_file_local2", "one file, `local[2]`"},
            {"one_file_local2_unsplit", "one file, `local[2]`, split size 0 (one task)"},
            {"twenty_files_local2", "the same rows as 20 files, `local[2]`"}
          }) {
        line(md, String.format(Locale.ROOT, "%,d", n), c[1], cells, key("split", n, c[0]));
      }
    }
    md.append('\n');
  }

  /**
   * Cases this page has no section for (a case added to {@code jobs/bench} as one more function):
   * their measurements under their own scenario and competitor names, until a section is written.
   */
  static void otherCases(StringBuilder md, List<Invocation> invs, List<Map<String, Cell>> cells) {
    Set<String> scenarios = new TreeSet<>();
    invs.forEach(i -> i.measurements().forEach(m -> scenarios.add(m.scenario())));
    scenarios.removeAll(Set.of("full", "nightly", "parcel", "split"));
    for (String scenario : scenarios) {
      md.append("## Case `").append(scenario).append("`\n\n| size").append(HEADER);
      Set<String> competitors = new TreeSet<>();
      invs.forEach(
          i ->
              i.measurements().stream()
                  .filter(m -> m.scenario().equals(scenario))
                  .forEach(m -> competitors.add(m.competitor())));
      for (long size : sizes(invs, scenario)) {
        for (String c : competitors) {
          line(
              md,
              String.format(Locale.ROOT, "%,d", size),
              "`" + c + "`",
              cells,
              key(scenario, size, c));
        }
      }
      md.append('\n');
    }
  }

  private static void line(
      StringBuilder md,
      String first,
      String competitor,
      List<Map<String, Cell>> cells,
      String key) {
    if (cells.stream().noneMatch(m -> m.containsKey(key))) {
      return;
    }
    md.append("| ")
        .append(first)
        .append(" | ")
        .append(competitor)
        .append(" | ")
        .append(each(cells, key, c -> String.format(Locale.ROOT, "%,d", c.rows())))
        .append(" | ")
        .append(each(cells, key, c -> String.format(Locale.ROOT, "%.1f", c.wall())))
        .append(" | ")
        .append(each(cells, key, c -> String.format(Locale.ROOT, "%,.0f", c.rowsPerSecond())))
        .append(" | ")
        .append(each(cells, key, c -> String.format(Locale.ROOT, "%.1f", c.cpu())))
        .append(" | ")
        .append(
            each(
                cells,
                key,
                c -> String.format(Locale.ROOT, "%.2f GB", c.rssKb() / 1024.0 / 1024.0)))
        .append(" | ")
        .append(each(cells, key, BenchTables::runs))
        .append(" |\n");
  }

  private static String runs(Cell c) {
    return c.runs().stream()
        .map(
            r ->
                String.format(Locale.ROOT, "%.1f", r.wall())
                    + (r.exit() == 0 ? "" : " (exit " + r.exit() + ")"))
        .collect(Collectors.joining("; "));
  }

  /** The cell of each invocation, "first / second"; "-" where an invocation did not measure it. */
  private static String each(List<Map<String, Cell>> cells, String key, Function<Cell, String> f) {
    return cells.stream()
        .map(m -> m.containsKey(key) ? f.apply(m.get(key)) : "-")
        .collect(Collectors.joining(" / "));
  }
}
