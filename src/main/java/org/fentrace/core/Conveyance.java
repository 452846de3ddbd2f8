package org.fentrace.core;

import java.util.List;

/**
 * How drugs or goods were moving when they reached the border: the stored value of {@code
 * seizures.conveyance} and {@code shipments.mode} (docs/contract.md: the landing formats and
 * "Vocabularies").
 *
 * <p>Why an enum with a tolerant parser: agencies spell the same conveyance in many ways ({@code
 * IMF}, {@code USPS}, {@code Mail}; {@code POV}, {@code Commercial Truck}), and route attribution
 * only needs to know the family: a land crossing points at the Mexico route, mail, express, air and
 * sea at direct shipments. The constant names are the values written to Parquet; {@code
 * docs/vocabularies.md} lists every spelling and is generated from this class.
 *
 * <p>Keyword order matters and is deliberate: passenger baggage is tried before air cargo (so
 * {@code air passenger} is not cargo), mail before express (so {@code express mail} from a postal
 * service stays mail), and rail, pedestrian and land vehicle before sea (so a container on a train
 * or truck is a land crossing).
 */
public enum Conveyance implements SpelledVocabulary {
  /** International mail: postal items through a US international mail facility. */
  INTERNATIONAL_MAIL(
      List.of(
          "international mail",
          "mail",
          "USPS",
          "postal",
          "IMF",
          "international mail facility",
          "mail facility",
          "correo",
          "correo internacional"),
      List.of("mail", "usps", "postal", "imf", "correo", "post")),
  /** Express consignment carriers (DHL, FedEx, UPS, ...) and their hubs (ECCF). */
  EXPRESS_CONSIGNMENT(
      List.of(
          "express consignment",
          "express courier",
          "ECCF",
          "courier",
          "express",
          "DHL",
          "FedEx",
          "UPS",
          "express consignment carrier facility",
          "paqueteria",
          "mensajeria"),
      List.of(
          "express",
          "courier",
          "eccf",
          "dhl",
          "fedex",
          "ups",
          "tnt",
          "consignment",
          "paqueteria",
          "mensajeria")),
  /** Commercial air freight. Plain {@code air} is read as air cargo. */
  AIR_CARGO(
      List.of("air cargo", "air freight", "airfreight", "air", "carga aerea"),
      List.of("air cargo", "air freight", "airfreight", "aircraft", "air", "aerea", "aereo")),
  /** Air travellers and their baggage. */
  AIR_PASSENGER(
      List.of(
          "air passenger",
          "passenger baggage",
          "airport passenger",
          "airline passenger",
          "air traveler",
          "baggage"),
      List.of(
          "air passenger",
          "airport passenger",
          "airline passenger",
          "passenger baggage",
          "baggage",
          "luggage",
          "air traveler",
          "air traveller",
          "equipaje")),
  /** Vessels and sea containers. */
  SEA(
      List.of(
          "sea",
          "sea container",
          "maritime",
          "vessel",
          "ocean",
          "container",
          "sea cargo",
          "ocean freight",
          "seaport",
          "maritimo"),
      List.of(
          "sea",
          "maritime",
          "vessel",
          "ocean",
          "container",
          "containers",
          "ship",
          "boat",
          "seaport",
          "marine",
          "cruise",
          "maritimo",
          "buque",
          "barco",
          "contenedor")),
  /** Cars, trucks and buses crossing a land border. Plain {@code land} is read as a vehicle. */
  LAND_VEHICLE(
      List.of(
          "land vehicle",
          "vehicle",
          "truck",
          "POV",
          "car",
          "commercial truck",
          "bus",
          "tractor-trailer",
          "privately owned vehicle",
          "passenger vehicle",
          "commercial vehicle",
          "land",
          "vehiculo",
          "camion"),
      List.of(
          "vehicle",
          "vehicles",
          "truck",
          "trucks",
          "pov",
          "car",
          "cars",
          "bus",
          "tractor",
          "trailer",
          "automobile",
          "suv",
          "van",
          "pickup",
          "motorcycle",
          "vehiculo",
          "camion",
          "land")),
  /** People crossing a land border on foot. */
  PEDESTRIAN(
      List.of("pedestrian", "on foot", "peatonal", "peaton"),
      List.of("pedestrian", "pedestrians", "on foot", "peatonal", "peaton")),
  /** Trains crossing a land border. */
  RAIL(
      List.of("rail", "train", "railway", "railroad", "ferrocarril", "tren"),
      List.of("rail", "train", "trains", "railway", "railroad", "ferrocarril", "tren")),
  /** Stated, but none of the above. */
  OTHER(Spellings.OTHER),
  /** Not stated. */
  UNKNOWN(Spellings.UNKNOWN);

  private final Spellings spelled;

  Conveyance(List<String> spellings, List<String> keywords) {
    this(new Spellings(spellings, keywords));
  }

  Conveyance(Spellings spelled) {
    this.spelled = spelled;
  }

  @Override
  public Spellings spelled() {
    return spelled;
  }

  private static final VocabularyMatcher<Conveyance> MATCHER =
      new VocabularyMatcher<>(
          Conveyance.class,
          List.of(
              AIR_PASSENGER,
              INTERNATIONAL_MAIL,
              EXPRESS_CONSIGNMENT,
              AIR_CARGO,
              RAIL,
              PEDESTRIAN,
              LAND_VEHICLE,
              SEA));

  /**
   * The conveyance named by raw text: null or blank gives {@link #UNKNOWN}, anything not recognised
   * {@link #OTHER}. Never throws.
   */
  public static Conveyance fromRaw(String raw) {
    return MATCHER.match(raw);
  }

  /** True for the ways of crossing a land border: vehicle, pedestrian, rail. */
  public boolean isLandCrossing() {
    return this == LAND_VEHICLE || this == PEDESTRIAN || this == RAIL;
  }

  /** True for the ways a parcel or cargo comes straight from overseas: mail, express, air, sea. */
  public boolean isMailExpressAirOrSea() {
    return this == INTERNATIONAL_MAIL
        || this == EXPRESS_CONSIGNMENT
        || this == AIR_CARGO
        || this == AIR_PASSENGER
        || this == SEA;
  }

  /** The values whose keywords are tried, in this order. */
  public static List<Conveyance> keywordOrder() {
    return MATCHER.keywordOrder();
  }
}
