package org.fentrace.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.fentrace.action.ActionOption;
import org.fentrace.action.BaseAction;
import org.fentrace.config.Versions;
import org.fentrace.state.FaultInjection;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseLayout;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the analyst report, {@code WAREHOUSE/report/index.html}: one static page with every chart
 * inline as SVG (JFreeChart rendered by JFreeSVG), the data behind each chart as a table, the
 * policy events drawn on every time chart, a headline computed from the data, and the data-quality
 * numbers of the latest run manifest.
 *
 * <p>{@link #compute} reads the trend tables (collected whole: they are small), aggregates {@code
 * seizures}, {@code shipments} and {@code rejected} with Spark (one scan each, only aggregates
 * collected), and renders the page in memory. {@link #execute} then writes it to {@code
 * WAREHOUSE/_staging/<runId>/report/} and moves that folder into place through the journal ({@link
 * PartitionPublisher#publishWhole}), so a reader sees the old report or the new one.
 *
 * <pre>{@code
 * ReportResult r = new ReportAction(spark, new ReportAction.Options(warehouse, runDate, runId))
 *     .option(ReportAction.POLICY_EVENTS, "jobs/conf/policy-events.csv")   // default: bundled copy
 *     .execute();
 * }</pre>
 */
public final class ReportAction extends BaseAction<ReportResult> {
  private static final Logger LOG = LoggerFactory.getLogger(ReportAction.class);

  /** The folder under the warehouse, and the page in it. */
  public static final String REPORT = WarehouseLayout.REPORT;

  public static final String INDEX = WarehouseLayout.REPORT_INDEX;

  /**
   * Option: path of the policy events CSV (any Hadoop URI); default the bundled {@code
   * /conf/policy-events.csv}.
   */
  public static final String POLICY_EVENTS = "policy-events";

  /**
   * Option: the run manifest to report data quality from, as JSON text. The pipeline passes the
   * manifest of the run in progress (written only when the run ends); default: the latest {@code
   * _runs/*.json}.
   */
  public static final String MANIFEST_JSON = "manifest-json";

  /**
   * Option: the source every figure and the headline use (a {@link org.fentrace.core.Source} id).
   * Not set: the source covering the most months of the latest fiscal year any seizure source
   * covers.
   */
  public static final String PRIMARY_SOURCE = "primary-source";

  /** Every table the report reads. */
  public static final List<String> SOURCE_TABLES =
      List.of(
          TrendsAction.ROUTE_MONTHLY,
          TrendsAction.ROUTE_FISCAL_YEAR,
          TrendsAction.ROUTE_MONTHLY_BY_FORM,
          TrendsAction.ROUTE_TRENDS,
          TrendsAction.ROUTE_LEAD_CHANGES,
          TrendsAction.PILL_PRESS_MONTHLY,
          TrendsAction.ANALOG_WATCH,
          TrendsAction.ANALOG_WAVES,
          org.fentrace.effects.PolicyEffectsTable.TABLE,
          WarehouseTable.SEIZURES.tableName(),
          WarehouseTable.SHIPMENTS.tableName(),
          WarehouseTable.REJECTED.tableName());

  private static final ActionOption<String> POLICY_EVENTS_OPTION =
      ActionOption.text(POLICY_EVENTS, null);
  private static final ActionOption<JsonNode> MANIFEST_JSON_OPTION =
      new ActionOption<>(MANIFEST_JSON, null, ReportAction::parseManifest);
  private static final ActionOption<org.fentrace.core.Source> PRIMARY_SOURCE_OPTION =
      new ActionOption<>(
          PRIMARY_SOURCE,
          null,
          v -> v == null || v.isBlank() ? null : org.fentrace.core.Source.fromId(v.strip()));

  /**
   * Where the warehouse is, the run date shown on every figure, and the run id (staging folder).
   */
  public record Options(String warehouse, LocalDate runDate, String runId) {
    public Options {
      Objects.requireNonNull(warehouse, "warehouse");
      Objects.requireNonNull(runDate, "runDate");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /** The computed report: its data, headline, figures and page, not yet written. */
  public record Computed(ReportData data, Headline headline, List<Figure> figures, String html) {}

  private final Options options;
  private JsonNode manifest;

  public ReportAction(SparkSession spark, Options options) {
    super(
        spark,
        "report",
        List.of(POLICY_EVENTS_OPTION, MANIFEST_JSON_OPTION, PRIMARY_SOURCE_OPTION));
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Sets one option (see the constants); an unknown name throws IllegalArgumentException. */
  public ReportAction option(String name, String value) {
    set(name, value);
    return this;
  }

  /**
   * The manifest of the run in progress, as the tree the run builds (no text in between): the
   * pipeline's way of passing {@link #MANIFEST_JSON} when ingest and report run in one JVM.
   */
  public ReportAction manifest(JsonNode runManifest) {
    this.manifest = Objects.requireNonNull(runManifest, "runManifest");
    return this;
  }

  @Override
  protected ReportResult run() throws IOException {
    Warehouse warehouse =
        new Warehouse(options.warehouse(), spark.sparkContext().hadoopConfiguration());
    Computed c = compute(warehouse);
    long t = System.nanoTime();
    Path index = write(warehouse, c.html());
    lap("write", t);
    List<String> charts = c.figures().stream().filter(Figure::hasChart).map(Figure::id).toList();
    int drawn =
        (int)
            java.util.stream.IntStream.rangeClosed(1, c.data().policyEvents().size())
                .filter(
                    n ->
                        c.figures().stream()
                            .anyMatch(f -> f.hasChart() && f.eventsDrawn().contains(n)))
                .count();
    LOG.info(
        "report: {} ({} figures, {} charts, {} of {} policy events inside the data's span); {}",
        index,
        c.figures().size(),
        charts.size(),
        drawn,
        c.data().policyEvents().size(),
        String.join(" ", c.headline().lines()));
    return new ReportResult(
        options.runId(),
        options.runDate(),
        index.toString(),
        c.figures().stream().map(Figure::id).toList(),
        charts,
        c.headline().lines(),
        c.headline().cautions(),
        c.data().policyEvents().size(),
        drawn,
        c.html().getBytes(StandardCharsets.UTF_8).length,
        timings());
  }

  private static JsonNode parseManifest(String json) {
    try {
      return Manifests.parse(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          MANIFEST_JSON + " is not a JSON manifest: " + e.getMessage(), e);
    }
  }

  /**
   * The manifest to report: the one handed over, else {@link #MANIFEST_JSON}, else the latest on
   * disk.
   */
  private JsonNode manifest(Warehouse warehouse) throws IOException {
    if (manifest != null) {
      return manifest;
    }
    JsonNode given = get(MANIFEST_JSON_OPTION);
    return given != null ? given : Manifests.latest(warehouse);
  }

  /**
   * Reads the warehouse and renders the page, writing nothing (but a monthly aggregate missing
   * until now).
   */
  public Computed compute(Warehouse warehouse) throws IOException {
    long t = System.nanoTime();
    PolicyEvents.Loaded events =
        PolicyEvents.load(get(POLICY_EVENTS_OPTION), spark.sparkContext().hadoopConfiguration());
    JsonNode manifest = manifest(warehouse);
    ReportData.Run run =
        new ReportData.Run(
            options.runDate(),
            options.runId(),
            options.warehouse(),
            Manifests.text(manifest, "", "run_id"),
            Manifests.text(manifest, "", "reference_data", "route_rules_version"),
            Manifests.text(manifest, "", "reference_data", "route_rules_sha256"),
            Manifests.text(manifest, "", "reference_data", "route_rules_source"),
            List.of());
    ReportInputs inputs =
        new ReportInputs(spark, warehouse, options.runDate(), options.runId(), this::describe);
    ReportData data =
        ReportDataReader.read(inputs, warehouse, manifest, run, events, get(PRIMARY_SOURCE_OPTION));
    AnalogWaveFigure.Data waves = AnalogWaveFigure.read(inputs);
    t = lap("read", t);
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Headline headline = Headline.of(data);
    List<Figure> figures = new java.util.ArrayList<>(Figures.all(data));
    if (waves != null) { // after the route figures, before the data-quality ones
      figures.add(
          (int) figures.stream().filter(f -> f.section().equals(Figures.ROUTES)).count(),
          SchedulingNote.added(
              AnalogWaveFigure.figure(waves, data.policyEvents()),
              Manifests.text(manifest, "", "trends", "scheduling_source")));
    }
    figures.addAll(PolicyEffectSection.figures(spark, warehouse, options.runId(), events));
    t = lap("charts", t);
    String html = HtmlPage.render(data, headline, figures, Versions.fentrace());
    lap("page", t);
    return new Computed(data, headline, figures, html);
  }

  /**
   * Writes the page to the run's staging folder, then swaps {@code report/} into place; returns the
   * page's path.
   */
  private Path write(Warehouse warehouse, String html) throws IOException {
    describe("write " + REPORT + "/" + INDEX);
    FileSystem fs = warehouse.fs();
    Path staged = warehouse.layout().staged(options.runId(), REPORT);
    fs.delete(staged, true);
    fs.mkdirs(staged);
    try (FSDataOutputStream out = fs.create(new Path(staged, INDEX), true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    // Hadoop's local file system leaves a .index.html.crc beside the page: noise in a folder people
    // open.
    Path crc = new Path(staged, "." + INDEX + ".crc");
    if (fs.exists(crc)) {
      fs.delete(crc, false);
    }
    new PartitionPublisher(warehouse)
        .publishWhole(options.runId(), List.of(REPORT), FaultInjection.MID_PUBLISH_REPORT);
    return warehouse.layout().reportIndex();
  }
}
