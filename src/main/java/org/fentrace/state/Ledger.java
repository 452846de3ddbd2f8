package org.fentrace.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fentrace.warehouse.Warehouse;

/**
 * The ledger of processed landing files ({@code _state/ledger.json}): for each file read into the
 * warehouse, its size, modification time, content checksum, the run that read it, and the months
 * its rows went to. A file whose size and modification time are unchanged is not read again; a
 * changed file replaces exactly the rows it delivered before (those months are recomputed).
 *
 * <p>Delivery order, which decides revisions, is (modification time, path) over the whole ledger.
 */
public final class Ledger {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * One processed file.
   *
   * @param months event months (yyyy-MM) of its normalized rows, per table ("seizures"/"shipments")
   * @param cbpCoverage for CBP files: fiscal year to its latest month (yyyy-MM-dd, first day) in
   *     the file
   * @param runDate the run date it was read with (dates after it were rejected as FUTURE_DATE)
   * @param recheckOn the earliest date rejected as after the run date (FUTURE_DATE), or null: from
   *     that run date on, the row may be valid, so the file is read again (once the date has
   *     passed, not every night)
   */
  public record Entry(
      String path,
      String format,
      long size,
      long modificationTime,
      String sha256,
      String runId,
      String runDate,
      Map<String, List<String>> months,
      Map<String, String> cbpCoverage,
      String recheckOn) {}

  private final Map<String, Entry> entries;

  private Ledger(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static Ledger empty() {
    return new Ledger(new TreeMap<>());
  }

  public static Path path(Warehouse w) {
    return w.layout().ledger();
  }

  public static Ledger load(Warehouse w) throws IOException {
    FileSystem fs = w.fs();
    Path p = path(w);
    if (!fs.exists(p)) {
      return empty();
    }
    try (InputStream in = fs.open(p)) {
      Entry[] list;
      try {
        JsonNode tree = JSON.readTree(in);
        tree.forEach(Ledger::migrate);
        list = JSON.treeToValue(tree, Entry[].class);
      } catch (JsonProcessingException e) {
        throw new IOException(
            "cannot read the ledger "
                + p
                + ": "
                + e.getOriginalMessage()
                + ". Was it written by a newer fentrace? Run the version that wrote it, or restore it"
                + " from a backup.",
            e);
      }
      Map<String, Entry> m = new TreeMap<>();
      for (Entry e : list) {
        m.put(e.path(), e);
      }
      return new Ledger(m);
    }
  }

  /**
   * Ledgers written before {@code recheckOn} existed had {@code futureRejects: true} for a file
   * with rows dated after its run date, re-read whenever the run date changed. Such a file is
   * re-read on the next day after the run date it was read with, which records its real {@code
   * recheckOn}.
   */
  private static void migrate(JsonNode entry) {
    if (entry instanceof ObjectNode o && o.has("futureRejects")) {
      JsonNode legacy = o.remove("futureRejects");
      if (legacy.asBoolean() && !o.hasNonNull("recheckOn") && o.hasNonNull("runDate")) {
        o.put(
            "recheckOn",
            java.time.LocalDate.parse(o.get("runDate").asText()).plusDays(1).toString());
      }
    }
  }

  public String toJson() throws IOException {
    return JSON.writeValueAsString(entries.values());
  }

  public Entry get(String path) {
    return entries.get(path);
  }

  public Collection<Entry> entries() {
    return entries.values();
  }

  /** A copy with these entries replaced or added and these paths removed. */
  public Ledger with(Collection<Entry> upserts, Collection<String> removals) {
    Map<String, Entry> m = new TreeMap<>(entries);
    removals.forEach(m::remove);
    upserts.forEach(e -> m.put(e.path(), e));
    return new Ledger(m);
  }

  /** Path to delivery rank (0 = oldest) in delivery order: modification time, then path. */
  public Map<String, Integer> deliveryRanks() {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(Entry::modificationTime).thenComparing(Entry::path));
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (Entry e : sorted) {
      ranks.put(e.path(), ranks.size());
    }
    return ranks;
  }
}
