package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.junit.jupiter.api.Test;

/**
 * A normalizer remembers its lookups' answers per raw spelling ({@link RawValueMemo}); a row must
 * come out the same whether the normalizer has read thousands of rows before it or none. Each row
 * below is normalized by one normalizer that reads them all in order, and again by a new normalizer
 * that reads only that row; the two results (row values, or reject reason and message) must be
 * equal. The substance column holds more distinct spellings than a memo keeps, so the memo also
 * empties and fills again along the way.
 */
class MemoizedLookupsTest {
  static final byte[] KEY = "memo-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final NormalizationContext CONTEXT =
      NormalizationContext.withDefaults(
          NormalizerSettings.defaults(LocalDate.of(2024, 6, 30)), KEY);

  static final List<String> SUBSTANCES =
      List.of(
          "fentanyl",
          "Fentanyl HCl",
          "4-ANPP",
          "carfentanil",
          "acetyl fentanyl",
          "heroin",
          "methamphetamine",
          "",
          "zzz unknown powder");
  static final List<String> COUNTRIES =
      List.of("PRC", "China", "Mexico", "MX", "Republic of Korea", "nowhere land", "");
  static final List<String> TRANSITS = List.of("CN|MX", "Hong Kong, China", "CN; MX; GT", "");
  static final List<String> CONVEYANCES =
      List.of("international mail", "POV", "express courier", "cargo", "", "hovercraft");
  static final List<String> REGIONS = List.of("Southwest Border", "NORTHERN", "JFK", "", "Moon");
  static final List<String> FORMS = List.of("powder", "pills", "tablets", "", "goo");
  static final List<String> UNITS = List.of("kg", "g", "lb", "pills", "bushels");
  static final List<String> OUTCOMES = List.of("released", "SEIZED", "examined", "", "lost");

  /** More distinct substance spellings than one memo keeps, then the common ones again. */
  static List<String> substanceColumn(Random random, int rows) {
    List<String> column = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      column.add(
          i < RawValueMemo.CAPACITY + 500
              ? (i % 3 == 0 ? "compound " + i + " powder" : pick(random, SUBSTANCES))
              : pick(random, SUBSTANCES));
    }
    return column;
  }

  static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  @Test
  void seizureRowsAreTheSameWithOrWithoutTheRowsBefore() {
    List<String> header = SeizureEventNormalizerTest.FULL_HEADER;
    Random random = new Random(11);
    int rows = 3 * (RawValueMemo.CAPACITY + 500);
    List<String> substances = substanceColumn(random, rows);
    List<String[]> records = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      records.add(
          new String[] {
            "S-" + i,
            "2023-03-15",
            substances.get(i),
            "2",
            pick(random, UNITS),
            "cbp",
            pick(random, REGIONS),
            "somewhere",
            "TX",
            pick(random, CONVEYANCES),
            pick(random, FORMS),
            pick(random, COUNTRIES),
            pick(random, TRANSITS),
            pick(random, COUNTRIES),
            ""
          });
    }
    assertSameWithAndWithoutHistory(header, records);
  }

  @Test
  void shipmentRowsAreTheSameWithOrWithoutTheRowsBefore() {
    List<String> header = CustomsShipmentNormalizerTest.HEADER;
    Random random = new Random(12);
    int rows = 3 * (RawValueMemo.CAPACITY + 500);
    List<String> seized = substanceColumn(random, rows);
    List<String> descriptions =
        List.of("Industrial chemical", "4-ANPP", "tablet press", "die set", "toys", "");
    List<String[]> records = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      boolean wasSeized = random.nextInt(4) == 0;
      records.add(
          new String[] {
            "EV" + i,
            "2023-11-02",
            pick(random, COUNTRIES),
            pick(random, CONVEYANCES),
            // Descriptions are classified through the memoized substance reading too.
            i % 5 == 0 ? seized.get(i) : pick(random, descriptions),
            pick(random, COUNTRIES),
            pick(random, TRANSITS),
            "JFK IMF",
            "NY",
            random.nextBoolean() ? "8479.30" : "2933.39",
            "1.5",
            pick(random, UNITS),
            "$12.00",
            "Shipper " + random.nextInt(50),
            "Consignee " + random.nextInt(50),
            pick(random, OUTCOMES),
            wasSeized ? seized.get(i) : "",
            wasSeized ? "0.2" : "",
            wasSeized ? pick(random, UNITS) : ""
          });
    }
    assertSameWithAndWithoutHistory(header, records);
  }

  private static void assertSameWithAndWithoutHistory(List<String> header, List<String[]> rows) {
    RecordNormalizer reused = RecordNormalizer.forHeader(HeaderMatch.of(header), ',', CONTEXT);
    int rejected = 0;
    for (int i = 0; i < rows.size(); i++) {
      RawRecord record = new RawRecord(i + 2, rows.get(i), String.join(",", rows.get(i)));
      RecordNormalizer fresh = RecordNormalizer.forHeader(HeaderMatch.of(header), ',', CONTEXT);
      String withHistory = outcome(reused, record);
      String alone = outcome(fresh, record);
      assertThat(withHistory).as("line %d: %s", record.line(), record.rawText()).isEqualTo(alone);
      if (alone.startsWith("rejected")) {
        rejected++;
      }
    }
    // Both outcomes occur, so both paths are compared.
    assertThat(rejected).isBetween(1, rows.size() - 1);
  }

  private static String outcome(RecordNormalizer n, RawRecord record) {
    try {
      return Arrays.deepToString(n.normalize(record, "in/file.csv").values());
    } catch (RowRejectedException e) {
      return "rejected " + e.reason() + ": " + e.getMessage();
    }
  }
}
