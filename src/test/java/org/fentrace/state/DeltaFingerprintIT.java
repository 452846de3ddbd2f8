package org.fentrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.state.PartitionPublisher.Move;
import org.fentrace.state.PublicationPlan.TableCommit;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole Delta table's commit records a fingerprint of its rows, and the next night's identical
 * rows are recognised by it without reading the live table (the fingerprint itself:
 * DeltaSameRowsTest); changed rows are committed with their own. A last commit without a
 * fingerprint (made before them, or by another writer) still has its rows compared. An integration
 * test: real Delta commits on local disk, which cost a unit test run half a minute of Delta's first
 * use.
 */
class DeltaFingerprintIT {
  /** The same route rows as the fingerprint's own test. */
  private static final Object[] DIRECT = DeltaSameRowsTest.DIRECT;

  private static final Object[] CARTEL = DeltaSameRowsTest.CARTEL;

  @TempDir Path tmp;

  private static Dataset<Row> rows(Object[]... values) {
    return DeltaSameRowsTest.rows(DeltaSameRowsTest.ROUTES, values);
  }

  private static String fp(Dataset<Row> rows) {
    return DeltaPublication.fingerprint(rows);
  }

  @Test
  void anIdenticalNightIsRecognisedByTheFingerprintAndAChangedOneCommits() throws Exception {
    SparkSession spark = SharedSpark.session();
    String root = tmp.resolve("warehouse").toUri().toString();
    Warehouse warehouse = new Warehouse(root, spark.sparkContext().hadoopConfiguration());
    DeltaPublication publication = new DeltaPublication(spark, warehouse);
    String table = root + "/fixture_trends";

    TableCommit first = staged("night1", rows(DIRECT, CARTEL), root);
    assertThat(publication.commit("run-1", first)).as("a new table is committed").isTrue();
    String committed = lastUserMetadata(spark, table);
    assertThat(committed)
        .contains("\"fentrace_run_id\":\"run-1\"")
        .contains("\"rows_fingerprint\":\"" + fp(rows(DIRECT, CARTEL)) + "\"");

    // Night 2 stages the same rows in another order: no commit.
    TableCommit same = staged("night2", rows(CARTEL, DIRECT), root);
    assertThat(publication.commit("run-2", same)).isFalse();
    assertThat(versions(spark, table)).isEqualTo(1);

    // Night 3 revises a quantity: committed, with the new rows' fingerprint.
    Object[] revised = {"DIRECT_FROM_CHINA", null, new BigDecimal("3")};
    assertThat(publication.commit("run-3", staged("night3", rows(revised, CARTEL), root))).isTrue();
    assertThat(versions(spark, table)).isEqualTo(2);
    assertThat(lastUserMetadata(spark, table)).contains(fp(rows(revised, CARTEL)));
    assertThat(spark.read().format("delta").load(table).where("route = 'DIRECT_FROM_CHINA'"))
        .extracting(d -> d.first().getDecimal(2).toPlainString())
        .isEqualTo("3.000000000");

    // Another writer's commit (no fingerprint) of the same rows: the rows are compared instead,
    // so the same rows again add no commit, and other rows one.
    spark.read().format("delta").load(table).write().format("delta").mode("overwrite").save(table);
    assertThat(versions(spark, table)).isEqualTo(3);
    assertThat(lastUserMetadata(spark, table)).isNull();
    assertThat(publication.commit("run-4", staged("night4", rows(CARTEL, revised), root)))
        .isFalse();
    assertThat(versions(spark, table)).isEqualTo(3);
    assertThat(publication.commit("run-5", staged("night5", rows(CARTEL), root))).isTrue();
    assertThat(versions(spark, table)).isEqualTo(4);
    assertThat(spark.read().format("delta").load(table).count()).isEqualTo(1);
  }

  /** A whole-table commit of {@code rows}, staged as Parquet under the warehouse's staging area. */
  private static TableCommit staged(String night, Dataset<Row> rows, String root) {
    String dir = root + "/_staging/" + night + "/fixture_trends";
    rows.write().parquet(dir);
    return new TableCommit(
        "fixture_trends", null, List.of(new Move(dir, root + "/fixture_trends")));
  }

  private static String lastUserMetadata(SparkSession spark, String table) {
    Row last =
        io.delta.tables.DeltaTable.forPath(spark, table).history(1).select("userMetadata").first();
    return last.isNullAt(0) ? null : last.getString(0);
  }

  /** The table's number of versions (the first is version 0). */
  private static long versions(SparkSession spark, String table) {
    return io.delta.tables.DeltaTable.forPath(spark, table).history().count();
  }
}
