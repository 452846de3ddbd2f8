package org.fentrace.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.fentrace.config.Versions;
import org.fentrace.core.TableName;
import org.fentrace.effects.PolicyEffectsResult;
import org.fentrace.ingest.FileReport;
import org.fentrace.ingest.IngestResult;
import org.fentrace.ingest.ParseCacheChoice;
import org.fentrace.report.ReportResult;
import org.fentrace.trends.RouteSensitivityAction;
import org.fentrace.trends.TrendsResult;
import org.fentrace.warehouse.Warehouse;

/**
 * The run manifest, {@code _runs/<run_id>.json} (docs/contract.md, "Run manifest"): inputs with
 * size and checksum, rows read / normalized / rejected / duplicate per file with the balance check,
 * tables and partitions written, configuration, timings and outcome.
 */
public final class RunManifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();

  public RunManifest(String runId, String command, String runDate, Instant started) {
    root.put("run_id", runId);
    root.put("command", command);
    root.put("run_date", runDate);
    root.put("started_at", started.toString());
    root.put("fentrace_version", Versions.fentrace());
    root.put("spark_version", Versions.spark());
  }

  public RunManifest inputsAndOutputs(String landing, String warehouse) {
    root.put("landing", landing);
    root.put("warehouse", warehouse);
    return this;
  }

  public RunManifest configuration(Map<String, String> config, Map<String, String> referenceData) {
    ObjectNode c = root.putObject("configuration");
    config.forEach(c::put);
    ObjectNode r = root.putObject("reference_data");
    referenceData.forEach(r::put);
    return this;
  }

  public RunManifest ingest(IngestResult result) {
    ArrayNode inputs = root.putArray("inputs");
    long read = 0;
    long normalized = 0;
    long rejected = 0;
    long duplicates = 0;
    for (FileReport f : result.files()) {
      ObjectNode n = inputs.addObject();
      n.put("path", f.path());
      n.put("format", f.format());
      n.put("size_bytes", f.sizeBytes());
      n.put("modified_at", Instant.ofEpochMilli(f.modificationTime()).toString());
      n.put("sha256", f.sha256());
      n.put("status", f.status().name());
      if (f.problem() != null) {
        n.put("problem", f.problem());
      }
      n.put("rows_read", f.rowsRead());
      n.put("normalized", f.normalized());
      n.put(
          "note",
          f.status() == FileReport.Status.UNCHANGED
              ? "already in the ledger; not read again"
              : null);
      n.put("rejected", f.rejected());
      n.put("duplicates", f.duplicates());
      n.put("duplicates_in_file", f.duplicatesInFile());
      n.put("superseded_by_newer_delivery", f.superseded());
      n.put("balanced", f.balanced());
      ObjectNode reasons = n.putObject("rejects_by_reason");
      f.rejectsByReason().forEach(reasons::put);
      n.put("unknown_origin_countries", f.unknownOriginCountries());
      n.put("non_utf8_bytes_read_as_windows_1252", f.nonUtf8Bytes());
      n.put("splits", f.splits());
      if (f.splitNote() != null) {
        n.put("split_note", f.splitNote());
      }
      read += f.rowsRead();
      normalized += f.normalized();
      rejected += f.rejected();
      duplicates += f.duplicates();
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("files", result.files().size());
    totals.put("rows_read", read);
    totals.put("normalized", normalized);
    totals.put("rejected", rejected);
    totals.put("duplicates", duplicates);
    totals.put("balanced", read == normalized + rejected + duplicates);
    ObjectNode tables = root.putObject("tables");
    result
        .tableRows()
        .forEach(
            (t, rows) -> {
              ObjectNode tn = tables.putObject(t);
              tn.put("rows", rows);
              ArrayNode parts = tn.putArray("partitions");
              result.tablePartitions().getOrDefault(t, java.util.List.of()).forEach(parts::add);
            });
    ParseCacheChoice cache = result.parseCache();
    if (cache != null) {
      ObjectNode pc = root.putObject("parse_cache");
      pc.put("asked", cache.asked().wireName());
      pc.put("used", cache.used().wireName());
      pc.put("landing_plain_bytes", cache.plainBytes());
      pc.put("landing_compressed_bytes", cache.compressedBytes());
      pc.put("storage_memory_bytes", cache.storageBytes());
    }
    putTimings(root, result.timingsMillis());
    ArrayNode gates = root.putArray("quality_failures");
    result.qualityFailures().forEach(gates::add);
    return this;
  }

  /** Notes that this run first finished the publication of a run that died. */
  /**
   * The route rules changed since the stored routes were decided: every stored record was
   * re-attributed. Records the rules recorded before ("none" for a warehouse older than the record)
   * and the months rewritten.
   */
  public RunManifest reattributed(
      String previousRules, String currentRules, Map<String, Integer> monthsRewritten) {
    var node = root.putObject("route_reattribution");
    node.put("previous_rules", previousRules);
    node.put("rules", currentRules);
    var months = node.putObject("months_rewritten");
    monthsRewritten.forEach(months::put);
    return this;
  }

  public RunManifest recovered(String deadRunId) {
    root.put("recovered_publication_of_run", deadRunId);
    return this;
  }

  public RunManifest trends(TrendsResult t) {
    ObjectNode n = root.putObject("trends");
    n.put("first_month", t.firstMonth() == null ? null : t.firstMonth().toString());
    n.put("last_month", t.lastMonth() == null ? null : t.lastMonth().toString());
    ObjectNode tables = n.putObject("tables");
    t.tableRows().forEach(tables::put);
    ArrayNode exports = n.putArray("exports");
    t.exports().forEach(exports::add);
    n.put("lead_changes", t.leadChanges().size());
    ArrayNode analogs = n.putArray("new_analogs");
    t.newAnalogs().forEach(analogs::add);
    // The same resolution the trends step made: the conf folder's file, else the jar's copy.
    n.put("scheduling_source", org.fentrace.reference.SchedulingFile.describe());
    putTimings(n, t.timingsMillis());
    return this;
  }

  /** What route sensitivity wrote: its rows, or that the table was already up to date. */
  public RunManifest routeSensitivity(RouteSensitivityAction.Result r) {
    ObjectNode n = root.putObject(TableName.ROUTE_SENSITIVITY.wireName());
    n.put("unchanged", r.unchanged());
    if (!r.unchanged()) {
      n.put("rows", r.rows());
    }
    putTimings(n, r.timingsMillis());
    return this;
  }

  /** What policy effects wrote: the events and where they came from, the rows, the export. */
  public RunManifest policyEffects(PolicyEffectsResult r) {
    ObjectNode n = root.putObject(TableName.POLICY_EFFECTS.wireName());
    n.put("events_source", r.eventsSource());
    n.put("events", r.events());
    n.put("rows", r.rows());
    n.put("estimated", r.estimated());
    n.put("export", r.export());
    putTimings(n, r.timingsMillis());
    return this;
  }

  /**
   * The wall time of each phase of the run that ran (recover, reattribute, ingest, trends,
   * route_sensitivity, policy_effects, report; failed: from the last phase that ended to the
   * failure), in the order they ran.
   */
  public RunManifest phases(Map<String, Long> millis) {
    ObjectNode n = root.putObject("phases_ms");
    millis.forEach(n::put);
    return this;
  }

  public RunManifest report(ReportResult r) {
    ObjectNode n = root.putObject("report");
    n.put("path", r.path());
    n.put("figures", r.figures().size());
    n.put("charts", r.charts().size());
    n.put("policy_events_drawn", r.policyEventsDrawn());
    putTimings(n, r.timingsMillis());
    return this;
  }

  /** A step's timings under {@code timings_ms}, in the order the steps ran. */
  private static void putTimings(ObjectNode node, Map<String, Long> millis) {
    ObjectNode timings = node.putObject("timings_ms");
    millis.forEach(timings::put);
  }

  public RunManifest outcome(String outcome, int exitCode, String error, Instant finished) {
    root.put("outcome", outcome);
    root.put("exit_code", exitCode);
    if (error != null) {
      root.put("error", error);
    }
    root.put("finished_at", finished.toString());
    return this;
  }

  /**
   * The manifest as it stands, as a tree (a copy: later changes to this manifest do not show in
   * it).
   */
  public com.fasterxml.jackson.databind.JsonNode tree() {
    return root.deepCopy();
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code _runs/<run_id>.json} atomically; returns its path. */
  public Path write(Warehouse warehouse) throws IOException {
    Path p = warehouse.layout().runManifest(root.get("run_id").asText());
    warehouse.fs().mkdirs(warehouse.runs());
    warehouse.writeText(p, toJson() + "\n");
    return p;
  }
}
