package org.fentrace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fentrace.normalize.NormalizerSettings;
import org.fentrace.routes.RouteRules;
import org.fentrace.routes.RuleField;

/**
 * Benchmark competitor (c): fentrace's ingest, normalization and route attribution done by DuckDB
 * through duckdb_jdbc, with a fixed thread count and memory limit (see {@link DuckDbSql} for the
 * SQL and what it simplifies). In-memory database; temporary tables spill to {@code --temp} beyond
 * the limit.
 *
 * <p>Usage: {@code DuckDbIngest --landing DIR --out DIR [--threads 2] [--memory 4GB] [--run-date
 * YYYY-MM-DD] [--key K] [--temp DIR]}. Prints the DuckDB version, rows per table and the time of
 * each statement.
 */
public final class DuckDbIngest {
  private DuckDbIngest() {}

  public static void main(String[] args) throws Exception {
    Path landing = Path.of(BenchLanding.arg(args, "--landing", null));
    Path out = Path.of(BenchLanding.arg(args, "--out", null)).toAbsolutePath();
    String threads = BenchLanding.arg(args, "--threads", "2");
    String memory = BenchLanding.arg(args, "--memory", "4GB");
    String runDate = BenchLanding.arg(args, "--run-date", "2026-11-28");
    String key = BenchLanding.arg(args, "--key", "bench-party-hash-key");
    Path temp = Path.of(BenchLanding.arg(args, "--temp", out + ".tmp"));
    BenchLanding files = BenchLanding.scan(landing);
    BenchLanding.deleteTree(out);
    BenchLanding.deleteTree(temp);
    Files.createDirectories(out.resolve("rejected"));
    Files.createDirectories(temp);
    files = withEmptyLayouts(files, temp);
    Map<String, String> vars = variables(files, out, runDate, key);
    Map<String, Long> timings = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(threads));
      s.execute("SET memory_limit = '" + memory.replace("'", "") + "'");
      s.execute(
          "SET temp_directory = '" + temp.toAbsolutePath().toString().replace("'", "''") + "'");
      s.execute("SET preserve_insertion_order = false");
      System.out.println(
          "duckdb "
              + single(s, "SELECT version()")
              + ", threads "
              + threads
              + ", memory_limit "
              + memory);
      long t = System.nanoTime();
      DuckDbLookups.load(c);
      timings.put("lookups", (System.nanoTime() - t) / 1_000_000);
      run(s, "macros", DuckDbSql.MACROS, vars, timings);
      run(s, "read", DuckDbSql.READ, vars, timings);
      long rowsRead =
          Long.parseLong(single(s, "SELECT (SELECT count(*) FROM s0) + (SELECT count(*) FROM h0)"));
      run(
          s,
          "maps",
          DuckDbSql.MAPS
              + DuckDbSql.vocabMap("m_form", "FORM", "SELECT form x FROM s0")
              + DuckDbSql.vocabMap("m_region", "REGION", "SELECT region x FROM s0")
              + DuckDbSql.vocabMap(
                  "m_conveyance",
                  "CONVEYANCE",
                  "SELECT conveyance x FROM s0 UNION SELECT mode FROM h0")
              + DuckDbSql.vocabMap(
                  "m_inspection", "INSPECTION", "SELECT inspection_outcome x FROM h0"),
          vars,
          timings);
      run(s, "seizures", DuckDbSql.SEIZURES, vars, timings);
      run(s, "shipments", DuckDbSql.SHIPMENTS, vars, timings);
      String counts =
          single(
              s,
              "SELECT (SELECT count(*) FROM seiz) || ' ' || (SELECT count(*) FROM ship) || ' '"
                  + " || (SELECT count(*) FROM s1 WHERE reason IS NOT NULL) + (SELECT count(*) FROM h1 WHERE reason IS NOT NULL)");
      run(s, "write", DuckDbSql.WRITE, vars, timings);
      String[] n = counts.split(" ");
      System.out.println(
          "rows read "
              + rowsRead
              + "; seizures "
              + n[0]
              + ", shipments "
              + n[1]
              + ", rejected "
              + n[2]);
      System.out.println("timings_ms " + timings);
    } finally {
      BenchLanding.deleteTree(temp);
    }
  }

  /**
   * A layout with no file (the parcel-scale night's landing holds shipments only) reads a
   * header-only file instead, so that the same SQL runs and finds no rows of it.
   */
  static BenchLanding withEmptyLayouts(BenchLanding files, Path temp) throws java.io.IOException {
    List<Path> seizures = files.seizureFiles();
    List<Path> shipments = files.shipmentFiles();
    if (seizures.isEmpty()) {
      seizures = List.of(headerOnly(temp.resolve("no-seizures.csv"), BenchLanding.SEIZURE_COLUMNS));
    }
    if (shipments.isEmpty()) {
      shipments =
          List.of(headerOnly(temp.resolve("no-shipments.csv"), BenchLanding.SHIPMENT_COLUMNS));
    }
    return new BenchLanding(seizures, shipments);
  }

  private static Path headerOnly(Path file, List<String> columns) throws java.io.IOException {
    return Files.writeString(file, String.join(",", columns) + "\n");
  }

  static Map<String, String> variables(BenchLanding files, Path out, String runDate, String key) {
    NormalizerSettings defaults = NormalizerSettings.defaults(java.time.LocalDate.parse(runDate));
    RouteRules rules = RouteRules.loadDefault();
    Map<RuleField, String> seizureFacts = new EnumMap<>(RuleField.class);
    Map<RuleField, String> shipmentFacts = new EnumMap<>(RuleField.class);
    for (RuleField f :
        List.of(
            RuleField.ORIGIN_COUNTRY,
            RuleField.EXPORT_COUNTRY,
            RuleField.TRANSIT_COUNTRIES,
            RuleField.SUBSTANCE_CLASS)) {
      seizureFacts.put(f, f.fieldName());
      shipmentFacts.put(f, f.fieldName());
    }
    seizureFacts.put(RuleField.SOURCE_FORMAT, "source_format");
    seizureFacts.put(RuleField.DESTINATION_COUNTRY, "destination_country");
    seizureFacts.put(RuleField.CONVEYANCE, "conveyance");
    seizureFacts.put(RuleField.REGION, "region");
    shipmentFacts.put(RuleField.SOURCE_FORMAT, "'customs_shipments'");
    shipmentFacts.put(RuleField.DESTINATION_COUNTRY, "'US'");
    shipmentFacts.put(RuleField.CONVEYANCE, "mode");
    shipmentFacts.put(RuleField.REGION, "'UNKNOWN'");
    shipmentFacts.put(RuleField.GOODS_CLASS, "goods_class");
    Map<String, String> v = new LinkedHashMap<>();
    v.put("NOTES", list(DuckDbSql.NOTE_WORDS));
    v.put("SEIZURE_FILES", list(files.seizureFiles().stream().map(Path::toString).toList()));
    v.put("SHIPMENT_FILES", list(files.shipmentFiles().stream().map(Path::toString).toList()));
    v.put("SEIZURE_COLUMNS", columns(BenchLanding.SEIZURE_COLUMNS));
    v.put("SHIPMENT_COLUMNS", columns(BenchLanding.SHIPMENT_COLUMNS));
    v.put("RUN_DATE", runDate);
    v.put("EARLIEST", defaults.earliestDate().toString());
    v.put("MAX_KG", defaults.maxKgPerSeizure().toPlainString());
    v.put("MAX_DU", Long.toString(defaults.maxDosageUnitsPerSeizure()));
    v.put("KEY", key.replace("'", "''"));
    v.put("OUT", out.toString().replace("'", "''"));
    v.put("RUN_ID", "duckdb-bench");
    v.put("PRESS_PHRASES", DuckDbSql.PRESS_PHRASES);
    v.put("ROUTE_SEIZURES", DuckDbRoutes.decision(rules, seizureFacts));
    v.put("ROUTE_SHIPMENTS", DuckDbRoutes.decision(rules, shipmentFacts));
    return v;
  }

  private static String list(List<String> values) {
    return values.stream().map(DuckDbRoutes::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String columns(List<String> names) {
    return names.stream()
        .map(n -> DuckDbRoutes.quote(n) + ": 'VARCHAR'")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static void run(
      Statement s, String step, String script, Map<String, String> vars, Map<String, Long> timings)
      throws SQLException {
    long t = System.nanoTime();
    String sql = script;
    for (Map.Entry<String, String> e : vars.entrySet()) {
      sql = sql.replace("${" + e.getKey() + "}", e.getValue());
    }
    for (String statement : sql.split(";\\s*\\n")) {
      if (!statement.isBlank()) {
        try {
          long t0 = System.nanoTime();
          s.execute(statement);
          if (System.getenv("BENCH_SQL_TRACE") != null) {
            System.err.printf(
                "%6d ms  %s%n",
                (System.nanoTime() - t0) / 1_000_000,
                statement.strip().lines().findFirst().orElse(""));
          }
        } catch (SQLException e) {
          throw new SQLException(step + ": " + e.getMessage() + "\n" + statement, e);
        }
      }
    }
    timings.put(step, (System.nanoTime() - t) / 1_000_000);
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
