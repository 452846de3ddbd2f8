package org.fentrace.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;

/**
 * Every path under a warehouse root, spelled in this one class: the tables, the exports and the
 * report readers open, and the folders a run keeps for itself ({@code _state}, {@code _runs},
 * {@code _staging}, {@code _trash}, {@code _lock}, {@code _secrets}). Nothing else builds a
 * warehouse path from a literal; the launcher asks {@code fentrace paths --output DIR NAME} (see
 * {@link #NAMED}) instead of spelling one.
 *
 * <pre>
 * WAREHOUSE/
 *   seizures/ shipments/ lab_reports/ rejected/    normalized tables (event_month= / year= partitions)
 *   route_monthly/ ... source_coverage/             derived tables, one Parquet file each
 *   exports/NAME.csv   report/index.html
 *   _state/ledger.json          processed landing files
 *   _state/journal.json         publication in progress (replayed by the next run)
 *   _state/route-rules.json     the rules the stored routes were decided with
 *   _state/aggregates/NAME/     monthly aggregates
 *   _state/other_versions/TABLE/  losing versions of revised records
 *   _runs/RUN_ID.json  _staging/RUN_ID/  _trash/RUN_ID/  _lock  _secrets/party-hash.key
 * </pre>
 *
 * <p>Pure: it only joins names, so the launcher's query starts no Spark and touches no file system.
 */
public final class WarehouseLayout {
  /** Folder of the run manifests, as the report names it to readers. */
  public static final String RUNS = "_runs";

  /**
   * The marker a published table folder holds (Spark's name; fentrace writes the publishing run
   * into it).
   */
  public static final String SUCCESS = "_SUCCESS";

  /**
   * The file a derived table folder holds beside its marker when the table records what it was
   * built from (route_sensitivity: the seizures marker it was computed on).
   */
  public static final String BUILT_FROM = "_BUILT_FROM";

  /** The report's folder and page. */
  public static final String REPORT = "report";

  public static final String REPORT_INDEX = "index.html";

  private static final String EXPORTS = "exports";
  private static final String STATE = "_state";
  private static final String STAGING = "_staging";
  private static final String TRASH = "_trash";
  private static final String LEDGER = "ledger.json";
  private static final String RULES_STAMP = "route-rules.json";
  private static final String OTHER_VERSIONS = "other_versions";

  /**
   * The paths the launcher (or an operator) may ask for by name: {@code fentrace paths --output DIR
   * NAME}.
   */
  public static final Map<String, Function<WarehouseLayout, Path>> NAMED;

  static {
    Map<String, Function<WarehouseLayout, Path>> m = new LinkedHashMap<>();
    m.put("root", WarehouseLayout::root);
    m.put("state", WarehouseLayout::state);
    m.put("ledger", WarehouseLayout::ledger);
    m.put("journal", WarehouseLayout::journal);
    m.put("rules-stamp", WarehouseLayout::rulesStamp);
    m.put("aggregates", WarehouseLayout::aggregates);
    m.put("runs", WarehouseLayout::runs);
    m.put("lock", WarehouseLayout::lock);
    m.put("exports", WarehouseLayout::exports);
    m.put("report", WarehouseLayout::report);
    m.put("staging", WarehouseLayout::stagingRoot);
    m.put("trash", WarehouseLayout::trashRoot);
    m.put("secrets", l -> l.partyHashKey().getParent());
    NAMED = java.util.Collections.unmodifiableMap(m);
  }

  private final Path root;

  public WarehouseLayout(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  public WarehouseLayout(String root) {
    this(new Path(root));
  }

  public Path root() {
    return root;
  }

  /** A table's folder (normalized or derived). */
  public Path table(String name) {
    return new Path(root, name);
  }

  public Path table(WarehouseTable t) {
    return table(t.tableName());
  }

  /** The {@value #SUCCESS} marker of a table folder (live or staged). */
  public static Path successMarker(Path tableDir) {
    return new Path(tableDir, SUCCESS);
  }

  public Path exports() {
    return new Path(root, EXPORTS);
  }

  /** {@code exports/<name>.csv}. */
  public Path export(String name) {
    return new Path(root, exportPath(name));
  }

  /** {@code exports/<name>.csv}, relative to the warehouse (as the report names it to readers). */
  public static String exportPath(String name) {
    return EXPORTS + "/" + name + ".csv";
  }

  public Path report() {
    return table(REPORT);
  }

  public Path reportIndex() {
    return new Path(report(), REPORT_INDEX);
  }

  public Path state() {
    return new Path(root, STATE);
  }

  public Path ledger() {
    return new Path(state(), LEDGER);
  }

  public Path journal() {
    return new Path(state(), "journal.json");
  }

  public Path rulesStamp() {
    return new Path(state(), RULES_STAMP);
  }

  public Path aggregates() {
    return new Path(state(), "aggregates");
  }

  /** The live store of one monthly aggregate. */
  public Path aggregate(String storeName) {
    return new Path(aggregates(), storeName);
  }

  /** Losing versions of one table's revised records. */
  public Path otherVersions(String tableName) {
    return new Path(new Path(state(), OTHER_VERSIONS), tableName);
  }

  /** Where an earlier build kept every candidate (converted once, then removed). */
  public Path legacyCandidates() {
    return new Path(state(), "candidates");
  }

  public Path legacyCandidates(String tableName) {
    return new Path(legacyCandidates(), tableName);
  }

  public Path runs() {
    return new Path(root, RUNS);
  }

  public Path runManifest(String runId) {
    return new Path(runs(), runId + ".json");
  }

  public Path lock() {
    return new Path(root, "_lock");
  }

  public Path partyHashKey() {
    return new Path(new Path(root, "_secrets"), "party-hash.key");
  }

  public Path stagingRoot() {
    return new Path(root, STAGING);
  }

  /** Everything one run writes before publishing it. */
  public Path staging(String runId) {
    return new Path(stagingRoot(), runId);
  }

  /** A table (or the report) staged whole by a run. */
  public Path staged(String runId, String tableName) {
    return new Path(staging(runId), tableName);
  }

  public Path stagedLedger(String runId) {
    return new Path(staging(runId), LEDGER);
  }

  public Path stagedRulesStamp(String runId) {
    return new Path(staging(runId), RULES_STAMP);
  }

  public Path stagedAggregate(String runId, String storeName) {
    return new Path(new Path(staging(runId), "_aggregates"), storeName);
  }

  public Path stagedOtherVersions(String runId, String tableName) {
    return new Path(new Path(staging(runId), "_other_versions"), tableName);
  }

  public Path stagedMigration(String runId, String tableName) {
    return new Path(new Path(staging(runId), "_migrate_other_versions"), tableName);
  }

  public Path stagedReattributed(String runId, String tableName) {
    return new Path(new Path(staging(runId), "_reattributed"), tableName);
  }

  public Path trashRoot() {
    return new Path(root, TRASH);
  }

  /** Where a run's publication moves the paths it replaces until it is complete. */
  public Path trash(String runId) {
    return new Path(trashRoot(), runId);
  }

  /**
   * The path named {@code name} (a key of {@link #NAMED}); an unknown name throws
   * IllegalArgumentException.
   */
  public Path named(String name) {
    Function<WarehouseLayout, Path> f = NAMED.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown warehouse path '" + name + "'; known: " + NAMED.keySet());
    }
    return f.apply(this);
  }
}
