package org.fentrace.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.fentrace.generate.LandingGenerator.FileSummary;
import org.fentrace.generate.LandingGenerator.Options;
import org.fentrace.generate.LandingGenerator.Planted;

/**
 * Writes the two files of one chunk, {@code seizures-<chunk>.csv} and {@code
 * shipments-<chunk>.csv}. Everything in them depends only on the options and the chunk number,
 * never on other chunks or on thread scheduling. Odd chunks end their lines with CRLF, even ones
 * with LF (quoted newlines inside values are LF in both), as files from different exporters do.
 */
final class ChunkWriter {
  /**
   * Share of seizure rows delivered a second time, later in the same file, with a corrected
   * quantity.
   */
  static final double REVISION_RATE = 0.002;

  /** A revision comes at most this many rows after the row it revises. */
  static final int REVISION_WINDOW = 200;

  /**
   * How many bad rows and revisions per file the summary lists (the counts are always complete).
   */
  static final int PLANTED_LISTED = 200;

  static final String REVISION = "REVISION";

  private ChunkWriter() {}

  static String seizureFile(int chunk) {
    return "seizures-" + chunk + ".csv";
  }

  static String shipmentFile(int chunk) {
    return "shipments-" + chunk + ".csv";
  }

  static List<FileSummary> write(Options o, Timeline seizures, ShipmentMaker shipments, int chunk)
      throws IOException {
    String eol = chunk % 2 == 1 ? "\r\n" : "\n";
    List<FileSummary> files = new ArrayList<>(2);
    files.add(writeSeizures(o, seizures, shipments, chunk, eol));
    files.add(writeShipments(o, shipments, chunk, eol));
    return files;
  }

  private record Pending(long due, long seq, SeizureFields fields) {}

  private static FileSummary writeSeizures(
      Options o, Timeline timeline, ShipmentMaker shipments, int chunk, String eol)
      throws IOException {
    Path file = o.outDir().resolve(seizureFile(chunk));
    Tally tally = new Tally(file, "seizure_events");
    long n = o.seizureRows(chunk);
    SplittableRandom r = new SplittableRandom(Rand.seed(o.seed(), chunk, -1));
    SeizureMaker maker =
        new SeizureMaker(
            timeline, shipments, chunk, o.shipmentRows(chunk), o.shipmentRatio(), o.idTag());
    SeizureFields f = new SeizureFields();
    PriorityQueue<Pending> pending =
        new PriorityQueue<>(Comparator.comparingLong(Pending::due).thenComparingLong(Pending::seq));
    long seq = 0;
    try (CsvOut out = new CsvOut(file, eol, LandingSpellings.SEIZURE_HEADER)) {
      for (long k = 0; k < n; k++) {
        Pending p = pending.peek();
        if (p != null && p.due() <= k) {
          pending.poll();
          p.fields().write(out);
          tally.revision(out.lastRecordLine(), p.fields().id);
          continue;
        }
        maker.next(r, k, f);
        if (Rand.chance(r, o.badRowRate())) {
          BadKind kind = Rand.pick(r, BadKind.FOR_SEIZURES);
          f.spoil(kind, r);
          f.write(out);
          tally.bad(out.lastRecordLine(), f.id, kind);
        } else {
          if (Rand.chance(r, REVISION_RATE)) {
            pending.add(new Pending(k + 1 + r.nextInt(REVISION_WINDOW), seq++, f.revised(r)));
          }
          f.write(out);
          tally.rows++;
        }
      }
    }
    return tally.summary();
  }

  private static FileSummary writeShipments(
      Options o, ShipmentMaker shipments, int chunk, String eol) throws IOException {
    Path file = o.outDir().resolve(shipmentFile(chunk));
    Tally tally = new Tally(file, "customs_shipments");
    long n = o.shipmentRows(chunk);
    try (CsvOut out = new CsvOut(file, eol, LandingSpellings.SHIPMENT_HEADER)) {
      for (long j = 0; j < n; j++) {
        BadKind kind = shipments.write(chunk, j, out);
        if (kind != null) {
          tally.bad(out.lastRecordLine(), shipments.lastId(), kind);
        } else {
          tally.rows++;
        }
      }
    }
    return tally.summary();
  }

  /** Counts for one file; memory bounded whatever the row count. */
  private static final class Tally {
    private final Path file;
    private final String format;
    long rows;
    private long bad;
    private long revisions;
    private final long[] byKind = new long[BadKind.values().length];
    private final List<Planted> planted = new ArrayList<>();

    Tally(Path file, String format) {
      this.file = file;
      this.format = format;
    }

    void bad(long line, String id, BadKind kind) {
      rows++;
      bad++;
      byKind[kind.ordinal()]++;
      note(new Planted(line, id, kind.name()));
    }

    void revision(long line, String id) {
      rows++;
      revisions++;
      note(new Planted(line, id, REVISION));
    }

    private void note(Planted p) {
      if (planted.size() < PLANTED_LISTED) {
        planted.add(p);
      }
    }

    FileSummary summary() {
      Map<BadKind, Long> kinds = new EnumMap<>(BadKind.class);
      for (BadKind k : BadKind.values()) {
        if (byKind[k.ordinal()] > 0) {
          kinds.put(k, byKind[k.ordinal()]);
        }
      }
      return new FileSummary(file, format, rows, bad, revisions, kinds, planted);
    }
  }
}
