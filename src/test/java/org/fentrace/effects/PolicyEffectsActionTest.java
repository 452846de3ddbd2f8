package org.fentrace.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.EffectStatus;
import org.fentrace.core.SubstanceClass;
import org.fentrace.testing.SharedSpark;
import org.fentrace.warehouse.Warehouse;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy-effects action as the pipeline runs it: the events option, the steps it times, the
 * result it returns and the job description it leaves behind, on a warehouse holding only NFLIS lab
 * reports (the smallest input that yields a series).
 */
class PolicyEffectsActionTest {
  private static final String EVENTS =
      "id,date,label,description,source_url,primary_citation\n"
          + "early-event,2018-02-06,An early event,Test event.,"
          + "https://www.federalregister.gov/d/2018-02319,83 FR 5188\n"
          + "late-event,2019-05-01,A later event,Test event.,"
          + "https://www.federalregister.gov/d/2018-02319,83 FR 5188\n";

  @TempDir Path dir;

  /**
   * FENTANYL lab reports for the eight half-years 2016-H1 to 2019-H2 and OTHER_DRUG reports beside
   * them, written with only the columns the action reads (the others read back as null).
   */
  private Warehouse warehouseWithLabReports() {
    SparkSession spark = SharedSpark.session();
    StructType schema =
        new StructType()
            .add("period_start", DataTypes.DateType)
            .add("substance_class", DataTypes.StringType)
            .add("report_count", DataTypes.LongType);
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2016, 1, 1);
        d.isBefore(LocalDate.of(2020, 1, 1));
        d = d.plusMonths(6)) {
      rows.add(RowFactory.create(Date.valueOf(d), SubstanceClass.FENTANYL.wireName(), 100L));
      rows.add(RowFactory.create(Date.valueOf(d), SubstanceClass.OTHER_DRUG.wireName(), 50L));
    }
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("wh").resolve(WarehouseTable.LAB_REPORTS.tableName()).toString());
    return new Warehouse(dir.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration());
  }

  @Test
  void executeWritesOneRowPerEventAndSeriesAndTimesEachStep() throws IOException {
    Warehouse warehouse = warehouseWithLabReports();
    Path events = Files.writeString(dir.resolve("events.csv"), EVENTS, StandardCharsets.UTF_8);
    SparkSession spark = SharedSpark.session();

    PolicyEffectsResult r =
        new PolicyEffectsAction(spark, new PolicyEffectsAction.Options(warehouse, "run-1"))
            .option(PolicyEffectsAction.POLICY_EVENTS, events.toString())
            .execute();

    // Two events against one series: OTHER_DRUG is not a class the action estimates, so the lab
    // reports give only the FENTANYL half-yearly series; no route_monthly, no monthly series.
    assertThat(r.eventsSource()).isEqualTo(events.toString());
    assertThat(r.events()).isEqualTo(2);
    assertThat(r.rows()).isEqualTo(2);
    List<Row> written = EffectsWarehouse.rows(dir.resolve("wh"));
    assertThat(written).hasSize(2);
    // The estimated count is the written rows whose status says so, read back from the table.
    assertThat(r.estimated())
        .isEqualTo(
            written.stream()
                .filter(w -> EffectsWarehouse.status(w).equals(EffectStatus.ESTIMATED.wireName()))
                .count());
    // The export: a header line and one line per row.
    assertThat(Files.readAllLines(Path.of(r.export()))).hasSize(3);
    assertThat(r.timingsMillis().keySet())
        .containsExactly("compute", "write_table", "publish_table", "write_export");
    assertThatThrownBy(() -> r.timingsMillis().put("extra", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(spark.sparkContext().getLocalProperty("spark.job.description")).isNull();
  }

  @Test
  void aNullEventsPathKeepsTheBundledEvents() throws IOException {
    Warehouse warehouse = warehouseWithLabReports();
    PolicyEffectsAction.Computed c =
        new PolicyEffectsAction(
                SharedSpark.session(), new PolicyEffectsAction.Options(warehouse, "run-2"))
            .option(PolicyEffectsAction.POLICY_EVENTS, null)
            .compute();

    assertThat(c.events().source()).isEqualTo("bundled " + PolicyEventsFile.DEFAULT_RESOURCE);
    // One effect per bundled event against the one FENTANYL series.
    assertThat(c.effects()).hasSize(c.events().events().size());
    assertThat(c.events().events()).isNotEmpty();
  }

  @Test
  void anUnknownOptionIsRefused() {
    PolicyEffectsAction action =
        new PolicyEffectsAction(
            SharedSpark.session(),
            new PolicyEffectsAction.Options(
                new Warehouse(
                    dir.toString(), SharedSpark.session().sparkContext().hadoopConfiguration()),
                "run-3"));
    assertThatThrownBy(() -> action.option("policy-event", "x.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown effects option 'policy-event'");
  }
}
