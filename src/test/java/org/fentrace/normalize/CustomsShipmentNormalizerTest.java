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

class CustomsShipmentNormalizerTest {
  static final byte[] KEY = "customs-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);
  static final NormalizationContext CONTEXT =
      NormalizationContext.withDefaults(NormalizerSettings.defaults(RUN_DATE), KEY);
  static final PartyHasher HASHER = new PartyHasher(KEY);

  static final List<String> HEADER =
      List.of(
          "shipment_id",
          "arrival_date",
          "origin_country",
          "mode",
          "description",
          "export_country",
          "transit_countries",
          "port_of_entry",
          "destination_state",
          "hs_code",
          "gross_weight",
          "weight_unit",
          "declared_value_usd",
          "shipper_name",
          "consignee_name",
          "inspection_outcome",
          "seized_substance",
          "seized_quantity",
          "seized_unit");
  static final String SHIPPER = "Shenzhen Huayang Trading Co., Ltd.";
  static final String CONSIGNEE = "John Q. Smithson";

  /** A complete valid row: a mail item from China, seized with 1.2 kg of 4-ANPP. */
  static String[] fullRow() {
    return new String[] {
      "EV123456789CN",
      "2023-11-02",
      "PRC",
      "international mail",
      "Industrial chemical",
      "Hong Kong",
      "",
      "JFK IMF",
      "New York",
      "2933.39",
      "2.5",
      "lb",
      "$1,250.5",
      SHIPPER,
      CONSIGNEE,
      "seized",
      "4-ANPP",
      "1.2",
      "kg"
    };
  }

  static String[] row(String column, String value) {
    String[] v = fullRow();
    v[HEADER.indexOf(column)] = value;
    return v;
  }

  private static RecordNormalizer normalizer(char delimiter) {
    return RecordNormalizer.forHeader(HeaderMatch.of(HEADER), delimiter, CONTEXT);
  }

  private static TableRow normalize(String... values) {
    return normalizer(',')
        .normalize(new RawRecord(12, values, String.join(",", values)), "customs/2023-11.csv");
  }

  private static RowRejectedException reject(String... values) {
    return catchThrowableOfType(RowRejectedException.class, () -> normalize(values));
  }

  @Test
  void forHeaderGivesTheShipmentNormalizer() {
    RecordNormalizer n = normalizer(',');
    assertThat(n).isInstanceOf(CustomsShipmentNormalizer.class);
    assertThat(n.format()).isEqualTo(InputFormat.CUSTOMS_SHIPMENTS);
  }

  @Test
  void fullValidRow() {
    TableRow row = normalize(fullRow());
    assertThat(row.table()).isEqualTo(WarehouseTable.SHIPMENTS);
    assertRow(
        row,
        fields(
            "record_id", "customs_shipments:EV123456789CN",
            "shipment_id", "EV123456789CN",
            "source_file", "customs/2023-11.csv",
            "source_line", 12L,
            "event_date", LocalDate.of(2023, 11, 2),
            "fiscal_year", 2024, // November 2023 is in FY2024
            "origin_country", "CN",
            "origin_country_raw", "PRC",
            "export_country", "HK",
            "export_country_raw", "Hong Kong",
            "transit_countries", List.of(),
            "mode", "INTERNATIONAL_MAIL",
            "port_of_entry", "JFK IMF",
            "destination_state", "NY",
            "description", "Industrial chemical",
            "hs_code", "293339",
            "goods_class", "SEIZED_DRUG", // inspection found 4-ANPP
            "gross_weight_kg", new BigDecimal("1.133980925"), // 2.5 lb * 0.45359237
            "declared_value_usd", new BigDecimal("1250.50"), // "$1,250.5" at scale 2
            "shipper_id", HASHER.hash(SHIPPER),
            "consignee_id", HASHER.hash(CONSIGNEE),
            "inspection_outcome", "SEIZED",
            "seized_substance_raw", "4-ANPP",
            "seized_substance_name", "4-ANPP",
            "substance_class", "FENTANYL_PRECURSOR",
            "seized_quantity_kg", new BigDecimal("1.200000000")));
    assertThat((String) row.get("shipper_id")).matches("[0-9a-f]{32}");
    assertThat(row.values()).doesNotContain(SHIPPER, CONSIGNEE);
  }

