package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.testing.Deliveries.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fentrace.testing.Deliveries;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip delivery cut short mid-row, end to end through the nightly pipeline: none of its rows is
 * published, every row read (the half-written last one included) is quarantined as TRUNCATED_INPUT
 * at its line, the manifest balances and the run exits 3; then the complete file arrives under the
 * same name and the warehouse equals, table by table and row by row, a fresh one that got the
 * complete file first.
 *
 * <p>The gzip file revises records an earlier plain file delivered (same seizure ids, other
 * quantities), so a held-back row would show as a changed quantity, not only as an extra row.
 */
class TruncatedGzipIT {
  static final String GZ = "drops/seizures-late.csv.gz";
  static final int GZ_ROWS = 3000;
  static final LocalDate NIGHT1 = LocalDate.of(2024, 6, 30);
  static final LocalDate NIGHT2 = NIGHT1.plusDays(1);

  @TempDir Path tmp;

  /**
   * GZ_ROWS canonical seizure rows spread over 2023, ids S00001..; quantities differ from the plain
   * file's.
   */
  static String gzContent() {
    StringBuilder s = new StringBuilder(Deliveries.SEIZURE_HEADER);
    String[] substances = {
      "fentanyl", "fentanyl hydrochloride", "carfentanil", "heroin", "methamphetamine"
    };
    for (int i = 1; i <= GZ_ROWS; i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "S%05d,2023-%02d-%02d,%s,%d.%d,kg,Southwest Border,truck,MX,%n",
              i,
              1 + i % 12,
              1 + i % 28,
              substances[i % substances.length],
              1 + i % 40,
              i % 10));
    }
    return s.toString();
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /**
   * What the JDK's gzip reader (not the code under test) gets out of {@code bytes} before they run
   * out.
   */
  static String decodable(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (EOFException e) {
      return out.toString(StandardCharsets.UTF_8);
    }
    throw new AssertionError("not truncated");
  }

  static void deliverBytes(Path landing, String name, int hour, byte[] bytes) throws IOException {
    Path f = landing.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
    Files.setLastModifiedTime(f, FileTime.from(Deliveries.BASE.plusSeconds(3600L * hour)));
  }

  /**
   * The plain files both warehouses get: 40 seizures (one bad), revised later by the gzip file, and
   * shipments.
   */
  static void deliverPlainFiles(Path landing) throws IOException {
    StringBuilder seizures = new StringBuilder(Deliveries.SEIZURE_HEADER);
    for (int i = 1; i <= 40; i++) {
      seizures.append(
          String.format(
              Locale.ROOT,
              "S%05d,2023-%02d-%02d,fentanyl,%s,kg,Southwest Border,truck,MX,%n",
              i,
              1 + i % 12,
              1 + i % 28,
              i == 7 ? "-3" : "900"));
    }
    deliver(landing, "seizures-early.csv", 1, seizures.toString());
    deliver(
        landing,
        "shipments.csv",
        2,
        Deliveries.SHIPMENT_HEADER
            + "SH1,2023-03-02,PRC,express consignment,phone cases,Acme Trading,John Q Public,1.2,kg\n"
            + "SH2,2023-04-05,Mexico,truck,auto parts,Northern Parts,Jane Roe,300,kg\n");
  }

  @Test
  void aTruncatedGzipIsHeldBackWholeAndItsCompleteRedeliveryEqualsACleanFirstDelivery()
      throws Exception {
    String content = gzContent();
    byte[] whole = gzip(content);
    // Cut the compressed bytes in half, then back off byte by byte until the decodable content ends
    // mid-row.
    int cutAt = whole.length / 2;
    while (decodable(Arrays.copyOf(whole, cutAt)).endsWith("\n")) {
      cutAt--;
    }
    byte[] cut = Arrays.copyOf(whole, cutAt);
    String prefix = decodable(cut);
    // Rows read: every line break ends the header or a complete row; the text after the last one is
    // the half row.
    long completeRows = prefix.chars().filter(c -> c == '\n').count() - 1;
    long rowsRead = completeRows + 1;
    String halfRow = prefix.substring(prefix.lastIndexOf('\n') + 1);
    assertThat(completeRows)
        .as("a few thousand rows, cut well inside")
        .isBetween(500L, GZ_ROWS - 500L);
    assertThat(content).contains("\n" + halfRow).doesNotContain("\n" + halfRow + "\n");

    Path landing = tmp.resolve("landing");
    Path warehouse = tmp.resolve("warehouse");
    deliverPlainFiles(landing);
    deliverBytes(landing, GZ, 10, cut);

    // Night 1: the cut file.
    Pipelines.Run night1 = Pipelines.run(landing, warehouse, NIGHT1);
    assertThat(night1.exitCode())
        .as("a file that could not be read whole is a data-quality failure")
        .isEqualTo(3);
    JsonNode in = night1.input(GZ);
    assertThat(in.get("status").asText()).isEqualTo("READ_ERROR");
    assertThat(in.get("rows_read").asLong()).isEqualTo(rowsRead);
    assertThat(in.get("rejected").asLong()).isEqualTo(rowsRead);
    assertThat(in.get("normalized").asLong()).isZero();
    assertThat(in.get("duplicates").asLong()).isZero();
    assertThat(in.get("balanced").asBoolean()).isTrue();
    assertThat(in.get("problem").asText())
        .contains("ends early")
        .contains("TRUNCATED_INPUT")
        .contains("Deliver the complete file again under the same name");
    assertThat(night1.manifest().get("totals").get("balanced").asBoolean()).isTrue();
    assertThat(night1.manifest().get("quality_failures").toString()).contains(GZ);
    // The plain files were published: 39 seizures (S00007 has a negative quantity), 2 shipments.
    assertThat(night1.input("seizures-early.csv").get("normalized").asLong()).isEqualTo(39);

    Dataset<Row> rejected =
        SharedSpark.session().read().parquet(warehouse.resolve("rejected").toString());
    List<Row> held =
        rejected.filter(col("source_file").equalTo(GZ)).orderBy("source_line").collectAsList();
    assertThat(held).hasSize((int) rowsRead);
    for (int i = 0; i < held.size(); i++) {
      Row r = held.get(i);
      assertThat(r.<String>getAs("reason_code")).isEqualTo("TRUNCATED_INPUT");
      assertThat(r.<Long>getAs("source_line"))
          .as("row %d sits on line %d (header is line 1)", i + 1, i + 2)
          .isEqualTo(i + 2L);
      assertThat(r.<String>getAs("message")).contains("ends early");
    }
    assertThat(held.get(0).<String>getAs("raw_line")).isEqualTo(content.split("\n")[1]);
    assertThat(held.get(held.size() - 1).<String>getAs("raw_line")).isEqualTo(halfRow);

    Dataset<Row> seizures =
        SharedSpark.session().read().parquet(warehouse.resolve("seizures").toString());
    assertThat(seizures.filter(col("source_file").equalTo(GZ)).count())
        .as("rows published from the cut file")
        .isZero();
    // S00001 keeps the plain file's quantity: the gzip file's revision of it is held back.
    assertThat(
            seizures
                .filter(col("record_id").equalTo("seizure_events:S00001"))
                .first()
                .<java.math.BigDecimal>getAs("quantity_kg"))
        .isEqualByComparingTo("900");

    // Night 2: the complete file, under the same name, delivered later.
    deliverBytes(landing, GZ, 30, whole);
    Pipelines.Run night2 = Pipelines.run(landing, warehouse, NIGHT2);
    assertThat(night2.exitCode()).isZero();
    assertThat(night2.input(GZ).get("status").asText()).isEqualTo("READ");
    assertThat(night2.input(GZ).get("rows_read").asLong()).isEqualTo(GZ_ROWS);
    assertThat(night2.input(GZ).get("balanced").asBoolean()).isTrue();

    // A fresh warehouse that got the complete file (same name, same modification time) in its first
    // run.
    Path freshLanding = tmp.resolve("fresh-landing");
    deliverPlainFiles(freshLanding);
    deliverBytes(freshLanding, GZ, 30, whole);
    Path fresh = tmp.resolve("fresh-warehouse");
    assertThat(Pipelines.run(freshLanding, fresh, NIGHT2).exitCode()).isZero();

    WarehouseComparison.assertSameResults(fresh.toString(), warehouse.toString(), true);
    assertThat(
            SharedSpark.session()
                .read()
                .parquet(warehouse.resolve("rejected").toString())
                .filter(col("reason_code").equalTo("TRUNCATED_INPUT"))
                .count())
        .as("the redelivery replaced the held-back rows")
        .isZero();
    // S00001 = row 1 of the gzip file: quantity (1 + 1 % 40) "." (1 % 10) = 2.1 kg, the newer
    // delivery's.
    assertThat(
            SharedSpark.session()
                .read()
                .parquet(warehouse.resolve("seizures").toString())
                .filter(col("record_id").equalTo("seizure_events:S00001"))
                .first()
                .<java.math.BigDecimal>getAs("quantity_kg"))
        .isEqualByComparingTo("2.1");
  }
}
