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
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.aggregates.AggregateStore;
import org.fentrace.aggregates.MonthlyAggregate;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableReads;

/**
 * Asserts that two warehouses (any Hadoop URI: local path, hdfs://) hold the same results: the same
 * tables with the same schemas and the same rows (as multisets, run_id columns left out; collected
 * to the driver, which suits test-sized warehouses) and byte-identical exports/*.csv, and the same
 * monthly aggregates ({@code _state/aggregates}). Run manifests, staging and the other {@code _*}
 * folders are not compared.
 */
public final class WarehouseComparison {
  public static final List<String> CONTRACT_TABLES = List.of("seizures", "shipments", "rejected");
  private static final List<String> NOT_TABLES = List.of("exports", "report");

  private WarehouseComparison() {}

  public static void assertSameResults(String expected, String actual) throws IOException {
    assertSameResults(expected, actual, false);
  }

  /**
   * @param requireContractRows also require seizures, shipments and rejected to exist and hold rows
   *     in the expected warehouse (a comparison of two empty warehouses proves nothing)
   */
  public static void assertSameResults(String expected, String actual, boolean requireContractRows)
      throws IOException {
    SparkSession spark = SharedSpark.session();
    List<String> tables = tables(expected);
    if (requireContractRows) {
      assertThat(tables).as("tables in %s", expected).containsAll(CONTRACT_TABLES);
    }
    assertThat(tables(actual)).as("tables in %s", actual).isEqualTo(tables);
    for (String table : tables) {
      Dataset<Row> e = withoutRunIds(read(spark, expected, table, null));
      Dataset<Row> a = withoutRunIds(read(spark, actual, table, null));
      assertThat(a.schema().treeString())
          .as("schema of table %s", table)
          .isEqualTo(e.schema().treeString());
      List<String> ej = assertSameRows("table " + table, expected, e, actual, a);
      if (requireContractRows && CONTRACT_TABLES.contains(table)) {
        assertThat(ej).as("rows of %s", table).isNotEmpty();
      }
    }
    assertSameAggregates(expected, actual);
    assertSameExports(expected, actual);
  }

  /**
   * The monthly aggregates ({@code _state/aggregates}) of two warehouses hold the same rows: an
   * aggregate kept up to date night by night equals one built in a single run. One built in only
   * one of the two is a difference too.
   */
  public static void assertSameAggregates(String expected, String actual) throws IOException {
    SparkSession spark = SharedSpark.session();
    for (MonthlyAggregate m : MonthlyAggregate.values()) {
      Path e = aggregate(expected, m);
      Path a = aggregate(actual, m);
      assertThat(fs(actual).exists(a))
          .as("aggregate %s present in %s as in %s", m.storeName(), actual, expected)
          .isEqualTo(fs(expected).exists(e));
      if (fs(expected).exists(e)) {
        assertSameRows(
            "aggregate " + m.storeName(),
            expected,
            spark.read().parquet(e.toString()),
            actual,
            spark.read().parquet(a.toString()));
      }
    }
  }

  /**
   * Every monthly aggregate of a warehouse equals the same aggregate computed now from its whole
   * table.
   */
  public static void assertAggregatesMatchTables(String warehouse) throws IOException {
    SparkSession spark = SharedSpark.session();
    for (MonthlyAggregate m : MonthlyAggregate.values()) {
      Path live = aggregate(warehouse, m);
      assertThat(fs(warehouse).exists(new Path(live, "_SUCCESS")))
          .as("aggregate %s in %s", m.storeName(), warehouse)
          .isTrue();
      StructType schema =
          SparkSchemas.structType(m.source()).add(AggregateStore.MONTH, DataTypes.StringType);
      Dataset<Row> fromTable = m.of(read(spark, warehouse, m.source().tableName(), schema));
      assertSameRows(
          "aggregate " + m.storeName() + " recomputed from " + m.source().tableName(),
          "the table",
          fromTable,
          warehouse,
          spark.read().parquet(live.toString()));
    }
  }

  /** A live table, Parquet or Delta (the format each warehouse stored it in). */
  public static Dataset<Row> read(
      SparkSession spark, String warehouse, String table, StructType schema) throws IOException {
    return TableReads.read(spark, fs(warehouse), new Path(warehouse, table), schema);
  }

  private static Path aggregate(String warehouse, MonthlyAggregate m) {
    return new org.fentrace.warehouse.WarehouseLayout(warehouse).aggregate(m.storeName());
  }

  /**
   * Same column names and types (nullability aside: a computed frame and its Parquet file differ
   * there) and the same rows as multisets, or an AssertionError with examples; returns the expected
   * rows as JSON.
   */
  private static List<String> assertSameRows(
      String what, String expected, Dataset<Row> e, String actual, Dataset<Row> a) {
    assertThat(columns(a)).as("columns of %s", what).isEqualTo(columns(e));
    List<String> ej = sortedJson(e);
    List<String> aj = sortedJson(a);
    if (!aj.equals(ej)) {
      List<String> missing = minus(ej, aj);
      List<String> extra = minus(aj, ej);
      throw new AssertionError(
          String.format(
              "%s differs: %d rows in %s, %d in %s; %d missing, e.g. %s;"
                  + " %d unexpected, e.g. %s",
              what,
              ej.size(),
              expected,
              aj.size(),
              actual,
              missing.size(),
              missing.subList(0, Math.min(3, missing.size())),
              extra.size(),
              extra.subList(0, Math.min(3, extra.size()))));
    }
    return ej;
  }

  private static List<String> columns(Dataset<Row> d) {
    return Arrays.stream(d.schema().fields())
        .map(f -> f.name() + " " + f.dataType().simpleString())
        .toList();
  }

  /**
   * Top-level folders that hold Parquet files, by name; {@code _*}, {@code .*}, exports and report
   * excluded.
   */
  public static List<String> tables(String warehouse) throws IOException {
    FileSystem fs = fs(warehouse);
    TreeSet<String> tables = new TreeSet<>();
    for (FileStatus s : fs.listStatus(new Path(warehouse))) {
      String name = s.getPath().getName();
      if (s.isDirectory()
          && !name.startsWith("_")
          && !name.startsWith(".")
          && !NOT_TABLES.contains(name)
          && TableReads.holdsTable(fs, s.getPath())) {
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
      assertThat(Arrays.equals(a.get(name), e.get(name)))
          .as(
              "exports/%s byte-identical (%d vs %d bytes)",
              name, a.get(name).length, e.get(name).length)
          .isTrue();
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
    return FileSystem.get(
        URI.create(uri.contains("://") ? uri : "file://" + uri),
        SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  private static Dataset<Row> withoutRunIds(Dataset<Row> d) {
    // analog_watch.new_this_run compares with the previous night's table: one clean run marks
    // nothing new.
    return d.drop(
        Arrays.stream(d.columns())
            .filter(c -> c.equals("run_id") || c.endsWith("_run_id") || c.equals("new_this_run"))
            .toArray(String[]::new));
  }

  /** One JSON text per row, columns in name order, sorted: comparable whatever the column types. */
  private static List<String> sortedJson(Dataset<Row> d) {
    Column[] cols =
        Arrays.stream(d.columns()).sorted().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    List<String> rows =
        new ArrayList<>(d.select(to_json(struct(cols))).as(Encoders.STRING()).collectAsList());
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
