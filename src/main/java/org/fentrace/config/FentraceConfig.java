package org.fentrace.config;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.fentrace.normalize.NormalizerSettings;
import org.fentrace.warehouse.TableFormat;

/**
 * fentrace's own configuration: keys under the {@code fentrace.} prefix, read from a properties
 * file ({@code --config}) and overridden by {@code --conf fentrace.key=value}. Every key is
 * declared in {@link Key} with its default and description; an unknown {@code fentrace.} key or a
 * bad value is a {@link ConfigException} (exit 2) raised before any Spark work.
 */
public final class FentraceConfig {
  public static final String PREFIX = "fentrace.";

  /** Environment variable holding the party hash key when the configuration does not. */
  public static final String PARTY_KEY_ENV = "FENTRACE_PARTY_HASH_KEY";

  /** Every configuration key, its default and what it means. */
  public enum Key {
    MAX_KG_PER_SEIZURE(
        "fentrace.quantity.max-kg-per-seizure",
        NormalizerSettings.DEFAULT_MAX_KG_PER_SEIZURE.toPlainString(),
        "Plausibility ceiling for one seizure event, in kg; heavier rows are quarantined as IMPLAUSIBLE_QUANTITY (CBP aggregates: per event)."),
    MAX_DOSAGE_UNITS_PER_SEIZURE(
        "fentrace.quantity.max-dosage-units-per-seizure",
        Long.toString(NormalizerSettings.DEFAULT_MAX_DOSAGE_UNITS_PER_SEIZURE),
        "Plausibility ceiling for one seizure event, in pills/tablets/dosage units."),
    EARLIEST_DATE(
        "fentrace.dates.earliest",
        NormalizerSettings.DEFAULT_EARLIEST_DATE.toString(),
        "Dates before this are quarantined as DATE_OUT_OF_RANGE."),
    MAX_FIELD_CHARS(
        "fentrace.input.max-field-chars",
        Integer.toString(NormalizerSettings.DEFAULT_MAX_FIELD_CHARS),
        "Longest value accepted in any field; longer rows are quarantined as FIELD_TOO_LONG."),
    MAX_REJECT_RATE(
        "fentrace.quality.max-reject-rate",
        "0.05",
        "Data-quality gate: a file whose rejected rows exceed this fraction of its rows makes the run exit 3."),
    PARTY_HASH_KEY(
        "fentrace.party-hash.key",
        "",
        "Secret key (at least 16 characters) for hashing shipper and consignee names. Else $"
            + PARTY_KEY_ENV
            + "; else a random key generated once per warehouse in WAREHOUSE/_secrets/party-hash.key."),
    ROUTE_RULES(
        "fentrace.routes.rules",
        "",
        "Route rule file (YAML); empty means route-rules.yaml of the launcher's conf folder (conf/ of a release,"
            + " jobs/conf of a checkout), else the copy bundled in the jar."),
    POLICY_EVENTS(
        "fentrace.report.policy-events",
        "",
        "Dated policy events drawn on the report's time charts (CSV); empty means policy-events.csv of the"
            + " launcher's conf folder, else the copy bundled in the jar."),
    PRIMARY_SOURCE(
        "fentrace.report.primary-source",
        "",
        "Source of the report's headline and figures (cbp_published, seizure_events, customs_shipments); empty means"
            + " the source with the most complete coverage of the latest fiscal year."),
    LOCK_STALE_AFTER(
        "fentrace.lock.stale-after",
        "PT6H",
        "ISO-8601 duration: with --force-unlock, a warehouse lock older than this is broken."),
    SPLIT_BYTES(
        "fentrace.ingest.split-bytes",
        Long.toString(64L << 20),
        "A plain (uncompressed) landing file larger than this many bytes is parsed in ranges of about this size,"
            + " one task each, with the same rows and physical line numbers as one task gives; 0 reads every file"
            + " in one task. Compressed files are always one task."),
    PARSE_CACHE(
        ParseCache.KEY,
        ParseCache.AUTO.wireName(),
        "Where the ingest keeps its parse output between the passes that read it: disk (the executors'"
            + " local disk, read back through the page cache), memory-and-disk (Spark's storage memory; what"
            + " does not fit goes to disk), or auto: memory-and-disk on one machine when the parse should fill"
            + " at most half of Spark's storage memory, else disk (always disk on a cluster). On the heap, a"
            + " large load's cached batches cost it garbage collection; on disk, a small load pays for"
            + " writing them."),
    BROADCAST_MAX_IDS(
        "fentrace.ingest.broadcast-max-ids",
        "500000",
        "A night's set of touched record ids up to this size is broadcast to the scans of the stored"
            + " history, which then shuffle none of it; a larger set takes ordinary joins, and a night"
            + " that changes more records than this finds the records to decide again in one shuffle of"
            + " the stored index by record id. Tests set 0 to run the plan of a night at scale on tiny"
            + " files."),
    WAREHOUSE_FORMAT(
        TableFormat.HADOOP_KEY,
        TableFormat.PARQUET.wireName(),
        "How published tables are stored: parquet (folders swapped by renames; readers open the files"
            + " directly) or delta (Delta Lake tables, one atomic commit per table and night, time travel"
            + " by run id; for object stores, where a rename is a copy)."),
    SPARK_LOG_LEVEL(
        "fentrace.log.spark-level",
        "WARN",
        "Log level of Spark's own loggers (fentrace's stay at INFO).");

