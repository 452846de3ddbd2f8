package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.fentrace.generate.LandingGenerator;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the ingest sends to the driver grows with the rows it reads. The same night (one month,
 * one seizure file and one shipment file, so the same files, months and partitions) is ingested at
 * N and at 10N rows while a listener adds up every task's result size ({@code
 * TaskMetrics.resultSize}: what a task hands the driver, collected rows and broadcast builds
 * included). Per-file, per-month and per-partition results are the same size at both sizes; a
 * result that carried one value per row would grow with the 9N added rows.
 *
 * <p>The yardstick is measured, not assumed: collecting the published {@code record_id} of every
 * seizure, at N and at 10N, through the same listener, is what a row-level collect of the narrowest
 * useful column costs for those 9N rows. The ingest's growth must stay under half of it, for the
 * collects and for the broadcasts separately. (Broadcast joins of ids a night touched are allowed
 * up to a fixed number of rows, {@code fentrace.ingest.broadcast-max-ids}, so they grow with the
 * few revised and shipment-linked rows below that cap: a small share of the rows, well under one id
 * per row.)
 */
class DriverResultSizeIT {
  private static final long N = 1_000;
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);

  @TempDir Path tmp;

  /** Result bytes of finished tasks, split by whether their job builds a broadcast. */
  static final class ResultBytes extends SparkListener {
    private final Map<Integer, Boolean> broadcastStage = new ConcurrentHashMap<>();
    long collected;
    long broadcast;

    @Override
    public void onJobStart(SparkListenerJobStart job) {
      String tags =
          job.properties() == null ? null : job.properties().getProperty("spark.job.tags");
      // Spark tags the jobs that build a broadcast relation "broadcast exchange (runId ...)".
      boolean isBroadcast = tags != null && tags.contains("broadcast exchange");
      scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds())
          .forEach(s -> broadcastStage.put((Integer) s, isBroadcast));
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() == null) {
        return;
      }
      long bytes = end.taskMetrics().resultSize();
      if (broadcastStage.getOrDefault(end.stageId(), false)) {
        broadcast += bytes;
      } else {
        collected += bytes;
      }
    }
  }

  @Test
  void resultsSentToTheDriverDoNotGrowWithRows() throws Exception {
    ResultBytes small = ingest(N);
    ResultBytes large = ingest(10 * N);
    long idsSmall = collectRecordIds(tmp.resolve("w" + N));
    long idsLarge = collectRecordIds(tmp.resolve("w" + 10 * N));
    long yardstick = idsLarge - idsSmall;
    System.out.printf(
        "driver result bytes at %d / %d rows: collected %d / %d, broadcast %d / %d; record ids %d / %d%n",
        N,
        10 * N,
        small.collected,
        large.collected,
        small.broadcast,
        large.broadcast,
        idsSmall,
        idsLarge);
    // Sanity of the yardstick itself: 9N more ids cost at least a byte each (LZ4 cannot squeeze an
    // id of a dozen characters below that), else the comparison below would prove nothing.
    assertThat(yardstick).as("bytes of 9N more record ids").isGreaterThan(9 * N);
    assertThat(large.collected - small.collected)
        .as(
            "growth of the bytes collected by the ingest (%d at N, %d at 10N) against %d for one id per added row",
            small.collected, large.collected, yardstick)
        .isLessThan(yardstick / 2);
    assertThat(large.broadcast - small.broadcast)
        .as(
            "growth of the bytes broadcast by the ingest (%d at N, %d at 10N) against %d for one id per added row",
            small.broadcast, large.broadcast, yardstick)
        .isLessThan(yardstick / 2);
  }

  /** Generates one month of landing with {@code rows} seizure rows and ingests it, measured. */
  private ResultBytes ingest(long rows) throws Exception {
    Path landing = tmp.resolve("l" + rows);
    // One chunk: one seizure and one shipment file at every size; 3% bad rows, under the 5% gate,
    // and at least the 20 quarantine examples per file at N already.
    LandingGenerator.generate(
        new LandingGenerator.Options(rows, landing, 7, LocalDate.of(2023, 3, 1), 28, 1, 0.03, 0.3));
    ResultBytes bytes = new ResultBytes();
    Pipelines.Run run =
        measured(bytes, () -> Pipelines.ingest(landing, tmp.resolve("w" + rows), RUN_DATE));
    assertThat(run.exitCode()).as("ingest of %d rows", rows).isEqualTo(0);
    return bytes;
  }

  /** Result bytes of collecting every published seizure's record_id. */
  private static long collectRecordIds(Path warehouse) throws Exception {
    SparkSession spark = SharedSpark.session();
    ResultBytes bytes = new ResultBytes();
    measured(
        bytes,
        () ->
            spark
                .read()
                .parquet(
                    new org.fentrace.warehouse.Warehouse(
                            warehouse.toString(), sc().hadoopConfiguration())
                        .table(org.fentrace.warehouse.WarehouseTable.SEIZURES)
                        .toString())
                .select("record_id")
                .collectAsList());
    return bytes.collected;
  }

  private static SparkContext sc() {
    return SharedSpark.session().sparkContext();
  }

  private interface Work<T> {
    T run() throws IOException;
  }

  private static <T> T measured(ResultBytes bytes, Work<T> work) throws Exception {
    SparkContext sc = SharedSpark.session().sparkContext();
    sc.addSparkListener(bytes);
    try {
      return work.run();
    } finally {
      sc.listenerBus().waitUntilEmpty();
      sc.removeSparkListener(bytes);
    }
  }
}
