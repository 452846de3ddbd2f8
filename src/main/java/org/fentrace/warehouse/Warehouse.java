package org.fentrace.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse folder and its file system; where each path lies is {@link WarehouseLayout}'s
 * business. Every table (partitioned, rewritten whole, the report) is published through {@link
 * org.fentrace.state.PartitionPublisher}'s journal.
 */
public final class Warehouse {
  private final Path root;
  private final WarehouseLayout layout;
  private final Configuration conf;
  private final TableFormat format;

  /**
   * The warehouse at {@code root}; the format its tables are published in is {@link
   * TableFormat#HADOOP_KEY} of {@code conf} (parquet when unset).
   */
  public Warehouse(String root, Configuration conf) {
    this.root = new Path(root);
    this.layout = new WarehouseLayout(this.root);
    this.conf = conf;
    this.format = TableFormat.fromName(conf.get(TableFormat.HADOOP_KEY, "parquet"));
  }

  /** The format this warehouse publishes its tables in (reads detect each table's own). */
  public TableFormat format() {
    return format;
  }

  /**
   * True when a reader finds a table in {@code dir}: a Delta table (even one with no rows), or a
   * folder holding Parquet files ({@link #holdsParquet}).
   */
  public boolean holdsTable(Path dir) throws IOException {
    return TableReads.holdsTable(fs(), dir);
  }

  /**
   * The live table in {@code dir}, in whichever format it is stored; {@code schema} (or null) as
   * {@link TableReads#read} explains.
   */
  public Dataset<Row> readTable(SparkSession spark, Path dir, StructType schema)
      throws IOException {
    return TableReads.read(spark, fs(), dir, schema);
  }

  public Path root() {
    return root;
  }

  /** Every path under the root. */
  public WarehouseLayout layout() {
    return layout;
  }

  public Path table(String name) {
    return layout.table(name);
  }

  public Path table(WarehouseTable t) {
    return layout.table(t);
  }

  public Path runs() {
    return layout.runs();
  }

  public Path staging(String runId) {
    return layout.staging(runId);
  }

  public FileSystem fs() throws IOException {
    return root.getFileSystem(conf);
  }

  /**
   * Writes a table folder's {@code _SUCCESS} marker naming the run that published it, so a reader
   * can tell which run's data a folder holds without the manifest. Replaces the empty marker Spark
   * leaves.
   */
  public void writeSuccessMarker(Path tableDir, String runId) throws IOException {
    writeText(WarehouseLayout.successMarker(tableDir), "{\"run_id\": \"" + runId + "\"}\n");
  }

  /**
   * Removes what dead runs left in {@code _staging} and {@code _trash}. Called while holding the
   * lock, after journal recovery, so nothing there can still be needed.
   */
  public void removeLeftovers(String currentRunId) throws IOException {
    FileSystem fs = fs();
    for (Path p : new Path[] {layout.stagingRoot(), layout.trashRoot()}) {
      if (fs.exists(p)) {
        for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(p)) {
          if (!s.getPath().getName().equals(currentRunId)) {
            fs.delete(s.getPath(), true);
          }
        }
      }
    }
  }

  /**
   * True when a folder holds at least one visible Parquet file (files under _ or . folders, such as
   * a _temporary left by Spark, do not count): an empty table is a folder with only _SUCCESS.
   */
  public static boolean holdsParquet(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return false;
    }
    Path root = fs.makeQualified(dir);
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files =
        fs.listFiles(root, true);
    while (files.hasNext()) {
      Path p = fs.makeQualified(files.next().getPath());
      if (p.getName().endsWith(".parquet") && !hiddenBelow(root, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hiddenBelow(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (p.getName().startsWith("_") || p.getName().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Writes a small text file completely, then renames it into place. */
  public void writeText(Path path, String text) throws IOException {
    FileSystem fs = fs();
    Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp");
    try (FSDataOutputStream out = fs.create(tmp, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(path, false);
    if (!fs.rename(tmp, path)) {
      throw new IOException("could not move " + tmp + " to " + path);
    }
  }

  /**
   * The warehouse's own party hash key, created on first use (readable by the owner only where the
   * file system has permissions). Used when neither configuration nor environment provides a key.
   */
  public byte[] partyHashKey() throws IOException {
    FileSystem fs = fs();
    Path key = layout.partyHashKey();
    if (!fs.exists(key)) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      fs.mkdirs(key.getParent(), new FsPermission((short) 0700));
      try (OutputStream out = fs.create(key, false)) {
        out.write(HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII));
      }
      fs.setPermission(key, new FsPermission((short) 0600));
    }
    try (InputStream in = fs.open(key)) {
      return in.readAllBytes();
    }
  }
}
