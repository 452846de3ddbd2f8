package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The month a row is partitioned by ({@link CandidateStore#month}) is the {@code yyyy-MM} of its
 * event date, the same text earlier builds named their month folders with.
 */
class EventMonthTest {
  @Test
  void theMonthIsTheYearAndMonthOfTheEventDateAsDateFormatWroteThem() {
    SparkSession spark = SharedSpark.session();
    // Every day of a leap year and of the year after (month ends, 29 February), the edges of a
    // four-digit year, and the days around the Julian-Gregorian switch of 1582 (Spark's dates are
    // proleptic Gregorian, as is java.time).
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() < 2026; d = d.plusDays(1)) {
      dates.add(d);
    }
    dates.addAll(
        List.of(
            LocalDate.of(1, 1, 1),
            LocalDate.of(999, 12, 31),
            LocalDate.of(1000, 1, 1),
            LocalDate.of(1582, 10, 4),
            LocalDate.of(1582, 10, 15),
            LocalDate.of(1990, 9, 30),
            LocalDate.of(9999, 12, 31)));
    StringBuilder sql = new StringBuilder("SELECT * FROM VALUES (CAST(NULL AS DATE))");
    for (LocalDate d : dates) {
      sql.append(", (DATE '")
          .append(String.format("%04d", d.getYear()))
          .append(d.toString(), 4, 10);
      sql.append("')");
    }
    // A five-digit year, which the four-digit form cannot hold, goes through date_format.
    sql.append(", (make_date(10000, 3, 1)) AS t(event_date)");
    Dataset<Row> rows =
        spark
            .sql(sql.toString())
            .select(
                col("event_date"),
                CandidateStore.month().as("month"),
                date_format(col("event_date"), "yyyy-MM").as("formatted"));
    Map<LocalDate, String> months = new HashMap<>();
    int nulls = 0;
    for (Row r : rows.collectAsList()) {
      assertThat(r.getString(1)).as("month of %s", r.get(0)).isEqualTo(r.getString(2));
      if (r.get(0) == null) {
        nulls++;
        assertThat(r.getString(1)).isNull();
      } else {
        months.put(((java.sql.Date) r.get(0)).toLocalDate(), r.getString(1));
      }
    }
    assertThat(nulls).isEqualTo(1);
    // Independently of Spark: the year in four digits, a dash, the month in two.
    for (LocalDate d : dates) {
      String expected = String.format("%04d-%02d", d.getYear(), d.getMonthValue());
      assertThat(months.get(d)).as("month of %s", d).isEqualTo(expected);
    }
    assertThat(months).hasSize(dates.size() + 1);
  }
}
