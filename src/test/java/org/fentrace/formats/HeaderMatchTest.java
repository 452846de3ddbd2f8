package org.fentrace.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.InputFormat;
import org.junit.jupiter.api.Test;

class HeaderMatchTest {
  static final List<String> SEIZURE =
      List.of("seizure_id", "seizure_date", "substance", "quantity", "unit");
  static final List<String> SHIPMENT =
      List.of("shipment_id", "arrival_date", "origin_country", "mode", "description");
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

  private static List<String> with(List<String> base, String... more) {
    List<String> l = new ArrayList<>(base);
    l.addAll(List.of(more));
    return l;
  }

  private static List<String> without(List<String> base, String column) {
    List<String> l = new ArrayList<>(base);
    l.remove(column);
    return l;
  }

  @Test
  void recognisesSeizureEvents() {
    HeaderMatch m = HeaderMatch.of(SEIZURE);
    assertThat(m.format()).isEqualTo(InputFormat.SEIZURE_EVENTS);
    assertThat(m.usable()).isTrue();
    assertThat(m.missingRequired()).isEmpty();
    assertThat(m.extraColumns()).isEmpty();
    assertThat(m.indexOf("seizure_id")).isZero();
    assertThat(m.indexOf("unit")).isEqualTo(4);
    assertThat(m.indexOf("origin_country")).isEqualTo(-1);
    assertThat(m.header()).isEqualTo(SEIZURE);
  }

  @Test
  void recognisesSeizureEventsWithAllOptionalColumnsInAnyOrder() {
    List<String> h =
        List.of(
            "shipment_id",
            "origin_country",
            "unit",
            "quantity",
            "substance",
            "seizure_date",
            "seizure_id",
            "agency",
            "region",
            "location",
            "us_state",
            "conveyance",
            "form",
            "transit_countries",
            "destination_country");
    HeaderMatch m = HeaderMatch.of(h);
    assertThat(m.format()).isEqualTo(InputFormat.SEIZURE_EVENTS);
    assertThat(m.usable()).isTrue();
    assertThat(m.extraColumns()).isEmpty();
    assertThat(m.indexOf("seizure_id")).isEqualTo(6);
    assertThat(m.indexOf("shipment_id")).isZero();
    assertThat(m.columns()).hasSize(15);
  }

  @Test
  void recognisesCustomsShipments() {
    HeaderMatch m = HeaderMatch.of(with(SHIPMENT, "shipper_name", "consignee_name", "hs_code"));
    assertThat(m.format()).isEqualTo(InputFormat.CUSTOMS_SHIPMENTS);
    assertThat(m.usable()).isTrue();
    assertThat(m.indexOf("consignee_name")).isEqualTo(6);
    assertThat(m.extraColumns()).isEmpty();
  }

  @Test
  void recognisesCbpNationwideFromItsPublishedHeader() {
    HeaderMatch m = HeaderMatch.of(CBP);
    assertThat(m.format()).isEqualTo(InputFormat.CBP_NATIONWIDE);
    assertThat(m.format().id()).isEqualTo("cbp_nationwide");
    assertThat(m.usable()).isTrue();
    assertThat(m.extraColumns()).isEmpty();
    assertThat(m.indexOf("month_(abbv)")).isEqualTo(1);
    assertThat(m.indexOf("area_of_responsibility")).isEqualTo(5);
    assertThat(m.indexOf("sum_qty_(lbs)")).isEqualTo(8);
    assertThat(m.format().isCbpAggregate()).isTrue();
  }

  @Test
  void recognisesCbpAmoByItsBranchColumn() {
    HeaderMatch m = HeaderMatch.of(AMO);
    assertThat(m.format()).isEqualTo(InputFormat.CBP_AMO);
    assertThat(m.format().id()).isEqualTo("cbp_amo");
    assertThat(m.usable()).isTrue();
    assertThat(m.indexOf("branch")).isEqualTo(5);
    assertThat(m.indexOf("area_of_responsibility")).isEqualTo(-1);
  }

  @Test
  void matchingIgnoresCaseSpacesUnderscoresAndHyphens() {
    HeaderMatch m =
        HeaderMatch.of(List.of("Seizure-ID", "SEIZURE DATE", " Substance ", "QUANTITY", "unit"));
    assertThat(m.format()).isEqualTo(InputFormat.SEIZURE_EVENTS);
    assertThat(m.usable()).isTrue();
    assertThat(m.indexOf("seizure_id")).isZero();
    assertThat(m.indexOf("seizure_date")).isEqualTo(1);
    assertThat(m.extraColumns()).isEmpty();
    // The header cells are kept as seen.
    assertThat(m.header())
        .containsExactly("Seizure-ID", "SEIZURE DATE", " Substance ", "QUANTITY", "unit");
  }

