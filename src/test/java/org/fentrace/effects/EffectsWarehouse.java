package org.fentrace.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.fentrace.core.EffectStatus;
import org.fentrace.core.PeriodUnit;
import org.fentrace.testing.SharedSpark;

/**
 * Reads policy_effects back from a warehouse the pipeline wrote, and the checks every run must
 * pass.
 */
final class EffectsWarehouse {
  private EffectsWarehouse() {}

  static List<Row> rows(Path warehouse) {
    return SharedSpark.session()
        .read()
        .parquet(warehouse.resolve(PolicyEffectsTable.TABLE).toString())
        .select(
            PolicyEffectsTable.SCHEMA.fieldNames()[0],
            java.util.Arrays.copyOfRange(
                PolicyEffectsTable.SCHEMA.fieldNames(), 1, PolicyEffectsTable.SCHEMA.size()))
        .collectAsList();
  }

  static int col(String name) {
    return PolicyEffectsTable.SCHEMA.fieldIndex(name);
  }

  /** The row of an event, source, route (null for none) and class. */
  static Optional<Row> find(
      List<Row> rows, String eventId, String source, String route, String substanceClass) {
    return rows.stream()
        .filter(
            r ->
                r.getString(col("event_id")).equals(eventId)
                    && r.getString(col("source")).equals(source)
                    && java.util.Objects.equals(r.getString(col("route")), route)
                    && r.getString(col("substance_class")).equals(substanceClass))
        .findFirst();
  }

  static String status(Row r) {
    return r.getString(col("status"));
  }

  /**
   * The table's promises: an estimate only with enough covered periods on each side (12 months, 3
   * half-years), its interval around it; every other row has null estimates and a note; the CSV
   * export has a line per row plus the header.
   */
  static void assertConsistent(Path warehouse, List<Row> rows) throws IOException {
    assertThat(rows).isNotEmpty();
    for (Row r : rows) {
      boolean estimated = status(r).equals(EffectStatus.ESTIMATED.wireName());
      if (estimated) {
        int min = r.getString(col("period_unit")).equals(PeriodUnit.MONTH.wireName()) ? 12 : 3;
        assertThat(r.getInt(col("periods_before"))).as("%s", r).isGreaterThanOrEqualTo(min);
        assertThat(r.getInt(col("periods_after"))).as("%s", r).isGreaterThanOrEqualTo(min);
        assertThat(r.getDouble(col("level_change_ci_low")))
            .as("%s", r)
            .isLessThanOrEqualTo(r.getDouble(col("level_change_pct")));
        assertThat(r.getDouble(col("level_change_ci_high")))
            .as("%s", r)
            .isGreaterThanOrEqualTo(r.getDouble(col("level_change_pct")));
        assertThat(r.getDouble(col("level_change_ci_low")))
            .as("a percentage change is above -100%%: %s", r)
            .isGreaterThan(-100.0);
        assertThat(r.getInt(col("n")))
            .isEqualTo(r.getInt(col("periods_before")) + r.getInt(col("periods_after")));
        assertThat(r.getString(col("method"))).contains("Newey-West");
      } else {
        assertThat(r.isNullAt(col("level_change_pct"))).as("%s", r).isTrue();
        assertThat(r.isNullAt(col("slope_change_pct_per_period"))).as("%s", r).isTrue();
        assertThat(r.getString(col("status_note"))).as("%s", r).isNotBlank();
      }
    }
    List<String> csv =
        Files.readAllLines(warehouse.resolve("exports").resolve(PolicyEffectsTable.TABLE + ".csv"));
    assertThat(csv.get(0))
        .startsWith("event_id,event_date,event_label,primary_citation,source,route");
    // A field may hold no line break (labels and notes are one line), so lines = rows + header.
    assertThat(csv).hasSize(rows.size() + 1);
  }
}
