package org.fentrace.run;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;
import org.fentrace.action.StepTimings;
import org.fentrace.config.FentraceConfig;
import org.fentrace.core.TableName;
import org.fentrace.effects.PolicyEffectsAction;
import org.fentrace.effects.PolicyEffectsResult;
import org.fentrace.ingest.FileReport;
import org.fentrace.ingest.IngestAction;
import org.fentrace.ingest.IngestResult;
import org.fentrace.ingest.Reattribution;
import org.fentrace.normalize.CountryNormalizer;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.normalize.NormalizerSettings;
import org.fentrace.normalize.PartyHasher;
import org.fentrace.normalize.SubstanceDictionary;
import org.fentrace.report.ReportAction;
import org.fentrace.routes.RouteRules;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.state.WarehouseLock;
import org.fentrace.trends.RouteSensitivityAction;
import org.fentrace.trends.TrendsAction;
import org.fentrace.trends.TrendsResult;
import org.fentrace.warehouse.TableFormat;
import org.fentrace.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline steps of one command against a Spark session and records the run: the manifest
 * is written whatever happens, with the outcome and exit code (docs/contract.md, "Exit codes").
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  public static final int EXIT_FAILED = 1;

  /**
   * How a run ended: its exit code, its id and where its manifest is (null if it could not be
   * written).
   */
  public record Outcome(int exitCode, String runId, String manifest) {}

  /** The steps of the nightly pipeline, in the order they run. */
  public enum Step {
    INGEST,
    TRENDS,
    REPORT
  }

  /**
   * What to run: {@code landing} may be null when the steps do not read it.
   *
   * @param prune drop the rows of files that are gone from the landing folder
   * @param forceUnlock break a warehouse lock older than fentrace.lock.stale-after
   */
  public record Request(
      String command,
      Set<Step> steps,
      String landing,
      String warehouse,
      LocalDate runDate,
      FentraceConfig config,
      boolean prune,
      boolean forceUnlock) {
    public Request {
      steps = steps.isEmpty() ? Set.of() : EnumSet.copyOf(steps);
    }

    public Request(
        String command,
        Set<Step> steps,
        String landing,
        String warehouse,
        LocalDate runDate,
        FentraceConfig config) {
      this(command, steps, landing, warehouse, runDate, config, false, false);
    }
  }

  private final SparkSession spark;

  public PipelineRunner(SparkSession spark) {
    this.spark = spark;
  }

  public static String newRunId(Instant now) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now)
        + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /**
   * Runs the requested steps, writes the manifest whatever happens, returns the outcome. A failed
   * quality gate in ingestion (exit 3) does not stop the later steps: everything that passed was
   * written.
   */
  public Outcome run(Request request) {
    Instant started = Instant.now();
    String runId = newRunId(started);
    // Every Warehouse this run's steps build reads the format from the session's Hadoop
    // configuration: set here, from this run's configuration, it is the same for all of them.
    spark
        .sparkContext()
        .hadoopConfiguration()
        .set(TableFormat.HADOOP_KEY, request.config().warehouseFormat().wireName());
    Warehouse warehouse =
        new Warehouse(request.warehouse(), spark.sparkContext().hadoopConfiguration());
    RunManifest manifest =
        new RunManifest(runId, request.command(), request.runDate().toString(), started)
            .inputsAndOutputs(request.landing(), request.warehouse());
    LOG.info(
        "run {}: {} --input {} --output {} --run-date {}",
        runId,
        request.command(),
        request.landing(),
        request.warehouse(),
        request.runDate());
    WarehouseLock lock;
    try {
      lock =
          WarehouseLock.acquire(
              warehouse,
              runId,
              started,
              request.forceUnlock() ? request.config().lockStaleAfter() : null);
    } catch (IOException e) {
      LOG.error("run {}: {}", runId, e.getMessage());
      return new Outcome(EXIT_FAILED, runId, null);
    }
    // Released on return only: whatever escapes runLocked (an Error: it catches the rest) ends the
    // run as a
    // kill would, leaving the lock for the next run to break after fentrace.lock.stale-after.
    Outcome o = runLocked(request, runId, started, warehouse, manifest);
    releaseQuietly(lock, runId);
    return o;
  }

  private Outcome runLocked(
      Request request, String runId, Instant started, Warehouse warehouse, RunManifest manifest) {
    int exit = 0;
    // Wall time of every phase, so that a night's time is accounted for in full: the actions'
    // own timings_ms split the phases further.
    StepTimings phases = new StepTimings();
    long t = System.nanoTime();
    try {
      String recovered = new PartitionPublisher(warehouse).recover();
      if (recovered != null) {
        manifest.recovered(recovered);
      }
      warehouse.removeLeftovers(runId);
      RouteRules rules = RouteRules.configured(request.config());
      t = phases.lap("recover", t);
      if (request.steps().contains(Step.INGEST)) {
        NormalizationContext context = context(request, warehouse);
        manifest.configuration(request.config().printable(), referenceData(context, rules));
        Reattribution.Result again =
            new Reattribution(spark, warehouse, rules, runId).ifRulesChanged();
        if (again != null) {
          manifest.reattributed(
              again.previous() == null
                  ? "none"
                  : again.previous().version() + "#" + again.previous().sha256(),
              again.current().version() + "#" + again.current().sha256(),
              again.monthsRewritten());
        }
        t = phases.lap("reattribute", t);
        IngestResult result =
            new IngestAction(
                    spark,
                    new IngestAction.Options(
                        request.landing(),
                        request.warehouse(),
                        runId,
                        request.runDate(),
                        context,
                        rules,
                        request.config().maxRejectRate(),
                        request.prune(),
                        request.config().splitBytes(),
                        request.config().parseCache(),
                        request.config().broadcastMaxIds()))
                .execute();
        manifest.ingest(result);
        logSummary(result);
        exit = result.exitCode();
        t = phases.lap("ingest", t);
      }
      if (request.steps().contains(Step.TRENDS)) {
        TrendsResult trends =
            new TrendsAction(
                    spark, new TrendsAction.Options(request.warehouse(), request.runDate(), runId))
                .execute();
        manifest.trends(trends);
        t = phases.lap("trends", t);
        RouteSensitivityAction.Result sensitivity =
            new RouteSensitivityAction(
                    spark,
                    new RouteSensitivityAction.Options(warehouse, rules, request.runDate(), runId))
                .execute();
        manifest.routeSensitivity(sensitivity);
        LOG.info(
            sensitivity.unchanged()
                ? "trends: route_sensitivity unchanged (no seizures published, same rule sets)"
                : "trends: route_sensitivity {} rows",
            sensitivity.rows());
        t = phases.lap(TableName.ROUTE_SENSITIVITY.wireName(), t);
        PolicyEffectsResult effects =
            new PolicyEffectsAction(spark, new PolicyEffectsAction.Options(warehouse, runId))
                .option(
                    PolicyEffectsAction.POLICY_EVENTS,
                    request.config().get(FentraceConfig.Key.POLICY_EVENTS))
                .execute();
        manifest.policyEffects(effects);
        t = phases.lap(TableName.POLICY_EFFECTS.wireName(), t);
        LOG.info(
            "trends: policy_effects {} rows ({} estimated) for {} events from {}; export {}",
            effects.rows(),
            effects.estimated(),
            effects.events(),
            effects.eventsSource(),
            effects.export());
        LOG.info(
            "trends: {} months {} .. {}; tables {}; exports {}",
            trends.tableRows().size(),
            trends.firstMonth(),
            trends.lastMonth(),
            trends.tableRows(),
            trends.exports());
      }
      if (request.steps().contains(Step.REPORT)) {
        ReportAction report =
            new ReportAction(
                spark, new ReportAction.Options(request.warehouse(), request.runDate(), runId));
        if (request.steps().contains(Step.INGEST)) {
          report.manifest(manifest.tree()); // this run's data quality, not the last one's
        }
        String primary = request.config().primarySource();
        if (primary != null) {
          report.option(ReportAction.PRIMARY_SOURCE, primary);
        }
        String events = request.config().get(FentraceConfig.Key.POLICY_EVENTS);
        if (!events.isEmpty()) {
          report.option(ReportAction.POLICY_EVENTS, events);
        }
        manifest.report(report.execute());
        phases.lap("report", t);
      }
      manifest.phases(phases.asMap());
      manifest.outcome(exit == 0 ? "SUCCEEDED" : "QUALITY_GATE_FAILED", exit, null, Instant.now());
    } catch (IOException | RuntimeException e) {
      LOG.error("run {} failed: {}", runId, e.toString(), e);
      exit = EXIT_FAILED;
      phases.lap("failed", t);
      manifest.phases(phases.asMap());
      manifest.outcome("FAILED", exit, e.toString(), Instant.now());
    }
    String manifestPath = null;
    try {
      manifestPath = manifest.write(warehouse).toString();
      LOG.info("run {}: finished with exit code {}; manifest {}", runId, exit, manifestPath);
    } catch (IOException e) {
      LOG.error("run {}: could not write the manifest: {}", runId, e.toString());
      exit = EXIT_FAILED;
    }
    return new Outcome(exit, runId, manifestPath);
  }

  private static void releaseQuietly(WarehouseLock lock, String runId) {
    try {
      lock.close();
    } catch (IOException e) {
      LOG.error("run {}: could not release the warehouse lock: {}", runId, e.toString());
    }
  }

  private static NormalizationContext context(Request request, Warehouse warehouse)
      throws IOException {
    NormalizerSettings settings = request.config().normalizerSettings(request.runDate());
    byte[] key = request.config().partyHashKey(System.getenv());
    if (key == null) {
      LOG.warn(
          "no party hash key configured (fentrace.party-hash.key or ${}); using the warehouse's own key in {}",
          FentraceConfig.PARTY_KEY_ENV,
          warehouse.layout().partyHashKey().getParent());
      key = warehouse.partyHashKey();
    }
    return new NormalizationContext(
        settings,
        SubstanceDictionary.loadDefault(),
        CountryNormalizer.loadDefault(),
        new PartyHasher(key));
  }

  private static Map<String, String> referenceData(NormalizationContext c, RouteRules rules) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("substance_dictionary_entries", Integer.toString(c.substances().size()));
    m.put("route_rules_source", rules.source());
    m.put("route_rules_version", rules.version());
    m.put("route_rules_sha256", rules.sha256());
    return m;
  }

  private static void logSummary(IngestResult r) {
    for (FileReport f : r.files()) {
      LOG.info(
          "file {} [{}] {}: read {}, normalized {}, rejected {}, duplicates {}{}",
          f.path(),
          f.format(),
          f.status(),
          f.rowsRead(),
          f.normalized(),
          f.rejected(),
          f.duplicates(),
          f.rejectsByReason().isEmpty() ? "" : " " + f.rejectsByReason());
    }
    r.tableRows().forEach((t, n) -> LOG.info("table {}: {} rows", t, n));
    for (String example : r.rejectExamples()) {
      LOG.warn("rejected: {}", example);
    }
    for (String failure : r.qualityFailures()) {
      LOG.warn("quality gate: {}", failure);
    }
  }
}
