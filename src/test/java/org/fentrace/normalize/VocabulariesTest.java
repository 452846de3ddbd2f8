package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fentrace.core.Conveyance;
import org.fentrace.core.Form;
import org.fentrace.core.InspectionOutcome;
import org.fentrace.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the fixed vocabularies: what each raw spelling an agency writes reads as.
 */
class VocabulariesTest {

  private static Stream<Arguments> rows(Object expected, String... raws) {
    return Stream.of(raws).map(raw -> arguments(raw, expected));
  }

  static Stream<Arguments> conveyances() {
    return Stream.of(
            rows(
                Conveyance.INTERNATIONAL_MAIL,
                "international mail",
                "International Mail",
                "INTERNATIONAL_MAIL",
                "international-mail",
                "  international   mail ",
                "mail",
                "Mail",
                "USPS",
                "postal",
                "IMF",
                "International Mail Facility",
                "IMF JFK",
                "correo",
                "Correo Internacional",
                "China Post",
                "Express Mail"),
            rows(
                Conveyance.EXPRESS_CONSIGNMENT,
                "express consignment",
                "Express Consignment",
                "EXPRESS_CONSIGNMENT",
                "express courier",
                "ECCF",
                "courier",
                "DHL",
                "FedEx",
                "UPS",
                "DHL Express",
                "FedEx Ground",
                "UPS air",
                "Express Consignment Carrier Facility"),
            rows(
                Conveyance.AIR_CARGO,
                "air cargo",
                "Air Cargo",
                "AIR-CARGO",
                "air freight",
                "air",
                "Air cargo (commercial)",
                "carga aérea"),
            rows(
                Conveyance.AIR_PASSENGER,
                "air passenger",
                "AIR_PASSENGER",
                "passenger baggage",
                "airport passenger",
                "Air Passenger - checked baggage",
                "luggage"),
            rows(
                Conveyance.SEA,
                "sea",
                "Sea",
                "sea container",
                "Sea Container",
                "maritime",
                "vessel",
                "ocean",
                "container",
                "Marítimo",
                "cruise ship",
                "sea cargo",
                "SEA"),
            rows(
                Conveyance.LAND_VEHICLE,
                "land vehicle",
                "LAND_VEHICLE",
                "Land-Vehicle",
                "vehicle",
                "truck",
                "POV",
                "pov",
                "car",
                "commercial truck",
                "bus",
                "tractor-trailer",
                "Tractor Trailer",
                "Passenger Vehicle",
                "passenger vehicles",
                "Privately Owned Vehicle",
                "land",
                "Vehículo",
                "Commercial Truck - Laredo"),
            rows(
                Conveyance.PEDESTRIAN,
                "pedestrian",
                "PEDESTRIAN",
                "Pedestrian crossing",
                "on foot",
                "peatonal"),
            rows(
                Conveyance.RAIL,
                "rail",
                "RAIL",
                "train",
                "Freight train",
                "railroad",
                "ferrocarril"),
            rows(Conveyance.OTHER, "other", "OTHER", "drone", "tunnel", "cargo", "catapult"),
            rows(Conveyance.UNKNOWN, "", "   ", "unknown", "UNKNOWN", "N/A", "NA", "-", "none"))
        .flatMap(Function.identity());
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("conveyances")
  void conveyance(String raw, Conveyance expected) {
    assertThat(Conveyance.fromRaw(raw)).isEqualTo(expected);
  }

  static Stream<Arguments> forms() {
    return Stream.of(
            rows(Form.POWDER, "powder", "Powder", "POWDER", "powdered", "white powder", "polvo"),
            rows(
                Form.PILLS,
                "pills",
                "PILLS",
                "pill",
                "tablets",
                "tablet",
                "counterfeit pills",
                "Counterfeit Pills",
                "M30 pills",
                "pressed pills",
                "M30 blue pills",
                "M-30",
                "blue M30s",
                "capsules",
                "pastillas"),
            rows(
                Form.LIQUID,
                "liquid",
                "LIQUID",
                "solution",
                "nasal spray",
                "Nasal-Spray",
                "Liquid (vials)",
                "líquido"),
            rows(
                Form.PATCH,
                "patch",
                "PATCH",
                "transdermal patch",
                "Transdermal Patches",
                "patches"),
            rows(Form.OTHER, "other", "blotter paper", "residue", "rock"),
            rows(Form.UNKNOWN, "", "  ", "unknown", "n/a"))
        .flatMap(Function.identity());
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("forms")
  void form(String raw, Form expected) {
    assertThat(Form.fromRaw(raw)).isEqualTo(expected);
  }

  static Stream<Arguments> regions() {
    return Stream.of(
            rows(
                Region.SOUTHWEST_BORDER,
                "Southwest Border",
                "SOUTHWEST BORDER",
                "southwest_border",
                "southwest-border",
                "SWB",
                "swb",
                "southwest",
                "South West Border",
                "Southern Border",
                "Southwest Border Sector"),
            rows(
                Region.NORTHERN_BORDER,
                "Northern Border",
                "NORTHERN_BORDER",
                "northern-border",
                "Northern"),
            rows(
                Region.COASTAL_INTERIOR,
                "Coastal/Interior",
                "coastal / interior",
                "COASTAL_INTERIOR",
                "Coastal & Interior",
                "coastal"),
            rows(Region.INTERIOR, "Interior", "interior", "INTERIOR"),
            rows(Region.OTHER, "Other", "Caribbean", "Pacific"),
            rows(Region.UNKNOWN, "", " ", "unknown"))
        .flatMap(Function.identity());
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("regions")
  void region(String raw, Region expected) {
    assertThat(Region.fromRaw(raw)).isEqualTo(expected);
  }

  static Stream<Arguments> outcomes() {
    return Stream.of(
            rows(
                InspectionOutcome.RELEASED,
                "released",
                "Released",
                "RELEASED",
                "cleared",
                "examined, released"),
            rows(
                InspectionOutcome.EXAMINED,
                "examined",
                "EXAMINED",
                "Exam",
                "inspected",
                "Intensive Exam",
                "x-ray"),
            rows(
                InspectionOutcome.SEIZED,
                "seized",
                "SEIZED",
                "Seized",
                "seizure",
                "Examined and seized"),
            rows(InspectionOutcome.REFUSED, "refused", "REFUSED", "Refused Entry", "denied entry"),
            rows(
                InspectionOutcome.DETAINED,
                "detained",
                "DETAINED",
                "on hold",
                "On-Hold",
                "Detained - lab pending",
                "detained, then released"),
            rows(InspectionOutcome.OTHER, "other", "abandoned", "general order"),
            rows(InspectionOutcome.UNKNOWN, "", "\t", "unknown"))
        .flatMap(Function.identity());
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("outcomes")
  void inspectionOutcome(String raw, InspectionOutcome expected) {
    assertThat(InspectionOutcome.fromRaw(raw)).isEqualTo(expected);
  }

  @Test
  void nullIsUnknownEverywhere() {
    assertThat(Conveyance.fromRaw(null)).isEqualTo(Conveyance.UNKNOWN);
    assertThat(Form.fromRaw(null)).isEqualTo(Form.UNKNOWN);
    assertThat(Region.fromRaw(null)).isEqualTo(Region.UNKNOWN);
    assertThat(InspectionOutcome.fromRaw(null)).isEqualTo(InspectionOutcome.UNKNOWN);
  }

  @Test
  void storedValuesRoundTrip() {
    for (Class<? extends Enum<?>> type :
        List.of(Conveyance.class, Form.class, Region.class, InspectionOutcome.class)) {
      for (Enum<?> value : type.getEnumConstants()) {
        for (String raw :
            List.of(
                value.name(),
                value.name().toLowerCase(Locale.ROOT),
                value.name().replace('_', ' '),
                value.name().replace('_', '-'))) {
          assertThat(parse(type, raw)).as(raw).isEqualTo(value);
        }
      }
    }
  }

  private static Object parse(Class<?> type, String raw) {
    if (type == Conveyance.class) {
      return Conveyance.fromRaw(raw);
    } else if (type == Form.class) {
      return Form.fromRaw(raw);
    } else if (type == Region.class) {
      return Region.fromRaw(raw);
    }
    return InspectionOutcome.fromRaw(raw);
  }

  @Test
  void conveyanceFamilies() {
    assertThat(EnumSet.allOf(Conveyance.class).stream().filter(Conveyance::isLandCrossing))
        .containsExactlyInAnyOrder(Conveyance.LAND_VEHICLE, Conveyance.PEDESTRIAN, Conveyance.RAIL);
    assertThat(EnumSet.allOf(Conveyance.class).stream().filter(Conveyance::isMailExpressAirOrSea))
        .containsExactlyInAnyOrder(
            Conveyance.INTERNATIONAL_MAIL,
            Conveyance.EXPRESS_CONSIGNMENT,
            Conveyance.AIR_CARGO,
            Conveyance.AIR_PASSENGER,
            Conveyance.SEA);
    assertThat(Conveyance.OTHER.isLandCrossing() || Conveyance.OTHER.isMailExpressAirOrSea())
        .isFalse();
    assertThat(Conveyance.UNKNOWN.isLandCrossing() || Conveyance.UNKNOWN.isMailExpressAirOrSea())
        .isFalse();
  }
}