  @Test
  void cbpHeaderInSnakeCaseAndUpperCaseIsRecognised() {
    HeaderMatch m =
        HeaderMatch.of(
            List.of(
                "fy",
                "MONTH_(ABBV)",
                "component",
                "region",
                "land_filter",
                "area-of-responsibility",
                "DRUG  TYPE",
                "count_of_event",
                "sum qty (LBS)"));
    assertThat(m.format()).isEqualTo(InputFormat.CBP_NATIONWIDE);
    assertThat(m.usable()).isTrue();
  }

  @Test
  void columnKeyCanonicalForm() {
    assertThat(InputFormat.columnKey("Sum Qty (lbs)")).isEqualTo("sum_qty_(lbs)");
    assertThat(InputFormat.columnKey("  Seizure -- _ ID  ")).isEqualTo("seizure_id");
    assertThat(InputFormat.columnKey("_lead")).isEqualTo("lead");
    assertThat(InputFormat.columnKey(null)).isEmpty();
  }

  @Test
  void extraColumnsAreListedAndIgnored() {
    HeaderMatch m = HeaderMatch.of(with(SEIZURE, "Officer Notes", "lab_ref"));
    assertThat(m.format()).isEqualTo(InputFormat.SEIZURE_EVENTS);
    assertThat(m.usable()).isTrue();
    assertThat(m.extraColumns()).containsExactly("Officer Notes", "lab_ref");
    assertThat(m.indexOf("officer_notes")).isEqualTo(-1);
  }

  @Test
  void aDuplicatedColumnKeepsTheFirstAndListsTheSecondAsExtra() {
    HeaderMatch m = HeaderMatch.of(with(SEIZURE, "Unit"));
    assertThat(m.indexOf("unit")).isEqualTo(4);
    assertThat(m.extraColumns()).containsExactly("Unit");
  }

  @Test
  void missingRequiredColumnIsNamed() {
    HeaderMatch m = HeaderMatch.of(without(SEIZURE, "unit"));
    assertThat(m.format()).isEqualTo(InputFormat.SEIZURE_EVENTS);
    assertThat(m.usable()).isFalse();
    assertThat(m.missingRequired()).containsExactly("unit");
  }

  @Test
  void severalMissingColumnsAreNamedInFormatOrder() {
    HeaderMatch m = HeaderMatch.of(List.of("shipment_id", "mode", "Notes"));
    assertThat(m.format()).isEqualTo(InputFormat.CUSTOMS_SHIPMENTS);
    assertThat(m.usable()).isFalse();
    assertThat(m.missingRequired())
        .containsExactly("arrival_date", "origin_country", "description");
    assertThat(m.extraColumns()).containsExactly("Notes");
  }

  @Test
  void cbpFileMissingDrugTypeIsStillCbp() {
    HeaderMatch m = HeaderMatch.of(without(CBP, "Drug Type"));
    assertThat(m.format()).isEqualTo(InputFormat.CBP_NATIONWIDE);
    assertThat(m.usable()).isFalse();
    assertThat(m.missingRequired()).containsExactly("drug_type");

    HeaderMatch amo = HeaderMatch.of(without(AMO, "Sum Qty (lbs)"));
    assertThat(amo.format()).isEqualTo(InputFormat.CBP_AMO);
    assertThat(amo.missingRequired()).containsExactly("sum_qty_(lbs)");
  }

  @Test
  void unrelatedHeaderMatchesNoFormat() {
    HeaderMatch m = HeaderMatch.of(List.of("name", "email", "signup_date"));
    assertThat(m.format()).isNull();
    assertThat(m.usable()).isFalse();
    assertThat(m.columns()).isEmpty();
    assertThat(m.missingRequired()).isEmpty();
    assertThat(m.header()).containsExactly("name", "email", "signup_date");
  }

  @Test
  void emptyHeaderMatchesNoFormat() {
    HeaderMatch m = HeaderMatch.of(List.of());
    assertThat(m.format()).isNull();
    assertThat(m.usable()).isFalse();
  }

  @Test
  void describeExpectedNamesEveryFormatAndItsRequiredColumns() {
    String d = HeaderMatch.describeExpected();
    for (InputFormat f : InputFormat.values()) {
      assertThat(d).contains(f.id());
      assertThat(d).contains(f.requiredColumns());
    }
  }

  @Test
  void fromIdRoundTrips() {
    for (InputFormat f : InputFormat.values()) {
      assertThat(InputFormat.fromId(f.id())).isSameAs(f);
    }
  }
}
