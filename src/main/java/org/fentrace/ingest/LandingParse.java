package org.fentrace.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.fentrace.config.ParseCache;
import org.fentrace.normalize.NormalizationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and normalizes the landing files to read into {@link Envelope} rows: one task per file,
 * except plain files larger than {@code fentrace.ingest.split-bytes}, parsed in byte ranges ({@link
 * ChunkParser}, plus one task hashing the file) and resolved on the driver ({@link
 * SplitResolution}); a split file its chunks cannot settle is read again in one task. The rows are
 * the same either way, lines included; the parse output is cached (where {@link ParseCache} says)
 * until {@link Parsed#release()}.
 */
final class LandingParse {
  private static final Logger LOG = LoggerFactory.getLogger(LandingParse.class);

  /** How a file read in this run was parsed, for the manifest. */
  record Split(int tasks, String note) {}

  /**
   * The envelopes of every file read, how each was split, and what to uncache at the end.
   *
   * @param statistics a frame holding every file's statistics row (among other envelopes): the
   *     envelopes of the files read whole, and the split files' rows merged on the driver, but not
   *     their ranges' cached rows, which hold none (a filter on the kind does not spare a cached
   *     scan decoding them: on one 5,000,000-row file, 2 s of a run)
   */
  record Parsed(
      Dataset<Row> envelopes,
      Dataset<Row> statistics,
      Map<String, Split> splits,
      List<Dataset<Row>> cached,
      ParseCacheChoice cache) {
    void release() {
      cached.forEach(Dataset::unpersist);
    }

    /**
     * Whether every file read was parsed in byte ranges: the rows then sit in at most a few tasks
     * per core, each holding a few ranges, and no task holds a whole large file.
     */
    boolean everyFileInRanges() {
      return !splits.isEmpty() && splits.values().stream().allMatch(s -> s.tasks() > 1);
    }

    /** The reports with how each file was parsed: tasks, and why one task (0 when not read). */
    List<FileReport> withSplits(List<FileReport> reports) {
      return reports.stream()
          .map(
              r -> {
                Split s = splits.get(r.path());
                return s == null ? r.withSplits(0, null) : r.withSplits(s.tasks(), s.note());
              })
          .toList();
    }
  }

  private LandingParse() {}

  static Parsed parse(
      SparkSession spark,
      List<LandingFile> toRead,
      NormalizationContext context,
      String runId,
      long splitBytes,
      ParseCache asked) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CompressionCodecFactory codecs = new CompressionCodecFactory(jsc.hadoopConfiguration());
    List<ParseUnit> wholeUnits = new ArrayList<>();
    List<ParseUnit> checksums = new ArrayList<>();
    List<ParseUnit> chunks = new ArrayList<>();
    List<LandingFile> split = new ArrayList<>();
    Map<String, Split> splits = new HashMap<>();
    long plainBytes = 0;
    long compressedBytes = 0;
    for (LandingFile f : toRead) {
      boolean compressed = codecs.getCodec(new Path(f.uri())) != null;
      if (compressed) {
        compressedBytes += f.size();
      } else {
        plainBytes += f.size();
      }
      SplitPlan plan = SplitPlan.of(f.size(), compressed, splitBytes);
      splits.put(f.relativePath(), new Split(plan.chunks(), plan.why()));
      if (plan.split()) {
        split.add(f);
        checksums.add(new ParseUnit(f, ParseUnit.CHECKSUM, splitBytes));
        for (int i = 0; i < plan.chunks(); i++) {
          chunks.add(new ParseUnit(f, i, splitBytes));
        }
      } else {
        wholeUnits.add(ParseUnit.whole(f));
      }
    }
    ParseCacheChoice choice = resolve(spark, asked, plainBytes, compressedBytes);
    ParseCache cache = choice.used();
    FileParser parser =
        new FileParser(context, new SerializableHadoopConf(jsc.hadoopConfiguration()), runId);
    // Files read whole and byte ranges are cached apart: a reader of one kind of rows then never
    // decodes the other kind's (a filter on the file does not spare a cached scan that work).
    Dataset<Row> whole =
        wholeUnits.isEmpty() && !split.isEmpty()
            ? null
            : parseTasks(spark, jsc, ParseTasks.oneEach(wholeUnits), parser, cache);
    List<Dataset<Row>> cached = new ArrayList<>();
    if (whole != null) {
      cached.add(whole);
    }
    if (split.isEmpty()) {
      return new Parsed(whole, whole, splits, cached, choice);
    }
    Dataset<Row> ranges =
        parseTasks(
            spark,
            jsc,
            ParseTasks.ranges(checksums, chunks, 4 * jsc.defaultParallelism()),
            parser,
            cache);
    cached.add(ranges);
    SplitResolution.Resolved resolved = SplitResolution.resolve(spark, ranges, whole, split);
    Dataset<Row> envelopes = whole == null ? resolved.rows() : whole.unionByName(resolved.rows());
    Dataset<Row> statistics =
        whole == null ? resolved.statistics() : whole.unionByName(resolved.statistics());
    if (!resolved.fallback().isEmpty()) {
      resolved
          .fallback()
          .forEach(
              (f, why) -> {
                LOG.warn("file {}: {}", f.relativePath(), why);
                splits.put(f.relativePath(), new Split(1, why));
              });
      Dataset<Row> again =
          parseTasks(
              spark,
              jsc,
              ParseTasks.oneEach(
                  resolved.fallback().keySet().stream().map(ParseUnit::whole).toList()),
              parser,
              cache);
      cached.add(again);
      envelopes = envelopes.unionByName(again);
      statistics = statistics.unionByName(again);
    }
    return new Parsed(envelopes, statistics, splits, cached, choice);
  }

  /**
   * How many bytes of Spark's cache a byte of a plain landing file becomes: 746,270,071 cached
   * bytes (on disk, uncompressed columns) for 182,196,088 bytes of generated CSV, 4.1, on a
   * 1,000,000-row load.
   */
  static final double CACHED_BYTES_PER_PLAIN_BYTE = 4.1;

  /**
   * How many plain bytes a byte of a compressed landing file holds: gzip wrote a generated seizure
   * file of 61,150,134 bytes in 9,573,854 (6.4); rounded up, so that a compressed landing leans
   * towards the disk.
   */
  static final double PLAIN_BYTES_PER_COMPRESSED_BYTE = 7;

  /**
   * {@link ParseCache#AUTO} resolved for this parse: in memory when the parse's estimated cached
   * size is at most half of the storage memory (Spark's unified pool, which the shuffles, sorts and
   * the decisions' frames share), else on disk; {@code storageBytes} 0 (a cluster) always chooses
   * the disk. Other levels stay as they are.
   */
  static ParseCache choose(
      ParseCache asked, long plainBytes, long compressedBytes, long storageBytes) {
    if (asked != ParseCache.AUTO) {
      return asked;
    }
    double estimate =
        CACHED_BYTES_PER_PLAIN_BYTE
            * (plainBytes + PLAIN_BYTES_PER_COMPRESSED_BYTE * compressedBytes);
    return storageBytes > 0 && estimate <= storageBytes / 2.0
        ? ParseCache.MEMORY_AND_DISK
        : ParseCache.DISK;
  }

  private static ParseCacheChoice resolve(
      SparkSession spark, ParseCache asked, long plain, long compressed) {
    // On one machine the one block manager is the driver's, whose storage memory is the executors';
    // on a cluster the driver's own block manager says nothing about the executors'.
    long storage = 0;
    if (spark.sparkContext().isLocal()) {
      var status = spark.sparkContext().getExecutorMemoryStatus().values().iterator();
      while (status.hasNext()) {
        storage += (Long) status.next()._1();
      }
    }
    ParseCache chosen = choose(asked, plain, compressed, storage);
    LOG.info(
        "parse cache: {} ({} plain and {} compressed landing bytes, {} bytes of storage memory)",
        chosen.wireName(),
        plain,
        compressed,
        storage);
    return new ParseCacheChoice(asked, chosen, plain, compressed, storage);
  }

  /** One partition per task (a task parses its units one after the other), cached. */
  private static Dataset<Row> parseTasks(
      SparkSession spark,
      JavaSparkContext jsc,
      List<List<ParseUnit>> tasks,
      FileParser parser,
      ParseCache cache) {
    JavaRDD<InternalRow> parsed = jsc.parallelize(tasks, Math.max(1, tasks.size())).flatMap(parser);
    return envelopes(spark, parsed).persist(cache.storageLevel());
  }

  /**
   * A frame of envelopes from rows already in Spark's internal form ({@link InternalRows}). Spark
   * offers this to its own sources, not as public API; the classic session (every master fentrace
   * runs on: local, standalone, YARN, Kubernetes) has it.
   */
  static Dataset<Row> envelopes(SparkSession spark, JavaRDD<InternalRow> rows) {
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(rows.rdd(), Envelope.SCHEMA, false);
  }
}