  @Test
  void releasedShipmentWithOnlyRequiredValues() {
    String[] v = {
      "MAWB-1",
      "11/2/2023",
      "Mexico",
      "truck",
      "auto parts",
      "",
      "CN; MX",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "released",
      "",
      "",
      ""
    };
    TableRow row = normalize(v);
    assertThat(row.get("origin_country")).isEqualTo("MX");
    assertThat(row.get("transit_countries")).isEqualTo(List.of("CN", "MX"));
    assertThat(row.get("transit_countries_raw")).isEqualTo("CN; MX");
    assertThat(row.get("mode")).isEqualTo("LAND_VEHICLE");
    assertThat(row.get("inspection_outcome")).isEqualTo("RELEASED");
    for (String f :
        List.of(
            "export_country",
            "hs_code",
            "gross_weight_kg",
            "declared_value_usd",
            "shipper_id",
            "consignee_id",
            "seized_substance_raw",
            "seized_substance_name",
            "substance_class",
            "seized_quantity_kg",
            "seized_dosage_units")) {
      assertThat(row.get(f)).as(f).isNull();
    }
  }

  @Test
  void seizedPillsAreCounted() {
    String[] v = row("seized_quantity", "500");
    v[HEADER.indexOf("seized_unit")] = "tablets";
    v[HEADER.indexOf("seized_substance")] = "fentanyl";
    TableRow row = normalize(v);
    assertThat(row.get("seized_quantity_kg")).isNull();
    assertThat(row.get("seized_dosage_units")).isEqualTo(500L);
    assertThat(row.get("substance_class")).isEqualTo("FENTANYL");
  }

  @Test
  void zeroGrossWeightIsKept() {
    assertThat(normalize(row("gross_weight", "0")).get("gross_weight_kg"))
        .isEqualTo(new BigDecimal("0E-9"));
  }

  @ParameterizedTest(name = "hs ''{0}'' -> {1}")
  @CsvSource(
      value = {
        "2933.39, 293339",
        "293339, 293339",
        "8479.89.9499, 8479899499",
        "'2933 39', 293339",
        "2933-39, 293339",
        "2933, 2933",
        "29, NULL",
        "293, NULL",
        "29AB.39, NULL",
        "12345678901, NULL"
      },
      nullValues = "NULL")
  void hsCodeKeepsDigitsOnly(String raw, String expected) {
    assertThat(normalize(row("hs_code", raw)).get("hs_code")).isEqualTo(expected);
  }

  // ------------------------------------------------------------------ rejects

  @Test
  void requiredValueBlank() {
    for (String c : InputFormat.CUSTOMS_SHIPMENTS.requiredColumns()) {
      RowRejectedException e = reject(row(c, ""));
      assertThat(e.reason()).as(c).isEqualTo(RejectReason.MISSING_REQUIRED_VALUE);
      assertThat(e.field()).isEqualTo(c);
    }
  }

  @Test
  void badAndFutureArrivalDate() {
    RowRejectedException bad = reject(row("arrival_date", "2023-02-30"));
    assertThat(bad.reason()).isEqualTo(RejectReason.BAD_DATE);
    assertThat(bad.field()).isEqualTo("arrival_date");
    RowRejectedException future = reject(row("arrival_date", "2025-01-01"));
    assertThat(future.reason()).isEqualTo(RejectReason.FUTURE_DATE);
    assertThat(future.field()).isEqualTo("arrival_date");
  }

