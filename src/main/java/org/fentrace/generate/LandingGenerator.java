package org.fentrace.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes synthetic landing data in the contract's {@code seizure_events} and {@code
 * customs_shipments} formats: {@code seizures-<chunk>.csv} and {@code shipments-<chunk>.csv} in
 * {@code outDir}, one thread per chunk (at most as many threads as processors). Each chunk draws
 * from its own streams, seeded from (seed, chunk), so the bytes depend only on the options, never
 * on scheduling; the first row of a chunk does not depend on the row count either. Memory does not
 * grow with rows.
 *
 * <p>Seizure rows of chunk {@code c}: {@code rows / chunks}, plus one for the first {@code rows %
 * chunks} chunks. Shipment rows of a chunk: {@code ceil(seizureRows(c) * shipmentRatio)}. About
 * {@code badRowRate} of the rows are deliberately bad ({@link BadKind}), and about 0.2% of seizure
 * rows are revisions (an id delivered again later in the same file with a corrected quantity).
 * Files of previous runs with other chunk counts are not deleted.
 *
 * <p>Plain Java with no dependencies and no Spark: {@code jobs/regenerate-sample-data} compiles
 * this package with javac alone. Random values come only from {@link java.util.SplittableRandom}
 * and {@link StrictMath}, so the bytes are the same on every JDK and CPU.
 */
public final class LandingGenerator {
  private LandingGenerator() {}

  /**
   * @param rows seizure rows in all, over all chunks
   * @param firstDay first day of the generated period
   * @param days length of the period in days
   * @param chunks number of chunks, i.e. of seizure files and of shipment files
   * @param badRowRate share of deliberately bad rows
   * @param shipmentRatio customs shipment rows per seizure row
   */
  public record Options(
      long rows,
      Path outDir,
      long seed,
      LocalDate firstDay,
      int days,
      int chunks,
      double badRowRate,
      double shipmentRatio,
      String idTag) {
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2018, 10, 1);

    /** FY2019 to FY2023: 2018-10-01 to 2023-09-30. */
    public static final int DEFAULT_DAYS = 1826;

    public static final int DEFAULT_CHUNKS = 4;
    public static final double DEFAULT_BAD_ROW_RATE = 0.005;
    public static final double DEFAULT_SHIPMENT_RATIO = 0.3;
    public static final int MAX_DAYS = 36_600;
    public static final int MAX_CHUNKS = 1024;

    /** Good dates stay before this, so that the year-2099 bad rows are the only future ones. */
    public static final LocalDate END_LIMIT = LocalDate.of(2099, 1, 1);

    public Options {
      if (rows < 0) {
        throw new IllegalArgumentException("rows must be 0 or more, got " + rows);
      }
      if (outDir == null) {
        throw new IllegalArgumentException("outDir is required");
      }
      if (firstDay == null) {
        throw new IllegalArgumentException("firstDay is required");
      }
      if (days < 1 || days > MAX_DAYS) {
        throw new IllegalArgumentException(
            "days must be between 1 and " + MAX_DAYS + ", got " + days);
      }
      if (firstDay.getYear() < 1900
          || firstDay.getYear() > 2098
          || !firstDay.plusDays(days).isBefore(END_LIMIT)) {
        throw new IllegalArgumentException(
            "the period "
                + firstDay
                + " plus "
                + days
                + " days must lie between 1900-01-01 and "
                + END_LIMIT
                + " (year-2099 dates are the deliberately bad ones)");
      }
      if (chunks < 1 || chunks > MAX_CHUNKS) {
        throw new IllegalArgumentException(
            "chunks must be between 1 and " + MAX_CHUNKS + ", got " + chunks);
      }
      if (!(badRowRate >= 0 && badRowRate <= 0.5)) {
        throw new IllegalArgumentException(
            "badRowRate must be between 0 and 0.5, got " + badRowRate);
      }
      if (!(shipmentRatio >= 0 && shipmentRatio <= 100)) {
        throw new IllegalArgumentException(
            "shipmentRatio must be between 0 and 100, got " + shipmentRatio);
      }
      idTag = idTag == null ? "" : idTag;
      if (!idTag.matches("[A-Z0-9]{0,16}")) {
        throw new IllegalArgumentException(
            "idTag must be up to 16 capital letters and digits, got '" + idTag + "'");
      }
    }

    /** Without an id tag: ids as {@code SZ0-000000001}. */
    public Options(
        long rows,
        Path outDir,
        long seed,
        LocalDate firstDay,
        int days,
        int chunks,
        double badRowRate,
        double shipmentRatio) {
      this(rows, outDir, seed, firstDay, days, chunks, badRowRate, shipmentRatio, "");
    }

    /** The defaults for everything but the row count, the folder and the seed. */
    public static Options of(long rows, Path outDir, long seed) {
      return new Options(
          rows,
          outDir,
          seed,
          DEFAULT_FIRST_DAY,
          DEFAULT_DAYS,
          DEFAULT_CHUNKS,
          DEFAULT_BAD_ROW_RATE,
          DEFAULT_SHIPMENT_RATIO);
    }

