package org.fentrace.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Asserts that two warehouses (any Hadoop URI: local path, hdfs://) hold the same results: the same
 * tables with the same schemas and the same rows (as multisets, run_id columns left out; collected to
 * the driver, which suits test-sized warehouses) and
 * byte-identical exports/*.csv. Run manifests, staging and other {@code _*} folders are not compared.
 */
public final class WarehouseComparison {
  public static final List<String> CONTRACT_TABLES = List.of("seizures", "shipments", "rejected");
  private static final List<String> NOT_TABLES = List.of("exports", "report");

  private WarehouseComparison() {}

  public static void assertSameResults(String expected, String actual) throws IOException {
    assertSameResults(expected, actual, false);
  }

  /**
   * @param requireContractRows also require seizures, shipments and rejected to exist and hold rows in
   *     the expected warehouse (a comparison of two empty warehouses proves nothing)
   */
  public static void assertSameResults(String expected, String actual, boolean requireContractRows) throws IOException {
    SparkSession spark = SharedSpark.session();
    List<String> tables = tables(expected);
    if (requireContractRows) {
      assertThat(tables).as("tables in %s", expected).containsAll(CONTRACT_TABLES);
    }
    assertThat(tables(actual)).as("tables in %s", actual).isEqualTo(tables);
    for (String table : tables) {
      Dataset<Row> e = withoutRunIds(spark.read().parquet(expected + "/" + table));
      Dataset<Row> a = withoutRunIds(spark.read().parquet(actual + "/" + table));
      assertThat(a.schema().treeString()).as("schema of %s", table).isEqualTo(e.schema().treeString());
      List<String> ej = sortedJson(e);
      List<String> aj = sortedJson(a);
      if (!aj.equals(ej)) {
        List<String> missing = minus(ej, aj);
        List<String> extra = minus(aj, ej);
        throw new AssertionError(String.format("table %s differs: %d rows in %s, %d in %s; %d missing, e.g. %s;"
            + " %d unexpected, e.g. %s", table, ej.size(), expected, aj.size(), actual, missing.size(),
            missing.subList(0, Math.min(3, missing.size())), extra.size(), extra.subList(0, Math.min(3, extra.size()))));
      }
      if (requireContractRows && CONTRACT_TABLES.contains(table)) {
        assertThat(ej).as("rows of %s", table).isNotEmpty();
      }
    }
    assertSameExports(expected, actual);
  }

  /** Top-level folders that hold Parquet files, by name; {@code _*}, {@code .*}, exports and report excluded. */
  public static List<String> tables(String warehouse) throws IOException {
    FileSystem fs = fs(warehouse);
    TreeSet<String> tables = new TreeSet<>();
    for (FileStatus s : fs.listStatus(new Path(warehouse))) {
      String name = s.getPath().getName();
      if (s.isDirectory() && !name.startsWith("_") && !name.startsWith(".") && !NOT_TABLES.contains(name)
          && org.fentrace.warehouse.Warehouse.holdsParquet(fs, s.getPath())) {
        tables.add(name);
      }
    }
    return new ArrayList<>(tables);
  }

  private static void assertSameExports(String expected, String actual) throws IOException {
    TreeMap<String, byte[]> e = exports(expected);
    TreeMap<String, byte[]> a = exports(actual);
    assertThat(a.keySet()).as("exports/*.csv of %s", actual).isEqualTo(e.keySet());
    for (String name : e.keySet()) {
      assertThat(Arrays.equals(a.get(name), e.get(name))).as("exports/%s byte-identical (%d vs %d bytes)", name,
          a.get(name).length, e.get(name).length).isTrue();
    }
  }

  public static TreeMap<String, byte[]> exports(String warehouse) throws IOException {
    FileSystem fs = fs(warehouse);
    Path dir = new Path(warehouse, "exports");
    TreeMap<String, byte[]> files = new TreeMap<>();
    if (!fs.exists(dir)) {
      return files;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.isFile() && s.getPath().getName().endsWith(".csv")) {
        try (InputStream in = fs.open(s.getPath())) {
          files.put(s.getPath().getName(), in.readAllBytes());
        }
      }
    }
    return files;
  }

  public static FileSystem fs(String uri) throws IOException {
    return FileSystem.get(URI.create(uri.contains("://") ? uri : "file://" + uri),
        SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  private static Dataset<Row> withoutRunIds(Dataset<Row> d) {
    // analog_watch.new_this_run compares with the previous night's table: in one clean run every analog is new.
    return d.drop(Arrays.stream(d.columns()).filter(c -> c.equals("run_id") || c.endsWith("_run_id") || c.equals("new_this_run"))
        .toArray(String[]::new));
  }

  /** One JSON text per row, columns in name order, sorted: comparable whatever the column types. */
  private static List<String> sortedJson(Dataset<Row> d) {
    Column[] cols = Arrays.stream(d.columns()).sorted().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    List<String> rows = new ArrayList<>(d.select(to_json(struct(cols))).as(Encoders.STRING()).collectAsList());
    Collections.sort(rows);
    return rows;
  }

  /** The multiset difference a - b of two sorted lists. */
  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    int j = 0;
    for (String x : a) {
      while (j < b.size() && b.get(j).compareTo(x) < 0) {
        j++;
      }
      if (j < b.size() && b.get(j).equals(x)) {
        j++;
      } else {
        out.add(x);
      }
    }
    return out;
  }
}
