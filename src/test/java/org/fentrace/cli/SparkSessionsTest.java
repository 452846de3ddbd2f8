package org.fentrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.fentrace.warehouse.TableFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executors' JVM options the application adds (a cluster's executors are started with them).
 */
class SparkSessionsTest {
  private static final String KEY = SparkSessions.EXECUTOR_JAVA_OPTIONS;

  @AfterEach
  void clearSubmitProperty() {
    System.clearProperty(KEY);
  }

  @Test
  void executorsMayCompileHugeMethodsWhenNothingIsGiven() {
    assertThat(SparkSessions.executorJavaOptions(Map.of()))
        .isEqualTo("-XX:-DontCompileHugeMethods");
  }

  @Test
  void theUsersOptionsAreKeptAndTheFlagAppended() {
    assertThat(SparkSessions.executorJavaOptions(Map.of(KEY, " -Xss4m -XX:+UseG1GC ")))
        .isEqualTo("-Xss4m -XX:+UseG1GC -XX:-DontCompileHugeMethods");
    // What spark-submit passes on (spark-defaults.conf, its own --conf) arrives as a system
    // property.
    System.setProperty(KEY, "-Dfrom.defaults=1");
    assertThat(SparkSessions.executorJavaOptions(Map.of()))
        .isEqualTo("-Dfrom.defaults=1 -XX:-DontCompileHugeMethods");
    assertThat(SparkSessions.executorJavaOptions(Map.of(KEY, "-Dfrom.cli=1")))
        .as("the application's --conf wins over spark-submit's, as in the session")
        .isEqualTo("-Dfrom.cli=1 -XX:-DontCompileHugeMethods");
  }

  @Test
  void aUserWhoDecidedAboutHugeMethodsIsNotOverruled() {
    assertThat(SparkSessions.executorJavaOptions(Map.of(KEY, "-XX:+DontCompileHugeMethods")))
        .isEqualTo("-XX:+DontCompileHugeMethods");
  }

  @Test
  void deltaGetsItsExtensionAndCatalogOnlyWhenTheFormatIsDelta() {
    assertThat(SparkSessions.formatSettings(TableFormat.PARQUET, Map.of())).isEmpty();
    assertThat(SparkSessions.formatSettings(TableFormat.DELTA, Map.of()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
                "spark.sql.catalog.spark_catalog",
                    "org.apache.spark.sql.delta.catalog.DeltaCatalog"));
    // A user's own extension stays, Delta's is appended; a user's own session catalog wins.
    assertThat(
            SparkSessions.formatSettings(
                TableFormat.DELTA,
                Map.of(
                    "spark.sql.extensions", "com.example.Ext",
                    "spark.sql.catalog.spark_catalog", "com.example.Catalog")))
        .containsExactlyEntriesOf(
            Map.of(
                "spark.sql.extensions", "com.example.Ext,io.delta.sql.DeltaSparkSessionExtension"));
    // Listed already (among others, spaced as users write lists): kept as given, not added twice.
    String listed = "com.example.Ext, io.delta.sql.DeltaSparkSessionExtension";
    assertThat(
            SparkSessions.formatSettings(TableFormat.DELTA, Map.of("spark.sql.extensions", listed)))
        .containsEntry("spark.sql.extensions", listed);
  }

