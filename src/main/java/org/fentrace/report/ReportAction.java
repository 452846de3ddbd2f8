package org.fentrace.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.fentrace.config.Versions;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the analyst report, {@code WAREHOUSE/report/index.html}: one static page with
 * every chart inline as SVG (JFreeChart rendered by JFreeSVG), the data behind each chart as a table, the
 * policy events drawn on every time chart, a headline computed from the data, and the data-quality
 * numbers of the latest run manifest.
 *
 * <p>{@link #compute} reads the trend tables (collected whole: they are small), aggregates
 * {@code seizures}, {@code shipments} and {@code rejected} with Spark (one scan each, only aggregates
 * collected), and renders the page in memory. {@link #execute} then writes it to
 * {@code WAREHOUSE/_staging/<runId>/report/} and swaps that folder into place with
 * {@link Warehouse#publish}, so a reader sees the old report or the new one.
 *
 * <pre>{@code
 * ReportResult r = new ReportAction(spark, new ReportAction.Options(warehouse, runDate, runId))
 *     .option(ReportAction.POLICY_EVENTS, "jobs/conf/policy-events.csv")   // default: bundled copy
 *     .execute();
 * }</pre>
 */
public final class ReportAction {
  private static final Logger LOG = LoggerFactory.getLogger(ReportAction.class);

  /** The folder under the warehouse, and the page in it. */
  public static final String REPORT = "report";
  public static final String INDEX = "index.html";
  /** Option: path of the policy events CSV (any Hadoop URI); default the bundled {@code /conf/policy-events.csv}. */
  public static final String POLICY_EVENTS = "policy-events";
  /**
   * Option: the run manifest to report data quality from, as JSON text. The pipeline passes the manifest of
   * the run in progress (written only when the run ends); default: the latest {@code _runs/*.json}.
   */
  public static final String MANIFEST_JSON = "manifest-json";
  /**
   * Option: the source every figure and the headline use (a {@link org.fentrace.core.Source} id). Not
   * set: the source covering the most months of the latest fiscal year any seizure source covers.
   */
  public static final String PRIMARY_SOURCE = "primary-source";
  /** Every table the report reads. */
  public static final List<String> SOURCE_TABLES = List.of(TrendsAction.ROUTE_MONTHLY, TrendsAction.ROUTE_FISCAL_YEAR,
      TrendsAction.ROUTE_MONTHLY_BY_FORM, TrendsAction.ROUTE_TRENDS, TrendsAction.ROUTE_LEAD_CHANGES,
      TrendsAction.PILL_PRESS_MONTHLY, TrendsAction.ANALOG_WATCH, "seizures", "shipments", "rejected");

  /** Where the warehouse is, the run date shown on every figure, and the run id (staging folder). */
  public record Options(String warehouse, LocalDate runDate, String runId) {
    public Options {
      Objects.requireNonNull(warehouse, "warehouse");
      Objects.requireNonNull(runDate, "runDate");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /** The computed report: its data, headline, figures and page, not yet written. */
  public record Computed(ReportData data, Headline headline, List<Figure> figures, String html) {}

  private final SparkSession spark;
  private final Options options;
  private String policyEvents;
  private String manifestJson;
  private String primarySource;
  private final Map<String, Long> timings = new LinkedHashMap<>();

  public ReportAction(SparkSession spark, Options options) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Sets one option (see the constants); an unknown name throws IllegalArgumentException. */
  public ReportAction option(String name, String value) {
    switch (Objects.requireNonNull(name, "option name")) {
      case POLICY_EVENTS -> policyEvents = value;
      case MANIFEST_JSON -> manifestJson = value;
      case PRIMARY_SOURCE -> primarySource = value == null || value.isBlank() ? null
          : org.fentrace.core.Source.fromId(value.strip()).id();
      default -> throw new IllegalArgumentException("unknown report option '" + name + "'");
    }
    return this;
  }

  public ReportResult execute() throws IOException {
    Warehouse warehouse = new Warehouse(options.warehouse(), spark.sparkContext().hadoopConfiguration());
    try {
      Computed c = compute(warehouse);
      long t = System.nanoTime();
      Path index = write(warehouse, c.html());
      lap("write", t);
      List<String> charts = c.figures().stream().filter(Figure::hasChart).map(Figure::id).toList();
      int drawn = (int) java.util.stream.IntStream.rangeClosed(1, c.data().policyEvents().size())
          .filter(n -> c.figures().stream().anyMatch(f -> f.hasChart() && f.eventsDrawn().contains(n))).count();
      LOG.info("report: {} ({} figures, {} charts, {} of {} policy events inside the data's span); {}", index,
          c.figures().size(), charts.size(), drawn, c.data().policyEvents().size(), String.join(" ", c.headline().lines()));
      return new ReportResult(options.runId(), options.runDate(), index.toString(),
          c.figures().stream().map(Figure::id).toList(), charts, c.headline().lines(), c.headline().cautions(),
          c.data().policyEvents().size(), drawn, c.html().getBytes(StandardCharsets.UTF_8).length, timings);
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /** Reads the warehouse and renders the page, writing nothing (but a monthly aggregate missing until now). */
  public Computed compute(Warehouse warehouse) throws IOException {
    long t = System.nanoTime();
    PolicyEvents.Loaded events = PolicyEvents.load(policyEvents, spark.sparkContext().hadoopConfiguration());
    JsonNode manifest = manifestJson != null ? Manifests.parse(manifestJson) : Manifests.latest(warehouse);
    ReportData.Run run = new ReportData.Run(options.runDate(), options.runId(), options.warehouse(),
        Manifests.text(manifest, "", "run_id"), Manifests.text(manifest, "", "reference_data", "route_rules_version"),
        Manifests.text(manifest, "", "reference_data", "route_rules_sha256"),
        Manifests.text(manifest, "", "reference_data", "route_rules_source"), List.of());
    ReportInputs inputs = new ReportInputs(spark, warehouse, options.runDate(), options.runId(),
        what -> spark.sparkContext().setJobDescription("fentrace report: " + what));
    ReportData data = ReportDataReader.read(inputs, warehouse, manifest, run, events, primarySource);
    t = lap("read", t);
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Headline headline = Headline.of(data);
    List<Figure> figures = Figures.all(data);
    t = lap("charts", t);
    String html = HtmlPage.render(data, headline, figures, Versions.fentrace());
    lap("page", t);
    return new Computed(data, headline, figures, html);
  }

  /** Writes the page to the run's staging folder, then swaps {@code report/} into place; returns the page's path. */
  private Path write(Warehouse warehouse, String html) throws IOException {
    spark.sparkContext().setJobDescription("fentrace report: write " + REPORT + "/" + INDEX);
    FileSystem fs = warehouse.fs();
    Path staged = new Path(warehouse.staging(options.runId()), REPORT);
    fs.delete(staged, true);
    fs.mkdirs(staged);
    try (FSDataOutputStream out = fs.create(new Path(staged, INDEX), true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    // Hadoop's local file system leaves a .index.html.crc beside the page: noise in a folder people open.
    Path crc = new Path(staged, "." + INDEX + ".crc");
    if (fs.exists(crc)) {
      fs.delete(crc, false);
    }
    warehouse.publish(REPORT, options.runId());
    removeIfEmpty(fs, warehouse.staging(options.runId()));
    removeIfEmpty(fs, new Path(new Path(warehouse.root(), "_trash"), options.runId()));
    return new Path(warehouse.table(REPORT), INDEX);
  }

  private static void removeIfEmpty(FileSystem fs, Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }

  private long lap(String step, long since) {
    long now = System.nanoTime();
    timings.put(step, (now - since) / 1_000_000);
    return now;
  }
}
