package org.fentrace.aggregates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly aggregates of the warehouse ({@code _state/aggregates/<name>/}, one small Parquet
 * file each), kept in step with {@code seizures} and {@code shipments} so that trends and the
 * report never scan the history.
 *
 * <p>Ingestion calls {@link #stageMonths} with the partitions it has just staged: each aggregate is
 * staged as the live aggregate without the rewritten months plus the aggregate of their new rows,
 * and published by the same journal as the partitions, so the two can never disagree after a crash.
 * An aggregate that does not exist yet (a new warehouse, or one written before the aggregates
 * existed) is not staged by ingestion; {@link #read} builds it whole from its table the first time
 * it is needed. An aggregate is a few rows per month and key (hundreds per month), so rewriting the
 * file is cheap; what matters is that only the rewritten months are computed from table rows.
 */
public final class AggregateStore {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateStore.class);

  /**
   * The month column every aggregate is keyed by first: {@code yyyy-MM} of the event date, as the
   * partitions.
   */
  public static final String MONTH = "event_month";

  private final SparkSession spark;
  private final Warehouse warehouse;

  public AggregateStore(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public static Path root(Warehouse w) {
    return w.layout().aggregates();
  }

  public Path live(MonthlyAggregate a) {
    return warehouse.layout().aggregate(a.storeName());
  }

  /**
   * True once the aggregate has been built in its current layout (its folder has Spark's _SUCCESS,
   * an empty aggregate has no rows but has that, and its files hold every column the code now
   * computes). An aggregate in an older layout (for example written before the aggregates were
   * keyed by source) reads as absent, so ingestion leaves it alone and {@link #read}/{@link
   * #ensureAll} rebuild it whole from its table: an old warehouse migrates on its next trends run
   * without any manual step.
   */
  public boolean present(MonthlyAggregate a) throws IOException {
    if (!warehouse.fs().exists(org.fentrace.warehouse.WarehouseLayout.successMarker(live(a)))) {
      return false;
    }
    if (!Warehouse.holdsParquet(warehouse.fs(), live(a))) {
      return true;
    }
    // One small file: Spark reads its footer on the driver (no schema merge, no job).
    List<String> stored =
        Arrays.asList(spark.read().parquet(live(a).toString()).schema().fieldNames());
    boolean current = stored.containsAll(Arrays.asList(schema(a).fieldNames()));
    if (!current) {
      LOG.info(
          "aggregates: {} is in an older layout (columns {}); it will be rebuilt from its table",
          a.storeName(),
          stored);
    }
    return current;
  }

  /**
   * The schema of an aggregate, derived from its function over an empty table: files are read with
   * it, never inferred.
   */
  public StructType schema(MonthlyAggregate a) {
    return a.of(spark.createDataFrame(List.<Row>of(), withMonth(a.source()))).schema();
  }

  /**
   * Stages every present aggregate of {@code table} with {@code months} recomputed from {@code
   * rewritten} (the rows those months will hold, with the month column; null when they hold none)
   * and returns the moves that publish them. Aggregates not built yet are left to {@link #read}.
   */
  public List<PartitionPublisher.Move> stageMonths(
      WarehouseTable table, Dataset<Row> rewritten, Set<String> months, String runId)
      throws IOException {
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    if (months.isEmpty()) {
      return moves;
    }
    for (MonthlyAggregate a : MonthlyAggregate.values()) {
      if (a.source() != table || !present(a)) {
        continue;
      }
      spark
          .sparkContext()
          .setJobDescription(
              "fentrace ingest: aggregate " + months.size() + " month(s) into " + a.storeName());
      Dataset<Row> kept = readLive(a).filter(not(col(MONTH).isin(months.toArray())));
      Dataset<Row> rows = rewritten == null ? kept : kept.unionByName(a.of(rewritten));
      Path target = warehouse.layout().stagedAggregate(runId, a.storeName());
      write(rows, target);
      moves.add(new PartitionPublisher.Move(target.toString(), live(a).toString()));
    }
    return moves;
  }

  /**
   * The aggregate, months up to and including {@code lastMonth} (later months are never trended or
   * reported), built from its table first when it is missing.
   */
  public Dataset<Row> read(MonthlyAggregate a, YearMonth lastMonth, String runId)
      throws IOException {
    if (!present(a)) {
      build(a, runId);
    }
    return readLive(a).filter(col(MONTH).leq(lit(lastMonth.toString())));
  }

  /**
   * Builds every aggregate not built yet, each whole from its published table, and publishes them
   * through one journal. The trends step calls it first, so every aggregate exists after the first
   * trends run and ingestion keeps them all from then on.
   */
  public void ensureAll(String runId) throws IOException {
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    for (MonthlyAggregate a : MonthlyAggregate.values()) {
      if (!present(a)) {
        moves.add(stageWhole(a, runId));
      }
    }
    if (!moves.isEmpty()) {
      new PartitionPublisher(warehouse)
          .publish(new PartitionPublisher.Journal(runId, moves, List.of()));
    }
  }

  private void build(MonthlyAggregate a, String runId) throws IOException {
    new PartitionPublisher(warehouse)
        .publish(new PartitionPublisher.Journal(runId, List.of(stageWhole(a, runId)), List.of()));
  }

  private PartitionPublisher.Move stageWhole(MonthlyAggregate a, String runId) throws IOException {
    LOG.info(
        "aggregates: building {} from the whole {} table (first use; later runs update only rewritten months)",
        a.storeName(),
        a.source().tableName());
    spark
        .sparkContext()
        .setJobDescription(
            "fentrace: build aggregate " + a.storeName() + " from " + a.source().tableName());
    Path target = warehouse.layout().stagedAggregate(runId, a.storeName());
    write(a.of(readTable(a.source())), target);
    return new PartitionPublisher.Move(target.toString(), live(a).toString());
  }

  private Dataset<Row> readLive(MonthlyAggregate a) {
    return spark.read().schema(schema(a)).parquet(live(a).toString());
  }

  /** One file, rows sorted by every column, so equal aggregates are equal files. */
  private static void write(Dataset<Row> rows, Path target) {
    Column[] order = Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
    rows.repartition(1)
        .sortWithinPartitions(order)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(target.toString());
  }

  /**
   * A published partitioned table with its month column, or an empty frame when it has no partition
   * yet.
   */
  private Dataset<Row> readTable(WarehouseTable t) throws IOException {
    Path dir = warehouse.table(t.tableName());
    if (TableReads.isDelta(warehouse.fs(), dir)) {
      return warehouse.readTable(spark, dir, withMonth(t));
    }
    boolean partitions = false;
    if (warehouse.fs().exists(dir)) {
      for (FileStatus s : warehouse.fs().listStatus(dir)) {
        partitions |= s.isDirectory() && s.getPath().getName().startsWith(MONTH + "=");
      }
    }
    return partitions
        ? spark.read().schema(withMonth(t)).parquet(dir.toString())
        : spark.createDataFrame(List.<Row>of(), withMonth(t));
  }

  private static StructType withMonth(WarehouseTable t) {
    return SparkSchemas.structType(t).add(MONTH, DataTypes.StringType, false);
  }
}
