package org.fentrace.cli;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fentrace.warehouse.NioLocalFileSystem;
import org.fentrace.warehouse.NioLocalFs;
import org.fentrace.warehouse.TableFormat;

/**
 * Builds the Spark session of a command with the settings the warehouse contract relies on. Public
 * for the test suite's shared session, which takes the same {@link #settings} rather than a copy of
 * them that could drift.
 */
public final class SparkSessions {
  static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

  /**
   * Lets HotSpot compile methods over 8000 bytes of bytecode. Spark compiles each query stage into
   * one method, and the seizures' staging stage is over that limit: without the flag it runs
   * interpreted (a 1M-row load: 57.6 against 51.0 s). jobs/fentrace gives it to the driver, which
   * in local mode also runs the tasks; this gives it to a cluster's executors.
   */
  static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";

  private SparkSessions() {}

  /**
   * The executors' JVM options: the user's (--conf, else spark-submit's, e.g. from
   * spark-defaults.conf) with {@link #COMPILE_HUGE_METHODS} added unless they already say how to
   * treat huge methods.
   */
  static String executorJavaOptions(Map<String, String> sparkConf) {
    String given =
        sparkConf
            .getOrDefault(EXECUTOR_JAVA_OPTIONS, System.getProperty(EXECUTOR_JAVA_OPTIONS, ""))
            .trim();
    return given.contains("DontCompileHugeMethods")
        ? given
        : (given + " " + COMPILE_HUGE_METHODS).trim();
  }

  public static final String EXTENSIONS = "spark.sql.extensions";
  public static final String SESSION_CATALOG = "spark.sql.catalog.spark_catalog";
  public static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  public static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

