package org.fentrace.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.warehouse.TableReads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole night over {@code sample-data/} once with {@code fentrace.warehouse.format=parquet} and
 * once with {@code delta}: every published table holds the same rows (as multisets, read through
 * each format's own reader), every table of the Delta warehouse is a Delta table whose commits name
 * the run, and a second identical night adds no commit to any of them.
 */
class DeltaWarehouseIT {
  static final LocalDate NIGHT = LocalDate.of(2026, 11, 28);
  static final Map<String, String> DELTA = Map.of("fentrace.warehouse.format", "delta");

  @TempDir static Path tmp;
  static Path parquet;
  static Path delta;
  static String deltaRun;

  @BeforeAll
  static void runBothFormats() throws Exception {
    parquet = tmp.resolve("parquet");
    delta = tmp.resolve("delta");
    assertThat(night(parquet, Map.of()).exitCode()).isZero();
    Pipelines.Run run = night(delta, DELTA);
    assertThat(run.exitCode()).isZero();
    deltaRun = run.manifest().get("run_id").asText();
  }

  static Pipelines.Run night(Path warehouse, Map<String, String> conf) throws Exception {
    return Pipelines.execute(
        "run",
        EnumSet.allOf(PipelineRunner.Step.class),
        Path.of("sample-data"),
        warehouse,
        NIGHT,
        conf);
  }

  @Test
  void everyTableHoldsTheParquetFormatsRowsAndIsADeltaTableTaggedWithTheRun() throws Exception {
    List<String> tables = WarehouseComparison.tables(parquet.toString());
    // Normalized, quarantine, trend, sensitivity, effects and analog tables: more than a handful.
    assertThat(tables)
        .contains("seizures", "shipments", "lab_reports", "rejected", "route_monthly");
    WarehouseComparison.assertSameResults(parquet.toString(), delta.toString(), true);
    SparkSession spark = SharedSpark.session();
    for (String t : tables) {
      assertThat(delta.resolve(t).resolve("_delta_log")).as("%s is a Delta table", t).isDirectory();
      List<Row> history =
          DeltaTable.forPath(spark, delta.resolve(t).toString())
              .history()
              .select("version", "userMetadata")
              .collectAsList();
      for (Row r : history) {
        assertThat(TableReads.runOf(r.getString(1)))
            .as("run named by commit %s of %s", r.getLong(0), t)
            .isEqualTo(deltaRun);
      }
    }
  }

  @Test
  void aSecondIdenticalNightAddsNoCommit() throws Exception {
    Path again = tmp.resolve("delta-again");
    copy(delta, again);
    Map<String, Long> before = latestVersions(again);
    Pipelines.Run second = night(again, DELTA);
    assertThat(second.exitCode()).isZero();
    assertThat(latestVersions(again)).isEqualTo(before);
    WarehouseComparison.assertSameResults(parquet.toString(), again.toString(), true);
  }

  /**
   * A reader that is not Spark: Delta Kernel (its default engine) reads the Delta warehouse's
   * {@code seizures} through the log, and finds row for row what Spark reads from the Parquet
   * warehouse's folders: for every candidate key (record id, file, line) the same month, kilograms
   * and route. The expected rows come from the other format's files, through another reader.
   */
  @Test
  void deltaKernelReadsTheSameSeizuresWithoutSpark() throws Exception {
    Map<String, String> byKernel = new java.util.TreeMap<>();
    io.delta.kernel.engine.Engine engine =
        io.delta.kernel.defaults.engine.DefaultEngine.create(
            new org.apache.hadoop.conf.Configuration());
    io.delta.kernel.Snapshot snapshot =
        io.delta.kernel.Table.forPath(engine, delta.resolve("seizures").toString())
            .getLatestSnapshot(engine);
    assertThat(snapshot.getPartitionColumnNames()).containsExactly("event_month");
    io.delta.kernel.Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row scanState = scan.getScanState(engine);
    io.delta.kernel.types.StructType physical =
        io.delta.kernel.internal.data.ScanStateRow.getPhysicalDataReadSchema(scanState);
    try (var files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (var fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            io.delta.kernel.data.Row file = fileRows.next();
            var status = io.delta.kernel.internal.InternalScanFileUtils.getAddFileStatus(file);
            var data =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        io.delta.kernel.internal.util.Utils.singletonCloseableIterator(status),
                        physical,
                        java.util.Optional.empty())
                    .map(io.delta.kernel.engine.FileReadResult::getData);
            try (var logical =
                io.delta.kernel.Scan.transformPhysicalData(engine, scanState, file, data)) {
              while (logical.hasNext()) {
                try (var batch = logical.next().getRows()) {
                  while (batch.hasNext()) {
                    io.delta.kernel.data.Row r = batch.next();
                    var schema = r.getSchema();
                    int kg = schema.indexOf("quantity_kg");
                    int route = schema.indexOf("route");
                    String key =
                        r.getString(schema.indexOf("record_id"))
                            + "|"
                            + r.getString(schema.indexOf("source_file"))
                            + "|"
                            + r.getLong(schema.indexOf("source_line"));
                    String value =
                        r.getString(schema.indexOf("event_month"))
                            + "|"
                            + (r.isNullAt(kg) ? null : r.getDecimal(kg).toPlainString())
                            + "|"
                            + (r.isNullAt(route) ? null : r.getString(route));
                    assertThat(byKernel.put(key, value)).as("one row of %s", key).isNull();
                  }
                }
              }
            }
          }
        }
      }
    }
    Map<String, String> bySpark = new java.util.TreeMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(parquet.resolve("seizures").toString())
            .select(
                "record_id", "source_file", "source_line", "event_month", "quantity_kg", "route")
            .collectAsList()) {
      bySpark.put(
          r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2),
          r.getString(3)
              + "|"
              + (r.isNullAt(4) ? null : r.getDecimal(4).toPlainString())
              + "|"
              + (r.isNullAt(5) ? null : r.getString(5)));
    }
    assertThat(bySpark).isNotEmpty();
    assertThat(byKernel).isEqualTo(bySpark);
  }

  /** A copy of a local warehouse, modification times kept (the ledger compares them). */
  static Path copy(Path from, Path to) throws Exception {
    try (java.util.stream.Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  /** Each table's latest Delta version. */
  static Map<String, Long> latestVersions(Path warehouse) throws Exception {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : WarehouseComparison.tables(warehouse.toString())) {
      m.put(
          t,
          DeltaTable.forPath(SharedSpark.session(), warehouse.resolve(t).toString())
              .history(1)
              .collectAsList()
              .get(0)
              .getAs("version"));
    }
    return m;
  }
}
