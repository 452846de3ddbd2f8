package org.fentrace.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fentrace.testing.Deliveries.deliver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.fentrace.testing.Deliveries;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate store keeps only the versions the published tables do not hold as delivered ({@code
 * _state/other_versions}): losers, and seizures that name a shipment. A warehouse written by an
 * earlier build kept every version in {@code _state/candidates}; its next night converts it once
 * and must still equal a clean run.
 */
class OtherVersionsStoreIT {
  static final String SEIZURES = Deliveries.SEIZURE_HEADER;
  static final String SHIPMENTS = Deliveries.SHIPMENT_HEADER;

  @TempDir Path tmp;

  /**
   * Night 1: S1 names shipment SH9 (from China, so S1 takes its origin); S2 plain; S3 twice in the
   * file (the last line wins). Then one file revises S2 and corrects SH9 to Hong Kong.
   */
  static void deliverNight1(Path landing) throws Exception {
    deliver(
        landing,
        "seizures-jan.csv",
        1,
        SEIZURES
            + "S1,2024-01-10,fentanyl,0.5,kg,Coastal/Interior,international mail,,SH9\n"
            + "S2,2024-01-11,fentanyl,3,kg,Southwest Border,truck,MX,\n"
            + "S3,2024-01-12,heroin,1,kg,Southwest Border,truck,MX,\n"
            + "S3,2024-01-12,heroin,2,kg,Southwest Border,truck,MX,\n");
    deliver(
        landing,
        "shipments-jan.csv",
        1,
        SHIPMENTS
            + "SH9,2024-01-05,PRC,international mail,fentanyl powder,Acme Trading,John Q Public,0.6,kg\n");
  }

  static void deliverNight2(Path landing) throws Exception {
    deliver(
        landing,
        "seizures-feb.csv",
        2,
        SEIZURES
            + "S2,2024-01-11,fentanyl,4,kg,Southwest Border,truck,MX,\n"
            + "S4,2024-02-01,fentanyl,1,kg,Southwest Border,truck,MX,\n");
    deliver(
        landing,
        "shipments-feb.csv",
        2,
        SHIPMENTS
            + "SH9,2024-01-05,Hong Kong,international mail,fentanyl powder,Acme Trading,John Q Public,0.6,kg\n");
  }

  /**
   * The other versions after night 2, by hand: S1 still names a shipment (its delivered row stays);
   * S2's January version (line 3) lost to its revision; S3's first line (line 4; the header is line
   * 1) lost to its second; SH9's Chinese version lost to its correction.
   */
  static final List<String> SEIZURE_VERSIONS_AFTER_NIGHT_2 =
      List.of(
          "seizure_events:S1@seizures-jan.csv:2",
          "seizure_events:S2@seizures-jan.csv:3",
          "seizure_events:S3@seizures-jan.csv:4");

  static final List<String> SHIPMENT_VERSIONS_AFTER_NIGHT_2 =
      List.of("customs_shipments:SH9@shipments-jan.csv:2");

  /**
   * Delivers night {@code n}'s files and runs the pipeline on {@code wh} (run date 2024-06-0n); it
   * must succeed.
   */
  static void night(int n, Path landing, Path wh) throws Exception {
    if (n == 1) {
      deliverNight1(landing);
    } else {
      deliverNight2(landing);
    }
    assertThat(Pipelines.run(landing, wh, LocalDate.of(2024, 6, n)).exitCode())
        .as("night %d", n)
        .isZero();
  }

  /** "record_id@source_file:source_line" of the stored other versions of a table, sorted. */
  static List<String> otherVersions(Path wh, String table) throws Exception {
    Path dir = wh.resolve("_state/other_versions/" + table);
    if (!Files.exists(dir)) {
      return List.of(); // no month has ever held another version
    }
    try (var files = Files.walk(dir)) {
      if (files.noneMatch(f -> f.toString().endsWith(".parquet"))) {
        return List.of(); // every month that held one has lost it
      }
    }
    return versions(SharedSpark.session().read().parquet(dir.toString()));
  }

