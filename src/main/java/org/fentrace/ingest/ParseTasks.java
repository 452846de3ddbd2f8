package org.fentrace.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups parse units into tasks. Each task is one Spark partition whose rows stay cached together,
 * so the grouping decides not only how the parse spreads over the cores but how evenly every later
 * read of the parse does.
 */
final class ParseTasks {
  private ParseTasks() {}

  /** One task per unit: files read whole, whatever their number. */
  static List<List<ParseUnit>> oneEach(List<ParseUnit> units) {
    // A mutable outer list: ranges() appends the range tasks to the checksums' ones.
    List<List<ParseUnit>> tasks = new ArrayList<>();
    for (ParseUnit u : units) {
      tasks.add(List.of(u));
    }
    return tasks;
  }

  /**
   * The tasks of split files: each checksum alone (it reads its whole file and yields one row), and
   * the byte ranges one each, or when there are more than {@code maxRangeTasks} (a tiny split size
   * must not make thousands of tasks) that many tasks of consecutive ranges, balanced by bytes: a
   * range goes to the task its middle byte falls in when the ranges' bytes are cut into equal
   * shares. A file's short last range thus joins a full one instead of making two full ones share a
   * task, which would leave that task running alone at the end of the parse and of every read of
   * its rows.
   *
   * @param chunks the ranges, in file order then range order
   */
  static List<List<ParseUnit>> ranges(
      List<ParseUnit> checksums, List<ParseUnit> chunks, int maxRangeTasks) {
    if (maxRangeTasks < 1) {
      throw new IllegalArgumentException("maxRangeTasks must be at least 1, got " + maxRangeTasks);
    }
    List<List<ParseUnit>> tasks = oneEach(checksums);
    if (chunks.size() <= maxRangeTasks) {
      tasks.addAll(oneEach(chunks));
      return tasks;
    }
    long total = 0;
    for (ParseUnit u : chunks) {
      total += bytes(u);
    }
    int groups = maxRangeTasks;
    List<List<ParseUnit>> ranges = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      ranges.add(new ArrayList<>());
    }
    long offset = 0;
    for (ParseUnit u : chunks) {
      long length = bytes(u);
      long middle = offset + length / 2;
      int g = total == 0 ? 0 : (int) Math.min(groups - 1, (double) middle * groups / total);
      ranges.get(g).add(u);
      offset += length;
    }
    ranges.stream().filter(r -> !r.isEmpty()).forEach(tasks::add);
    return tasks;
  }

  /** The bytes of its file a range is given: {@code splitBytes}, less for the file's last range. */
  static long bytes(ParseUnit chunk) {
    long start = chunk.chunk() * chunk.splitBytes();
    return Math.max(0, Math.min(chunk.splitBytes(), chunk.file().size() - start));
  }
}
