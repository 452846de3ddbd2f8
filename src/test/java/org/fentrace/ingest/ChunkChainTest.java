package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fentrace.formats.ChunkScan;
import org.fentrace.formats.CsvState;
import org.junit.jupiter.api.Test;

/** The per-file resolution of chunks, on chains worked through by hand. */
class ChunkChainTest {
  private static final CsvState R = CsvState.RECORD_START;
  private static final CsvState Q = CsvState.QUOTED;
  private static final CsvState X = CsvState.INVALID;
  private static final long NONE = ChunkScan.NO_LINE;

  private static ChunkChain.Outcome chunk(
      long breaks, CsvState recordAtEnd, CsvState quotedAtEnd, long quotedFirst, boolean aligned) {
    return new ChunkChain.Outcome(
        false, breaks, recordAtEnd, quotedAtEnd, quotedFirst, aligned, false, false);
  }

  @Test
  void aQuotedFieldAcrossABoundaryKeepsTheRowsFromTheFirstAlignedRecord() {
    // Chunk 0 (header included) has 3 line breaks and ends inside a quoted field.
    // Chunk 1 therefore follows the quoted hypothesis: its first record is on its line 2 (rows on
    // lines 0 and 1 belong to the field carried over); it starts on physical line 1 + 3 = 4 and
    // has 4 breaks, ending at a record start. Chunk 2 starts on line 1 + 3 + 4 = 8.
    ChunkChain.Resolution r =
        ChunkChain.resolve(
            List.of(
                chunk(3, Q, X, NONE, false), chunk(4, X, R, 2, true), chunk(5, R, Q, 0, false)));
    assertThat(r.fallback()).isNull();
    assertThat(r.chunks())
        .containsExactly(
            new ChunkChain.Kept(0, 0, 0, true, true),
            new ChunkChain.Kept(1, 2, 4, false, true),
            new ChunkChain.Kept(2, 0, 8, true, true));
  }

  @Test
  void aChunkWhollyInsideAQuotedFieldKeepsNothingAndPassesTheQuoteOn() {
    // Chunk 1 has no record under the quoted hypothesis and ends still quoted, so chunk 2 starts
    // quoted too, on line 1 + 2 + 1 = 4; its first record is its line 1.
    ChunkChain.Resolution r =
        ChunkChain.resolve(
            List.of(
                chunk(2, Q, X, NONE, false), chunk(1, R, Q, NONE, false), chunk(3, R, R, 1, true)));
    assertThat(r.chunks())
        .containsExactly(
            new ChunkChain.Kept(0, 0, 0, true, true),
            new ChunkChain.Kept(1, Long.MAX_VALUE, 3, false, false),
            new ChunkChain.Kept(2, 1, 4, false, true));
  }

  @Test
  void anEmptyChunkPassesTheStateOn() {
    ChunkChain.Resolution r =
        ChunkChain.resolve(
            List.of(
                chunk(2, R, X, NONE, false),
                new ChunkChain.Outcome(true, 0, R, Q, NONE, false, false, false),
                chunk(1, R, X, NONE, false)));
    assertThat(r.chunks().get(2)).isEqualTo(new ChunkChain.Kept(2, 0, 3, true, true));
  }

  @Test
  void whatTheChunksCannotSettleIsReadInOneTask() {
    // The quoted hypothesis starts a record where the parsed (record) hypothesis does not.
    assertThat(
            ChunkChain.resolve(List.of(chunk(1, Q, X, NONE, false), chunk(1, R, R, 0, false)))
                .fallback())
        .contains("read in one task");
    // The file ends inside a quoted field: a syntax error the one-task read reports.
    assertThat(ChunkChain.resolve(List.of(chunk(1, Q, X, NONE, false))).fallback())
        .contains("ends in CSV state QUOTED");
    // The true hypothesis meets a syntax error.
    assertThat(
            ChunkChain.resolve(List.of(chunk(1, R, X, NONE, false), chunk(1, X, R, NONE, false)))
                .fallback())
        .contains("chunk 1");
    ChunkChain.Outcome failed = new ChunkChain.Outcome(false, 1, R, X, NONE, false, true, false);
    assertThat(ChunkChain.resolve(List.of(failed)).fallback()).contains("chunk 0");
  }
}
