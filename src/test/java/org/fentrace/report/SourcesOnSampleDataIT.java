package org.fentrace.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.core.Source;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SampleWarehouse;
import org.fentrace.testing.SharedSpark;
import org.fentrace.trends.TrendSchemas;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (ingest, trends, report) on sample-data/, whose CBP file covers FY2019-FY2022
 * only while the event files go on: the situation in which adding sources, or writing 0 for months
 * a source never covered, made the report announce a collapse of MEXICO_CARTEL from FY2022 to
 * FY2023. Expected values are computed here from the normalized seizures table, independently of
 * the trend code.
 */
class SourcesOnSampleDataIT {
  static Path warehouse;
  static Pipelines.Run run;
  static Headline headline;

  @BeforeAll
  static void runPipeline() throws Exception {
    // The shared night over sample-data (ingest and trends), read only.
    warehouse = SampleWarehouse.warehouse();
    run = SampleWarehouse.run();
    LocalDate runDate = SampleWarehouse.RUN_DATE;
    SparkSession spark = SharedSpark.session();
    headline =
        new ReportAction(
                spark, new ReportAction.Options(warehouse.toString(), runDate, "report-it"))
            .compute(
                new Warehouse(warehouse.toString(), spark.sparkContext().hadoopConfiguration()))
            .headline();
  }

  static Dataset<Row> table(String name) {
    return SharedSpark.session()
        .read()
        .schema(TrendSchemas.forTable(name))
        .parquet(warehouse.resolve(name).toString());
  }

  @Test
  void everyDerivedRowNamesOneKnownSource() {
    assertThat(run.exitCode()).isZero();
    Set<String> ids = new HashSet<>();
    for (Source s : Source.values()) {
      ids.add(s.id());
    }
    for (String t : TrendsAction.TABLES) {
      List<Row> sources = table(t).select("source").distinct().collectAsList();
      assertThat(sources)
          .as(t)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(ids).contains(r.getString(0)));
    }
    // Both seizure sources have their own block; shipments only feed pill presses.
    assertThat(table("route_fiscal_year").select("source").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactlyInAnyOrder("cbp_published", "seizure_events");
    assertThat(table("pill_press_monthly").select("source").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("customs_shipments");
  }

  @Test
  void fiscalYearTotalsAreEachSourcesOwnSeizuresNeverASumOfSources() {
    // Independent: kg per source_format and fiscal year straight from the seizures table, mapped to
    // sources.
    Map<String, BigDecimal> expected = new HashMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .parquet(warehouse.resolve("seizures").toString())
            .filter(col("event_date").lt(LocalDate.of(2026, 12, 1)))
            .groupBy("source_format", "fiscal_year")
            .agg(sum("quantity_kg"))
            .collectAsList()) {
      if (!r.isNullAt(2)) {
        expected.merge(
            Source.ofSourceFormat(r.getString(0)).id() + "/" + r.getInt(1),
            r.getDecimal(2),
            BigDecimal::add);
      }
    }
    Map<String, BigDecimal> actual = new HashMap<>();
    for (Row r :
        table("route_fiscal_year")
            .filter(col("months_covered").gt(0))
            .groupBy("source", "fiscal_year")
            .agg(sum("quantity_kg"))
            .collectAsList()) {
      if (r.getDecimal(2).signum() != 0) {
        actual.put(r.getString(0) + "/" + r.getInt(1), r.getDecimal(2));
      }
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualByComparingTo(v));
  }

  @Test
  void noComparisonCrossesTheCbpGap() {
    // CBP's file ends with FY2022: its FY2023 rows hold no figure, and no change from FY2022.
    List<Row> cbp2023 =
        table("route_fiscal_year")
            .filter("source = 'cbp_published' AND fiscal_year = 2023")
            .collectAsList();
    assertThat(cbp2023)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.<Integer>getAs("months_covered")).isZero();
              assertThat(r.<Object>getAs("quantity_kg")).isNull();
              assertThat(r.<Object>getAs("pct_change_prior_year")).isNull();
              assertThat(r.<String>getAs("comparison_note"))
                  .isEqualTo("cbp_published does not cover FY2023");
            });
    // In general: every non-null year-on-year change is between years its source covered in the
    // same months.
    Map<String, Set<YearMonth>> covered = new HashMap<>();
    for (Row r : table("source_coverage").filter("covered").collectAsList()) {
      covered
          .computeIfAbsent(r.getString(0), k -> new HashSet<>())
          .add(YearMonth.from(r.getDate(1).toLocalDate()));
    }
    List<Row> compared =
        table("route_fiscal_year").filter("pct_change_prior_year IS NOT NULL").collectAsList();
    assertThat(compared)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              String source = r.getAs("source");
              int fy = r.getAs("fiscal_year");
              for (int m = 0; m < 12; m++) {
                YearMonth now = YearMonth.of(fy - 1, 10).plusMonths(m);
                assertThat(covered.get(source).contains(now))
                    .as(source + " " + now)
                    .isEqualTo(covered.get(source).contains(now.minusYears(1)));
              }
            });
    // route_trends: a 12-month change only when all 24 months before as_of_month are covered.
    for (Row r : table("route_trends").filter("pct_change_12m IS NOT NULL").collectAsList()) {
      YearMonth asOf = YearMonth.from(r.<java.sql.Date>getAs("as_of_month").toLocalDate());
      for (int i = 0; i < 24; i++) {
        assertThat(covered.get(r.<String>getAs("source"))).contains(asOf.minusMonths(i));
      }
    }
    // CBP's trends end where its file ends, not in a run of "no data" months.
    assertThat(
            table("route_trends")
                .filter("source = 'cbp_published'")
                .select("as_of_month")
                .distinct()
                .collectAsList())
        .extracting(r -> r.getDate(0).toString())
        .containsExactly("2022-09-01");
  }

  @Test
  void theHeadlineNamesItsSourceAndNeverComparesFy2022WithFy2023() {
    List<String> all = new java.util.ArrayList<>(headline.lines());
    all.addAll(headline.cautions());
    assertThat(headline.lines().get(0)).startsWith("Every figure below is from ");
    for (String line : all) {
      boolean both = line.contains("FY2022") && line.contains("FY2023");
      assertThat(both && line.contains("%"))
          .as("headline compares FY2022 with FY2023: " + line)
          .isFalse();
    }
    // Every sentence with a figure names the source it comes from.
    String source = headline.lines().get(0).replaceAll(".*\\((\\w+)\\).*", "$1");
    assertThat(source).isIn("cbp_published", "seizure_events");
    assertThat(headline.lines().stream().filter(l -> l.contains(" kg")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(source));
  }
}
