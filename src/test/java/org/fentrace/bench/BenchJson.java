package org.fentrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.fentrace.bench.BenchResults.Measurement;
import org.fentrace.bench.BenchTargets.Ratio;
import org.fentrace.bench.BenchTargets.Status;

/**
 * {@code docs/benchmarks.json}: what a machine reads of the benchmark. Each invocation of {@code
 * jobs/bench} is one object: its facts ({@code meta}: date, command, commit, machine, versions,
 * load averages, the JVM's default max heap), every measurement (wall and CPU seconds, peak RSS,
 * rows, load average, the manifest's step timings) and every ratio with its target and status. The
 * file keeps the previous invocation when it measured the same code (the same commit with a clean
 * tree, or the same jar), so two invocations on one commit sit side by side and show the noise;
 * otherwise the new invocation replaces it.
 *
 * <p>Usage: {@code BenchJson --results TSV --meta PROPERTIES --json FILE [--fresh true]}; prints
 * the ratio summary as its last line.
 */
final class BenchJson {
  private BenchJson() {}

  static final String FORMAT = "fentrace-bench/1";

  /** The invocations a page can show side by side. */
  static final int KEPT = 2;

  record Invocation(Map<String, String> meta, List<Measurement> measurements, List<Ratio> ratios) {}

  public static void main(String[] args) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            Path.of(BenchLanding.arg(args, "--meta", null)), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> meta = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> meta.put(k, p.getProperty(k)));
    Invocation now =
        invocation(meta, BenchResults.readTsv(Path.of(BenchLanding.arg(args, "--results", null))));
    Path json = Path.of(BenchLanding.arg(args, "--json", null));
    boolean fresh = Boolean.parseBoolean(BenchLanding.arg(args, "--fresh", "false"));
    List<Invocation> previous = fresh || !Files.exists(json) ? List.of() : read(json);
    List<Invocation> kept = merge(previous, now);
    Files.writeString(json, write(kept), StandardCharsets.UTF_8);
    System.out.println(
        "wrote " + json + " (" + kept.size() + " invocation" + (kept.size() == 1 ? "" : "s") + ")");
  }

  /** The ratios of measurements, from the sizes and facts in meta. */
  static Invocation invocation(Map<String, String> meta, List<Measurement> measurements) {
    List<Ratio> ratios =
        BenchTargets.ratios(
            BenchResults.cells(measurements),
            BenchResults.sizes(measurements, "full"),
            Long.parseLong(meta.getOrDefault("default_max_heap_bytes", "0")),
            Long.parseLong(meta.getOrDefault("parcel_rows", "0")));
    return new Invocation(meta, measurements, ratios);
  }

  /**
   * The previous invocation stays beside the new one when both measured the same code: the same
   * commit with no changed file under src/main, or the same jar (sha256).
   */
  static List<Invocation> merge(List<Invocation> previous, Invocation now) {
    List<Invocation> out = new ArrayList<>();
    if (!previous.isEmpty()) {
      Invocation last = previous.get(previous.size() - 1);
      if (sameCode(last.meta(), now.meta())) {
        out.add(last);
      }
    }
    out.add(now);
    return out;
  }

  static boolean sameCode(Map<String, String> a, Map<String, String> b) {
    String jarA = a.getOrDefault("jar_sha256", "");
    if (!jarA.isEmpty() && jarA.equals(b.get("jar_sha256"))) {
      return true;
    }
    String shaA = a.getOrDefault("commit_sha", "");
    return !shaA.isEmpty()
        && shaA.equals(b.get("commit_sha"))
        && "0".equals(a.get("dirty_files"))
        && "0".equals(b.get("dirty_files"));
  }

  static String write(List<Invocation> invocations) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("invocations");
    for (Invocation inv : invocations) {
      ObjectNode o = list.addObject();
      ObjectNode meta = o.putObject("meta");
      inv.meta().forEach(meta::put);
      ArrayNode ms = o.putArray("measurements");
      for (Measurement r : inv.measurements()) {
        ObjectNode x = ms.addObject();
        x.put("scenario", r.scenario());
        x.put("size", r.size());
        x.put("competitor", r.competitor());
        x.put("run", r.run());
        x.put("rows", r.rows());
        x.put("wall_s", r.wall());
        x.put("cpu_s", r.cpu());
        x.put("peak_rss_kb", r.rssKb());
        x.put("exit", r.exit());
        x.put("load1", r.load1());
        x.put("rows_read", r.rowsRead());
        ObjectNode steps = x.putObject("steps_s");
        r.stepsSeconds().forEach(steps::put);
      }
      ArrayNode rs = o.putArray("ratios");
      for (Ratio r : inv.ratios()) {
        ObjectNode x = rs.addObject();
        x.put("id", r.id());
        x.put("figure", r.figure());
        putNumber(x, "value", r.value());
        x.put("numerator", r.numerator());
        x.put("denominator", r.denominator());
        putNumber(x, "cpu_ratio", r.cpuRatio());
        x.put("target", r.target());
        putNumber(x, "max", r.max());
        x.put("strict", r.strict());
        x.put("at_least", r.atLeast());
        x.put("status", r.status().text);
      }
    }
    return m.writeValueAsString(root) + "\n";
  }

  /** NaN (no value, no target) is written as null: JSON has no NaN. */
  private static void putNumber(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) {
      o.putNull(name);
    } else {
      o.put(name, v);
    }
  }

  private static double number(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  static List<Invocation> read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IOException(json + ": not a " + FORMAT + " file");
    }
    List<Invocation> out = new ArrayList<>();
    for (JsonNode o : root.path("invocations")) {
      Map<String, String> meta = new TreeMap<>();
      o.path("meta").properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
      List<Measurement> ms = new ArrayList<>();
      for (JsonNode x : o.path("measurements")) {
        Map<String, Double> steps = new LinkedHashMap<>();
        x.path("steps_s").properties().forEach(e -> steps.put(e.getKey(), e.getValue().asDouble()));
        ms.add(
            new Measurement(
                x.path("scenario").asText(),
                x.path("size").asLong(),
                x.path("competitor").asText(),
                x.path("run").asInt(),
                x.path("rows").asLong(),
                x.path("wall_s").asDouble(),
                x.path("cpu_s").asDouble(),
                x.path("peak_rss_kb").asLong(),
                x.path("exit").asInt(),
                x.path("load1").asText(),
                x.path("rows_read").asLong(-1),
                steps));
      }
      List<Ratio> rs = new ArrayList<>();
      for (JsonNode x : o.path("ratios")) {
        rs.add(
            new Ratio(
                x.path("id").asText(),
                x.path("figure").asText(),
                number(x.get("value")),
                x.path("numerator").asText(),
                x.path("denominator").asText(),
                number(x.get("cpu_ratio")),
                x.path("target").asText(),
                number(x.get("max")),
                x.path("strict").asBoolean(),
                x.path("at_least").asBoolean(),
                Status.of(x.path("status").asText())));
      }
      out.add(new Invocation(meta, ms, rs));
    }
    return out;
  }
}