  @ParameterizedTest(name = "{0}=''{1}'' -> {2} on {3}")
  @CsvSource({
    "gross_weight, abc, BAD_QUANTITY, gross_weight",
    "gross_weight, '1,5', BAD_QUANTITY, gross_weight",
    "gross_weight, -3, NEGATIVE_QUANTITY, gross_weight",
    "weight_unit, '', UNKNOWN_UNIT, weight_unit",
    "weight_unit, pills, UNKNOWN_UNIT, weight_unit",
    "weight_unit, bags, UNKNOWN_UNIT, weight_unit",
    "declared_value_usd, -5, BAD_QUANTITY, declared_value_usd",
    "declared_value_usd, '$-5', BAD_QUANTITY, declared_value_usd",
    "declared_value_usd, 'USD 10', BAD_QUANTITY, declared_value_usd",
    "seized_quantity, 0, ZERO_QUANTITY, seized_quantity",
    "seized_quantity, -1, NEGATIVE_QUANTITY, seized_quantity",
    "seized_quantity, lots, BAD_QUANTITY, seized_quantity",
    "seized_quantity, 60000, IMPLAUSIBLE_QUANTITY, seized_quantity",
    "seized_unit, '', UNKNOWN_UNIT, seized_unit",
    "seized_unit, parcel, UNKNOWN_UNIT, seized_unit",
    // 10^14 lb is about 4.5 * 10^13 kg: 14 digits before the point, DECIMAL(22,9) holds 13.
    "gross_weight, 1e14, OUT_OF_RANGE, gross_weight_kg",
    // 10^17 dollars: 18 digits before the point, DECIMAL(18,2) holds 16.
    "declared_value_usd, 1e17, OUT_OF_RANGE, declared_value_usd",
  })
  void optionalValueRejects(String column, String value, RejectReason reason, String field) {
    RowRejectedException e = reject(row(column, value));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void numbersAtTheirColumnsLimitAreKept() {
    // The widest values the columns hold: 13 digits of kilograms (DECIMAL(22,9)) and 16 of
    // dollars (DECIMAL(18,2)).
    String[] v = row("gross_weight", "9999999999999");
    v[HEADER.indexOf("weight_unit")] = "kg";
    v[HEADER.indexOf("declared_value_usd")] = "9999999999999999.99";
    TableRow t = normalize(v);
    assertThat((BigDecimal) t.get("gross_weight_kg")).isEqualByComparingTo("9999999999999");
    assertThat((BigDecimal) t.get("declared_value_usd"))
        .isEqualByComparingTo("9999999999999999.99");
    RowRejectedException e = reject(row("gross_weight", "1e14"));
    assertThat(e.getMessage()).contains("14 digits before the decimal point").contains("13");
  }

  @Test
  void rejectMessagesNeverCarryPartyNames() {
    RowRejectedException e = reject(row("gross_weight", "abc"));
    assertThat(e.getMessage()).doesNotContain("Shenzhen").doesNotContain("Smithson");
  }

  // ------------------------------------------------------------------ quarantine text

  @Test
  void quarantineTextReplacesNamesByHashes() {
    String[] v = fullRow();
    String raw =
        "EV123456789CN,2023-11-02,PRC,international mail,Industrial chemical,Hong Kong,,JFK IMF,New York,"
            + "2933.39,2.5,lb,\"$1,250.5\",\""
            + SHIPPER
            + "\","
            + CONSIGNEE
            + ",seized,4-ANPP,1.2,kg";
    String q = normalizer(',').quarantineText(new RawRecord(12, v, raw));
    assertThat(q).contains("[shipper:" + HASHER.hash(SHIPPER) + "]");
    assertThat(q).contains("[consignee:" + HASHER.hash(CONSIGNEE) + "]");
    assertThat(q).doesNotContain("Shenzhen").doesNotContain("Huayang").doesNotContain("Smithson");
    // Everything else is kept, re-quoted as CSV
    assertThat(q)
        .startsWith(
            "EV123456789CN,2023-11-02,PRC,international mail,Industrial chemical,Hong Kong,,JFK IMF,");
    assertThat(q).contains("\"$1,250.5\"").endsWith(",seized,4-ANPP,1.2,kg");
    assertThat(q).doesNotContain("\n");
  }

  @Test
  void quarantineTextUsesTheFileDelimiter() {
    String q = normalizer(';').quarantineText(new RawRecord(2, fullRow(), "ignored"));
    assertThat(q).startsWith("EV123456789CN;2023-11-02;PRC;").contains(";$1,250.5;");
    assertThat(q).doesNotContain("Smithson");
  }

  @Test
  void blankNamesStayBlankInTheQuarantine() {
    String[] v = row("shipper_name", "");
    v[HEADER.indexOf("consignee_name")] = " ";
    String q = normalizer(',').quarantineText(new RawRecord(2, v, ""));
    assertThat(q).doesNotContain("[shipper:").doesNotContain("[consignee:");
  }

  @Test
  void unparseableTextIsWithheldEntirely() {
    String raw = "EV1,2023-11-02,CN,mail,\"chemicals," + SHIPPER + "," + CONSIGNEE;
    String q = normalizer(',').quarantineText(new RawRecord(5, null, raw));
    assertThat(q).doesNotContain("Shenzhen").doesNotContain("Smithson").doesNotContain("EV1");
    assertThat(q).contains(Integer.toString(raw.length()));
  }

  @Test
  void quarantineTextOfAShiftedRowStillHidesNames() {
    // "Acme, Inc." unquoted: the row has one field more than the header, consignee shifted right
    String[] v = {
      "EV1",
      "2023-11-02",
      "CN",
      "mail",
      "parts",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "Acme",
      " Inc.",
      "Maria Gonzalez",
      "released",
      "",
      "",
      ""
    };
    RecordNormalizer n = normalizer(',');
    RawRecord r = new RawRecord(9, v, String.join(",", v));
    assertThat(
            catchThrowableOfType(RowRejectedException.class, () -> n.normalize(r, "f.csv"))
                .reason())
        .isEqualTo(RejectReason.FIELD_COUNT_MISMATCH);
    assertThat(n.quarantineText(r)).doesNotContain("Gonzalez").doesNotContain("Acme");
  }

  @Test
  void quarantineTextOfAShortRowStillHidesNames() {
    // declared_value_usd left out: the names sit one position to the left of their columns
    String[] v = {
      "EV1",
      "2023-11-02",
      "CN",
      "mail",
      "parts",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "Acme Inc",
      "Maria Gonzalez",
      "released",
      "",
      "",
      ""
    };
    String q = normalizer(',').quarantineText(new RawRecord(9, v, String.join(",", v)));
    assertThat(q).doesNotContain("Gonzalez").doesNotContain("Acme");
  }
}
