package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fentrace.normalize.RowAssertions.assertRow;
import static org.fentrace.normalize.RowAssertions.fields;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.fentrace.core.InputFormat;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;

class SeizureEventNormalizerTest {
  static final byte[] KEY = "seizure-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);
  static final NormalizationContext CONTEXT =
      NormalizationContext.withDefaults(NormalizerSettings.defaults(RUN_DATE), KEY);

  static final List<String> FULL_HEADER =
      List.of(
          "seizure_id",
          "seizure_date",
          "substance",
          "quantity",
          "unit",
          "agency",
          "region",
          "location",
          "us_state",
          "conveyance",
          "form",
          "origin_country",
          "transit_countries",
          "destination_country",
          "shipment_id");
  static final List<String> MIN_HEADER =
      List.of("seizure_id", "seizure_date", "substance", "quantity", "unit");

  private static RecordNormalizer normalizer(List<String> header, NormalizationContext context) {
    return RecordNormalizer.forHeader(HeaderMatch.of(header), ',', context);
  }

  private static TableRow normalize(List<String> header, String... values) {
    return normalizer(header, CONTEXT)
        .normalize(new RawRecord(7, values, String.join(",", values)), "in/seizures.csv");
  }

  /** A minimal valid row with one value replaced. */
  private static String[] minRow(int index, String value) {
    String[] v = {"S-1", "2023-03-15", "fentanyl", "2", "kg"};
    v[index] = value;
    return v;
  }

  private static RowRejectedException reject(List<String> header, String... values) {
    return catchThrowableOfType(RowRejectedException.class, () -> normalize(header, values));
  }

  @Test
  void forHeaderGivesTheSeizureNormalizer() {
    RecordNormalizer n = normalizer(MIN_HEADER, CONTEXT);
    assertThat(n).isInstanceOf(SeizureEventNormalizer.class);
    assertThat(n.format()).isEqualTo(InputFormat.SEIZURE_EVENTS);
  }

  @Test
  void fullValidRow() {
    TableRow row =
        normalize(
            FULL_HEADER,
            "S-001",
            "03/15/2023",
            "Fentanyl HCl",
            "2.5",
            "lb",
            "cbp-ofo",
            "Southwest Border",
            "San Ysidro",
            "California",
            "land vehicle",
            "powder",
            "México",
            "Guatemala|MX",
            "USA",
            "BOL-9");
    assertThat(row.table()).isEqualTo(WarehouseTable.SEIZURES);
    assertRow(
        row,
        fields(
            "record_id", "seizure_events:S-001",
            "source_format", "seizure_events",
            "source_file", "in/seizures.csv",
            "source_line", 7L,
            "event_date", LocalDate.of(2023, 3, 15),
            "fiscal_year", 2023, // March 2023 is in FY2023 (Oct 2022 - Sep 2023)
            "event_count", 1,
            "substance_raw", "Fentanyl HCl",
            "substance_name", "fentanyl",
            "substance_class", "FENTANYL",
            "substance_unlisted", false,
            "form", "POWDER",
            "quantity_kg", new BigDecimal("1.133980925"), // 2.5 lb * 0.45359237 = 1.133980925 kg
            "origin_country", "MX",
            "origin_country_raw", "México",
            "transit_countries", List.of("GT", "MX"),
            "transit_countries_raw", "Guatemala|MX",
            "destination_country", "US",
            "enriched_from_shipment", false, // set by route attribution, false until then
            "conveyance", "LAND_VEHICLE",
            "region", "SOUTHWEST_BORDER",
            "agency", "CBP-OFO",
            "location", "San Ysidro",
            "us_state", "CA",
            "shipment_id", "BOL-9"));
  }

  @Test
  void minimalRowLeavesOptionalFieldsEmptyOrUnknown() {
    TableRow row = normalize(MIN_HEADER, " S-2 ", "05-mar-2021", " acetyl fentanyl ", "250", "g");
    assertRow(
        row,
        fields(
            "record_id", "seizure_events:S-2",
            "source_format", "seizure_events",
            "enriched_from_shipment", false,
            "source_file", "in/seizures.csv",
            "source_line", 7L,
            "event_date", LocalDate.of(2021, 3, 5),
            "fiscal_year", 2021,
            "event_count", 1,
            "substance_raw", "acetyl fentanyl",
            "substance_name", "acetyl fentanyl",
            "substance_class", "FENTANYL_ANALOG",
            "substance_unlisted", false,
            "form", "UNKNOWN",
            "quantity_kg", new BigDecimal("0.250000000"), // 250 g * 0.001
            "transit_countries", List.of(),
            "conveyance", "UNKNOWN",
            "region", "UNKNOWN"));
  }

