package org.fentrace.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fentrace.warehouse.Warehouse;

/**
 * Finds and reads the run manifest the report describes: the latest {@code _runs/<run_id>.json}
 * (run ids begin with the UTC start time, {@code yyyyMMdd'T'HHmmss'Z'}, so the greatest name is the
 * latest run), unless the caller hands one over (the pipeline passes the manifest of the run in
 * progress, which is written only when the run ends).
 */
final class Manifests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Manifests() {}

  /** The latest manifest in the warehouse, or an empty object when there is none. */
  static JsonNode latest(Warehouse warehouse) throws IOException {
    FileSystem fs = warehouse.fs();
    Path runs = warehouse.runs();
    if (!fs.exists(runs)) {
      return JSON.createObjectNode();
    }
    List<String> names = new ArrayList<>();
    for (FileStatus s : fs.listStatus(runs)) {
      String n = s.getPath().getName();
      if (s.isFile() && n.endsWith(".json") && !n.startsWith(".") && !n.startsWith("_")) {
        names.add(n);
      }
    }
    if (names.isEmpty()) {
      return JSON.createObjectNode();
    }
    names.sort(null);
    try (InputStream in = fs.open(new Path(runs, names.get(names.size() - 1)))) {
      return JSON.readTree(in);
    }
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }

  /** Text at a path of field names, or the fallback when any step is missing or null. */
  static String text(JsonNode node, String fallback, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n == null ? null : n.get(p);
    }
    return n == null || n.isNull() ? fallback : n.asText();
  }

  /**
   * Rows per landing file: the latest manifest's accounting for the files it read; for a file it
   * found unchanged (incremental runs read a file once), and for any other file in the ledger
   * ({@code _state/ledger.json}), the accounting of the run that last read it, from that run's
   * manifest. Sorted by path.
   */
  static List<ReportData.FileRow> files(Warehouse warehouse, JsonNode latest) throws IOException {
    java.util.Map<String, ReportData.FileRow> out = new java.util.TreeMap<>();
    String latestRun = text(latest, "", "run_id");
    for (JsonNode f : latest.path("inputs")) {
      if (!"UNCHANGED".equals(text(f, "", "status"))) {
        out.put(text(f, "", "path"), row(f, latestRun));
      }
    }
    org.fentrace.state.Ledger ledger = org.fentrace.state.Ledger.load(warehouse);
    java.util.Map<String, JsonNode> manifests = new java.util.HashMap<>();
    java.util.Set<String> paths = new java.util.TreeSet<>();
    latest.path("inputs").forEach(f -> paths.add(text(f, "", "path")));
    ledger.entries().forEach(e -> paths.add(e.path()));
    for (String path : paths) {
      if (out.containsKey(path)) {
        continue;
      }
      org.fentrace.state.Ledger.Entry e = ledger.get(path);
      JsonNode readBy =
          e == null ? null : manifests.computeIfAbsent(e.runId(), id -> read(warehouse, id));
      JsonNode input = null;
      for (JsonNode f : readBy == null ? JSON.createArrayNode() : readBy.path("inputs")) {
        if (path.equals(text(f, "", "path")) && !"UNCHANGED".equals(text(f, "", "status"))) {
          input = f;
        }
      }
      if (input != null) {
        out.put(path, row(input, e.runId()));
      } else {
        out.put(
            path,
            new ReportData.FileRow(
                path,
                e == null ? "" : e.format(),
                "UNCHANGED",
                0,
                0,
                0,
                0,
                e == null ? "" : e.runId()));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static ReportData.FileRow row(JsonNode f, String runId) {
    return new ReportData.FileRow(
        text(f, "", "path"),
        text(f, "", "format"),
        text(f, "", "status"),
        f.path("rows_read").asLong(),
        f.path("normalized").asLong(),
        f.path("rejected").asLong(),
        f.path("duplicates").asLong(),
        runId);
  }

  /** A run's manifest, or null when it is missing or unreadable (a run that died writes none). */
  private static JsonNode read(Warehouse warehouse, String runId) {
    try (InputStream in = warehouse.fs().open(warehouse.layout().runManifest(runId))) {
      return JSON.readTree(in);
    } catch (IOException e) {
      return null;
    }
  }
}
