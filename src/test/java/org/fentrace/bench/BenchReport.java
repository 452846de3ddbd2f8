package org.fentrace.bench;

import static org.fentrace.bench.BenchResults.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fentrace.bench.BenchJson.Invocation;
import org.fentrace.bench.BenchResults.Cell;
import org.fentrace.bench.BenchResults.Measurement;
import org.fentrace.bench.BenchTargets.Ratio;

/**
 * Renders {@code docs/benchmarks.md} from {@code docs/benchmarks.json}: one invocation, or two of
 * the same code side by side (every cell "first / second"), so that the page shows the noise beside
 * each figure. Medians over the runs of an invocation; ratios as {@link BenchTargets} computed
 * them.
 *
 * <p>Usage: {@code BenchReport --json FILE --out FILE [--journal FILE]}; prints the newest
 * invocation's ratio summary as its last line. The page is rewritten whole, so what is written by
 * hand (each change tried, its figures, whether it was kept) lives in the journal, which the page
 * links to when given one that exists.
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    Path json = Path.of(BenchLanding.arg(args, "--json", null));
    List<Invocation> invs = BenchJson.read(json);
    Path out = Path.of(BenchLanding.arg(args, "--out", null));
    String journal = BenchLanding.arg(args, "--journal", "");
    String link = journal.isEmpty() ? null : journalLink(out, Path.of(journal));
    Files.writeString(
        out, render(invs, json.getFileName().toString(), link), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
    System.out.println(BenchTargets.summary(invs.get(invs.size() - 1).ratios()));
  }

  static String render(List<Invocation> invs) {
    return render(invs, "benchmarks.json", null);
  }

  /**
   * The journal as a link from the page's folder ({@code docs/benchmarks.md} and a record kept in
   * {@code docs/bench/} reach it by different paths), or null when there is no journal to link to.
   */
  static String journalLink(Path page, Path journal) {
    if (!Files.isRegularFile(journal)) {
      return null;
    }
    Path from = page.toAbsolutePath().normalize().getParent();
    return from.relativize(journal.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /**
   * The page for the invocations of the record {@code record} (its file name: a page kept beside
   * its record names it, whatever folder the benchmark wrote them to), linking to the journal at
   * {@code journalLink} (relative to the page) unless that is null.
   */
  static String render(List<Invocation> invs, String record, String journalLink) {
    List<Map<String, Cell>> cells =
        invs.stream().map(i -> BenchResults.cells(i.measurements())).toList();
    Invocation last = invs.get(invs.size() - 1);
    StringBuilder md = new StringBuilder("# Benchmarks\n\n");
    md.append("Written by `jobs/bench` from its record `")
        .append(record)
        .append("` (beside this page) on ")
        .append(joined(invs, i -> i.meta().getOrDefault("date", "?")))
        .append(
            "; rerun it to refresh this page. Every figure is the median of the runs listed; peak ")
        .append(
            "memory is the maximum resident set size of the measured process (`/usr/bin/time -v`), ")
        .append("JVM start-up and Spark session included.");
    if (invs.size() > 1) {
      md.append(" Two invocations of the benchmark on the same code: every cell reads ")
          .append("*first / second*, so the difference between them is the noise of the machine.");
    }
    md.append("\n\n```\n");
    invs.forEach(i -> md.append(i.meta().getOrDefault("command", "?")).append('\n'));
    md.append("```\n\n");
    if (journalLink != null) {
      md.append("This page holds only what the commands above measured. The [journal](")
          .append(journalLink)
          .append(") keeps what was measured by hand, newest first: each change tried and why, ")
          .append("its commands and figures, whether it was kept, and the figures of cases these ")
          .append("commands did not run.\n\n");
    }
    md.append("## Machine and versions\n\n| | |\n|---|---|\n");
    for (String[] p :
        new String[][] {
          {"cpu", "CPU"},
          {"nproc", "processors (nproc)"},
          {"memory", "memory"},
          {"default_max_heap_bytes", "JVM default max heap (bytes)"},
          {"java", "Java"},
          {"spark", "Spark"},
          {"duckdb", "DuckDB (duckdb_jdbc)"},
          {"commit", "fentrace commit"},
          {"load_start", "load average at start (1, 5, 15 min)"},
          {"load_end", "load average at end"},
          {"runs", "runs per measurement"}
        }) {
      md.append("| ")
          .append(p[1])
          .append(" | ")
          .append(joined(invs, i -> i.meta().getOrDefault(p[0], "?")))
          .append(" |\n");
    }
    md.append(
            "\nEvery competitor is limited to the same 2 cores: Spark `local[2]`, DuckDB `SET threads = 2` ")
        .append("and `SET memory_limit = '")
        .append(last.meta().getOrDefault("duckdb_memory", "?"))
        .append("'`. The load average beside a run is read just before it starts and still counts ")
        .append(
            "the previous run's own threads (on 2 cores a run alone keeps it near 2), so it does ")
        .append(
            "not by itself show other work; the speed of the machine also drifts between runs: ")
        .append("compare ratios, not absolute times, between runs.\n\n");
    BenchTables.full(md, invs, cells);
    BenchTables.nightly(md, invs, cells);
    BenchTables.parcel(md, invs, cells);
    BenchTables.split(md, invs, cells);
    BenchTables.otherCases(md, invs, cells);
    targets(md, invs);
    stages(md, invs, cells);
    md.append(
        BenchText.METHOD
            .replace("${DAILY}", last.meta().getOrDefault("daily_rows", "?"))
            .replace(
                "${PARCEL}",
                String.format(
                    Locale.ROOT,
                    "%,d",
                    Long.parseLong(last.meta().getOrDefault("parcel_rows", "0")))));
    return md.toString();
  }

  /** One value when every invocation agrees, else "first / second". */
  private static String joined(List<Invocation> invs, Function<Invocation, String> f) {
    Set<String> distinct = new LinkedHashSet<>();
    invs.forEach(i -> distinct.add(f.apply(i)));
    return distinct.size() == 1
        ? distinct.iterator().next()
        : invs.stream().map(f).collect(Collectors.joining(" / "));
  }

  private static void targets(StringBuilder md, List<Invocation> invs) {
    md.append("## Ratios against the performance targets\n\n")
        .append(
            "The targets are on wall time unless the figure says otherwise. The CPU-time ratio (user + ")
        .append(
            "system seconds of the measured process) is given beside it because it is less disturbed ")
        .append("by other work on the machine.\n\n")
        .append("| figure | value | CPU-time ratio | target | status |\n|---|---:|---:|---|---|\n");
    Map<String, List<Ratio>> byId = new LinkedHashMap<>();
    for (int i = 0; i < invs.size(); i++) {
      for (Ratio r : invs.get(i).ratios()) {
        List<Ratio> slot = byId.computeIfAbsent(r.id(), k -> new ArrayList<>());
        while (slot.size() < i) {
          slot.add(null);
        }
        slot.add(r);
      }
    }
    byId.values()
        .forEach(
            rs -> {
              while (rs.size() < invs.size()) {
                rs.add(null);
              }
              Ratio any = rs.stream().filter(r -> r != null).findFirst().orElseThrow();
              md.append("| ")
                  .append(any.figure())
                  .append(" | ")
                  .append(joinRatios(rs, BenchReport::value))
                  .append(" | ")
                  .append(
                      joinRatios(
                          rs,
                          r ->
                              Double.isNaN(r.cpuRatio())
                                  ? ""
                                  : String.format(Locale.ROOT, "%.2f", r.cpuRatio())))
                  .append(" | ")
                  .append(any.target())
                  .append(" | ")
                  .append(
                      joinRatios(
                          rs,
                          r ->
                              r.status() == BenchTargets.Status.MISSED
                                  ? "**missed**"
                                  : r.status().text))
                  .append(" |\n");
            });
    md.append('\n');
  }

  private static String value(Ratio r) {
    if (Double.isNaN(r.value())) {
      return "not measured";
    }
    return r.denominator().isEmpty()
        ? String.format(Locale.ROOT, "%.0f (%s)", r.value(), r.numerator())
        : String.format(Locale.ROOT, "%.2f (%s / %s)", r.value(), r.numerator(), r.denominator());
  }

  private static String joinRatios(List<Ratio> rs, Function<Ratio, String> f) {
    List<String> parts = rs.stream().map(r -> r == null ? "-" : f.apply(r)).toList();
    return parts.stream().allMatch(String::isEmpty) ? "" : String.join(" / ", parts);
  }

  /**
   * fentrace's own step timings (run manifest timings_ms) of the median run of each measurement.
   */
  private static void stages(
      StringBuilder md, List<Invocation> invs, List<Map<String, Cell>> cells) {
    md.append(
            "## Where fentrace's time goes\n\nStep timings from the run manifest (`_runs/*.json`, ")
        .append(
            "`timings_ms`) of the median run; the rest of the wall time is JVM and Spark start-up and ")
        .append(
            "shutdown.\n\n`rows read` is the manifest's `totals.rows_read`: the rows fentrace parsed in ")
        .append("that run (for a nightly increment, ideally only the new file's).\n\n")
        .append("| measurement | invocation | wall s | rows read | steps (s), largest first |\n")
        .append("|---|---:|---:|---:|---|\n");
    List<String> notes = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    cells.forEach(m -> keys.addAll(m.keySet()));
    for (String k : keys) {
      if (!k.contains("fentrace")) {
        continue;
      }
      for (int i = 0; i < cells.size(); i++) {
        Cell c = cells.get(i).get(k);
        if (c == null) {
          continue;
        }
        Measurement med = c.medianRun();
        String read = med.rowsRead() < 0 ? "?" : String.format(Locale.ROOT, "%,d", med.rowsRead());
        if (k.startsWith("nightly") && med.rowsRead() > 2 * c.rows()) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "The nightly run over %s months of history parsed %,d rows for a new file of %,d: it "
                      + "re-read files it had already ingested (see the `scan:` line of its log in `WORK/logs`).",
                  k.split("\\|")[1],
                  med.rowsRead(),
                  c.rows()));
        }
        String steps =
            med.stepsSeconds().isEmpty()
                ? "(no manifest)"
                : med.stepsSeconds().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %s | %s |\n",
                what(k),
                i + 1,
                med.wall(),
                read,
                steps));
      }
    }
    md.append('\n');
    notes.forEach(n -> md.append(n).append("\n\n"));
  }

  private static String what(String key) {
    String[] p = key.split("\\|");
    long n = Long.parseLong(p[1]);
    return switch (p[0]) {
      case "full" -> String.format(Locale.ROOT, "ingest, %,d rows", n);
      case "parcel" -> String.format(Locale.ROOT, "parcel-scale night, %,d shipment lines", n);
      case "nightly" ->
          "nightly run, " + n + " months" + (key.endsWith("_batch") ? ", profile batch" : "");
      default -> String.format(Locale.ROOT, "%s, %,d, %s", p[0], n, p[2]);
    };
  }
}
