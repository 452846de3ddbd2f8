package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fentrace.state.FaultInjection;
import org.fentrace.testing.Crashes;
import org.fentrace.testing.Deliveries;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.WarehouseComparison;
import org.fentrace.testing.WarehouseContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted week of nightly runs on one warehouse: day files arrive, one is re-delivered with
 * corrections, one night dies mid-publication and is re-run, one night is run twice, one file
 * revises a record into another month. The final warehouse must equal one clean run over the final
 * landing, and each night must rewrite only the months its data touched (read from the manifests).
 */
class WeekOfNightsIT {
  static final String HEADER =
      "seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country\n";

  @TempDir Path tmp;

  void deliver(Path landing, String name, int hour, String... rows) throws Exception {
    Deliveries.deliver(landing, name, hour, HEADER + String.join("\n", rows) + "\n");
  }

  static List<String> seizureMonths(JsonNode manifest) {
    List<String> out = new ArrayList<>();
    manifest
        .path("tables")
        .path("seizures")
        .path("partitions")
        .forEach(n -> out.add(n.asText().replace("event_month=", "")));
    return out;
  }

  @Test
  void aWeekOfNightsEqualsOneCleanRun() throws Exception {
    Path landing = tmp.resolve("landing");
    Path wh = tmp.resolve("warehouse");
    Map<String, String> unlockAtOnce = Map.of("fentrace.lock.stale-after", "PT0S");

    // Night 1: January's seizures.
    deliver(
        landing,
        "day1.csv",
        1,
        "A1,2024-01-05,fentanyl,2,kg,Southwest Border,truck,MX",
        "A2,2024-01-06,fentanyl,3,kg,Coastal/Interior,international mail,CN",
        "A3,2024-01-07,heroin,1,kg,,,",
        "A4,2024-01-08,fentanyl,500,pills,Southwest Border,pedestrian,");
    var n1 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 1));
    assertThat(n1.exitCode()).isZero();
    assertThat(seizureMonths(n1.manifest())).containsExactly("2024-01");
    // The first night's seizures give route sensitivity rows: one per route for fiscal year 2024
    // of the one source (seizure events), five routes.
    assertThat(n1.manifest().at("/route_sensitivity/unchanged").asBoolean()).isFalse();
    assertThat(n1.manifest().at("/route_sensitivity/rows").asLong()).isEqualTo(5);

    // Night 2: February arrives; January is not touched.
    deliver(
        landing,
        "day2.csv",
        2,
        "B1,2024-02-01,fentanyl,1,kg,Southwest Border,truck,MX",
        "B2,2024-02-02,acetyl fentanyl,0.5,kg,Coastal/Interior,express consignment,HK",
        "B3,2024-02-03,NPP,20,kg,,sea,CN");
    var n2 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 2));
    assertThat(seizureMonths(n2.manifest())).containsExactly("2024-02");
    assertThat(n2.input("day1.csv").get("status").asText()).isEqualTo("UNCHANGED");

    // Night 3: March arrives and day1 is re-delivered corrected: A1 revised, A4 withdrawn, A5
    // added.
    deliver(
        landing,
        "day3.csv",
        3,
        "C1,2024-03-01,fentanyl,4,kg,Southwest Border,truck,MX",
        "C2,2024-03-02,carfentanil,0.01,kg,Coastal/Interior,international mail,CN");
    deliver(
        landing,
        "day1.csv",
        4,
        "A1,2024-01-05,fentanyl,2.5,kg,Southwest Border,truck,MX",
        "A2,2024-01-06,fentanyl,3,kg,Coastal/Interior,international mail,CN",
        "A3,2024-01-07,heroin,1,kg,,,",
        "A5,2024-01-09,fentanyl,1,kg,Northern Border,truck,CA");
    var n3 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 3));
    assertThat(seizureMonths(n3.manifest())).containsExactly("2024-01", "2024-03");

    // Night 4 dies in the middle of publishing, then is run again: the journal finishes the work.
    deliver(
        landing,
        "day4.csv",
        5,
        "D1,2024-04-01,fentanyl,6,kg,Southwest Border,truck,MX",
        "D2,2024-04-02,xylazine,1,kg,Southwest Border,truck,MX");
    try (AutoCloseable crash = Crashes.dieAt(FaultInjection.MID_PUBLISH)) {
      assertThatThrownBy(() -> Pipelines.run(landing, wh, LocalDate.of(2024, 6, 4)))
          .isInstanceOf(Crashes.SimulatedCrash.class);
    }
    var locked = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 4));
    assertThat(locked.exitCode())
        .as("the dead run's lock holds without --force-unlock")
        .isEqualTo(1);
    var n4 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 4), unlockAtOnce, true);
    assertThat(n4.exitCode()).isZero();
    assertThat(n4.manifest().has("recovered_publication_of_run")).isTrue();
    assertThat(seizureMonths(n4.manifest()))
        .as("the recovery published April; nothing was left to read")
        .isEmpty();

    // Night 5 is run twice: the second run reads nothing and writes identical exports.
    var n5a = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 5));
    byte[] exportA = Files.readAllBytes(wh.resolve("exports/route_monthly.csv"));
    var n5b = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 5));
    assertThat(seizureMonths(n5a.manifest())).isEmpty();
    assertThat(seizureMonths(n5b.manifest())).isEmpty();
    // Nothing published: route sensitivity is not computed again, and says so.
    assertThat(n5b.manifest().at("/route_sensitivity/unchanged").asBoolean()).isTrue();
    // Every phase of the night (ingest and trends: these runs draw no report) has its wall time,
    // in the order they ran, and together they fit inside the run's own start and finish.
    List<String> phases = new ArrayList<>();
    n5b.manifest().get("phases_ms").fieldNames().forEachRemaining(phases::add);
    assertThat(phases)
        .containsExactly(
            "recover", "reattribute", "ingest", "trends", "route_sensitivity", "policy_effects");
    long phaseSum = 0;
    for (JsonNode ms : n5b.manifest().get("phases_ms")) {
      assertThat(ms.asLong()).isNotNegative();
      phaseSum += ms.asLong();
    }
    assertThat(phaseSum)
        .isLessThanOrEqualTo(
            java.time.Duration.between(
                    java.time.Instant.parse(n5b.manifest().get("started_at").asText()),
                    java.time.Instant.parse(n5b.manifest().get("finished_at").asText()))
                .toMillis());
    assertThat(Files.readAllBytes(wh.resolve("exports/route_monthly.csv"))).isEqualTo(exportA);

    // Night 6: a newer delivery moves B2 from February to May; both months are rewritten.
    deliver(
        landing,
        "day6.csv",
        6,
        "E1,2024-05-01,fentanyl,2,kg,Southwest Border,truck,MX",
        "B2,2024-05-03,acetyl fentanyl,0.7,kg,Coastal/Interior,express consignment,HK");
    var n6 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 6));
    assertThat(seizureMonths(n6.manifest())).containsExactly("2024-02", "2024-05");
    assertThat(n6.input("day6.csv").get("normalized").asLong()).isEqualTo(2);

    // Night 7: a file with a bad row and a row dated after the run date.
    deliver(
        landing,
        "day7.csv",
        7,
        "F1,2024-05-20,fentanyl,abc,kg,,,",
        "F2,2024-06-10,fentanyl,1,kg,,,",
        "F3,2024-05-21,fentanyl,1,kg,Southwest Border,pedestrian,");
    var n7 = Pipelines.run(landing, wh, LocalDate.of(2024, 6, 7));
    assertThat(n7.exitCode()).as("2 of 3 rows rejected is above the 5% gate").isEqualTo(3);
    assertThat(seizureMonths(n7.manifest())).containsExactly("2024-05");

    Path clean = tmp.resolve("clean");
    var once = Pipelines.run(landing, clean, LocalDate.of(2024, 6, 7));
    assertThat(once.exitCode()).isEqualTo(3);
    WarehouseContents.assertSame(clean, wh);
    // The monthly aggregates kept night by night (trends and the report read only them) equal the
    // aggregates of the final tables computed from scratch.
    WarehouseComparison.assertAggregatesMatchTables(wh.toString());
  }
}
