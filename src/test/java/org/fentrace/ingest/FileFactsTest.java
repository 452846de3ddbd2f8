package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The facts a parsing task gathers about its file, without Spark: expected values worked out by
 * hand.
 */
class FileFactsTest {
  static TableRow seizure(
      String date, String format, Integer fiscalYear, String origin, String originRaw) {
    return WarehouseTable.SEIZURES
        .newRow()
        .set("event_date", LocalDate.parse(date))
        .set("source_format", format)
        .set("fiscal_year", fiscalYear)
        .set("origin_country", origin)
        .set("origin_country_raw", originRaw);
  }

  @Test
  void monthsPerTableLatestCbpDatePerFiscalYearReasonsAndUnknownOrigins() {
    FileFacts facts = new FileFacts();
    facts.normalized(seizure("2024-01-31", "seizure_events", 2024, "MX", "Mexico"));
    facts.normalized(
        seizure("2023-12-01", "seizure_events", 2024, null, "Atlantis")); // unrecognized origin
    facts.normalized(
        seizure("2024-01-05", "seizure_events", 2024, null, null)); // no origin given: not unknown
    facts.normalized(
        WarehouseTable.SHIPMENTS
            .newRow()
            .set("event_date", LocalDate.parse("2024-03-02"))
            .set("origin_country", null)
            .set("origin_country_raw", "Narnia"));
    facts.rejected("BAD_DATE");
    facts.rejected("BAD_DATE");
    facts.rejected("UNKNOWN_UNIT");

    Object[] v = facts.values();
    Map<String, ?> months = CollectionConverters.asJava((scala.collection.Map<String, ?>) v[0]);
    assertThat(months).containsOnlyKeys("seizures", "shipments");
    assertThat(CollectionConverters.asJava((scala.collection.Seq<?>) months.get("seizures")))
        .as("months sorted, each once")
        .isEqualTo(List.of("2023-12", "2024-01"));
    assertThat(CollectionConverters.asJava((scala.collection.Seq<?>) months.get("shipments")))
        .isEqualTo(List.of("2024-03"));
    assertThat(CollectionConverters.asJava((scala.collection.Map<?, ?>) v[1]))
        .as("no CBP row: no coverage")
        .isEmpty();
    assertThat(CollectionConverters.asJava((scala.collection.Map<?, ?>) v[2]))
        .isEqualTo(Map.of("BAD_DATE", 2L, "UNKNOWN_UNIT", 1L));
    assertThat(v[3]).as("Atlantis and Narnia").isEqualTo(2L);
  }

  @Test
  void cbpCoverageIsTheLatestEventDateOfEachFiscalYear() {
    FileFacts facts = new FileFacts();
    // FY2024 runs from 2023-10-01 to 2024-09-30: its latest month here is August 2024.
    facts.normalized(seizure("2023-10-01", "cbp_nationwide", 2024, null, null));
    facts.normalized(seizure("2024-08-01", "cbp_nationwide", 2024, null, null));
    facts.normalized(seizure("2024-02-01", "cbp_nationwide", 2024, null, null));
    facts.normalized(seizure("2024-10-01", "cbp_amo", 2025, null, null));
    facts.normalized(
        seizure("2024-11-01", "seizure_events", 2025, null, null)); // not a CBP file's row

    Map<?, ?> cbp = CollectionConverters.asJava((scala.collection.Map<?, ?>) facts.values()[1]);
    assertThat(cbp)
        .isEqualTo(
            Map.of(
                2024,
                java.sql.Date.valueOf("2024-08-01"),
                2025,
                java.sql.Date.valueOf("2024-10-01")));
  }
}