    public long seizureRows(int chunk) {
      return rows / chunks + (chunk < rows % chunks ? 1 : 0);
    }

    public long shipmentRows(int chunk) {
      // The epsilon keeps 1500 * 0.3333... from rounding up to 501; every link target stays below
      // it.
      return (long) Math.ceil(seizureRows(chunk) * shipmentRatio - 1e-9);
    }
  }

  /**
   * A deliberately bad row or a revision: the physical line its record starts on (header = 1), its
   * id, its kind.
   */
  public record Planted(long line, String id, String kind) {}

  /**
   * One file written.
   *
   * @param rows data rows, bad ones and revisions included
   * @param planted the first {@value ChunkWriter#PLANTED_LISTED} bad rows and revisions of the file
   */
  public record FileSummary(
      Path file,
      String format,
      long rows,
      long badRows,
      long revisions,
      Map<BadKind, Long> badByKind,
      List<Planted> planted) {}

  /** The files written, seizure then shipment file of each chunk, chunks in order. */
  public record Summary(List<FileSummary> files) {
    public long rows(String format) {
      return files.stream()
          .filter(f -> f.format().equals(format))
          .mapToLong(FileSummary::rows)
          .sum();
    }

    public long badRows() {
      return files.stream().mapToLong(FileSummary::badRows).sum();
    }

    /** One line per file (name, format, rows, bad rows by kind, revisions) and a total line. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (FileSummary f : files) {
        sb.append(f.file().getFileName())
            .append('\t')
            .append(f.format())
            .append('\t')
            .append(f.rows())
            .append(" rows\t")
            .append(f.badRows())
            .append(" bad ")
            .append(f.badByKind())
            .append('\t')
            .append(f.revisions())
            .append(" revisions\n");
      }
      return sb.append(rows("seizure_events"))
          .append(" seizure rows, ")
          .append(rows("customs_shipments"))
          .append(" shipment rows, ")
          .append(badRows())
          .append(" bad rows")
          .toString();
    }
  }

  public static Summary generate(Options o) throws IOException {
    return generate(o, Runtime.getRuntime().availableProcessors());
  }

  /**
   * As {@link #generate(Options)} on at most {@code threads} threads; the output is the same for
   * any count.
   */
  static Summary generate(Options o, int threads) throws IOException {
    Files.createDirectories(o.outDir());
    removeStaleChunks(o);
    Timeline seizures = seizureTimeline(o);
    Timeline shipments = shipmentTimeline(o);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, o.chunks())));
    try {
      List<Future<List<FileSummary>>> parts = new ArrayList<>();
      for (int c = 0; c < o.chunks(); c++) {
        int chunk = c;
        parts.add(pool.submit(() -> writeChunk(o, seizures, shipments, chunk)));
      }
      List<FileSummary> files = new ArrayList<>();
      for (Future<List<FileSummary>> part : parts) {
        files.addAll(part.get());
      }
      return new Summary(List.copyOf(files));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating " + o.outDir(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("generating " + o.outDir() + " failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Chunk files of an earlier generation into the same folder with more chunks would otherwise be
   * left beside the new ones and ingested with them: {@code seizures-N.csv} and {@code
   * shipments-N.csv} with N at or above the chunk count are removed (lower ones are overwritten).
   */
  private static void removeStaleChunks(Options o) throws IOException {
    try (var files = Files.list(o.outDir())) {
      for (Path f : files.toList()) {
        var m =
            java.util.regex.Pattern.compile("(?:seizures|shipments)-(\\d{1,9})\\.csv")
                .matcher(f.getFileName().toString());
        if (m.matches() && Integer.parseInt(m.group(1)) >= o.chunks()) {
          Files.delete(f);
        }
      }
    }
  }

  /** Writes only chunk {@code chunk}'s two files: the same bytes a full run writes for it. */
  static List<FileSummary> generateChunk(Options o, int chunk) throws IOException {
    if (chunk < 0 || chunk >= o.chunks()) {
      throw new IllegalArgumentException(
          "chunk must be between 0 and " + (o.chunks() - 1) + ", got " + chunk);
    }
    Files.createDirectories(o.outDir());
    return writeChunk(o, seizureTimeline(o), shipmentTimeline(o), chunk);
  }

  private static Timeline seizureTimeline(Options o) {
    return new Timeline(o.firstDay(), o.days(), SeizureScenario.volumes());
  }

  private static Timeline shipmentTimeline(Options o) {
    return new Timeline(o.firstDay(), o.days(), ShipmentCore.Kind.volumes());
  }

  private static List<FileSummary> writeChunk(
      Options o, Timeline seizures, Timeline shipments, int chunk) throws IOException {
    return ChunkWriter.write(
        o, seizures, new ShipmentMaker(shipments, o.seed(), o.badRowRate(), o.idTag()), chunk);
  }

  public static void main(String[] args) {
    int code = LandingGeneratorCli.run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }
}
