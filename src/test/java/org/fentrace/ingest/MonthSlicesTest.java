package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big month is written by several tasks, one file each, and loses or reorders no row; small
 * months keep their one file.
 */
class MonthSlicesTest {
  @TempDir Path tmp;

  /** The columns a partitioned write sorts by, plus the month it partitions by. */
  private static final StructType CANDIDATES =
      new StructType()
          .add("record_id", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("source_line", DataTypes.LongType)
          .add("event_date", DataTypes.DateType)
          .add(CandidateStore.MONTH, DataTypes.StringType);

  private CandidateStore store(SparkSession spark) {
    return new CandidateStore(
        spark, new Warehouse(tmp.resolve("wh").toString(), new Configuration()));
  }

  @Test
  void aMonthAboveItsShareOfTheWriteIsCutIntoSlicesOfThatShare() {
    // A parcel night: 4,000,000 + 1,000 rows over 8 tasks, a share of ceil(4,001,000 / 8) =
    // 500,125 rows per slice, above the 250,000 minimum. 2026-10 needs ceil(4,000,000 / 500,125) =
    // 8 slices (7 hold 3,500,875 rows, fewer than 4,000,000); 2026-09's 1,000 rows fit one.
    MonthSlices night =
        MonthSlices.of(Map.of("2026-10", 4_000_000L, "2026-09", 1_000L), 8, 250_000);
    assertThat(night.slices()).containsExactlyEntriesOf(Map.of("2026-10", 8));
    assertThat(night.of("2026-09")).isEqualTo(1);
    assertThat(night.slicedTotal()).isEqualTo(8);
    // A full load: 60 months of 833,333 rows (50,000,000 in all) over 8 tasks, a share of
    // 6,250,000 rows: every month is below it, so nothing is sliced.
    Map<String, Long> full = new java.util.HashMap<>();
    for (int m = 1; m <= 60; m++) {
      full.put(String.format("M%02d", m), 833_333L);
    }
    assertThat(MonthSlices.of(full, 8, 250_000).slicedTotal()).isZero();
    // A small write: 300,000 rows in one month over 8 tasks, a share of 37,500 rows, raised to the
    // 250,000 minimum: ceil(300,000 / 250,000) = 2 slices; exactly 250,000 rows stay one.
    assertThat(MonthSlices.of(Map.of("2026-10", 300_000L), 8, 250_000).of("2026-10")).isEqualTo(2);
    assertThat(MonthSlices.of(Map.of("2026-10", 250_000L), 8, 250_000).of("2026-10")).isEqualTo(1);
    assertThat(MonthSlices.of(Map.of(), 8, 250_000).slicedTotal()).isZero();
  }

  @Test
  void nonPositiveTasksOrSliceSizesAreRefusedNamingThem() {
    assertThatThrownBy(() -> MonthSlices.of(Map.of("2026-10", 10L), 8, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 8 and 0");
    assertThatThrownBy(() -> MonthSlices.of(Map.of("2026-10", 10L), 0, 250_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0 and 250000");
  }

  /**
   * 2,000 rows in 2026-10 claimed (as the decisions' estimate) to be 1,000,000, and 30 rows of
   * 2026-09 estimated at 30: with the suite's 4 shuffle partitions a month's share is max(250,000,
   * ceil(1,000,030 / 4) = 250,008) rows, so 2026-10 gets ceil(1,000,000 / 250,008) = 4 slices
   * (2,000 record ids hashed into 4 slices leave none empty: each is empty with probability
   * (3/4)^2000), hashed over 8 tasks (twice the slices). Slices that share a task share its file,
   * so the month has at most 4 files; the hash is deterministic, and these ids spread over at least
   * 2 (without slicing the month had one). 2026-09 stays one file. Every row is read back once, and
   * each file is sorted as readers expect.
   */
  @Test
  void aBigMonthIsWrittenInSeveralSortedFilesWithEveryRowOnce() throws Exception {
    SparkSession spark = SharedSpark.session();
    List<Row> rows = bigMonth();
    for (int i = 0; i < 30; i++) {
      rows.add(
          RowFactory.create(
              "S" + i, "small.csv", (long) i + 2, Date.valueOf("2026-09-" + (1 + i)), "2026-09"));
    }
    Dataset<Row> frame = spark.createDataFrame(rows, CANDIDATES);
    CandidateStore store = store(spark);
    Path target = tmp.resolve("staged");
    Set<String> months =
        store.writePartitions(
            frame,
            new org.apache.hadoop.fs.Path(target.toString()),
            Map.of("2026-10", 1_000_000L, "2026-09", 30L),
            false);

    assertThat(months).containsExactly("2026-09", "2026-10");
    assertThat(parquetFiles(target.resolve("event_month=2026-10"))).hasSizeBetween(2, 4);
    assertThat(parquetFiles(target.resolve("event_month=2026-09"))).hasSize(1);
    Dataset<Row> back = spark.read().parquet(target.toString());
    assertThat(back.count()).isEqualTo(2030);
    assertThat(back.select("record_id").distinct().count()).isEqualTo(2030);
    assertThat(back.filter(col(CandidateStore.MONTH).equalTo("2026-10")).count()).isEqualTo(2000);
    for (Path file : parquetFiles(target.resolve("event_month=2026-10"))) {
      assertSortedByDateThenRecord(spark, file);
    }
  }

  /**
   * The same big month (2,000 rows estimated at 1,000,000), its rows already spread over 5 tasks (a
   * round-robin repartition, as a parse in byte ranges leaves them): written where they are, one
   * file per task, so exactly 5 files, where slicing would give at most 4 (4 slices, as computed
   * above); every row once, each file sorted.
   */
  @Test
  void aBigMonthWhoseRowsAreSpreadIsWrittenByTheTasksThatHoldThem() throws Exception {
    SparkSession spark = SharedSpark.session();
    List<Row> rows = bigMonth();
    Dataset<Row> spread = spark.createDataFrame(rows, CANDIDATES).repartition(5);
    Path target = tmp.resolve("spread");
    Set<String> months =
        store(spark)
            .writePartitions(
                spread,
                new org.apache.hadoop.fs.Path(target.toString()),
                Map.of("2026-10", 1_000_000L),
                true);

    assertThat(months).containsExactly("2026-10");
    List<Path> files = parquetFiles(target.resolve("event_month=2026-10"));
    assertThat(files).hasSize(5);
    Dataset<Row> back = spark.read().parquet(target.toString());
    assertThat(back.count()).isEqualTo(2000);
    assertThat(back.select("record_id").distinct().count()).isEqualTo(2000);
    for (Path file : files) {
      assertSortedByDateThenRecord(spark, file);
    }
  }

  /**
   * Six months of 10 rows each, none above its share: each month is one file, and the months are
   * written by a fixed number of tasks, min(4 shuffle partitions, 6 months) = 4, not coalesced by
   * AQE by bytes (which makes these 60 rows one task, and made a full load's 60 months three tasks
   * on two cores). A file's name carries the index of the task that wrote it (part-NNNNN); the six
   * months' hashes are fixed, and they fall in more than one of the four, so some task writes two
   * months or more. Each file holds its month's rows by date, then record: the rows are given
   * latest date first (row i of a month on day 20 - i), so a write that grouped them by month
   * alone, in the order they came, would fail it; the session's setting for open files is as it was
   * before.
   */
  @Test
  void severalSmallMonthsKeepOneFileEachAndAreSpreadOverAFixedNumberOfTasks() throws Exception {
    SparkSession spark = SharedSpark.session();
    List<Row> rows = new ArrayList<>();
    Map<String, Long> monthRows = new java.util.TreeMap<>();
    for (int m = 1; m <= 6; m++) {
      String month = "2026-0" + m;
      monthRows.put(month, 10L);
      for (int i = 0; i < 10; i++) {
        rows.add(
            RowFactory.create(
                "M" + m + "-" + i,
                "f.csv",
                (long) (m * 100 + i),
                Date.valueOf(month + "-" + (20 - i)),
                month));
      }
    }
    CandidateStore store = store(spark);
    Path target = tmp.resolve("months");
    String openFiles = "spark.sql.maxConcurrentOutputFileWriters";
    assertThat(spark.conf().contains(openFiles)).as("unset before").isFalse();
    Set<String> months =
        store.writePartitions(
            spark.createDataFrame(rows, CANDIDATES),
            new org.apache.hadoop.fs.Path(target.toString()),
            monthRows,
            false);

    assertThat(months).containsExactlyElementsOf(monthRows.keySet());
    Set<Integer> tasks = new java.util.TreeSet<>();
    for (String month : months) {
      List<Path> files = parquetFiles(target.resolve(CandidateStore.MONTH + "=" + month));
      assertThat(files).as(month).hasSize(1);
      assertSortedByDateThenRecord(spark, files.get(0));
      tasks.add(Integer.parseInt(files.get(0).getFileName().toString().substring(5, 10)));
    }
    assertThat(tasks).allMatch(t -> t < 4);
    assertThat(tasks).hasSizeGreaterThan(1);
    assertThat(spark.read().parquet(target.toString()).count()).isEqualTo(60);
    assertThat(spark.conf().contains(openFiles)).as("unset after").isFalse();
    spark.conf().set(openFiles, "3");
    try {
      store.writePartitions(
          spark.createDataFrame(rows, CANDIDATES),
          new org.apache.hadoop.fs.Path(tmp.resolve("again").toString()),
          monthRows,
          false);
      assertThat(spark.conf().get(openFiles)).as("a value set before is kept").isEqualTo("3");
    } finally {
      spark.conf().unset(openFiles);
    }
  }

  /** 2,000 rows of 2026-10, record ids R0 to R1999, dates spread over its first 28 days. */
  private static List<Row> bigMonth() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(
          RowFactory.create(
              "R" + i,
              "big.csv",
              (long) i + 2,
              Date.valueOf("2026-10-" + (1 + i % 28)),
              "2026-10"));
    }
    return rows;
  }

  private static void assertSortedByDateThenRecord(SparkSession spark, Path file) {
    List<Row> inFile =
        spark.read().parquet(file.toString()).select("event_date", "record_id").collectAsList();
    for (int i = 1; i < inFile.size(); i++) {
      Row a = inFile.get(i - 1);
      Row b = inFile.get(i);
      int byDate = a.getDate(0).compareTo(b.getDate(0));
      assertThat(byDate < 0 || (byDate == 0 && a.getString(1).compareTo(b.getString(1)) < 0))
          .as("%s sorted at %s then %s", file.getFileName(), a, b)
          .isTrue();
    }
  }

  private static List<Path> parquetFiles(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
  }
}
