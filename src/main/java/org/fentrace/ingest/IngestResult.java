package org.fentrace.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of one ingestion: per-file accounting, rows and partitions written per
 * table, step timings, the first rejected rows as examples, where the parse was cached (null when
 * no file was read), and the exit code it implies (0, or 3 when a data-quality gate failed).
 */
public record IngestResult(
    String runId,
    LocalDate runDate,
    List<FileReport> files,
    Map<String, Long> tableRows,
    Map<String, List<String>> tablePartitions,
    Map<String, Long> timingsMillis,
    List<String> qualityFailures,
    List<String> rejectExamples,
    ParseCacheChoice parseCache) {

  public static final int EXIT_OK = 0;
  public static final int EXIT_QUALITY_GATE = 3;

  public int exitCode() {
    return qualityFailures.isEmpty() ? EXIT_OK : EXIT_QUALITY_GATE;
  }
}
