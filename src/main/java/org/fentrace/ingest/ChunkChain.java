package org.fentrace.ingest;

import java.util.ArrayList;
import java.util.List;
import org.fentrace.formats.ChunkScan;
import org.fentrace.formats.CsvState;

/**
 * The per-file resolution step of a file parsed in byte ranges ("chunks"): from what each chunk's
 * speculative scan found ({@link ChunkScan}), which hypothesis holds for each chunk, which of its
 * rows are kept, and the line offset that turns its chunk-relative lines into the file's physical
 * lines. Pure: a few numbers per chunk, no rows.
 *
 * <p>The first chunk starts at a record start. Each next chunk starts in the state the previous
 * chunk's true hypothesis ended in: a record start (keep every row it parsed) or inside a quoted
 * field (keep its rows from the line where that hypothesis starts its first record, when the record
 * hypothesis starts one there too; none when it starts none). Line offsets are prefix sums of the
 * chunks' line-break counts: a chunk starting after {@code n} line breaks starts on physical line
 * {@code n + 1}. Whatever the chunks cannot settle alone sends the file back to being read in one
 * task, which is exact by construction: a syntax or read error on the true path, a file ending
 * inside a quoted field, or a quoted hypothesis that starts records where the parsed one does not.
 */
final class ChunkChain {
  private ChunkChain() {}

  /**
   * What one chunk's task found.
   *
   * @param empty the chunk holds no byte (a line longer than the split size, or the end of the
   *     file, swallowed it): it passes the state on
   * @param breaks line breaks in the chunk
   * @param recordAtEnd state at the chunk's end if it starts at a record start
   * @param quotedAtEnd state at the chunk's end if it starts inside a quoted field
   * @param quotedFirstLine chunk-relative line of the quoted hypothesis' first record, or {@link
   *     ChunkScan#NO_LINE}
   * @param aligned the parsed (record) hypothesis starts a record on that line too
   * @param headFailed the rows before {@code quotedFirstLine} met a syntax or read error
   * @param tailFailed the rows from {@code quotedFirstLine} on met a syntax or read error
   */
  record Outcome(
      boolean empty,
      long breaks,
      CsvState recordAtEnd,
      CsvState quotedAtEnd,
      long quotedFirstLine,
      boolean aligned,
      boolean headFailed,
      boolean tailFailed) {}

  /**
   * How one chunk's rows are kept: rows whose chunk-relative line is at least {@code keepFromLine}
   * (of the parts named), their line plus {@code lineOffset}.
   */
  record Kept(int chunk, long keepFromLine, long lineOffset, boolean head, boolean tail) {}

  /** The file's chunks resolved, or why the file is read in one task instead. */
  record Resolution(List<Kept> chunks, String fallback) {}

  static Resolution resolve(List<Outcome> outcomes) {
    List<Kept> kept = new ArrayList<>();
    CsvState state = CsvState.RECORD_START;
    long linesBefore = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      long offset = i == 0 ? 0 : 1 + linesBefore;
      if (o.empty()) {
        kept.add(new Kept(i, Long.MAX_VALUE, offset, false, false));
      } else if (state == CsvState.RECORD_START) {
        if (o.headFailed() || o.tailFailed() || o.recordAtEnd() == CsvState.INVALID) {
          return fallback("chunk " + i + " holds a CSV syntax or read error");
        }
        kept.add(new Kept(i, 0, offset, true, true));
        state = o.recordAtEnd();
      } else if (state == CsvState.QUOTED) {
        if (o.quotedAtEnd() == CsvState.INVALID) {
          return fallback("chunk " + i + " holds a CSV syntax error");
        }
        if (o.quotedFirstLine() == ChunkScan.NO_LINE) {
          kept.add(new Kept(i, Long.MAX_VALUE, offset, false, false));
        } else if (!o.aligned()) {
          return fallback(
              "a quoted field crosses into chunk " + i + " and its rows read differently after it");
        } else if (o.tailFailed()) {
          return fallback("chunk " + i + " holds a CSV syntax or read error");
        } else {
          kept.add(new Kept(i, o.quotedFirstLine(), offset, false, true));
        }
        state = o.quotedAtEnd();
      } else {
        return fallback("chunk " + i + " starts in CSV state " + state);
      }
      linesBefore += o.breaks();
    }
    if (!state.canEndFile()) {
      return fallback("the file ends in CSV state " + state);
    }
    return new Resolution(List.copyOf(kept), null);
  }

  private static Resolution fallback(String why) {
    return new Resolution(List.of(), why + ": read in one task");
  }
}