  static List<String> versions(Dataset<Row> rows) {
    return rows
        .selectExpr("concat(record_id, '@', source_file, ':', source_line)")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  @Test
  void onlyVersionsThePublishedTablesDoNotHoldAsDeliveredAreStored() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    night(1, landing, wh);
    // By hand: S3's first line (line 4 of the file; the header is line 1) lost to its second; S1
    // won
    // but names a shipment, so its delivered row (origin empty) is kept beside the enriched
    // published one.
    assertThat(otherVersions(wh, "seizures"))
        .containsExactly(
            "seizure_events:S1@seizures-jan.csv:2", "seizure_events:S3@seizures-jan.csv:4");
    assertThat(otherVersions(wh, "shipments")).isEmpty();
    assertThat(Files.exists(wh.resolve("_state/candidates"))).isFalse();

    night(2, landing, wh);
    assertThat(otherVersions(wh, "seizures")).isEqualTo(SEIZURE_VERSIONS_AFTER_NIGHT_2);
    assertThat(otherVersions(wh, "shipments")).isEqualTo(SHIPMENT_VERSIONS_AFTER_NIGHT_2);
    Row s1 =
        SharedSpark.session()
            .read()
            .parquet(wh.resolve("_state/other_versions/seizures").toString())
            .filter("record_id = 'seizure_events:S1'")
            .first();
    assertThat(s1.<String>getAs("origin_country"))
        .as("the stored S1 is the delivered row, not the enriched one")
        .isNull();
    assertSameAsCleanRun(landing, wh, LocalDate.of(2024, 6, 2));
  }

  @Test
  void aWarehouseWithTheLegacyCandidateStoreIsConvertedOnItsNextNight() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    night(1, landing, wh);
    writeLegacyStore(wh);
    assertThat(Files.exists(wh.resolve("_state/other_versions"))).isFalse();

    night(2, landing, wh);
    assertThat(Files.exists(wh.resolve("_state/candidates")))
        .as("the legacy store is gone")
        .isFalse();
    // The same versions as a warehouse that never had the legacy layout.
    assertThat(otherVersions(wh, "seizures")).isEqualTo(SEIZURE_VERSIONS_AFTER_NIGHT_2);
    assertThat(otherVersions(wh, "shipments")).isEqualTo(SHIPMENT_VERSIONS_AFTER_NIGHT_2);
    assertSameAsCleanRun(landing, wh, LocalDate.of(2024, 6, 2));
  }

  /**
   * Rewrites a current warehouse as earlier builds left it: every version of every record in {@code
   * _state/candidates/<table>} (the published rows as delivered, route columns empty, plus the
   * other versions), and no {@code _state/other_versions}. Built with plain Spark, not fentrace's
   * store.
   */
  static void writeLegacyStore(Path wh) throws Exception {
    SparkSession spark = SharedSpark.session();
    for (String table : List.of("seizures", "shipments")) {
      Dataset<Row> published = spark.read().parquet(wh.resolve(table).toString());
      if (table.equals("seizures")) {
        published = published.filter(col("shipment_id").isNull());
      }
      for (String c : List.of("route", "route_rule", "route_confidence")) {
        published = published.withColumn(c, lit(null).cast("string"));
      }
      Path others = wh.resolve("_state/other_versions/" + table);
      Dataset<Row> all =
          Files.exists(others)
              ? published.unionByName(spark.read().parquet(others.toString()))
              : published;
      List<String> expected = versions(all);
      all.write()
          .mode(SaveMode.Overwrite)
          .partitionBy("event_month")
          .parquet(wh.resolve("_state/candidates/" + table).toString());
      assertThat(
              versions(spark.read().parquet(wh.resolve("_state/candidates/" + table).toString())))
          .as("legacy store of %s", table)
          .isEqualTo(expected);
    }
    FileUtils.deleteDirectory(wh.resolve("_state/other_versions").toFile());
  }

  void assertSameAsCleanRun(Path landing, Path wh, LocalDate runDate) throws Exception {
    Path clean = tmp.resolve("clean");
    assertThat(Pipelines.run(landing, clean, runDate).exitCode()).isZero();
    WarehouseContents.assertSame(clean, wh);
    assertThat(otherVersions(wh, "seizures"))
        .as("other versions of seizures")
        .isEqualTo(otherVersions(clean, "seizures"));
    assertThat(otherVersions(wh, "shipments"))
        .as("other versions of shipments")
        .isEqualTo(otherVersions(clean, "shipments"));
  }
}
