package org.fentrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fentrace.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fentrace runs}: the recent runs of a warehouse from their manifests, newest first. No
 * Spark needed.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description =
        "List recent runs of a warehouse: outcome, duration and row counts, from "
            + WarehouseLayout.RUNS
            + "/*.json.")
final class RunsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin WarehouseOption warehouseOption;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Most runs listed (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    Path runs = new org.fentrace.warehouse.WarehouseLayout(warehouseOption.warehouse).runs();
    FileSystem fs = runs.getFileSystem(new Configuration());
    PrintWriter out = spec.commandLine().getOut();
    if (!fs.exists(runs)) {
      spec.commandLine()
          .getErr()
          .println("fentrace runs: no runs recorded under " + warehouseOption.warehouse);
      return 1;
    }
    List<JsonNode> manifests = new ArrayList<>();
    for (FileStatus s : fs.listStatus(runs)) {
      if (s.getPath().getName().endsWith(".json")) {
        try (InputStream in = fs.open(s.getPath())) {
          manifests.add(JSON.readTree(in));
        }
      }
    }
    manifests.sort(Comparator.comparing((JsonNode m) -> m.path("started_at").asText()).reversed());
    out.printf(
        "%-26s %-7s %-10s %-20s %4s %9s %6s %12s %10s %10s%n",
        "run_id",
        "command",
        "run_date",
        "outcome",
        "exit",
        "duration",
        "files",
        "rows_read",
        "normalized",
        "rejected");
    for (JsonNode m : manifests.subList(0, Math.min(limit, manifests.size()))) {
      JsonNode totals = m.path("totals");
      String duration =
          m.hasNonNull("finished_at")
              ? formatDuration(
                  Duration.between(
                      Instant.parse(m.get("started_at").asText()),
                      Instant.parse(m.get("finished_at").asText())))
              : "-";
      out.printf(
          "%-26s %-7s %-10s %-20s %4s %9s %6s %12s %10s %10s%n",
          m.path("run_id").asText(),
          m.path("command").asText(),
          m.path("run_date").asText(),
          m.path("outcome").asText("UNFINISHED"),
          m.path("exit_code").asText("-"),
          duration,
          totals.path("files").asText("-"),
          totals.path("rows_read").asText("-"),
          totals.path("normalized").asText("-"),
          totals.path("rejected").asText("-"));
    }
    out.flush();
    return 0;
  }

  private static String formatDuration(Duration d) {
    long s = d.getSeconds();
    return s >= 60
        ? (s / 60) + "m" + String.format("%02d", s % 60) + "s"
        : (d.toMillis() / 1000.0) + "s";
  }
}
