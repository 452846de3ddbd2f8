package org.fentrace.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

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
import org.apache.spark.sql.SaveMode;

/**
 * The warehouse folder: where each table, the run manifests and the staging area live, and how a table
 * is published. A table is written complete under {@code _staging/<run_id>/} and then swapped into place
 * by two renames, so readers see the old table or the new one, not a half-written one.
 */
public final class Warehouse {
  private final Path root;
  private final Configuration conf;

  public Warehouse(String root, Configuration conf) {
    this.root = new Path(root);
    this.conf = conf;
  }

  public Path root() {
    return root;
  }

  public Path table(String name) {
    return new Path(root, name);
  }

  public Path runs() {
    return new Path(root, "_runs");
  }

  public Path staging(String runId) {
    return new Path(new Path(root, "_staging"), runId);
  }

  public FileSystem fs() throws IOException {
    return root.getFileSystem(conf);
  }

  /**
   * Writes a normalized table: Hive-style {@code event_month=yyyy-MM} partitions (when the table has
   * them), one file per partition, rows sorted by date and id so re-runs write the same files.
   */
  public void writeStaged(Dataset<Row> rows, WarehouseTable table, String runId) {
    Path target = new Path(staging(runId), table.tableName());
    if (table.partitionColumn() == null) {
      rows.coalesce(1).sortWithinPartitions("source_file", "source_line")
          .write().mode(SaveMode.Overwrite).parquet(target.toString());
      return;
    }
    rows.withColumn(table.partitionColumn(), date_format(col("event_date"), "yyyy-MM"))
        .repartition(col(table.partitionColumn()))
        .sortWithinPartitions(table.partitionColumn(), "event_date", "record_id")
        .write().mode(SaveMode.Overwrite).partitionBy(table.partitionColumn()).parquet(target.toString());
  }

  /** Swaps a staged table into place: old table to the run's trash, staged table in, trash removed. */
  public void publish(String tableName, String runId) throws IOException {
    FileSystem fs = fs();
    Path staged = new Path(staging(runId), tableName);
    Path live = table(tableName);
    Path trash = new Path(new Path(root, "_trash"), runId + "/" + tableName);
    if (fs.exists(live)) {
      fs.mkdirs(trash.getParent());
      if (!fs.rename(live, trash)) {
        throw new IOException("could not move " + live + " aside to " + trash);
      }
    }
    if (!fs.rename(staged, live)) {
      throw new IOException("could not move " + staged + " to " + live);
    }
    fs.delete(trash, true);
  }

  /**
   * Removes what dead runs left in {@code _staging} and {@code _trash}. Called while holding the lock,
   * after journal recovery, so nothing there can still be needed.
   */
  public void removeLeftovers(String currentRunId) throws IOException {
    FileSystem fs = fs();
    for (String dir : new String[] {"_staging", "_trash"}) {
      Path p = new Path(root, dir);
      if (fs.exists(p)) {
        for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(p)) {
          if (!s.getPath().getName().equals(currentRunId)) {
            fs.delete(s.getPath(), true);
          }
        }
      }
    }
  }

  /** Removes the run's staging and trash folders once everything is published. */
  public void cleanUp(String runId) throws IOException {
    FileSystem fs = fs();
    fs.delete(staging(runId), true);
    fs.delete(new Path(new Path(root, "_trash"), runId), true);
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
    Path key = new Path(new Path(root, "_secrets"), "party-hash.key");
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