    private final String name;
    private final String defaultValue;
    private final String description;

    Key(String name, String defaultValue, String description) {
      this.name = name;
      this.defaultValue = defaultValue;
      this.description = description;
    }

    public String key() {
      return name;
    }

    public String defaultValue() {
      return defaultValue;
    }

    public String description() {
      return description;
    }
  }

  private final Map<String, String> values;

  private FentraceConfig(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads the file (if any), applies overrides, validates everything.
   *
   * @param file a properties file, or null
   * @param overrides {@code fentrace.*} keys from the command line (other keys are not passed here)
   */
  public static FentraceConfig load(Path file, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (Key k : Key.values()) {
      merged.put(k.key(), k.defaultValue());
    }
    if (file != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read the configuration file " + file + ": " + e.getMessage());
      }
      for (String name : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
        put(merged, name, p.getProperty(name), "in " + file);
      }
    }
    overrides.forEach((k, v) -> put(merged, k, v, "on the command line"));
    // Files left empty are read from the launcher's conf folder when it has them, so an edit there
    // needs
    // no rebuild; the value then names the file, and the run manifest shows which one was used.
    fromConfDir(merged, Key.ROUTE_RULES, ConfDir.ROUTE_RULES_FILE, false);
    fromConfDir(merged, Key.POLICY_EVENTS, ConfDir.POLICY_EVENTS_FILE, true);
    FentraceConfig c = new FentraceConfig(Collections.unmodifiableMap(merged));
    c.normalizerSettings(LocalDate.now()); // validates the typed values now, not mid-run
    c.maxRejectRate();
    c.lockStaleAfter();
    c.primarySource();
    c.splitBytes();
    c.parseCache();
    c.broadcastMaxIds();
    c.warehouseFormat();
    return c;
  }

  /**
   * A policy events path is read through Hadoop: given as a file: URI, a cluster's default HDFS is
   * not asked.
   */
  private static void fromConfDir(Map<String, String> merged, Key key, String name, boolean asUri) {
    if (merged.get(key.key()).isEmpty()) {
      ConfDir.file(name)
          .ifPresent(p -> merged.put(key.key(), asUri ? p.toUri().toString() : p.toString()));
    }
  }

  private static void put(Map<String, String> merged, String name, String value, String where) {
    if (!merged.containsKey(name)) {
      throw new ConfigException(
          "unknown configuration key '"
              + name
              + "' "
              + where
              + "; known keys: "
              + String.join(", ", merged.keySet()));
    }
    merged.put(name, value == null ? "" : value.strip());
  }

  public String get(Key k) {
    return values.get(k.key());
  }

  /** The values a manifest may show: the party hash key is reported only as set or not. */
  public Map<String, String> printable() {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.put(
        Key.PARTY_HASH_KEY.key(),
        values.get(Key.PARTY_HASH_KEY.key()).isEmpty() ? "(not set)" : "(set)");
    return m;
  }

