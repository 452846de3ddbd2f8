package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fentrace.config.ParseCache;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.normalize.NormalizerSettings;
import org.fentrace.routes.RouteRules;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarantine examples an ingest prints are this run's first quarantined rows, in file and line
 * order, at most 20, and never the rows an earlier night left in the quarantine: three nights over
 * one warehouse, each adding a file, with the expected lines written out by hand from the files.
 * The quarantine table keeps every night's rows all the same.
 */
class RejectExamplesTest {
  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);
  static final String HEADER = "seizure_id,seizure_date,substance,quantity,unit";

  @TempDir Path tmp;

  @Test
  void examplesAreTheFirstRowsThisRunQuarantined() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    String warehouse = tmp.resolve("warehouse").toString();

    // Night 1: a.csv, 22 rows with a negative quantity on lines 2 to 23, then one good row.
    List<String> a = new ArrayList<>(List.of(HEADER));
    for (int i = 1; i <= 22; i++) {
      a.add("A" + i + ",2023-01-05,fentanyl,-" + i + ",kg");
    }
    a.add("A23,2023-01-05,fentanyl,1,kg");
    Files.write(landing.resolve("a.csv"), a);
    List<String> first = ingest(landing, warehouse, "night-1");
    // The cap: lines 2 to 21 of a.csv, in order.
    List<String> expectedFirst = new ArrayList<>();
    for (int line = 2; line <= 21; line++) {
      expectedFirst.add("a.csv line " + line + ": NEGATIVE_QUANTITY");
    }
    assertThat(first).hasSize(20);
    assertThat(first).extracting(RejectExamplesTest::fileLineReason).isEqualTo(expectedFirst);

    // Night 2: b.csv arrives with a bad date on line 3 and a zero quantity on line 5; a.csv is
    // unchanged, so its 22 quarantined rows stay in the table but are not this night's.
    Files.write(
        landing.resolve("b.csv"),
        List.of(
            HEADER,
            "B1,2023-02-01,fentanyl,1,kg",
            "B2,2023-13-45,fentanyl,1,kg",
            "B3,2023-02-03,fentanyl,1,kg",
            "B4,2023-02-04,fentanyl,0,kg"));
    assertThat(ingest(landing, warehouse, "night-2"))
        .extracting(RejectExamplesTest::fileLineReason)
        .containsExactly("b.csv line 3: BAD_DATE", "b.csv line 5: ZERO_QUANTITY");

    // Night 3: a clean file: no examples, and the quarantine still holds 22 + 2 rows.
    Files.write(landing.resolve("c.csv"), List.of(HEADER, "C1,2023-03-01,fentanyl,1,kg"));
    assertThat(ingest(landing, warehouse, "night-3")).isEmpty();
    assertThat(SharedSpark.session().read().parquet(warehouse + "/rejected").count()).isEqualTo(24);
  }

  /** "file line N: REASON" of an example (the message after it is the normalizer's). */
  private static String fileLineReason(String example) {
    String[] parts = example.split(": ", 3);
    return parts[0] + ": " + parts[1];
  }

  private static List<String> ingest(Path landing, String warehouse, String runId)
      throws java.io.IOException {
    return new IngestAction(
            SharedSpark.session(),
            new IngestAction.Options(
                landing.toString(),
                warehouse,
                runId,
                RUN_DATE,
                NormalizationContext.withDefaults(
                    NormalizerSettings.defaults(RUN_DATE),
                    "reject-examples-test-key-0123456789".getBytes()),
                RouteRules.loadDefault(),
                1.0,
                false,
                0,
                ParseCache.AUTO,
                10_000))
        .execute()
        .rejectExamples();
  }
}
