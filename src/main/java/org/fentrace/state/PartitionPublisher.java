package org.fentrace.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.fentrace.warehouse.TableFormat;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes staged partitions and files with a write-ahead journal ({@code _state/journal.json}).
 *
 * <p>Everything a run changes is first written completely under {@code _staging/<run_id>/}. The
 * journal then lists every move (staged path to live path, or a live path to remove); only after it
 * is written are the moves made, each as renames, so a reader sees every partition either whole-old
 * or whole-new, never half-written. A run that dies mid-way leaves the journal behind, and the next
 * run replays it first (every step is idempotent), which finishes the publication exactly as the
 * dead run would have. A run that dies before the journal is written leaves the live tables
 * untouched.
 *
 * <p>Every table goes through it: the partitioned tables month by month ({@link #partitionMoves}),
 * the monthly aggregates, and the tables rewritten whole (the trend tables, {@code
 * route_sensitivity}, the report) by {@link #publishWhole}, which moves each staged folder over its
 * live one. A kill between two of those moves leaves every table readable, old or new, and the next
 * run finishes the set.
 *
 * <p>With {@code fentrace.warehouse.format=delta} the moves into published tables are not renames:
 * each table's moves become one Delta commit ({@link DeltaPublication}), made in journal order, and
 * a replay skips the commits already made. The rest (the ledger and the state under {@code _state},
 * the report page) is still renamed.
 */
public final class PartitionPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionPublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A staged path to move into place (staged == null: remove the live path). */
  public record Move(String staged, String live) {}

  /** The publication plan of one run; {@code tables} get a fresh _SUCCESS marker. */
  public record Journal(String runId, List<Move> moves, List<String> tables) {}

  private final Warehouse warehouse;

  public PartitionPublisher(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public static Path journalPath(Warehouse w) {
    return w.layout().journal();
  }

  /** Writes the journal, then makes every move, then cleans up. */
  public void publish(Journal journal) throws IOException {
    publish(journal, FaultInjection.MID_PUBLISH);
  }

  /**
   * Publishes tables staged whole under {@code _staging/<run_id>/<table>}: each replaces its live
   * folder (the staged folder carries its own {@code _SUCCESS} marker). {@code midPublish} names
   * the fault point passed after each move, so a crash test can stop this publication and no other.
   */
  public void publishWhole(String runId, List<String> tableNames, String midPublish)
      throws IOException {
    List<Move> moves = new ArrayList<>();
    for (String t : tableNames) {
      moves.add(
          new Move(warehouse.layout().staged(runId, t).toString(), warehouse.table(t).toString()));
    }
    publish(new Journal(runId, moves, List.of()), midPublish);
  }

  private void publish(Journal journal, String midPublish) throws IOException {
    FileSystem fs = warehouse.fs();
    fs.mkdirs(journalPath(warehouse).getParent());
    warehouse.writeText(journalPath(warehouse), JSON.writeValueAsString(journal));
    replay(journal, midPublish);
  }

  /**
   * Finishes the publication a dead run left behind; returns its run id, or null when there was
   * none.
   */
  public String recover() throws IOException {
    FileSystem fs = warehouse.fs();
    Path p = journalPath(warehouse);
    if (!fs.exists(p)) {
      return null;
    }
    Journal journal;
    try (InputStream in = fs.open(p)) {
      journal = JSON.readValue(in, Journal.class);
    }
    LOG.warn(
        "recovery: run {} died while publishing; finishing its {} moves",
        journal.runId(),
        journal.moves().size());
    replay(journal, null);
    return journal.runId();
  }

  private void replay(Journal journal, String midPublish) throws IOException {
    FileSystem fs = warehouse.fs();
    Path trash = warehouse.layout().trash(journal.runId());
    List<Move> renames = new ArrayList<>();
    if (warehouse.format() != TableFormat.DELTA) {
      refuseDeltaTables(fs, journal.moves());
      renames.addAll(journal.moves()); // in journal order: the crash tests stop after the Nth
    } else {
      DeltaPublication delta = new DeltaPublication(SparkSession.active(), warehouse);
      for (PublicationPlan.Step step : PublicationPlan.of(warehouse.layout(), journal.moves())) {
        if (step instanceof PublicationPlan.Rename r) {
          renames.add(r.move());
        } else if (step instanceof PublicationPlan.TableCommit c) {
          delta.commit(journal.runId(), c);
          if (midPublish != null) {
            FaultInjection.at(midPublish);
          }
        }
      }
    }
    int i = 0;
    for (Move m : renames) {
      Path live = new Path(m.live());
      Path aside = new Path(trash, Integer.toString(i++));
      if (m.staged() == null) {
        if (fs.exists(live)) {
          moveAside(fs, live, aside);
        }
        continue;
      }
      Path staged = new Path(m.staged());
      if (!fs.exists(staged)) {
        continue; // moved by an earlier attempt
      }
      if (fs.exists(live)) {
        moveAside(fs, live, aside);
      }
      fs.mkdirs(live.getParent());
      if (!fs.rename(staged, live)) {
        throw new IOException("could not move " + staged + " to " + live);
      }
      if (midPublish != null) {
        FaultInjection.at(midPublish);
      }
    }
    Set<String> tables = new LinkedHashSet<>(journal.tables());
    for (String t : tables) {
      Path dir = warehouse.table(t);
      fs.mkdirs(dir);
      warehouse.writeSuccessMarker(dir, journal.runId());
    }
    fs.delete(trash, true);
    fs.delete(warehouse.staging(journal.runId()), true);
    fs.delete(journalPath(warehouse), false);
  }

  /**
   * A Parquet publication must not rename folders into a Delta table: its log would not list them,
   * and readers would keep seeing the old rows.
   */
  private void refuseDeltaTables(FileSystem fs, List<Move> moves) throws IOException {
    Path root = warehouse.root();
    for (Move m : moves) {
      Path live = new Path(m.live());
      Path table =
          live.getParent() != null && live.getParent().equals(root) ? live : live.getParent();
      if (table != null
          && table.getParent() != null
          && table.getParent().equals(root)
          && TableReads.isDelta(fs, table)) {
        throw new IOException(
            "table "
                + table.getName()
                + " is a Delta table; this warehouse needs "
                + TableFormat.HADOOP_KEY
                + "="
                + TableFormat.DELTA.wireName());
      }
    }
  }

  /**
   * Moves a live folder into the trash. A replay after a kill inside a rename can find {@code
   * aside} already holding the previous night's folder while {@code live} holds a half-copied one
   * (on S3A a rename is a copy of each object, then a delete). S3A refuses to rename onto a
   * non-empty folder (HDFS would move the folder inside it), so the half-copied folder gets a fresh
   * name beside it: the trash is deleted whole once the publication ends, and the staged folder is
   * still whole.
   */
  private static void moveAside(FileSystem fs, Path live, Path aside) throws IOException {
    fs.mkdirs(aside.getParent());
    Path target = aside;
    for (int n = 1; fs.exists(target); n++) {
      target = new Path(aside.getParent(), aside.getName() + "-" + n);
    }
    if (!fs.rename(live, target)) {
      throw new IOException("could not move " + live + " aside to " + target);
    }
  }

  /** Builds the moves for a partitioned table: every staged month in, every emptied month out. */
  public static List<Move> partitionMoves(
      Path stagedTable,
      Path liveTable,
      String partitionColumn,
      Set<String> rewrittenMonths,
      Set<String> stagedMonths) {
    List<Move> moves = new ArrayList<>();
    for (String month : rewrittenMonths) {
      String dir = partitionColumn + "=" + month;
      moves.add(
          new Move(
              stagedMonths.contains(month) ? new Path(stagedTable, dir).toString() : null,
              new Path(liveTable, dir).toString()));
    }
    return moves;
  }
}
