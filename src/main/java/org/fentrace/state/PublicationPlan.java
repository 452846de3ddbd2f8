package org.fentrace.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.fentrace.state.PartitionPublisher.Move;
import org.fentrace.warehouse.WarehouseLayout;

/**
 * Splits a journal's moves into what a Delta warehouse commits and what it still renames (pure: it
 * only compares paths). A move whose live path is a published table ({@code ROOT/table}) or one of
 * its partitions ({@code ROOT/table/column=value}) belongs to that table's one commit; everything
 * else (the ledger, the rules stamp, the aggregates and other versions under {@code _state}, the
 * report page) stays a rename.
 */
public final class PublicationPlan {
  /** One step of a publication: a rename, or one table's commit. */
  public sealed interface Step permits Rename, TableCommit {}

  public record Rename(Move move) implements Step {}

  /**
   * Every move of one table in one journal. {@code partitionColumn} is null when the table is
   * replaced whole; else {@code moves} replace the partitions {@link #partitionValues()}.
   */
  public record TableCommit(String table, String partitionColumn, List<Move> moves)
      implements Step {
    public boolean whole() {
      return partitionColumn == null;
    }

    /** The partition values the commit replaces (those staged and those emptied), sorted. */
    public Set<String> partitionValues() {
      Set<String> values = new TreeSet<>();
      for (Move m : moves) {
        values.add(new Path(m.live()).getName().substring(partitionColumn.length() + 1));
      }
      return values;
    }

    /**
     * A name for this commit that is the same when a dead run's journal is replayed, and differs
     * between two publications of one table in one run (each stages elsewhere): the first 16 hex
     * digits of the SHA-256 of its moves.
     */
    public String key() {
      try {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (Move m : moves) {
          d.update((m.staged() + "\n" + m.live() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest()).substring(0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private PublicationPlan() {}

  /**
   * The steps of {@code moves} in journal order: a table's commit stands where its first move
   * stood. A journal that replaces one table both whole and by partition is a programming error.
   */
  public static List<Step> of(WarehouseLayout layout, List<Move> moves) {
    String root = layout.root().toString();
    Map<String, List<Move>> byTable = new LinkedHashMap<>();
    Map<String, String> columns = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    for (Move m : moves) {
      Path live = new Path(m.live());
      String table = null;
      String column = null;
      if (live.getParent() != null && live.getParent().toString().equals(root)) {
        table = live.getName();
      } else if (live.getParent() != null
          && live.getParent().getParent() != null
          && live.getParent().getParent().toString().equals(root)
          && live.getName().contains("=")) {
        table = live.getParent().getName();
        column = live.getName().substring(0, live.getName().indexOf('='));
      }
      if (table == null || !isPublishedTable(layout, table)) {
        order.add(new Rename(m));
        continue;
      }
      if (!byTable.containsKey(table)) {
        byTable.put(table, new ArrayList<>());
        columns.put(table, column);
        order.add(table);
      } else if (!java.util.Objects.equals(columns.get(table), column)) {
        throw new IllegalStateException(
            "one publication replaces table " + table + " both whole and by partition");
      }
      byTable.get(table).add(m);
    }
    List<Step> steps = new ArrayList<>();
    for (Object o : order) {
      steps.add(
          o instanceof Rename r
              ? r
              : new TableCommit((String) o, columns.get(o), List.copyOf(byTable.get(o))));
    }
    return steps;
  }

  /**
   * A folder directly under the root that readers open as a table: not fentrace's own ({@code _} or
   * {@code .}), not the report page, not the CSV exports.
   */
  static boolean isPublishedTable(WarehouseLayout layout, String name) {
    return !name.startsWith("_")
        && !name.startsWith(".")
        && !name.equals(layout.report().getName())
        && !name.equals(layout.exports().getName());
  }
}
