package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
  static final BigDecimal MAX_KG = new BigDecimal("50000");
  static final long MAX_PILLS = 20_000_000L;

  private static Quantities.Measure measure(String q, MassUnit unit) {
    return Quantities.toMeasure(new BigDecimal(q), unit, "quantity", 1, MAX_KG, MAX_PILLS);
  }

  private static RowRejectedException rejection(Runnable r) {
    return catchThrowableOfType(RowRejectedException.class, r::run);
  }

  // ------------------------------------------------------------------ MassUnit

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "kg, KILOGRAM",
    "kgs, KILOGRAM",
    "kilo, KILOGRAM",
    "kilos, KILOGRAM",
    "kilogram, KILOGRAM",
    "kilograms, KILOGRAM",
    "kilogramo, KILOGRAM",
    "kilogramos, KILOGRAM",
    "g, GRAM",
    "gr, GRAM",
    "grs, GRAM",
    "gram, GRAM",
    "grams, GRAM",
    "gramo, GRAM",
    "gramos, GRAM",
    "gm, GRAM",
    "gms, GRAM",
    "mg, MILLIGRAM",
    "mgs, MILLIGRAM",
    "milligram, MILLIGRAM",
    "milligrams, MILLIGRAM",
    "miligramo, MILLIGRAM",
    "miligramos, MILLIGRAM",
    "mcg, MICROGRAM",
    "ug, MICROGRAM",
    "µg, MICROGRAM",
    "microgram, MICROGRAM",
    "micrograms, MICROGRAM",
    "lb, POUND",
    "lbs, POUND",
    "pound, POUND",
    "pounds, POUND",
    "libra, POUND",
    "libras, POUND",
    "oz, OUNCE",
    "ozs, OUNCE",
    "ounce, OUNCE",
    "ounces, OUNCE",
    "onza, OUNCE",
    "onzas, OUNCE",
    "pill, DOSAGE_UNIT",
    "pills, DOSAGE_UNIT",
    "tablet, DOSAGE_UNIT",
    "tablets, DOSAGE_UNIT",
    "tab, DOSAGE_UNIT",
    "tabs, DOSAGE_UNIT",
    "dosage unit, DOSAGE_UNIT",
    "dosage units, DOSAGE_UNIT",
    "du, DOSAGE_UNIT",
    "d.u., DOSAGE_UNIT",
    "pastilla, DOSAGE_UNIT",
    "pastillas, DOSAGE_UNIT",
    "capsule, DOSAGE_UNIT",
    "capsules, DOSAGE_UNIT",
  })
  void everySpellingIsRecognised(String raw, MassUnit unit) {
    assertThat(MassUnit.fromRaw(raw)).isEqualTo(unit);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
    "' KG ', KILOGRAM",
    "LBS, POUND",
    "Lbs., POUND",
    "lb., POUND",
    "Oz., OUNCE",
    "DOSAGE_UNITS, DOSAGE_UNIT",
    "Dosage_Unit, DOSAGE_UNIT",
    "'\tPills\t', DOSAGE_UNIT",
    "MG, MILLIGRAM"
  })
  void caseSpacesTrailingDotAndUnderscoresAreIgnored(String raw, MassUnit unit) {
    assertThat(MassUnit.fromRaw(raw)).isEqualTo(unit);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"stone", "tons", "kilogramme", "l", "ml", "bricks", "k g", "lbs..", "10kg"})
  void unknownUnitIsNull(String raw) {
    assertThat(MassUnit.fromRaw(raw)).isNull();
  }

  @Test
  void exactFactors() {
    assertThat(MassUnit.POUND.kilograms()).isEqualByComparingTo("0.45359237");
    assertThat(MassUnit.OUNCE.kilograms()).isEqualByComparingTo("0.028349523125");
    assertThat(MassUnit.KILOGRAM.kilograms()).isEqualByComparingTo("1");
    assertThat(MassUnit.GRAM.kilograms()).isEqualByComparingTo("0.001");
    assertThat(MassUnit.MILLIGRAM.kilograms()).isEqualByComparingTo("0.000001");
    assertThat(MassUnit.MICROGRAM.kilograms()).isEqualByComparingTo("0.000000001");
    assertThat(MassUnit.DOSAGE_UNIT.kilograms()).isNull();
    assertThat(MassUnit.DOSAGE_UNIT.isCount()).isTrue();
    assertThat(MassUnit.POUND.isCount()).isFalse();
  }

  // ------------------------------------------------------------------ conversion

  @ParameterizedTest(name = "{0} {1} = {2} kg")
  @CsvSource({
    "2.5, POUND, 1.133980925", // 2.5 * 0.45359237 = 1.133980925
    "1, POUND, 0.453592370", // the factor itself, at scale 9
    "100.5, POUND, 45.586033185", // 100.5 * 0.45359237 = 45.586033185
    "16, OUNCE, 0.453592370", // 16 * 0.028349523125 = 0.45359237 = 1 lb
    "1, OUNCE, 0.028349523", // 0.028349523125 rounded to 9 places
    "4, OUNCE, 0.113398092", // 0.1133980925: half-even keeps the even 2
    "12, OUNCE, 0.340194278", // 0.3401942775: half-even rounds the odd 7 up
    "1.5, KILOGRAM, 1.500000000",
    "250, GRAM, 0.250000000", // 250 * 0.001
    "3, MILLIGRAM, 0.000003000", // 3 * 0.000001
    "7, MICROGRAM, 0.000000007", // 7 * 1e-9: one microgram is the smallest stored step
  })
  void massesConvertToKilogramsAtScale9(String q, MassUnit unit, String kg) {
    Quantities.Measure m = measure(q, unit);
    assertThat(m.kilograms()).isEqualTo(new BigDecimal(kg)); // equals: value and scale 9
    assertThat(m.kilograms().scale()).isEqualTo(Quantities.KG_SCALE);
    assertThat(m.dosageUnits()).isNull();
    assertThat(Quantities.toKilograms(new BigDecimal(q), unit)).isEqualTo(new BigDecimal(kg));
  }

  @Test
  void countsStayCounts() {
    Quantities.Measure m = measure("1200", MassUnit.DOSAGE_UNIT);
    assertThat(m.kilograms()).isNull();
    assertThat(m.dosageUnits()).isEqualTo(1200L);
    assertThat(measure("1200.00", MassUnit.DOSAGE_UNIT).dosageUnits()).isEqualTo(1200L);
  }

  @Test
  void fractionalPillCountIsRejected() {
    RowRejectedException e = rejection(() -> measure("10.5", MassUnit.DOSAGE_UNIT));
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_QUANTITY);
    assertThat(e.field()).isEqualTo("quantity");
    assertThat(e.getMessage()).contains("10.5");
  }

  @Test
  void negativeAndZeroAreRejected() {
    RowRejectedException neg = rejection(() -> measure("-1", MassUnit.KILOGRAM));
    assertThat(neg.reason()).isEqualTo(RejectReason.NEGATIVE_QUANTITY);
    assertThat(neg.field()).isEqualTo("quantity");
    assertThat(rejection(() -> measure("-3", MassUnit.DOSAGE_UNIT)).reason())
        .isEqualTo(RejectReason.NEGATIVE_QUANTITY);
    assertThat(rejection(() -> measure("0", MassUnit.POUND)).reason())
        .isEqualTo(RejectReason.ZERO_QUANTITY);
    assertThat(rejection(() -> measure("0.000", MassUnit.DOSAGE_UNIT)).reason())
        .isEqualTo(RejectReason.ZERO_QUANTITY);
  }

  @Test
  void belowOneMicrogramIsZero() {
    // 0.4 mcg = 4e-10 kg, which rounds to 0 at scale 9
    RowRejectedException e = rejection(() -> measure("0.4", MassUnit.MICROGRAM));
    assertThat(e.reason()).isEqualTo(RejectReason.ZERO_QUANTITY);
  }

  @Test
  void massCeilingIsPerEvent() {
    assertThat(measure("50000", MassUnit.KILOGRAM).kilograms())
        .isEqualByComparingTo("50000"); // at the ceiling: kept
    RowRejectedException e = rejection(() -> measure("50000.001", MassUnit.KILOGRAM));
    assertThat(e.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_QUANTITY);
    assertThat(e.field()).isEqualTo("quantity");
    // 110232 lb * 0.45359237 = 50000.39412984 kg > 50000
    assertThat(rejection(() -> measure("110232", MassUnit.POUND)).reason())
        .isEqualTo(RejectReason.IMPLAUSIBLE_QUANTITY);
    // the same 110232 lb over 2 events is 25000.197 kg each: kept, the total unchanged
    // 110232 * 0.45359237 = 110000 * 0.45359237 + 232 * 0.45359237 = 49895.1607 + 105.23342984 =
    // 50000.39412984
    Quantities.Measure two =
        Quantities.toMeasure(new BigDecimal("110232"), MassUnit.POUND, "q", 2, MAX_KG, MAX_PILLS);
    assertThat(two.kilograms()).isEqualTo(new BigDecimal("50000.394129840"));
    // 10 events of 5000.1 kg each are too much
    assertThat(
            rejection(
                    () ->
                        Quantities.toMeasure(
                            new BigDecimal("50001"),
                            MassUnit.KILOGRAM,
                            "q",
                            10,
                            new BigDecimal("5000"),
                            MAX_PILLS))
                .reason())
        .isEqualTo(RejectReason.IMPLAUSIBLE_QUANTITY);
  }

  @Test
  void pillCeilingIsPerEvent() {
    assertThat(measure("20000000", MassUnit.DOSAGE_UNIT).dosageUnits()).isEqualTo(20_000_000L);
    assertThat(rejection(() -> measure("20000001", MassUnit.DOSAGE_UNIT)).reason())
        .isEqualTo(RejectReason.IMPLAUSIBLE_QUANTITY);
    assertThat(
            Quantities.toMeasure(
                    new BigDecimal("30000000"), MassUnit.DOSAGE_UNIT, "q", 2, MAX_KG, MAX_PILLS)
                .dosageUnits())
        .isEqualTo(30_000_000L);
  }

  // ------------------------------------------------------------------ parsing

  @ParameterizedTest(name = "''{0}'' = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "12         | 12",
        "0.5        | 0.5",
        ".5         | 0.5",
        "' 7.25 '   | 7.25",
        "1,234.5    | 1234.5",
        "1,234,567  | 1234567",
        "12,345.678 | 12345.678",
        "-1,234     | -1234",
        "+3         | 3",
      })
  void parsesPlainNumbersAndThousandsCommas(String raw, String expected) {
    assertThat(Quantities.parseNumber(raw, "quantity")).isEqualByComparingTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1,23", "1,5", "12,34.5", "1234,567", ",123", "1,234.5,6", "1,,234", "1,2345"})
  void misplacedCommaIsBadQuantity(String raw) {
    RowRejectedException e = rejection(() -> Quantities.parseNumber(raw, "quantity"));
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_QUANTITY);
    assertThat(e.field()).isEqualTo("quantity");
    assertThat(e.getMessage()).contains("'" + raw + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "12kg", "1.2.3", "NaN", "--5", "five", "1 000"})
  void notANumberIsBadQuantity(String raw) {
    RowRejectedException e = rejection(() -> Quantities.parseNumber(raw, "Sum Qty (lbs)"));
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_QUANTITY);
    assertThat(e.field()).isEqualTo("Sum Qty (lbs)");
    assertThat(e.getMessage()).contains(raw).endsWith(RejectReason.BAD_QUANTITY.hint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99999999", "2.5E-400", "1e31", "1e+9999"})
  void hugeExponentsAreBadQuantity(String raw) {
    // Refused before BigDecimal arithmetic: "1e99999999" would build a 100-million-digit number.
    RowRejectedException e = rejection(() -> Quantities.parseNumber(raw, "quantity"));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_QUANTITY);
  }

  @ParameterizedTest
  @CsvSource({
    // CBP's real file writes small weights so: 6.61386786e-05 lb
    "6.61386786e-05, 0.0000661386786",
    "2.20462262E-5, 0.0000220462262",
    "1e3, 1000",
    "1.5E+2, 150"
  })
  void smallExponentsAsInCbpFilesAreNumbers(String raw, String expected) {
    assertThat(Quantities.parseNumber(raw, "quantity")).isEqualByComparingTo(expected);
  }

  @Test
  void longGarbageIsAbbreviatedInTheMessage() {
    String raw = "x".repeat(500);
    RowRejectedException e = rejection(() -> Quantities.parseNumber(raw, "quantity"));
    assertThat(e.getMessage()).doesNotContain(raw).contains("x".repeat(57) + "...");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void blankIsMissingValue(String raw) {
    assertThatThrownBy(() -> Quantities.parseNumber(raw, "quantity"))
        .isInstanceOfSatisfying(
            RowRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_REQUIRED_VALUE));
  }
}
