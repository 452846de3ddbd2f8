package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.testing.SampleWarehouse;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the queries of {@code docs/querying.md} exactly as written, the {@code jobs/fentrace sql}
 * (Spark SQL) version and the DuckDB version (duckdb_jdbc), against the sample warehouse, and
 * checks that both return the same non-empty rows: same columns, same order, equal values (decimals
 * compared exactly; the {@code *_pct} columns, which DuckDB computes in doubles, within one unit of
 * their last decimal). Every question must also have its pandas version in the document.
 */
class QueryingDocIT {
  static final String DOC = "docs/querying.md";
  static final String DOC_WAREHOUSE = "out/warehouse";
  static final Pattern BLOCK =
      Pattern.compile(
          "<!-- (q\\d+):(spark|duckdb|pandas) -->\\s*```(\\w+)\\n(.*?)```", Pattern.DOTALL);
  static final Pattern FENTRACE_SQL =
      Pattern.compile(
          "^jobs/fentrace sql --warehouse "
              + Pattern.quote(DOC_WAREHOUSE)
              + "(?: --format table)? \"(.*)\"\\s*$",
          Pattern.DOTALL);

  static Map<String, Map<String, String>> queries;
  static Path warehouse;

  @BeforeAll
  static void read() throws IOException {
    queries = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(Path.of(DOC)));
    while (m.find()) {
      queries
          .computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
          .put(m.group(2), m.group(4).strip());
    }
    warehouse = SampleWarehouse.warehouse();
  }

  @Test
  void everyQuestionIsAnsweredInAllThreeTools() {
    assertThat(queries).containsKeys("q1", "q2", "q3");
    queries.forEach(
        (q, tools) -> assertThat(tools).as(q).containsOnlyKeys("spark", "duckdb", "pandas"));
    queries.forEach((q, tools) -> assertThat(tools.get("spark")).as(q).matches(FENTRACE_SQL));
  }

  @Test
  void sparkSqlAndDuckDbAgreeOnTheSampleWarehouse() throws Exception {
    SparkSession spark =
        SharedSpark.session().newSession(); // own temporary views, shared SparkContext
    org.fentrace.warehouse.WarehouseViews.register(spark, warehouse.toString());
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Map.Entry<String, Map<String, String>> e : queries.entrySet()) {
        Matcher sql = FENTRACE_SQL.matcher(e.getValue().get("spark"));
        assertThat(sql.matches()).as(e.getKey()).isTrue();
        Result fromSpark = spark(spark, sql.group(1));
        Result fromDuck =
            duckdb(
                duck,
                e.getValue()
                    .get("duckdb")
                    .replace(
                        "'" + DOC_WAREHOUSE + "/",
                        "'" + warehouse.toString().replace("'", "''") + "/"));
        assertThat(fromSpark.rows()).as("%s returns rows", e.getKey()).isNotEmpty();
        assertThat(fromDuck.columns()).as("%s columns", e.getKey()).isEqualTo(fromSpark.columns());
        assertThat(fromDuck.rows()).as("%s row count", e.getKey()).hasSameSizeAs(fromSpark.rows());
        for (int r = 0; r < fromSpark.rows().size(); r++) {
          for (int c = 0; c < fromSpark.columns().size(); c++) {
            String column = fromSpark.columns().get(c);
            assertAgree(
                e.getKey() + " row " + (r + 1) + " " + column,
                column,
                fromSpark.rows().get(r).get(c),
                fromDuck.rows().get(r).get(c));
          }
        }
      }
    }
  }

  record Result(List<String> columns, List<List<Object>> rows) {}

  static void assertAgree(String where, String column, Object spark, Object duck) {
    if (spark == null || duck == null) {
      assertThat(duck).as(where).isEqualTo(spark);
    } else if (spark instanceof Number a && duck instanceof Number b) {
      BigDecimal x = new BigDecimal(a.toString());
      BigDecimal y = new BigDecimal(b.toString());
      BigDecimal tolerance =
          column.endsWith("_pct") ? new BigDecimal("0.1000001") : BigDecimal.ZERO;
      assertThat(x.subtract(y).abs())
          .as("%s: Spark %s, DuckDB %s", where, x, y)
          .isLessThanOrEqualTo(tolerance);
    } else {
      assertThat(text(duck)).as(where).isEqualTo(text(spark));
    }
  }

  /** Dates as yyyy-MM-dd whichever class the engine returns; everything else by its string form. */
  static String text(Object v) {
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toLocalDate().toString();
    }
    return v.toString();
  }

  static Result spark(SparkSession spark, String sql) {
    Dataset<Row> ds = spark.sql(sql);
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : ds.collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        values.add(r.get(i));
      }
      rows.add(values);
    }
    return new Result(List.of(ds.columns()), rows);
  }

  static Result duckdb(Connection duck, String sql) throws Exception {
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql.replaceAll(";\\s*$", ""))) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          values.add(rs.getObject(i));
        }
        rows.add(values);
      }
      return new Result(columns, rows);
    }
  }

  /**
   * Registers each table folder of the warehouse as a view, as {@code jobs/fentrace sql} does:
   * folders not starting with {@code _} or {@code .} that hold Parquet files ({@code exports/} and
   * {@code report/} do not).
   */
}
