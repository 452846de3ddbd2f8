package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fentrace.normalize.RowAssertions.assertRow;
import static org.fentrace.normalize.RowAssertions.fields;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.fentrace.core.InputFormat;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CbpAggregateNormalizerTest {
  static final byte[] KEY = "cbp-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final LocalDate RUN_DATE = LocalDate.of(2025, 6, 30);
  static final NormalizationContext CONTEXT =
      NormalizationContext.withDefaults(NormalizerSettings.defaults(RUN_DATE), KEY);

  static final List<String> CBP =
      List.of(
          "FY",
          "Month (abbv)",
          "Component",
          "Region",
          "Land Filter",
          "Area of Responsibility",
          "Drug Type",
          "Count of Event",
          "Sum Qty (lbs)");
  static final List<String> AMO =
      List.of(
          "FY",
          "Month (abbv)",
          "Component",
          "Region",
          "Land Filter",
          "Branch",
          "Drug Type",
          "Count of Event",
          "Sum Qty (lbs)");

  static String[] sanDiego() {
    return new String[] {
      "2019",
      "OCT",
      "Office of Field Operations",
      "Southwest Border",
      "Land Only",
      "SAN DIEGO FIELD OFFICE",
      "Fentanyl",
      "12",
      "100.5"
    };
  }

  static String[] sanDiego(int index, String value) {
    String[] v = sanDiego();
    v[index] = value;
    return v;
  }

  private static TableRow normalize(List<String> header, String... values) {
    RecordNormalizer n = RecordNormalizer.forHeader(HeaderMatch.of(header), ',', CONTEXT);
    return n.normalize(
        new RawRecord(4, values, String.join(",", values)),
        "cbp/nationwide-drug-seizures-fy25.csv");
  }

  private static TableRow normalize(String... values) {
    return normalize(CBP, values);
  }

  private static RowRejectedException reject(String... values) {
    return catchThrowableOfType(RowRejectedException.class, () -> normalize(values));
  }

  @Test
  void forHeaderGivesTheCbpNormalizerForBothFormats() {
    assertThat(RecordNormalizer.forHeader(HeaderMatch.of(CBP), ',', CONTEXT))
        .isInstanceOf(CbpAggregateNormalizer.class)
        .extracting(RecordNormalizer::format)
        .isEqualTo(InputFormat.CBP_NATIONWIDE);
    assertThat(RecordNormalizer.forHeader(HeaderMatch.of(AMO), ',', CONTEXT))
        .isInstanceOf(CbpAggregateNormalizer.class)
        .extracting(RecordNormalizer::format)
        .isEqualTo(InputFormat.CBP_AMO);
  }

  @Test
  void nationwideRow() {
    TableRow row = normalize(sanDiego());
    assertThat(row.table()).isEqualTo(WarehouseTable.SEIZURES);
    assertThat((String) row.get("record_id")).matches("cbp_nationwide:[0-9a-f]{20}");
    assertRow(
        row,
        fields(
            "record_id", row.get("record_id"),
            "source_format", "cbp_nationwide",
            "enriched_from_shipment", false, // CBP aggregates link to no shipment
            "source_file", "cbp/nationwide-drug-seizures-fy25.csv",
            "source_line", 4L,
            "event_date", LocalDate.of(2018, 10, 1), // FY2019 starts in October 2018
            "fiscal_year", 2019,
            "event_count", 12,
            "substance_raw", "Fentanyl",
            "substance_name", "fentanyl",
            "substance_class", "FENTANYL",
            "substance_unlisted", false,
            "form", "UNKNOWN",
            "quantity_kg",
                new BigDecimal("45.586033185"), // 100.5 lb * 0.45359237 = 45.586033185 kg
            "transit_countries", List.of(),
            "conveyance", "UNKNOWN",
            "region", "SOUTHWEST_BORDER",
            "agency", "OFO",
            "location", "SAN DIEGO FIELD OFFICE",
            "cbp_component", "OFO",
            "cbp_land_filter", "LAND_ONLY"));
  }

  @Test
  void amoRow() {
    TableRow row =
        normalize(
            AMO,
            "2021",
            "Mar",
            "Air and Marine Operations",
            "Coastal/Interior",
            "Other",
            "Miami Air and Marine Branch",
            "Methamphetamine",
            "3",
            "1,234.5");
    assertThat((String) row.get("record_id")).matches("cbp_amo:[0-9a-f]{20}");
    assertThat(row.get("source_format")).isEqualTo("cbp_amo");
    assertThat(row.get("event_date")).isEqualTo(LocalDate.of(2021, 3, 1));
    assertThat(row.get("fiscal_year")).isEqualTo(2021);
    assertThat(row.get("event_count")).isEqualTo(3);
    // 1234.5 * 0.45359237 = 453.59237 + 106.367410765 = 559.959780765
    assertThat(row.get("quantity_kg")).isEqualTo(new BigDecimal("559.959780765"));
    assertThat(row.get("cbp_component")).isEqualTo("AMO");
    assertThat(row.get("agency")).isEqualTo("AMO");
    assertThat(row.get("cbp_land_filter")).isEqualTo("OTHER");
    assertThat(row.get("region")).isEqualTo("COASTAL_INTERIOR");
    assertThat(row.get("location")).isEqualTo("Miami Air and Marine Branch");
    assertThat(row.get("substance_class")).isEqualTo("OTHER_DRUG");
  }

  @Test
  void fiscalYearToDateIsTheYear() {
    TableRow row = normalize(sanDiego(0, "2025 (FYTD)"));
    assertThat(row.get("fiscal_year")).isEqualTo(2025);
    assertThat(row.get("event_date")).isEqualTo(LocalDate.of(2024, 10, 1));
    assertThat(normalize(sanDiego(0, "FY 2020")).get("fiscal_year")).isEqualTo(2020);
  }

  @Test
  void zeroPoundsIsKeptWithZeroKilograms() {
    TableRow row = normalize(sanDiego(8, "0"));
    assertThat(row.get("quantity_kg")).isEqualTo(new BigDecimal("0E-9")); // 0 at scale 9
    assertThat(row.get("event_count")).isEqualTo(12);
  }

  @Test
  void otherDrugsIsUnknown() {
    TableRow row = normalize(sanDiego(6, "Other Drugs**"));
    assertThat(row.get("substance_class")).isEqualTo("UNKNOWN");
    assertThat(row.get("substance_raw")).isEqualTo("Other Drugs**");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Office of Field Operations, OFO",
    "OFO, OFO",
    "U.S. Border Patrol, USBP",
    "usbp, USBP",
    "Air and Marine Operations, AMO",
    "Other Agency, OTHER AGENCY"
  })
  void componentCodes(String raw, String code) {
    assertThat(normalize(sanDiego(2, raw)).get("cbp_component")).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Land Only, LAND_ONLY",
    "LAND ONLY, LAND_ONLY",
    "Other, OTHER",
    "All Modes, ALL_MODES"
  })
  void landFilters(String raw, String code) {
    assertThat(normalize(sanDiego(4, raw)).get("cbp_land_filter")).isEqualTo(code);
  }

  @Test
  void recordIdIdentifiesTheAggregateNotItsNumbers() {
    Object id = normalize(sanDiego()).get("record_id");
    // A revised count or weight for the same cell is the same record (a newer file replaces it)...
    assertThat(normalize(sanDiego(7, "13")).get("record_id")).isEqualTo(id);
    assertThat(normalize(sanDiego(8, "99")).get("record_id")).isEqualTo(id);
    // ...another month, drug, office or component is another record.
    assertThat(normalize(sanDiego(1, "NOV")).get("record_id")).isNotEqualTo(id);
    assertThat(normalize(sanDiego(6, "Heroin")).get("record_id")).isNotEqualTo(id);
    assertThat(normalize(sanDiego(5, "LAREDO FIELD OFFICE")).get("record_id")).isNotEqualTo(id);
    assertThat(normalize(sanDiego(2, "U.S. Border Patrol")).get("record_id")).isNotEqualTo(id);
  }

  @Test
  void ceilingAppliesPerEvent() {
    // 200000 lb * 0.45359237 = 90718.474 kg: above 50000 kg for one event...
    RowRejectedException e = reject(withCountAndPounds("1", "200000"));
    assertThat(e.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_QUANTITY);
    assertThat(e.field()).isEqualTo("Sum Qty (lbs)");
    // ...but fine as the total of 2 events (45359.237 kg each)
    assertThat(normalize(withCountAndPounds("2", "200000")).get("quantity_kg"))
        .isEqualTo(new BigDecimal("90718.474000000"));
  }

  private static String[] withCountAndPounds(String count, String pounds) {
    String[] v = sanDiego(7, count);
    v[8] = pounds;
    return v;
  }

  // ------------------------------------------------------------------ rejects

  @ParameterizedTest(name = "column {0} = ''{1}'' -> {2} on {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | abc          | BAD_DATE             | FY",
        "0 | 19           | BAD_DATE             | FY",
        "1 | XYZ          | BAD_DATE             | Month (abbv)",
        "0 | 2026         | FUTURE_DATE          | FY/Month", // FY2026 October is 2025-10-01, after
        // the run date
        "1 | JUL          | FUTURE_DATE          | FY/Month", // with FY 2025 (set below):
        // 2025-07-01
        "0 | 1989         | DATE_OUT_OF_RANGE    | FY/Month",
        "7 | 0            | BAD_COUNT            | Count of Event",
        "7 | -4           | BAD_COUNT            | Count of Event",
        "7 | 2.5          | BAD_COUNT            | Count of Event",
        "7 | many         | BAD_COUNT            | Count of Event",
        "8 | abc          | BAD_QUANTITY         | Sum Qty (lbs)",
        "8 | 1,5          | BAD_QUANTITY         | Sum Qty (lbs)",
        "8 | -3           | NEGATIVE_QUANTITY    | Sum Qty (lbs)",
        "6 | ' '          | MISSING_REQUIRED_VALUE | drug_type",
      })
  void rejects(int index, String value, RejectReason reason, String field) {
    String[] v = sanDiego(index, value);
    if (index == 1 && reason == RejectReason.FUTURE_DATE) {
      v[0] = "2025"; // FY2025 July is 2025-07-01, after 2025-06-30
    }
    RowRejectedException e = reject(v);
    assertThat(e).as("no rejection").isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void countWithThousandsCommaIsAccepted() {
    assertThat(normalize(sanDiego(7, "1,234")).get("event_count")).isEqualTo(1234);
  }

  @Test
  void fieldCountMismatch() {
    RowRejectedException e = reject("2019", "OCT", "Office of Field Operations");
    assertThat(e.reason()).isEqualTo(RejectReason.FIELD_COUNT_MISMATCH);
    assertThat(e.field()).isNull();
  }
}
