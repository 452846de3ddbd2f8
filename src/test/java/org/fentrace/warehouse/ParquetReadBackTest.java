package org.fentrace.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.fentrace.testing.Pipelines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse is readable without Spark: parquet-avro's AvroParquetReader and DuckDB read the
 * files fentrace wrote and get the same values (dates as dates, decimals as exact decimals, Hive
 * partitions). Inputs are two hand-written rows whose normalized values are worked out in the
 * comments.
 */
class ParquetReadBackTest {
  @TempDir static Path tmp;
  static Path warehouse;

  @BeforeAll
  static void ingest() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(
        landing.resolve("events.csv"),
        "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country,transit_countries,form\n"
            // 2.5 lb * 0.45359237 = 1.133980925 kg; 2023-01-15 is in FY2023
            + "E1,2023-01-15,Fentanyl HCl,2.5,lb,Southwest Border,land vehicle,Mexico,GT|MX,powder\n"
            // 1,200 pills stay a count; 05-Mar-2021 is in FY2021
            + "E2,05-Mar-2021,M30 blue pills (fentanyl),1200,pills,Southwest Border,pedestrian,MEX,,\n");
    warehouse = tmp.resolve("warehouse");
    var run = Pipelines.ingest(landing, warehouse, LocalDate.of(2024, 1, 1));
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void avroParquetReaderReadsValuesWithoutSpark() throws Exception {
    Path file;
    try (Stream<Path> s = Files.walk(warehouse.resolve("seizures/event_month=2023-01"))) {
      file =
          s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    List<GenericRecord> records = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
            .build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }
    assertThat(records).hasSize(1);
    GenericRecord r = records.get(0);
    assertThat(r.get("record_id").toString()).isEqualTo("seizure_events:E1");
    assertThat(asDate(r.get("event_date"))).isEqualTo(LocalDate.of(2023, 1, 15));
    assertThat(r.get("fiscal_year")).isEqualTo(2023);
    assertThat(asDecimal(r, "quantity_kg")).isEqualByComparingTo("1.133980925");
    assertThat(r.get("substance_class").toString()).isEqualTo("FENTANYL");
    assertThat(r.get("origin_country").toString()).isEqualTo("MX");
    assertThat(r.get("conveyance").toString()).isEqualTo("LAND_VEHICLE");
    assertThat(r.get("form").toString()).isEqualTo("POWDER");
    assertThat(r.get("transit_countries").toString()).contains("GT").contains("MX");
    // The partition column lives in the directory name, not in the file.
    assertThat(r.getSchema().getField("event_month")).isNull();
  }

  @Test
  void duckDbReadsTheHivePartitionedTable() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT record_id, event_date, quantity_kg, dosage_units, event_month, "
                    + "typeof(event_date), typeof(quantity_kg), substance_class FROM read_parquet('"
                    + warehouse.resolve("seizures")
                    + "/**/*.parquet', hive_partitioning = true) ORDER BY record_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("seizure_events:E1");
      assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2023, 1, 15));
      assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("1.133980925");
      assertThat(rs.getObject(4)).isNull();
      assertThat(rs.getString(5)).isEqualTo("2023-01");
      assertThat(rs.getString(6)).isEqualTo("DATE");
      assertThat(rs.getString(7)).isEqualTo("DECIMAL(22,9)");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("seizure_events:E2");
      assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2021, 3, 5));
      assertThat(rs.getObject(3)).isNull();
      assertThat(rs.getLong(4)).isEqualTo(1200);
      assertThat(rs.getString(8)).isEqualTo("FENTANYL");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void noInt96AndDatesAreParquetDates() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT DISTINCT name, type, logical_type::VARCHAR FROM parquet_schema('"
                    + warehouse.resolve("seizures")
                    + "/**/*.parquet')")) {
      boolean sawDate = false;
      while (rs.next()) {
        assertThat(rs.getString(2)).as("column %s", rs.getString(1)).isNotEqualTo("INT96");
        if (rs.getString(1).equals("event_date")) {
          sawDate = true;
          assertThat(rs.getString(3)).containsIgnoringCase("date");
        }
      }
      assertThat(sawDate).isTrue();
    }
  }

  /**
   * Columns whose values are all distinct are written without a Parquet dictionary
   * (CandidateStore); the others keep theirs. Parquet keeps a dictionary only where it pays, so a
   * unique column ends up plain either way (the setting saves the attempt); the 300 rows of one
   * month here name one shipment, so that shipment_id would keep a dictionary if the setting did
   * not reach the writer.
   */
  @Test
  void distinctValuedColumnsAreWrittenPlain() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing-300"));
    StringBuilder csv =
        new StringBuilder(
            "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country,shipment_id\n");
    for (int i = 0; i < 300; i++) {
      csv.append("R")
          .append(i)
          .append(",2023-02-")
          .append(10 + i % 10)
          .append(",cocaine,2.5,kg,Southwest Border,land vehicle,Mexico,S1\n");
    }
    Files.writeString(landing.resolve("many.csv"), csv);
    Path many = tmp.resolve("warehouse-300");
    assertThat(Pipelines.ingest(landing, many, LocalDate.of(2024, 1, 1)).exitCode()).isZero();
    Map<String, String> encodings = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT path_in_schema, encodings FROM parquet_metadata('"
                    + many.resolve("seizures")
                    + "/**/*.parquet')")) {
      while (rs.next()) {
        encodings.merge(rs.getString(1), rs.getString(2), (a, b) -> a + ", " + b);
      }
    }
    for (String plain : List.of("record_id", "source_line", "shipment_id")) {
      assertThat(encodings.get(plain))
          .as("encodings of %s (all: %s)", plain, encodings)
          .isNotNull()
          .doesNotContainIgnoringCase("DICTIONARY");
    }
    for (String dictionary : List.of("substance_class", "origin_country", "source_file")) {
      assertThat(encodings.get(dictionary))
          .as("encodings of %s (all: %s)", dictionary, encodings)
          .containsIgnoringCase("DICTIONARY");
    }
  }

  private static LocalDate asDate(Object v) {
    return v instanceof LocalDate d ? d : LocalDate.ofEpochDay(((Number) v).longValue());
  }

  private static BigDecimal asDecimal(GenericRecord r, String field) {
    Object v = r.get(field);
    if (v instanceof BigDecimal d) {
      return d;
    }
    Schema s = r.getSchema().getField(field).schema();
    Schema fixed =
        s.getType() == Schema.Type.UNION
            ? s.getTypes().stream()
                .filter(t -> t.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow()
            : s;
    return new Conversions.DecimalConversion()
        .fromFixed((GenericFixed) v, fixed, LogicalTypes.fromSchema(fixed));
  }
}
