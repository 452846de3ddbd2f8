package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.routes.RouteAttribution;
import org.fentrace.routes.RouteRules;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests a landing folder into the {@code seizures}, {@code shipments} and {@code rejected} tables.
 *
 * <p>Steps: scan the landing folder and recognise each file from its header (driver); parse and
 * normalize every file in one pass, one task per file (executors); decide revisions and duplicates;
 * attribute routes (seizures take missing countries from their linked shipment); write each table to staging and swap it into place; account for every row per file. The computing
 * part ends in {@link #execute()}'s {@link IngestResult}; the manifest is written by the caller.
 */
public final class IngestAction {
  private static final Logger LOG = LoggerFactory.getLogger(IngestAction.class);
  private static final int MAX_REJECT_EXAMPLES = 20;

  /** Typed, validated options. */
  public record Options(String landing, String warehouse, String runId, LocalDate runDate,
      NormalizationContext context, RouteRules routeRules, double maxRejectRate) {}

  private final SparkSession spark;
  private final Options options;
  private final Map<String, Long> timings = new LinkedHashMap<>();

  public IngestAction(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  public IngestResult execute() throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long t = System.nanoTime();
    List<LandingFile> files = new LandingScanner(jsc.hadoopConfiguration()).scan(options.landing());
    List<LandingFile> readable = files.stream().filter(LandingFile::isRead).toList();
    t = lap("scan_landing", t);
    LOG.info("scan: {} landing files under {}, {} readable, {} skipped", files.size(), options.landing(),
        readable.size(), files.size() - readable.size());
    for (LandingFile f : files) {
      if (f.problem() != null) {
        LOG.warn("file {}: {}", f.relativePath(), f.problem());
      }
    }

    Warehouse warehouse = new Warehouse(options.warehouse(), jsc.hadoopConfiguration());
    jsc.setJobDescription("fentrace ingest: parse and normalize " + readable.size() + " files");
    JavaRDD<Row> parsed = jsc.parallelize(readable, Math.max(1, readable.size()))
        .flatMap(new FileParser(options.context(), new SerializableHadoopConf(jsc.hadoopConfiguration()), options.runId()));
    Dataset<Row> envelopes = spark.createDataFrame(parsed, Envelope.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Integer, Row> stats = new HashMap<>();
      for (Row r : envelopes.filter(col("kind").equalTo(Envelope.STATS)).select("file_index", "stats").collectAsList()) {
        stats.put(r.getInt(0), r.getStruct(1));
      }
      t = lap("parse_normalize", t);

      jsc.setJobDescription("fentrace ingest: CBP fiscal-year coverage");
      List<Deduplication.CbpCoverage> coverage = new ArrayList<>();
      for (Row r : envelopes.filter(col("kind").equalTo(Envelope.SEIZURE)
              .and(col("seizure.source_format").isin("cbp_nationwide", "cbp_amo")))
          .groupBy(col("seizure.source_format"), col("file_index"), col("seizure.fiscal_year"))
          .agg(max(col("seizure.event_date")).as("latest")).collectAsList()) {
        coverage.add(new Deduplication.CbpCoverage(r.getString(0), r.getInt(1), r.getInt(2),
            r.getDate(3).toLocalDate().toEpochDay()));
      }
      List<String> owners = Deduplication.cbpYearOwners(coverage);
      Dataset<Row> marked = Deduplication.mark(envelopes, owners).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        jsc.setJobDescription("fentrace ingest: account for every row");
        List<Row> counts = marked.groupBy(col("file_index"), col("kind"), col("outcome"), col("rejected.reason_code"),
                when(col("seizure.origin_country").isNull().and(col("seizure.origin_country_raw").isNotNull()), lit(1))
                    .when(col("shipment.origin_country").isNull().and(col("shipment.origin_country_raw").isNotNull()), lit(1))
                    .otherwise(lit(0)).as("unknown_origin"))
            .agg(count(lit(1)))
            .collectAsList();
        t = lap("deduplicate_count", t);

        Map<String, Long> tableRows = new LinkedHashMap<>();
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        Dataset<Row> seizures = marked.filter(col("kind").equalTo(Envelope.SEIZURE)
            .and(col("outcome").equalTo(Deduplication.NORMALIZED))).select("seizure.*");
        Dataset<Row> shipments = marked.filter(col("kind").equalTo(Envelope.SHIPMENT)
            .and(col("outcome").equalTo(Deduplication.NORMALIZED))).select("shipment.*");
        write(warehouse, WarehouseTable.SEIZURES, RouteAttribution.seizures(seizures, shipments, options.routeRules()));
        write(warehouse, WarehouseTable.SHIPMENTS, RouteAttribution.shipments(shipments, options.routeRules()));
        write(warehouse, WarehouseTable.REJECTED, marked.filter(col("kind").equalTo(Envelope.REJECT)).select("rejected.*"));
        t = lap("write_tables", t);
        for (WarehouseTable table : WarehouseTable.values()) {
          warehouse.publish(table.tableName(), options.runId());
          partitions.put(table.tableName(), listPartitions(warehouse, table));
        }
        warehouse.cleanUp(options.runId());
        lap("publish_tables", t);

        List<FileReport> reports = Accounting.reports(files, stats, counts);
        for (FileReport r : reports) {
          tableRows.merge(tableOf(r.format()), r.normalized(), Long::sum);
          tableRows.merge(WarehouseTable.REJECTED.tableName(), r.rejected(), Long::sum);
        }
        tableRows.remove("none");
        List<String> failures = Accounting.qualityFailures(reports, options.maxRejectRate());
        return new IngestResult(options.runId(), options.runDate(), reports, tableRows, partitions,
            Map.copyOf(timings), failures, rejectExamples(marked));
      } finally {
        marked.unpersist();
      }
    } finally {
      envelopes.unpersist();
    }
  }

  /** The first quarantined rows, as "file line N: REASON: message", for the console. */
  private List<String> rejectExamples(Dataset<Row> marked) {
    spark.sparkContext().setJobDescription("fentrace ingest: examples of rejected rows");
    List<String> examples = new ArrayList<>();
    for (Row r : marked.filter(col("kind").equalTo(Envelope.REJECT))
        .select("rejected.source_file", "rejected.source_line", "rejected.reason_code", "rejected.message")
        .orderBy("source_file", "source_line").limit(MAX_REJECT_EXAMPLES).collectAsList()) {
      examples.add(r.getString(0) + " line " + r.getLong(1) + ": " + r.getString(2) + ": " + r.getString(3));
    }
    return examples;
  }

  private void write(Warehouse warehouse, WarehouseTable table, Dataset<Row> rows) {
    spark.sparkContext().setJobDescription("fentrace ingest: write " + table.tableName());
    warehouse.writeStaged(rows, table, options.runId());
  }

  private static String tableOf(String format) {
    if (format == null) {
      return "none";
    }
    return format.equals("customs_shipments") ? WarehouseTable.SHIPMENTS.tableName() : WarehouseTable.SEIZURES.tableName();
  }

  private static List<String> listPartitions(Warehouse warehouse, WarehouseTable table) throws IOException {
    List<String> names = new ArrayList<>();
    if (table.partitionColumn() == null) {
      return names;
    }
    for (org.apache.hadoop.fs.FileStatus s : warehouse.fs().listStatus(warehouse.table(table.tableName()))) {
      if (s.isDirectory() && s.getPath().getName().startsWith(table.partitionColumn() + "=")) {
        names.add(s.getPath().getName());
      }
    }
    names.sort(null);
    return names;
  }

  private long lap(String step, long since) {
    long now = System.nanoTime();
    timings.put(step, (now - since) / 1_000_000);
    return now;
  }
}