  /**
   * The settings a session needs for Delta tables when the warehouse's format is delta: Delta's SQL
   * extension (added to the user's own, if any) and its session catalog (unless the user names
   * another), so {@code DESCRIBE HISTORY}, {@code VACUUM} and {@code VERSION AS OF} work on the
   * tables too. Empty for parquet: a Parquet warehouse's sessions stay as they were.
   */
  static Map<String, String> formatSettings(TableFormat format, Map<String, String> sparkConf) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    if (format != TableFormat.DELTA) {
      return m;
    }
    m.put(EXTENSIONS, appendedTo(sparkConf, EXTENSIONS, DELTA_EXTENSION));
    if (!userSet(sparkConf, SESSION_CATALOG)) {
      m.put(SESSION_CATALOG, DELTA_CATALOG);
    }
    return m;
  }

  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  static final String DELTA_SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";
  static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

  /** The partitions of a Delta table's snapshot on one machine (see {@link #localSettings}). */
  static final int LOCAL_SNAPSHOT_PARTITIONS = 1;

  /**
   * What a run on one machine ({@code local[...]}) changes from Spark's and Delta's cluster-sized
   * defaults, each only where the user did not set it. Spark's 200 shuffle partitions make every
   * shuffle map task of a small local run write and merge 200 files; a few per core is what one
   * machine can use (AQE still coalesces). Delta rebuilds a table's file list (its snapshot) in 50
   * partitions, and filters it in as many tasks each time a table is read or committed: fentrace's
   * tables list a few hundred files each, which one task reads in milliseconds, so on one machine
   * the snapshot gets {@link #LOCAL_SNAPSHOT_PARTITIONS}, whatever the warehouse's format, since a
   * session that reads no Delta table never looks at the setting (50 cost a local night with Delta
   * tables minutes; the shuffle's width, 8 on two cores, still cost the report's reads of its 20
   * tables nearly twice what one does: docs/operations.md). Spark's in-memory cache (the parse
   * output, the decisions' index) is built without its column compression: on two cores, building
   * and reading the compressed columns cost a 1,000,000-row load about 5% of its wall time and a
   * tenth of its task CPU, for 6% more resident memory (docs/benchmarks-journal.md); what does not
   * fit still spills to disk.
   */
  static Map<String, String> localSettings(Map<String, String> sparkConf) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    int cores = Runtime.getRuntime().availableProcessors();
    String partitions =
        sparkConf.getOrDefault(
            SHUFFLE_PARTITIONS,
            System.getProperty(SHUFFLE_PARTITIONS, Integer.toString(Math.max(4, 4 * cores))));
    if (!userSet(sparkConf, SHUFFLE_PARTITIONS)) {
      m.put(SHUFFLE_PARTITIONS, partitions);
    }
    if (!userSet(sparkConf, CACHE_COMPRESSED)) {
      m.put(CACHE_COMPRESSED, "false");
    }
    if (!userSet(sparkConf, DELTA_SNAPSHOT_PARTITIONS)) {
      m.put(DELTA_SNAPSHOT_PARTITIONS, Integer.toString(LOCAL_SNAPSHOT_PARTITIONS));
    }
    return m;
  }

  static final String KRYO_REGISTRATOR = "spark.kryo.registrator";

  /**
   * {@link RecordsKryoRegistrator} appended to the user's Kryo registrators, if any: under Spark's
   * default (Java) serializer it is never loaded, and with Kryo (a common cluster default) it lets
   * tasks carry fentrace's records. Added whatever the serializer, since Spark also picks Kryo by
   * itself for some of its own data, and on every master, since a cluster's executors need it most.
   */
  static Map<String, String> serializerSettings(Map<String, String> sparkConf) {
    return Map.of(
        KRYO_REGISTRATOR,
        appendedTo(sparkConf, KRYO_REGISTRATOR, RecordsKryoRegistrator.class.getName()));
  }

  /**
   * The user's value of a comma-separated class list setting ({@code --conf}, else spark-submit's)
   * with {@code own} appended, unless the list already names it: the user's classes stay, in their
   * order, and ours is added once.
   */
  private static String appendedTo(Map<String, String> sparkConf, String key, String own) {
    String given = sparkConf.getOrDefault(key, System.getProperty(key, "")).strip();
    boolean listed =
        java.util.Arrays.stream(given.split(",")).map(String::strip).anyMatch(own::equals);
    return listed ? given : given.isEmpty() ? own : given + "," + own;
  }

  static final String LOCAL_FILE_SYSTEM = "spark.hadoop." + NioLocalFileSystem.HADOOP_KEY;
  static final String LOCAL_FILE_CONTEXT = "spark.hadoop." + NioLocalFs.HADOOP_KEY;

  /**
   * On one machine, the classes of {@code file:} paths: {@link NioLocalFileSystem} (Hadoop's local
   * file system without a {@code chmod} process per created file) and, for what goes through
   * Hadoop's FileContext (Delta's commits), {@link NioLocalFs}; each unless the user names another.
   * Left out on a cluster, whose executors write to HDFS or S3 and would have to load the classes
   * from the application jar before any write.
   */
  static Map<String, String> fileSystemSettings(Map<String, String> sparkConf) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    if (!userSet(sparkConf, LOCAL_FILE_SYSTEM)) {
      m.put(LOCAL_FILE_SYSTEM, NioLocalFileSystem.class.getName());
    }
    if (!userSet(sparkConf, LOCAL_FILE_CONTEXT)) {
      m.put(LOCAL_FILE_CONTEXT, NioLocalFs.class.getName());
    }
    return m;
  }

  /**
   * Whether the user set a Spark setting: on fentrace's command line ({@code --conf}), or through
   * spark-submit (its {@code --conf} and spark-defaults.conf arrive as system properties).
   */
  private static boolean userSet(Map<String, String> sparkConf, String key) {
    return sparkConf.containsKey(key) || System.getProperty(key) != null;
  }

  static SparkSession create(
      String appName, String master, Map<String, String> sparkConf, String logLevel) {
    return create(appName, master, sparkConf, logLevel, TableFormat.PARQUET);
  }

  static SparkSession create(
      String appName,
      String master,
      Map<String, String> sparkConf,
      String logLevel,
      TableFormat format) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    // spark-submit sets spark.master itself; --master only matters when run without it.
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    String effectiveMaster =
        master != null ? master : System.getProperty("spark.master", "local[*]");
    settings(effectiveMaster, sparkConf, format).forEach(b::config);
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(logLevel);
    return spark;
  }

  /**
   * Every setting a session of {@code master} gets, in the order they are applied (a later one
   * wins): the warehouse contract's, then on one machine {@link #localSettings} and {@link
   * #fileSystemSettings}, then the user's {@code sparkConf}, then those that extend the user's (the
   * format's, the serializer's, the executors' JVM options) and the warehouse format.
   */
  public static Map<String, String> settings(
      String master, Map<String, String> sparkConf, TableFormat format) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    // The warehouse contract: no INT96 timestamps, dates independent of the machine's zone.
    m.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    m.put("spark.sql.session.timeZone", "UTC");
    m.put("spark.ui.showConsoleProgress", "false");
    // A warehouse table has one partition folder per month (120 for ten years): listing them from
    // the driver takes milliseconds, while Spark's default (a distributed listing job above 32
    // folders) cost a night about a second for every read of a partitioned table.
    m.put("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024");
    if (master.startsWith("local")) {
      m.putAll(localSettings(sparkConf));
      m.putAll(fileSystemSettings(sparkConf));
    }
    m.putAll(sparkConf);
    m.putAll(formatSettings(format, sparkConf));
    m.putAll(serializerSettings(sparkConf));
    m.put("spark.hadoop." + TableFormat.HADOOP_KEY, format.wireName());
    m.put(EXECUTOR_JAVA_OPTIONS, executorJavaOptions(sparkConf));
    return m;
  }
}
