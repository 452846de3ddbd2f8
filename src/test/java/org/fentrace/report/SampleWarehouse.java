package org.fentrace.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;

/**
 * The Quick start's warehouse, built once per test JVM and shared by the report, querying and
 * browser tests: ingest and trends over {@code sample-data/} (run date 2026-11-28, as the other
 * sample tests), then the report with the bundled policy events. Deleted when the JVM exits.
 */
final class SampleWarehouse {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);
  static final String RUN_ID = "20261128T000000Z-test";

  private static Path warehouse;
  private static ReportResult report;

  private SampleWarehouse() {}

  /**
   * The warehouse folder, with every table and both exports (ingest and trends only, no report
   * yet).
   */
  static synchronized Path warehouse() throws IOException {
    if (warehouse == null) {
      Path tmp = Files.createTempDirectory("fentrace-report-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
      Path w = tmp.resolve("warehouse");
      Pipelines.Run run =
          Pipelines.execute(
              "run",
              EnumSet.of(PipelineRunner.Step.INGEST, PipelineRunner.Step.TRENDS),
              Path.of("sample-data"),
              w,
              RUN_DATE,
              Map.of());
      if (run.exitCode() != 0) {
        throw new IllegalStateException(
            "sample pipeline exited " + run.exitCode() + ": " + run.manifest());
      }
      warehouse = w;
    }
    return warehouse;
  }

  /** The report of the sample warehouse, written once. */
  static synchronized ReportResult report() throws IOException {
    if (report == null) {
      report =
          new ReportAction(
                  SharedSpark.session(),
                  new ReportAction.Options(warehouse().toString(), RUN_DATE, RUN_ID))
              .execute();
    }
    return report;
  }

  static Path index() throws IOException {
    report();
    return warehouse().resolve("report").resolve("index.html");
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary folder
    }
  }
}