  @Test
  void aLocalRunSizesShufflesAndDeltaSnapshotsAndLeavesItsCacheUncompressedUnlessTheUserDid() {
    // Shuffles: 4 per core, at least 4. A Delta snapshot: one partition, whatever the shuffles
    // (and whatever the warehouse's format: fentrace sql reads either).
    String expected = Integer.toString(Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
    String compressed = "spark.sql.inMemoryColumnarStorage.compressed";
    assertThat(SparkSessions.localSettings(Map.of()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "spark.sql.shuffle.partitions",
                expected,
                "spark.databricks.delta.snapshotPartitions",
                "1",
                compressed,
                "false"));
    // The user's shuffle width does not widen the snapshot; the user's snapshot width and cache
    // compression are kept.
    assertThat(
            SparkSessions.localSettings(
                Map.of("spark.sql.shuffle.partitions", "7", compressed, "true")))
        .containsExactlyEntriesOf(Map.of("spark.databricks.delta.snapshotPartitions", "1"));
    assertThat(
            SparkSessions.localSettings(
                Map.of(
                    "spark.sql.shuffle.partitions",
                    "7",
                    "spark.databricks.delta.snapshotPartitions",
                    "50",
                    compressed,
                    "true")))
        .isEmpty();
    // The same through spark-submit, whose --conf and spark-defaults.conf arrive as system
    // properties: kept.
    System.setProperty("spark.sql.shuffle.partitions", "9");
    System.setProperty(compressed, "true");
    try {
      assertThat(SparkSessions.localSettings(Map.of()))
          .containsExactlyEntriesOf(Map.of("spark.databricks.delta.snapshotPartitions", "1"));
      System.setProperty("spark.databricks.delta.snapshotPartitions", "60");
      assertThat(SparkSessions.localSettings(Map.of())).isEmpty();
    } finally {
      System.clearProperty("spark.sql.shuffle.partitions");
      System.clearProperty("spark.databricks.delta.snapshotPartitions");
      System.clearProperty(compressed);
    }
  }

  @Test
  void localPathsUseTheFileSystemWithoutChmodProcessesUnlessTheUserNamesAnother() {
    String key = "spark.hadoop.fs.file.impl";
    String context = "spark.hadoop.fs.AbstractFileSystem.file.impl";
    assertThat(SparkSessions.fileSystemSettings(Map.of()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                key,
                "org.fentrace.warehouse.NioLocalFileSystem",
                context,
                "org.fentrace.warehouse.NioLocalFs"));
    // Each is kept apart: naming one class leaves the other to fentrace.
    assertThat(
            SparkSessions.fileSystemSettings(
                Map.of(key, "org.apache.hadoop.fs.RawLocalFileSystem")))
        .containsExactlyEntriesOf(Map.of(context, "org.fentrace.warehouse.NioLocalFs"));
    assertThat(
            SparkSessions.fileSystemSettings(
                Map.of(
                    key,
                    "org.apache.hadoop.fs.RawLocalFileSystem",
                    context,
                    "org.apache.hadoop.fs.local.LocalFs")))
        .isEmpty();
    // spark-submit passes its --conf and spark-defaults.conf on as system properties.
    System.setProperty(key, "org.apache.hadoop.fs.LocalFileSystem");
    System.setProperty(context, "org.apache.hadoop.fs.local.LocalFs");
    try {
      assertThat(SparkSessions.fileSystemSettings(Map.of())).isEmpty();
    } finally {
      System.clearProperty(key);
      System.clearProperty(context);
    }
  }

  /**
   * What a session gets, as a whole: the contract's settings on every master, the one-machine ones
   * only on local masters, and the user's values over fentrace's defaults (the test suite's shared
   * session is built from the same map).
   */
  @Test
  void aSessionsSettingsAddTheLocalOnesOnlyOnOneMachineAndKeepTheUsersValues() {
    String fileSystem = "spark.hadoop.fs.file.impl";
    String snapshot = "spark.databricks.delta.snapshotPartitions";
    Map<String, String> local = SparkSessions.settings("local[2]", Map.of(), TableFormat.PARQUET);
    assertThat(local)
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .containsEntry(fileSystem, "org.fentrace.warehouse.NioLocalFileSystem")
        .containsEntry(snapshot, "1")
        .containsEntry("spark.hadoop.fentrace.warehouse.format", "parquet")
        .doesNotContainKey("spark.sql.extensions");
    Map<String, String> cluster =
        SparkSessions.settings("spark://master:7077", Map.of(), TableFormat.DELTA);
    assertThat(cluster)
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .containsEntry("spark.hadoop.fentrace.warehouse.format", "delta")
        .doesNotContainKeys(fileSystem, snapshot, "spark.sql.shuffle.partitions");
    assertThat(
            SparkSessions.settings(
                "local[*]",
                Map.of("spark.sql.shuffle.partitions", "3", fileSystem, "com.example.Fs"),
                TableFormat.PARQUET))
        .containsEntry("spark.sql.shuffle.partitions", "3")
        .containsEntry(fileSystem, "com.example.Fs");
  }

  @Test
  void theRecordsRegistratorFollowsTheUsersOwnKryoRegistrators() {
    String key = "spark.kryo.registrator";
    String own = "org.fentrace.cli.RecordsKryoRegistrator";
    assertThat(SparkSessions.serializerSettings(Map.of()))
        .containsExactlyEntriesOf(Map.of(key, own));
    assertThat(SparkSessions.serializerSettings(Map.of(key, " com.example.Reg ")))
        .containsExactlyEntriesOf(Map.of(key, "com.example.Reg," + own));
    assertThat(SparkSessions.serializerSettings(Map.of(key, own + ", com.example.Reg")))
        .as("listed already: kept as given")
        .containsExactlyEntriesOf(Map.of(key, own + ", com.example.Reg"));
    // spark-submit passes its --conf and spark-defaults.conf on as system properties.
    System.setProperty(key, "com.example.FromDefaults");
    try {
      assertThat(SparkSessions.serializerSettings(Map.of()))
          .containsExactlyEntriesOf(Map.of(key, "com.example.FromDefaults," + own));
    } finally {
      System.clearProperty(key);
    }
  }

  /** A record of the shape fentrace's tasks carry: a file, a position, a nested record. */
  record Range(String path, long offset, List<String> columns, Range next)
      implements java.io.Serializable {}

  /**
   * Spark's Kryo serializer, configured as a cluster's spark-defaults.conf often does, can neither
   * write a record (its field serializer needs field offsets, which the JVM refuses for records)
   * nor read back the JDK's immutable collections (it adds to an empty one); a parse task's input
   * is a list of lists of records. With the registrator the session adds, each comes back equal. If
   * a later Spark ships a Kryo that handles them, the first assertions fail and the registrator can
   * go.
   */
  @Test
  void sparksKryoSerializerCarriesRecordsAndImmutableCollectionsWithTheRegistrator() {
    Range range =
        new Range(
            "landing/a.csv", 64L << 20, List.of("date", "port"), new Range("b", 0, null, null));
    List<Object> immutable =
        List.of(
            List.of("a", "b", "c"),
            Stream.of("a", "b").toList(),
            Set.of("a"),
            Map.of("a", 1L),
            List.of("one"));
    var plain = new KryoSerializer(new SparkConf()).newInstance();
    assertThatThrownBy(() -> plain.serialize(range, tag(Range.class)))
        .hasStackTraceContaining("record");
    for (Object value : immutable) {
      assertThatThrownBy(() -> roundTrip(plain, value))
          .as("plain Kryo and %s", value.getClass())
          .hasStackTraceContaining("UnsupportedOperationException");
    }
    SparkConf conf = new SparkConf();
    SparkSessions.serializerSettings(Map.of()).forEach(conf::set);
    var kryo = new KryoSerializer(conf).newInstance();
    assertThat(roundTrip(kryo, range)).isEqualTo(range);
    List<List<Range>> tasks = Stream.of(List.of(range), List.of(range, range)).toList();
    assertThat(roundTrip(kryo, tasks)).isEqualTo(tasks);
    for (Object value : immutable) {
      assertThat(roundTrip(kryo, value)).as("%s", value.getClass()).isEqualTo(value);
    }
  }

  private static <T> scala.reflect.ClassTag<T> tag(Class<T> type) {
    return scala.reflect.ClassTag$.MODULE$.apply(type);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(SerializerInstance serializer, T value) {
    scala.reflect.ClassTag<Object> any = tag(Object.class);
    return (T) serializer.deserialize(serializer.serialize(value, any), any);
  }

  @Test
  void theFormatIsReadCaseInsensitivelyAndAnUnknownOneIsRefused() {
    assertThat(TableFormat.fromName(" Delta ")).isEqualTo(TableFormat.DELTA);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableFormat.fromName("iceberg"))
        .hasMessageContaining("iceberg")
        .hasMessageContaining("[parquet, delta]");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                org.fentrace.config.FentraceConfig.load(
                    null, Map.of("fentrace.warehouse.format", "orc")))
        .isInstanceOf(org.fentrace.config.ConfigException.class)
        .hasMessageContaining("fentrace.warehouse.format");
  }
}