  @Test
  void pillCountStaysACountAndImpliesPills() {
    TableRow row =
        normalize(
            FULL_HEADER,
            "S-3",
            "2023-10-01",
            "M30 blue pills (fentanyl)",
            "1,200",
            "tablets",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "");
    assertThat(row.get("quantity_kg")).isNull();
    assertThat(row.get("dosage_units")).isEqualTo(1200L);
    assertThat(row.get("form")).isEqualTo("PILLS"); // blank form + a count -> PILLS
    assertThat(row.get("fiscal_year")).isEqualTo(2024); // 1 Oct 2023 starts FY2024
    assertThat(row.get("substance_class")).isEqualTo("FENTANYL");
    assertThat(row.get("agency")).isNull();
    assertThat(row.get("origin_country")).isNull();
    assertThat(row.get("transit_countries")).isEqualTo(List.of());
  }

  @Test
  void statedFormWinsOverTheCountDefault() {
    TableRow row =
        normalize(
            FULL_HEADER,
            "S-4",
            "2023-10-01",
            "fentanyl",
            "10",
            "pills",
            "",
            "",
            "",
            "",
            "",
            "patch",
            "",
            "",
            "",
            "");
    assertThat(row.get("form")).isEqualTo("PATCH");
  }

  @Test
  void unknownCountryKeepsItsRawText() {
    TableRow row =
        normalize(
            FULL_HEADER,
            "S-5",
            "2023-01-01",
            "fentanyl",
            "1",
            "oz",
            "",
            "",
            "",
            "",
            "",
            "",
            "Mexico City",
            "Atlantis; CN",
            "",
            "");
    assertThat(row.get("origin_country")).isNull();
    assertThat(row.get("origin_country_raw")).isEqualTo("Mexico City");
    assertThat(row.get("transit_countries")).isEqualTo(List.of("CN"));
    assertThat(row.get("quantity_kg"))
        .isEqualTo(new BigDecimal("0.028349523")); // 1 oz = 0.028349523125 kg
  }

  @Test
  void boundaryDatesAreKept() {
    assertThat(normalize(MIN_HEADER, minRow(1, "2024-06-30")).get("event_date"))
        .isEqualTo(RUN_DATE);
    assertThat(normalize(MIN_HEADER, minRow(1, "1990-01-01")).get("event_date"))
        .isEqualTo(LocalDate.of(1990, 1, 1));
  }

  // ------------------------------------------------------------------ rejects

  @Test
  void fieldCountMismatch() {
    RowRejectedException e = reject(MIN_HEADER, "S-1", "2023-03-15", "fentanyl", "2");
    assertThat(e.reason()).isEqualTo(RejectReason.FIELD_COUNT_MISMATCH);
    assertThat(e.field()).isNull();
    assertThat(e.getMessage()).contains("4 fields").contains("5");
    assertThat(reject(MIN_HEADER, "S-1", "2023-03-15", "fentanyl", "2", "kg", "x").reason())
        .isEqualTo(RejectReason.FIELD_COUNT_MISMATCH);
  }

  @Test
  void fieldTooLong() {
    NormalizerSettings s =
        new NormalizerSettings(
            RUN_DATE,
            NormalizerSettings.DEFAULT_EARLIEST_DATE,
            NormalizerSettings.DEFAULT_MAX_KG_PER_SEIZURE,
            NormalizerSettings.DEFAULT_MAX_DOSAGE_UNITS_PER_SEIZURE,
            20);
    RecordNormalizer n = normalizer(MIN_HEADER, NormalizationContext.withDefaults(s, KEY));
    String[] v = minRow(2, "f".repeat(21));
    RowRejectedException e =
        catchThrowableOfType(
            RowRejectedException.class,
            () -> n.normalize(new RawRecord(2, v, String.join(",", v)), "f.csv"));
    assertThat(e.reason()).isEqualTo(RejectReason.FIELD_TOO_LONG);
    assertThat(e.field()).isEqualTo("substance");
    assertThat(e.getMessage()).contains("21").contains("20");
    String[] ok = minRow(2, "f".repeat(20));
    assertThat(n.normalize(new RawRecord(2, ok, ""), "f.csv")).isNotNull();
  }

