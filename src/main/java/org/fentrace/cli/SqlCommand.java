package org.fentrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.warehouse.TableFormat;
import org.fentrace.warehouse.TableReads;
import org.fentrace.warehouse.WarehouseViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fentrace sql}: Spark SQL over the warehouse tables, each registered as a view named after
 * its folder.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Run a Spark SQL query over the warehouse tables and print the result as CSV (or an aligned table).")
final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WarehouseOption warehouseOption;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "csv|table",
      description = "Output format: csv (default) or table.")
  String format;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master; default local[*].")
  String master;

  @Option(
      names = "--max-rows",
      defaultValue = "10000",
      description = "Most rows printed (default ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--as-of",
      paramLabel = "RUN_ID",
      description =
          "Query the Delta tables as run RUN_ID left them (its commits, or the last earlier ones):"
              + " time travel by run id, see 'fentrace runs'. Parquet warehouses keep no history.")
  String asOfRun;

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description = "A SELECT statement; tables: seizures, shipments, rejected, ...")
  String query;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("csv") && !format.equals("table")) {
      spec.commandLine()
          .getErr()
          .println("fentrace sql: --format must be csv or table, got '" + format + "'");
      return Main.EXIT_USAGE;
    }
    SparkSession spark =
        SparkSessions.create(
            "fentrace sql",
            master,
            java.util.Map.of(),
            "ERROR",
            formatOf(warehouseOption.warehouse));
    try {
      List<String> views;
      try {
        views = WarehouseViews.register(spark, warehouseOption.warehouse, asOfRun);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("fentrace sql: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
      if (views.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "fentrace sql: no tables under "
                    + warehouseOption.warehouse
                    + "; run 'fentrace run' first");
        return 1;
      }
      Dataset<Row> result = spark.sql(query);
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("table")) {
        printTable(result, out);
      } else {
        printCsv(result, out);
      }
      out.flush();
      return 0;
    } catch (Exception e) {
      if (e instanceof org.apache.spark.sql.AnalysisException
          || e instanceof org.apache.spark.sql.catalyst.parser.ParseException) {
        spec.commandLine().getErr().println("fentrace sql: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
      throw e;
    } finally {
      spark.stop();
    }
  }

  /**
   * Delta when any table of the warehouse is a Delta table (the session then gets Delta's SQL
   * extension, for queries such as {@code DESCRIBE HISTORY delta.`path`}); reads work either way.
   */
  private static TableFormat formatOf(String warehouse) throws IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(warehouse);
    FileSystem fs = root.getFileSystem(new org.apache.hadoop.conf.Configuration());
    if (fs.exists(root)) {
      for (FileStatus s : fs.listStatus(root)) {
        if (s.isDirectory() && TableReads.isDelta(fs, s.getPath())) {
          return TableFormat.DELTA;
        }
      }
    }
    return TableFormat.PARQUET;
  }

  private void printCsv(Dataset<Row> result, PrintWriter out) throws IOException {
    CSVPrinter csv =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
    csv.printRecord((Object[]) result.columns());
    for (Row r : result.takeAsList(maxRows)) {
      csv.printRecord((Object[]) cells(r));
    }
    csv.flush();
  }

  /** An aligned text table: numbers right-aligned, text left-aligned. */
  private void printTable(Dataset<Row> result, PrintWriter out) {
    String[] names = result.columns();
    List<String[]> rows = new ArrayList<>();
    int[] width = new int[names.length];
    boolean[] numeric = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      width[i] = names[i].length();
      numeric[i] =
          result.schema().fields()[i].dataType() instanceof org.apache.spark.sql.types.NumericType;
    }
    for (Row r : result.takeAsList(maxRows)) {
      String[] c = cells(r);
      for (int i = 0; i < c.length; i++) {
        width[i] = Math.max(width[i], c[i].length());
      }
      rows.add(c);
    }
    out.println(line(names, width, new boolean[names.length]));
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
    }
    out.println(rule);
    for (String[] c : rows) {
      out.println(line(c, width, numeric));
    }
  }

  private static String line(String[] cells, int[] width, boolean[] right) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      b.append(i == 0 ? "" : " | ");
      String pad = " ".repeat(width[i] - cells[i].length());
      b.append(right[i] ? pad + cells[i] : cells[i] + pad);
    }
    return b.toString().stripTrailing();
  }

  private static String[] cells(Row r) {
    String[] cells = new String[r.size()];
    for (int i = 0; i < cells.length; i++) {
      Object v = r.get(i);
      cells[i] =
          v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
    }
    return cells;
  }
}
