package org.fentrace.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fentrace.state.PublicationPlan.TableCommit;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one table's staged Parquet as ONE Delta commit: a whole table by overwrite, a
 * partitioned one by {@code replaceWhere} over exactly the partitions the night staged or emptied.
 * The commit's {@code userMetadata} names the run and the publication ({@link #userMetadata}),
 * which makes it safe to replay: a journal replayed after a kill skips a table whose last commit is
 * already this publication's. A table whose staged content equals its live content is not committed
 * at all, so an identical second night adds no version. A whole table's commit also records a
 * fingerprint of the rows it wrote ({@link #fingerprint}), so the next night compares its staged
 * rows with the last commit's fingerprint instead of reading the live table; a partitioned table,
 * or a whole one whose last commit has no fingerprint (made before fingerprints, or not by
 * fentrace), is compared row for row, as multisets ({@link #sameRows}).
 *
 * <p>A live Parquet folder (a warehouse switched from {@code parquet}) is converted to Delta in
 * place first ({@code CONVERT TO DELTA}): its files stay, the log starts listing them.
 */
final class DeltaPublication {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaPublication.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

  private static final String PUBLICATION_FIELD = "publication";

  /** The userMetadata field holding the fingerprint of a whole table's committed rows. */
  private static final String ROWS_FIELD = "rows_fingerprint";

  private final SparkSession spark;
  private final Warehouse warehouse;

  DeltaPublication(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /**
   * The userMetadata of the commit that publishes {@code commit} for run {@code runId}, with the
   * committed rows' {@code fingerprint} when there is one (a whole table), else null.
   */
  static String userMetadata(String runId, TableCommit commit, String fingerprint) {
    ObjectNode n = JSON.createObjectNode();
    n.put(TableReads.RUN_ID_FIELD, runId);
    n.put(PUBLICATION_FIELD, publication(commit));
    if (fingerprint != null) {
      n.put(ROWS_FIELD, fingerprint);
    }
    return n.toString();
  }

  private static String publication(TableCommit commit) {
    return commit.table() + "#" + commit.key();
  }

  /** Commits the table's staged data; returns false when nothing needed committing. */
  boolean commit(String runId, TableCommit commit) throws IOException {
    FileSystem fs = warehouse.fs();
    Path dir = warehouse.table(commit.table());
    boolean exists = TableReads.isDelta(fs, dir);
    JsonNode last = exists ? lastUserMetadata(dir) : null;
    if (last != null
        && runId.equals(last.path(TableReads.RUN_ID_FIELD).asText(null))
        && publication(commit).equals(last.path(PUBLICATION_FIELD).asText(null))) {
      LOG.info("{}: already committed by run {} (replayed journal)", commit.table(), runId);
      return false;
    }
    if (!exists && Warehouse.holdsParquet(fs, dir)) {
      convert(dir, commit);
      exists = true;
    }
    Dataset<Row> staged = stagedRows(fs, commit);
    if (staged == null) {
      if (!exists) {
        return false; // nothing staged, nothing live: the table has no rows yet
      }
      staged = spark.createDataFrame(List.of(), current(dir, commit).schema());
    }
    String fingerprint = commit.whole() ? fingerprint(staged) : null;
    String lastFingerprint = last == null ? null : last.path(ROWS_FIELD).asText(null);
    if (fingerprint != null && fingerprint.equals(lastFingerprint)) {
      LOG.info(
          "{}: staged rows equal the last commit's (by fingerprint); no commit", commit.table());
      copySideFiles(fs, commit, dir);
      return false;
    }
    // Without the last commit's fingerprint, the rows are compared; with a different one, they
    // differ.
    if (exists && lastFingerprint == null) {
      Dataset<Row> live = current(dir, commit);
      if (sameColumns(staged.schema(), live.schema())) {
        staged = staged.select(cols(live.columns()));
        if (sameRows(staged, live.select(cols(staged.columns())))) {
          LOG.info("{}: staged rows equal the live ones; no commit", commit.table());
          copySideFiles(fs, commit, dir);
          return false;
        }
      }
    }
    DataFrameWriter<Row> w =
        staged
            .write()
            .format("delta")
            .mode(SaveMode.Overwrite)
            .option("userMetadata", userMetadata(runId, commit, fingerprint));
    String partitionColumn = partitionColumn(commit);
    if (partitionColumn != null) {
      w = w.partitionBy(partitionColumn);
    }
    if (commit.whole()) {
      w = w.option("overwriteSchema", "true");
    } else if (exists) {
      w = w.option("replaceWhere", replaceWhere(commit));
    }
    w.save(dir.toString());
    copySideFiles(fs, commit, dir);
    return true;
  }

  /** The table's partition column: the journal's, or for a whole table its known one (or none). */
  private static String partitionColumn(TableCommit commit) {
    if (!commit.whole()) {
      return commit.partitionColumn();
    }
    return TableReads.knownPartitionColumn(commit.table());
  }

  /** The rows the commit publishes, partition column last; null when nothing is staged. */
  private Dataset<Row> stagedRows(FileSystem fs, TableCommit commit) throws IOException {
    if (commit.whole()) {
      if (commit.moves().get(0).staged() == null) {
        return null; // the table is emptied
      }
      Path staged = new Path(commit.moves().get(0).staged());
      if (!Warehouse.holdsParquet(fs, staged)) {
        return null;
      }
      StructType known = TableReads.knownSchema(commit.table());
      return known == null
          ? spark.read().parquet(staged.toString())
          : spark.read().schema(known).parquet(staged.toString());
    }
    List<Path> staged = new ArrayList<>();
    boolean sideBySide = true;
    for (PartitionPublisher.Move m : commit.moves()) {
      if (m.staged() == null || !Warehouse.holdsParquet(fs, new Path(m.staged()))) {
        continue; // an emptied partition: replaceWhere removes its rows
      }
      Path p = new Path(m.staged());
      staged.add(p);
      sideBySide &=
          p.getName().equals(new Path(m.live()).getName())
              && p.getParent().equals(staged.get(0).getParent());
    }
    return staged.isEmpty()
        ? null
        : stagedPartitions(spark, commit.partitionColumn(), staged, sideBySide);
  }

  /**
   * The rows of staged partition folders, with the partition column (typed as the live table's)
   * taken from each folder's {@code column=value} name. Folders side by side under one parent are
   * read as ONE scan, which packs their small files into a few tasks: a scan per folder made the
   * Delta write one task per month (60 tasks for five years) and cost a schema-inference job each.
   * Otherwise each folder is one scan, joined by a union.
   */
  static Dataset<Row> stagedPartitions(
      SparkSession spark, String column, List<Path> staged, boolean sideBySide) {
    DataType type = TableReads.partitionType(column);
    // The staged files' own columns, in their order, read once from the first folder (the night
    // wrote every folder of the table with one schema).
    StructType data = spark.read().parquet(staged.get(0).toString()).schema();
    if (sideBySide) {
      // With the partition column in the given schema, Spark types the folder values as given (no
      // guessing that 2024-01 is a date) and reads __HIVE_DEFAULT_PARTITION__ as null.
      return spark
          .read()
          .option("basePath", staged.get(0).getParent().toString())
          .schema(dropField(data, column).add(column, type))
          .parquet(staged.stream().map(Path::toString).toArray(String[]::new));
    }
    Dataset<Row> rows = null;
    for (Path p : staged) {
      String value = p.getName().substring(column.length() + 1);
      Dataset<Row> part =
          spark
              .read()
              .schema(data)
              .parquet(p.toString())
              .withColumn(
                  column,
                  (HIVE_NULL.equals(value) ? functions.lit(null) : functions.lit(value))
                      .cast(type));
      rows = rows == null ? part : rows.unionByName(part);
    }
    return rows;
  }

  private static StructType dropField(StructType schema, String name) {
    StructType out = new StructType();
    for (StructField f : schema.fields()) {
      if (!f.name().equals(name)) {
        out = out.add(f);
      }
    }
    return out;
  }

  /** The live rows the commit would replace. */
  private Dataset<Row> current(Path dir, TableCommit commit) {
    Dataset<Row> live = spark.read().format("delta").load(dir.toString());
    return commit.whole() ? live : live.where(functions.expr(replaceWhere(commit)));
  }

  /** {@code column IN (...)} over the partitions the commit replaces (SQL literals). */
  static String replaceWhere(TableCommit commit) {
    String c = "`" + commit.partitionColumn() + "`";
    boolean numeric = TableReads.partitionType(commit.partitionColumn()) != DataTypes.StringType;
    List<String> literals = new ArrayList<>();
    boolean withNull = false;
    for (String v : commit.partitionValues()) {
      if (HIVE_NULL.equals(v)) {
        withNull = true;
      } else {
        literals.add(numeric ? Long.toString(Long.parseLong(v)) : "'" + v.replace("'", "''") + "'");
      }
    }
    String in = literals.isEmpty() ? "false" : c + " IN (" + String.join(", ", literals) + ")";
    return withNull ? "(" + in + " OR " + c + " IS NULL)" : in;
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (StructField f : a.fields()) {
      if (!Arrays.asList(b.fieldNames()).contains(f.name())
          || !b.apply(f.name()).dataType().sameType(f.dataType())) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when both hold the same rows as multisets: every distinct row is counted +1 per copy in
   * {@code a} and -1 per copy in {@code b}, and no sum may differ from 0. One Spark job with one
   * shuffle over the replaced partitions only; a type that cannot be grouped (a map) counts as
   * changed.
   */
  static boolean sameRows(Dataset<Row> a, Dataset<Row> b) {
    String side = "__fentrace_side";
    try {
      return a.withColumn(side, functions.lit(1))
          .unionByName(b.withColumn(side, functions.lit(-1)))
          .groupBy(cols(a.columns()))
          .agg(functions.sum(side).as(side))
          .where(functions.col(side).notEqual(0))
          .isEmpty();
    } catch (RuntimeException e) { // an AnalysisException, which javac does not see declared
      return false;
    }
  }

  /**
   * An order-independent fingerprint of a multiset of rows: the row count, the sums of two hashes
   * (Spark's 64-bit xxHash and 32-bit Murmur3) of each row's JSON text with its columns in name
   * order, and a name-based UUID (MD5) of the schema's names and types, so an empty table's too.
   * Equal multisets of rows of one schema always give equal fingerprints; for different ones to
   * collide, both sums and the count must agree by chance, odds of about one in 2^96. Two nights
   * compute it the same way, so a fingerprint that differs means the rows differ (or Spark's JSON
   * text of a value changed between versions, which costs one unneeded commit). JSON leaves out
   * null fields by name, so a null in one column cannot pass for a null in another, and a row's
   * copies each count.
   */
  static String fingerprint(Dataset<Row> rows) {
    String[] names = rows.columns().clone();
    Arrays.sort(names);
    Column json = functions.to_json(functions.struct(cols(names)));
    Row r =
        rows.agg(
                functions.count(functions.lit(1)),
                functions.sum(functions.xxhash64(json).cast("decimal(38,0)")),
                functions.sum(functions.hash(json).cast("decimal(38,0)")))
            .first();
    StringBuilder schema = new StringBuilder();
    for (String name : names) {
      schema.append(name).append(' ').append(rows.schema().apply(name).dataType().catalogString());
      schema.append('\n');
    }
    return r.getLong(0)
        + ":"
        + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString())
        + ":"
        + (r.isNullAt(2) ? "0" : r.getDecimal(2).toPlainString())
        + ":"
        + java.util.UUID.nameUUIDFromBytes(
            schema.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Column[] cols(String[] names) {
    return Arrays.stream(names).map(functions::col).toArray(Column[]::new);
  }

  /**
   * The files a whole table's staged folder carries besides its data (a marker such as
   * route_sensitivity's _BUILT_FROM), copied beside the log; Delta ignores files starting with _.
   */
  private void copySideFiles(FileSystem fs, TableCommit commit, Path dir) throws IOException {
    if (!commit.whole() || commit.moves().get(0).staged() == null) {
      return;
    }
    Path staged = new Path(commit.moves().get(0).staged());
    if (!fs.exists(staged)) {
      return;
    }
    for (FileStatus s : fs.listStatus(staged)) {
      String name = s.getPath().getName();
      if (s.isFile() && name.startsWith("_") && !name.endsWith(".crc")) {
        FileUtil.copy(fs, s.getPath(), fs, new Path(dir, name), false, true, fs.getConf());
      }
    }
  }

  private void convert(Path dir, TableCommit commit) {
    String column =
        commit.whole() ? TableReads.knownPartitionColumn(commit.table()) : commit.partitionColumn();
    LOG.warn("{}: converting the Parquet table to Delta in place", commit.table());
    String identifier = "parquet.`" + dir + "`";
    if (column == null) {
      DeltaTable.convertToDelta(spark, identifier);
    } else {
      DeltaTable.convertToDelta(
          spark, identifier, new StructType().add(column, TableReads.partitionType(column)));
    }
  }

  /** The last commit's userMetadata as JSON; null when it has none or it is not JSON. */
  private JsonNode lastUserMetadata(Path dir) {
    List<Row> last =
        DeltaTable.forPath(spark, dir.toString()).history(1).select("userMetadata").collectAsList();
    if (last.isEmpty() || last.get(0).isNullAt(0)) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(last.get(0).getString(0));
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null; // another writer's free text: not a fentrace commit
    }
  }
}