  @Test
  void blankRequiredValues() {
    for (int i = 0; i < MIN_HEADER.size(); i++) {
      RowRejectedException e = reject(MIN_HEADER, minRow(i, "  "));
      assertThat(e.reason()).as(MIN_HEADER.get(i)).isEqualTo(RejectReason.MISSING_REQUIRED_VALUE);
      assertThat(e.field()).isEqualTo(MIN_HEADER.get(i));
    }
  }

  @Test
  void badDate() {
    for (String d : List.of("2021-02-30", "13/45/2021", "yesterday")) {
      RowRejectedException e = reject(MIN_HEADER, minRow(1, d));
      assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
      assertThat(e.field()).isEqualTo("seizure_date");
      assertThat(e.getMessage()).contains(d).endsWith(RejectReason.BAD_DATE.hint());
    }
  }

  @Test
  void futureDate() {
    RowRejectedException e = reject(MIN_HEADER, minRow(1, "2024-07-01"));
    assertThat(e.reason()).isEqualTo(RejectReason.FUTURE_DATE);
    assertThat(e.field()).isEqualTo("seizure_date");
    assertThat(e.getMessage()).contains("2024-07-01").contains("2024-06-30");
  }

  @Test
  void dateBeforeEarliest() {
    RowRejectedException e = reject(MIN_HEADER, minRow(1, "12/31/1989"));
    assertThat(e.reason()).isEqualTo(RejectReason.DATE_OUT_OF_RANGE);
    assertThat(e.field()).isEqualTo("seizure_date");
  }

  @Test
  void quantityRejects() {
    Object[][] cases = {
      {"1,5", RejectReason.BAD_QUANTITY},
      {"abc", RejectReason.BAD_QUANTITY},
      {"-2", RejectReason.NEGATIVE_QUANTITY},
      {"0", RejectReason.ZERO_QUANTITY},
      {"50000.5", RejectReason.IMPLAUSIBLE_QUANTITY}, // default ceiling 50000 kg
    };
    for (Object[] c : cases) {
      RowRejectedException e = reject(MIN_HEADER, minRow(3, (String) c[0]));
      assertThat(e.reason()).as((String) c[0]).isEqualTo(c[1]);
      assertThat(e.field()).isEqualTo("quantity");
    }
  }

  @Test
  void fractionalPillCount() {
    String[] v = {"S-1", "2023-03-15", "fentanyl", "2.5", "pills"};
    RowRejectedException e = reject(MIN_HEADER, v);
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_QUANTITY);
    assertThat(e.field()).isEqualTo("quantity");
  }

  @Test
  void tooManyPills() {
    String[] v = {"S-1", "2023-03-15", "fentanyl", "20,000,001", "pills"};
    RowRejectedException e = reject(MIN_HEADER, v);
    assertThat(e.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_QUANTITY);
    assertThat(e.field()).isEqualTo("quantity");
  }

  @Test
  void unknownUnit() {
    RowRejectedException e = reject(MIN_HEADER, minRow(4, "bricks"));
    assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_UNIT);
    assertThat(e.field()).isEqualTo("unit");
    assertThat(e.getMessage()).contains("'bricks'");
  }

  @Test
  void unusableHeaderIsRefused() {
    HeaderMatch missing =
        HeaderMatch.of(List.of("seizure_id", "seizure_date", "substance", "quantity"));
    assertThat(missing.usable()).isFalse();
    assertThatThrownBy(() -> RecordNormalizer.forHeader(missing, ',', CONTEXT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quarantineTextIsTheRawText() {
    RecordNormalizer n = normalizer(MIN_HEADER, CONTEXT);
    RawRecord r = new RawRecord(3, minRow(0, "S-9"), "S-9,2023-03-15,fentanyl,2,kg");
    assertThat(n.quarantineText(r)).isEqualTo("S-9,2023-03-15,fentanyl,2,kg");
    assertThat(Arrays.asList(r.values())).hasSize(5);
  }
}
