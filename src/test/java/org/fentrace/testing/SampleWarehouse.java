package org.fentrace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fentrace.report.ReportAction;
import org.fentrace.report.ReportResult;

/**
 * The Quick start's night, built once per test JVM and shared by every test that reads the
 * warehouse of {@code sample-data/} as {@link Pipelines#run} leaves it (ingest and trends, run date
 * 2026-11-28, default settings): the report, querying and browser tests, the sources and policy
 * effects checks, and the local reference of the HDFS run. A whole night costs tens of seconds;
 * these tests only read it. The report (bundled policy events) is written into it on first demand.
 * Deleted when the JVM exits.
 */
public final class SampleWarehouse {
  public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);
  public static final String RUN_ID = "20261128T000000Z-test";

  private static Path warehouse;
  private static Pipelines.Run run;
  private static ReportResult report;

  private SampleWarehouse() {}

  /**
   * The warehouse folder, with every table and both exports (ingest and trends only, no report
   * yet). Readers must not write into it.
   */
  public static synchronized Path warehouse() throws IOException {
    if (warehouse == null) {
      Path tmp = Files.createTempDirectory("fentrace-report-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
      Path w = tmp.resolve("warehouse");
      Pipelines.Run night = Pipelines.run(Path.of("sample-data"), w, RUN_DATE);
      if (night.exitCode() != 0) {
        throw new IllegalStateException(
            "sample pipeline exited " + night.exitCode() + ": " + night.manifest());
      }
      run = night;
      warehouse = w;
    }
    return warehouse;
  }

  /** The night's exit code and manifest. */
  public static synchronized Pipelines.Run run() throws IOException {
    warehouse();
    return run;
  }

  /** The report of the sample warehouse, written once. */
  public static synchronized ReportResult report() throws IOException {
    if (report == null) {
      report =
          new ReportAction(
                  SharedSpark.session(),
                  new ReportAction.Options(warehouse().toString(), RUN_DATE, RUN_ID))
              .execute();
    }
    return report;
  }

  public static Path index() throws IOException {
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
