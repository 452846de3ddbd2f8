package org.fentrace.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.testing.Deliveries.deliver;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.Deliveries;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The monthly aggregates (recomputed for the months a night rewrites, so that a night's cost
 * follows its new data): trends and the report read only them, a night keeps them equal to
 * aggregates computed from the whole tables, and a warehouse without them (written before they
 * existed) gets them built once, to the same trend tables.
 */
class MonthlyAggregatesIT {
  static final String SEIZURES = Deliveries.SEIZURE_HEADER;
  static final String SHIPMENTS = Deliveries.SHIPMENT_HEADER;

  @TempDir Path tmp;

  /**
   * Two nights: January and February, then March plus a correction of January; shipments link to
   * seizures.
   */
  Path twoNights(Path landing, Path warehouse) throws Exception {
    deliver(
        landing,
        "ships1.csv",
        1,
        SHIPMENTS
            + "SH1,2024-01-03,PRC,international mail,fentanyl powder,Acme Trading,John Q Public,0.4,kg\n"
            + "SH2,2024-02-04,CN,air cargo,tablet press machine,Press Co,Jane Roe,350,kg\n");
    deliver(
        landing,
        "day1.csv",
        1,
        SEIZURES
            + "A1,2024-01-05,fentanyl,2,kg,Southwest Border,truck,MX,\n"
            + "A2,2024-01-06,acetyl fentanyl,0.3,kg,Coastal/Interior,international mail,,SH1\n"
            + "A3,2024-02-07,fentanyl,500,pills,Southwest Border,pedestrian,,\n"
            + "A4,2024-02-08,carfentanil,0.01,kg,,,CN,\n");
    assertThat(Pipelines.run(landing, warehouse, LocalDate.of(2024, 6, 1)).exitCode()).isZero();
    deliver(
        landing,
        "day2.csv",
        2,
        SEIZURES
            + "B1,2024-03-01,fentanyl,1,kg,Southwest Border,truck,MX,\n"
            + "B2,2024-03-02,para-fluorofentanyl,0.2,kg,Coastal/Interior,express consignment,HK,\n");
    deliver(
        landing,
        "day1.csv",
        3,
        SEIZURES
            + "A1,2024-01-05,fentanyl,2.5,kg,Southwest Border,truck,MX,\n"
            + "A2,2024-01-06,acetyl fentanyl,0.3,kg,Coastal/Interior,international mail,,SH1\n"
            + "A3,2024-02-07,fentanyl,500,pills,Southwest Border,pedestrian,,\n");
    assertThat(Pipelines.run(landing, warehouse, LocalDate.of(2024, 6, 2)).exitCode()).isZero();
    return warehouse;
  }

  @Test
  void nightsKeepTheAggregatesEqualToTheTablesAndTrendsReadNothingElse() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = twoNights(landing, tmp.resolve("warehouse"));
    WarehouseComparison.assertAggregatesMatchTables(wh.toString());

    // A night with nothing new, with the report: record the folders every query reads. Its run
    // date is in a month after the last night's, so route sensitivity (which reads up to the run
    // date's month) is computed again, and must read its fact cells, not the seizures.
    List<String> read = Collections.synchronizedList(new ArrayList<>());
    SparkSession spark = SharedSpark.session();
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            read.addAll(scannedFolders(qe));
          }

          @Override
          public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            read.addAll(scannedFolders(qe));
          }
        };
    spark.listenerManager().register(listener);
    try {
      var run =
          Pipelines.execute(
              "run",
              EnumSet.allOf(PipelineRunner.Step.class),
              landing,
              wh,
              LocalDate.of(2024, 7, 1),
              Map.of());
      assertThat(run.exitCode()).isZero();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(listener);
    }
    String root = wh.toUri().getPath().replaceAll("/$", "");
    List<String> relative =
        read.stream().map(p -> p.replace(root, "W")).distinct().sorted().toList();
    assertThat(relative)
        .as("folders read by trends and the report")
        .contains(
            "W/_state/aggregates/seizure_cells",
            "W/_state/aggregates/analog_cells",
            "W/_state/aggregates/seizure_sources",
            "W/_state/aggregates/shipment_cells",
            "W/_state/aggregates/route_fact_cells",
            "W/rejected") // the quarantine is still counted from its table: this listener sees
        // table reads
        .doesNotContain("W/seizures", "W/shipments");
  }

  /** Root folders of the file scans of a query (its analyzed plan's file relations). */
  static List<String> scannedFolders(QueryExecution qe) {
    List<String> out = new ArrayList<>();
    for (LogicalPlan leaf : CollectionConverters.asJava(qe.analyzed().collectLeaves())) {
      if (leaf instanceof LogicalRelation r && r.relation() instanceof HadoopFsRelation fs) {
        for (org.apache.hadoop.fs.Path p : CollectionConverters.asJava(fs.location().rootPaths())) {
          out.add(p.toUri().getPath().replaceAll("/$", ""));
        }
      }
    }
    return out;
  }

  @Test
  void aWarehouseWithoutAggregatesGetsThemBuiltToTheSameTrends() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = twoNights(landing, tmp.resolve("warehouse"));
    Path before = tmp.resolve("before");
    FileUtils.copyDirectory(wh.toFile(), before.toFile());
    // As a warehouse written before the aggregates existed: tables and trends, no
    // _state/aggregates.
    FileUtils.deleteDirectory(wh.resolve("_state/aggregates").toFile());
    var trends =
        Pipelines.execute(
            "trends",
            EnumSet.of(PipelineRunner.Step.TRENDS),
            landing,
            wh,
            LocalDate.of(2024, 6, 2),
            Map.of());
    assertThat(trends.exitCode()).isZero();
    WarehouseComparison.assertAggregatesMatchTables(wh.toString());
    WarehouseContents.assertSame(before, wh);
  }

  @Test
  void aggregatesStoredWithoutTheSourceColumnAreRebuiltToTheSameTrends() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = twoNights(landing, tmp.resolve("warehouse"));
    Path before = tmp.resolve("before");
    FileUtils.copyDirectory(wh.toFile(), before.toFile());
    // As a warehouse whose aggregates were written before they were keyed by source: same folders,
    // the
    // source columns missing. Summing them would add sources together, so they must be rebuilt.
    SparkSession spark = SharedSpark.session();
    for (String name : List.of("seizure_cells", "analog_cells", "shipment_cells")) {
      Path live = wh.resolve("_state/aggregates").resolve(name);
      Path old = tmp.resolve("old-" + name);
      spark
          .read()
          .parquet(live.toString())
          .drop("source", "source_file", "first_date", "last_date")
          .coalesce(1)
          .write()
          .parquet(old.toString());
      FileUtils.deleteDirectory(live.toFile());
      FileUtils.moveDirectory(old.toFile(), live.toFile());
      assertThat(List.of(spark.read().parquet(live.toString()).columns())).doesNotContain("source");
    }
    var trends =
        Pipelines.execute(
            "trends",
            EnumSet.of(PipelineRunner.Step.TRENDS),
            landing,
            wh,
            LocalDate.of(2024, 6, 2),
            Map.of());
    assertThat(trends.exitCode()).isZero();
    for (String name : List.of("seizure_cells", "analog_cells", "shipment_cells")) {
      assertThat(
              List.of(
                  spark
                      .read()
                      .parquet(wh.resolve("_state/aggregates").resolve(name).toString())
                      .columns()))
          .as(name)
          .contains("source");
    }
    WarehouseComparison.assertAggregatesMatchTables(wh.toString());
    WarehouseContents.assertSame(before, wh);
  }
}
