package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.InputFormat;
import org.fentrace.state.PartitionPublisher;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every normalized row of every delivery still in the ledger, winners and losers alike: the
 * <em>candidates</em> among which revisions are decided. Keeping the losers is what lets an
 * incremental run decide revisions exactly as a clean run would: when a newer delivery is corrected
 * or pruned, the version it had superseded is still here to win again.
 *
 * <p>Most candidates are their record's winner and are published as delivered (only the route
 * columns are added), so they are not stored twice: the candidates are the published rows that are
 * {@linkplain #publishedAsDelivered as delivered}, with their route columns cleared, plus the
 * <em>other versions</em> kept in {@code _state/other_versions/<table>/event_month=yyyy-MM}: the
 * losers (duplicates, superseded versions) and, for seizures, the winners that name a shipment
 * (route attribution may fill their countries from it, so the published row is not the delivered
 * one). Analysts never read this. Warehouses written by earlier builds kept every candidate in
 * {@code _state/candidates/}; {@link #migrateLegacyLayout} converts them once.
 */
final class CandidateStore {
  private static final Logger LOG = LoggerFactory.getLogger(CandidateStore.class);
  static final String MONTH = "event_month";

  /** Identifies one candidate row: a record's version as delivered on one line of one file. */
  static final List<String> KEY = List.of("record_id", "source_file", "source_line");

  private final SparkSession spark;
  private final Warehouse warehouse;

  /**
   * The Delta version of each table this store read, as it first read it ({@link
   * #readPartitioned}).
   */
  private final Map<Path, Long> pinnedVersions = new HashMap<>();

  CandidateStore(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Where the other versions of a table are kept. */
  static Path otherVersions(Warehouse w, WarehouseTable t) {
    return w.layout().otherVersions(t.tableName());
  }

  /** Where warehouses written by earlier builds kept every candidate. */
  static Path legacyCandidates(Warehouse w, WarehouseTable t) {
    return w.layout().legacyCandidates(t.tableName());
  }

  /**
   * True for a published row that is its record's winning candidate exactly as delivered, apart
   * from the route columns: every shipment, and every seizure that names no shipment (no country
   * can have been filled from one).
   */
  static Column publishedAsDelivered(WarehouseTable t) {
    return t == WarehouseTable.SEIZURES ? col("shipment_id").isNull() : lit(true);
  }

  /**
   * The candidate a published row was routed from: route columns as the normalizer leaves them
   * (null).
   */
  private static Dataset<Row> unrouted(Dataset<Row> published) {
    Dataset<Row> rows = published;
    for (String c : List.of("route", "route_rule", "route_confidence")) {
      rows = rows.withColumn(c, lit(null).cast(DataTypes.StringType));
    }
    return rows;
  }

  static StructType withMonth(WarehouseTable t) {
    return SparkSchemas.structType(t).add(MONTH, DataTypes.StringType, false);
  }

  /** "01" to "12", indexed from 1 like {@code element_at}. */
  private static final Column TWO_DIGIT_MONTHS =
      lit(
          IntStream.rangeClosed(1, 12)
              .mapToObj(m -> String.format("%02d", m))
              .toArray(String[]::new));

  /**
   * The month of each row's event date, {@code yyyy-MM}: what {@code date_format(event_date,
   * "yyyy-MM")} gives, built from the date's year and month numbers instead, the month's two digits
   * taken from a list of the twelve. It is computed for every row of every table several times in a
   * load (the decisions' index, each staging's filter and write): {@code date_format} turns every
   * date into a zoned timestamp and runs a {@code DateTimeFormatter} on it, and padding the numbers
   * with {@code lpad} cost as much; this form takes about half the time of the padded one and 0.56
   * of {@code date_format}'s (docs/benchmarks-journal.md). A year outside 1000 to 9999, which is
   * not four digits, still goes through {@code date_format}.
   */
  static Column month() {
    Column date = col("event_date");
    Column year = year(date);
    Column fast =
        concat(
            year.cast(DataTypes.StringType),
            lit("-"),
            element_at(TWO_DIGIT_MONTHS, functions.month(date)));
    return when(year.between(1000, 9999), fast).otherwise(date_format(date, "yyyy-MM"));
  }

  /**
   * The stored candidates of a table (with its month column): the published rows as delivered plus
   * the other versions; an empty frame before the first run.
   */
  Dataset<Row> stored(WarehouseTable t) throws IOException {
    return unrouted(published(t).filter(publishedAsDelivered(t))).unionByName(otherVersions(t));
  }

  /**
   * True when nothing of the table is stored yet (before its first run with rows): {@link #stored}
   * is empty.
   */
  boolean isEmpty(WarehouseTable t) throws IOException {
    return !hasPartitions(warehouse.table(t.tableName()))
        && !hasPartitions(otherVersions(warehouse, t));
  }

  /** The other versions of a table (with its month column), or an empty frame. */
  Dataset<Row> otherVersions(WarehouseTable t) throws IOException {
    return readPartitioned(otherVersions(warehouse, t), t);
  }

  /** The published table (with its month column), or an empty frame. */
  Dataset<Row> published(WarehouseTable t) throws IOException {
    return readPartitioned(warehouse.table(t.tableName()), t);
  }

  /**
   * Reads a table as this store first found it. A Delta table is read at the version it had then,
   * not at "the latest": the decisions built on these rows are cached frames that the run reads
   * again after it has committed its own rows to the same table (the manifest's per-file counts),
   * and a commit makes Spark drop every cached frame that reads the table's path, so an unpinned
   * read would be recomputed from the new version and count this night's rows twice (once as
   * stored, once as fresh). Parquet folders are renamed into place outside Spark and keep the files
   * they were listed with until the run ends.
   */
  private Dataset<Row> readPartitioned(Path dir, WarehouseTable t) throws IOException {
    if (TableReads.isDelta(warehouse.fs(), dir)) {
      long version = pinnedVersions.computeIfAbsent(dir, d -> TableReads.latestVersion(spark, d));
      return TableReads.readVersion(spark, dir, version, withMonth(t));
    }
    if (!hasPartitions(dir)) {
      return spark.createDataFrame(List.<Row>of(), withMonth(t));
    }
    return spark.read().schema(withMonth(t)).parquet(dir.toString());
  }

  private boolean hasPartitions(Path dir) throws IOException {
    if (!warehouse.fs().exists(dir)) {
      return false;
    }
    for (FileStatus s : warehouse.fs().listStatus(dir)) {
      if (s.isDirectory() && s.getPath().getName().startsWith(MONTH + "=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Converts a warehouse written by an earlier build, which kept every candidate in {@code
   * _state/candidates/}, to the current layout: the legacy candidates minus the published rows kept
   * as delivered (matched on {@link #KEY}) become the other versions. The stored candidates read
   * the same before and after, so the conversion is published through the journal on its own,
   * before the run decides anything. Once per warehouse, one pass over the history; a no-op on a
   * current warehouse.
   */
  void migrateLegacyLayout(String runId) throws IOException {
    List<PartitionPublisher.Move> moves = new ArrayList<>();
    for (WarehouseTable t : List.of(WarehouseTable.SHIPMENTS, WarehouseTable.SEIZURES)) {
      Path legacy = legacyCandidates(warehouse, t);
      if (!warehouse.fs().exists(legacy)) {
        continue;
      }
      Path current = otherVersions(warehouse, t);
      if (!warehouse.fs().exists(current)) {
        spark
            .sparkContext()
            .setJobDescription(
                "fentrace ingest: convert the candidates of "
                    + t.tableName()
                    + " to the other-versions store (once)");
        Dataset<Row> asDelivered =
            published(t).filter(publishedAsDelivered(t)).select(keyColumns());
        Path staged = warehouse.layout().stagedMigration(runId, t.tableName());
        writePartitions(
            readPartitioned(legacy, t).join(asDelivered, seq(KEY), "left_anti"), staged);
        moves.add(new PartitionPublisher.Move(staged.toString(), current.toString()));
      }
      moves.add(new PartitionPublisher.Move(null, legacy.toString()));
    }
    if (!moves.isEmpty()) {
      LOG.info(
          "candidate store: converting {} to {} ({} moves, once)",
          warehouse.layout().legacyCandidates(),
          otherVersions(warehouse, WarehouseTable.SEIZURES).getParent(),
          moves.size());
      new PartitionPublisher(warehouse)
          .publish(new PartitionPublisher.Journal(runId, moves, List.of()));
      warehouse.fs().delete(warehouse.layout().legacyCandidates(), true);
    }
  }

  static Column[] keyColumns() {
    return KEY.stream().map(c -> col(c)).toArray(Column[]::new);
  }

  static scala.collection.immutable.Seq<String> seq(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }

  /** The narrow index that revision decisions need: a few columns of every candidate. */
  static Dataset<Row> index(Dataset<Row> candidates, WarehouseTable t) {
    Column format =
        t == WarehouseTable.SHIPMENTS
            ? lit(InputFormat.CUSTOMS_SHIPMENTS.wireName())
            : col("source_format");
    return candidates.select(
        col("record_id"),
        col(MONTH),
        col("source_file"),
        col("source_line"),
        format.as("source_format"),
        col("fiscal_year"),
        col("shipment_id"));
  }

  /**
   * Columns whose values are (nearly) all distinct. Parquet tries a dictionary for every column and
   * gives up once the dictionary page is full, so for these it built one per file only to re-encode
   * the values plainly (dictionary work was a fifth of the time spent writing shipments at 1M
   * rows). They are written plain from the start: values, types and readers are unchanged. (The
   * decimal quantities, fixed-length in Parquet, never get a dictionary from this writer.)
   */
  static final List<String> DISTINCT_VALUED = List.of("record_id", "source_line", "shipment_id");

  /**
   * The order of the rows in each written file: by date, then record. Not the month first: Spark's
   * sort compares a fixed-size prefix of its first key before whole rows, and with the month first
   * every pair of rows of one month fell through to comparing whole rows; the date's prefix settles
   * most pairs (at 5,000,000 rows the seizures' sort took 2.4 s of task time against 5.6 to 5.8,
   * the shipments' 1.8 to 2.0 against 2.7 to 3.2). Each month is a range of dates, so every month's
   * file holds its rows in the same order as before.
   */
  static final List<String> WRITE_ORDER =
      List.of("event_date", "record_id", "source_file", "source_line");

  /**
   * A write partitioned by month wants its rows grouped by month, and Spark sorts them by the month
   * itself (discarding {@link #WRITE_ORDER}) unless it may keep a file open per partition. It may
   * while the write runs: rows sorted by date reach each month's file in order, one file per month
   * and task as before. The cap is far above the months one task writes (a task holding more would
   * have Spark sort its remaining rows by month, still correct).
   */
  private static final String OPEN_FILES_KEY = "spark.sql.maxConcurrentOutputFileWriters";

  private static final String MAX_OPEN_MONTHS = "10000";

  /** Writes rows partitioned by month under {@code target}; returns the months written. */
  Set<String> writePartitions(Dataset<Row> rows, Path target) throws IOException {
    return writePartitions(rows, target, Map.of(), false);
  }

  /**
   * Writes rows partitioned by month under {@code target}, a month bigger than its share of the
   * write in several slices (see {@link MonthSlices}); returns the months written.
   *
   * @param monthRows about how many rows each month holds (from the decisions' index), used only to
   *     balance the write tasks; empty when unknown
   * @param rowsSpread the rows already sit in several tasks of bounded size (this run read every
   *     file in byte ranges, and the history is read in splits): a write of one big month then
   *     writes each task's rows where they are, one file per task, instead of shuffling them into
   *     slices (a parcel-scale night moved its day's 2.5 GB of rows between two stages for that)
   */
  Set<String> writePartitions(
      Dataset<Row> rows, Path target, Map<String, Long> monthRows, boolean rowsSpread)
      throws IOException {
    int tasks = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    MonthSlices slices = MonthSlices.of(monthRows, tasks, MonthSlices.MIN_ROWS_PER_SLICE);
    Dataset<Row> shuffled;
    if (rowsSpread && monthRows.size() == 1 && slices.slicedTotal() > 0) {
      // Each task sorts and writes its own rows: the month gets a file per task that holds any of
      // its rows. A month read whole by one task (a compressed file) is still sliced below: one
      // task would write it all while the other cores wait.
      shuffled = rows;
    } else if (slices.slicedTotal() > 0) {
      // A fixed number of tasks, at least two per slice so that few slices share one (hash
      // partitioning places them at random); AQE would coalesce the slices back into as few tasks
      // as the 64 MB blocks they fill.
      int partitions = Math.max(tasks, 2 * slices.slicedTotal());
      shuffled =
          rows.withColumn(MonthSlices.COLUMN, slices.column(MONTH))
              .repartition(partitions, col(MONTH), col(MonthSlices.COLUMN))
              .drop(MonthSlices.COLUMN);
    } else if (monthRows.size() > 1) {
      // As many tasks as the write has (or as months, if fewer), left as they are: AQE would
      // coalesce them by bytes into about one per core, and with months hashed unevenly a full
      // load's 60 months became three tasks on two cores, the third running alone for a third of
      // the stage. More, smaller tasks let both cores finish together; a month is still written
      // by one task, so the files are the same.
      shuffled = rows.repartition(Math.min(tasks, monthRows.size()), col(MONTH));
    } else {
      shuffled = rows.repartition(col(MONTH));
    }
    var writer =
        shuffled
            .sortWithinPartitions(WRITE_ORDER.stream().map(c -> col(c)).toArray(Column[]::new))
            .write()
            .mode(SaveMode.Overwrite)
            .partitionBy(MONTH);
    for (String c : DISTINCT_VALUED) {
      writer = writer.option("parquet.enable.dictionary#" + c, "false");
    }
    String previous =
        spark.conf().contains(OPEN_FILES_KEY) ? spark.conf().get(OPEN_FILES_KEY) : null;
    spark.conf().set(OPEN_FILES_KEY, MAX_OPEN_MONTHS);
    try {
      writer.parquet(target.toString());
    } finally {
      if (previous == null) {
        spark.conf().unset(OPEN_FILES_KEY);
      } else {
        spark.conf().set(OPEN_FILES_KEY, previous);
      }
    }
    Set<String> months = new TreeSet<>();
    if (warehouse.fs().exists(target)) {
      for (FileStatus s : warehouse.fs().listStatus(target)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.startsWith(MONTH + "=")) {
          months.add(name.substring(MONTH.length() + 1));
        }
      }
    }
    return months;
  }

  /** The months of a table's live partitions. */
  List<String> livePartitions(WarehouseTable t) throws IOException {
    List<String> names = new ArrayList<>();
    Path dir = warehouse.table(t.tableName());
    if (t.partitionColumn() == null || !warehouse.fs().exists(dir)) {
      return names;
    }
    if (TableReads.isDelta(warehouse.fs(), dir)) {
      // A Delta table's folders outlive their rows (until VACUUM): its log says which hold rows.
      for (Row r : published(t).select(MONTH).distinct().collectAsList()) {
        names.add(MONTH + "=" + r.getString(0));
      }
      names.sort(null);
      return names;
    }
    for (FileStatus s : warehouse.fs().listStatus(dir)) {
      if (s.isDirectory() && s.getPath().getName().startsWith(MONTH + "=")) {
        names.add(s.getPath().getName());
      }
    }
    names.sort(null);
    return names;
  }
}