  public NormalizerSettings normalizerSettings(LocalDate runDate) {
    try {
      return new NormalizerSettings(
          runDate,
          LocalDate.parse(get(Key.EARLIEST_DATE)),
          new BigDecimal(get(Key.MAX_KG_PER_SEIZURE)),
          Long.parseLong(get(Key.MAX_DOSAGE_UNITS_PER_SEIZURE)),
          Integer.parseInt(get(Key.MAX_FIELD_CHARS)));
    } catch (RuntimeException e) {
      throw new ConfigException(
          "bad value among "
              + List.of(
                  Key.EARLIEST_DATE.key(),
                  Key.MAX_KG_PER_SEIZURE.key(),
                  Key.MAX_DOSAGE_UNITS_PER_SEIZURE.key(),
                  Key.MAX_FIELD_CHARS.key())
              + ": "
              + e.getMessage());
    }
  }

  /** Nominal size of the byte ranges a large plain landing file is parsed in; 0 = never split. */
  public long splitBytes() {
    return countOf(Key.SPLIT_BYTES, "bytes");
  }

  /** Where the ingest keeps its parse output between its reads of it. */
  public ParseCache parseCache() {
    try {
      return ParseCache.fromName(get(Key.PARSE_CACHE));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Key.PARSE_CACHE.key() + ": " + e.getMessage());
    }
  }

  /** Largest set of ids the ingest broadcasts to a join with the history; 0 = never broadcast. */
  public long broadcastMaxIds() {
    return countOf(Key.BROADCAST_MAX_IDS, "ids");
  }

  /** A key whose value is a whole number of {@code what}, 0 or more. */
  private long countOf(Key key, String what) {
    String v = get(key);
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        key.key() + " must be a number of " + what + ", 0 or more, got '" + v + "'");
  }

  public double maxRejectRate() {
    String v = get(Key.MAX_REJECT_RATE);
    try {
      double d = Double.parseDouble(v);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        Key.MAX_REJECT_RATE.key() + " must be a fraction between 0 and 1, got '" + v + "'");
  }

  public java.time.Duration lockStaleAfter() {
    try {
      java.time.Duration d = java.time.Duration.parse(get(Key.LOCK_STALE_AFTER));
      if (!d.isNegative()) {
        return d;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    throw new ConfigException(
        Key.LOCK_STALE_AFTER.key()
            + " must be an ISO-8601 duration such as PT6H, got '"
            + get(Key.LOCK_STALE_AFTER)
            + "'");
  }

  /**
   * The report's primary source id, or null for "the best covered one"; an unknown id is a
   * ConfigException.
   */
  public String primarySource() {
    String v = get(Key.PRIMARY_SOURCE).strip();
    if (v.isEmpty()) {
      return null;
    }
    try {
      return org.fentrace.core.Source.fromId(v).id();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Key.PRIMARY_SOURCE.key() + ": " + e.getMessage());
    }
  }

  /** The format the warehouse publishes its tables in. */
  public TableFormat warehouseFormat() {
    try {
      return TableFormat.fromName(get(Key.WAREHOUSE_FORMAT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Key.WAREHOUSE_FORMAT.key() + ": " + e.getMessage());
    }
  }

  /** The route rules file the configuration names, or empty for the rules bundled in the jar. */
  public Optional<Path> routeRulesFile() {
    String file = get(Key.ROUTE_RULES);
    return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
  }

  /**
   * The configured party hash key, or null when neither the configuration nor the environment sets
   * one.
   */
  public byte[] partyHashKey(Map<String, String> env) {
    String k = get(Key.PARTY_HASH_KEY);
    if (k.isEmpty()) {
      k = env.getOrDefault(PARTY_KEY_ENV, "");
    }
    if (k.isEmpty()) {
      return null;
    }
    if (k.length() < 16) {
      throw new ConfigException("the party hash key must be at least 16 characters long");
    }
    return k.getBytes(StandardCharsets.UTF_8);
  }
}
