package org.fentrace.generate;

import java.util.List;
import java.util.SplittableRandom;
import org.fentrace.core.InputFormat;
import org.fentrace.generate.CsvOut.DateStyle;

/**
 * Every spelling the generator writes, in one place, so the tests can check that each of them
 * really appears in a generated sample. The spellings are the ones the normalizer has to understand
 * (the landing formats of docs/contract.md, "Landing (input)"); the values are invented, never
 * taken from real cases.
 */
final class LandingSpellings {
  private LandingSpellings() {}

  static final List<String> SEIZURE_HEADER = InputFormat.SEIZURE_EVENTS.columns();

  static final List<String> SHIPMENT_HEADER = InputFormat.CUSTOMS_SHIPMENTS.columns();

  // Substances, by what the normalizer should make of them.
  static final String[] FENTANYL_POWDER = {
    "Fentanyl",
    "Fentanyl HCl",
    "fentanyl hydrochloride",
    "Fentanyl, salt undetermined",
    "fentanil",
    "fentanilo"
  };
  static final String FENTANYL_CITRATE = "Fentanyl citrate";
  static final String M30 = "M30 blue pills (fentanyl)";
  static final String[] ANALOGS = {
    "acetyl fentanyl",
    "acryl fentanyl",
    "cyclopropyl fentanyl",
    "furanyl fentanyl",
    "4-FIBF",
    "pFBF",
    "para-fluorofentanyl",
    "carfentanil",
    "methoxyacetyl fentanyl",
    "valeryl fentanyl"
  };

  /**
   * Analogs that were scheduled individually before China's May 2019 class-wide control made them
   * rare.
   */
  static final String[] ANALOGS_AFTER_2019 = {
    "para-fluorofentanyl", "carfentanil", "acetyl fentanyl", "pFBF"
  };

  /**
   * Made-up analogs in no list: they must read as analogs and appear only from {@link
   * #NOVEL_FROM_YEAR}.
   */
  static final String[] NOVEL_ANALOGS = {
    "ortho-methylcyclopropylfentanyl", "2-thiophenyl fentanyl"
  };

  static final double NOVEL_FROM_YEAR = 2022.0;
  static final String[] PRECURSORS = {
    "NPP", "4-ANPP", "4-AP", "1-boc-4-AP", "norfentanyl", "1-boc-4-piperidone", "para-fluoro 4-ANPP"
  };
  static final String[] OTHER_DRUGS = {
    "heroin",
    "methamphetamine",
    "cocaine",
    "oxycodone",
    "xylazine",
    "isotonitazene",
    "metonitazene",
    "marijuana"
  };
  static final String[] NITAZENES = {"isotonitazene", "metonitazene"};
  static final double NITAZENES_FROM_YEAR = 2019.5;

  static final String[] MASS_UNITS_SMALL = {"g", "g", "g", "grams", "mg", "oz"};
  static final String[] MASS_UNITS_LARGE = {"kg", "kg", "kg", "KG", "kilograms", "lb", "lbs"};
  static final String[] COUNT_UNITS = {"pills", "pills", "tablets", "dosage units"};

  static final String SWB = "Southwest Border";
  static final String NORTH = "Northern Border";
  static final String COASTAL = "Coastal/Interior";
  static final String INTERIOR = "Interior";

  static final String[] OUTCOMES_NOT_SEIZED = {
    "released",
    "released",
    "released",
    "released",
    "released",
    "examined",
    "examined",
    "refused",
    "detained"
  };

  /** A country and the spellings landing files use for it; the first spelling is the common one. */
  enum Country {
    CHINA("China", "PRC", "CN", "CHN", "People's Republic of China", "Mainland China"),
    HONG_KONG("Hong Kong", "Hong Kong SAR", "HK"),
    MACAU("Macau"),
    MEXICO("Mexico", "México", "MEX", "MX", "Estados Unidos Mexicanos"),
    USA("USA", "U.S.A."),
    CANADA("Canada", "Canadá"),
    INDIA("India", "IND"),
    GUATEMALA("Guatemala"),
    PANAMA("Panamá"),
    COLOMBIA("Colombia"),
    NETHERLANDS("Netherlands"),
    VIET_NAM("Viet Nam");

    final String[] spellings;

    Country(String... spellings) {
      this.spellings = spellings;
    }
  }

  /** A port, facility, sector or city where a seizure happens or a shipment arrives. */
  record Place(String code, String name, String state, String region) {}

  static final Place[] MAIL_FACILITIES = {
    new Place("4771", "JFK International Mail Facility", "NY", COASTAL),
    new Place("3991", "Chicago International Mail Facility", "IL", COASTAL),
    new Place("2720", "Los Angeles International Mail Facility", "CA", COASTAL),
    new Place("5206", "Miami International Mail Facility", "FL", COASTAL),
    new Place("2809", "San Francisco International Mail Facility", "CA", COASTAL),
    new Place("4196", "Cincinnati, DHL Express Hub", "KY", COASTAL),
    new Place("2095", "Memphis, FedEx Hub", "TN", COASTAL),
    new Place("4197", "Louisville, UPS Worldport", "KY", COASTAL)
  };
  static final Place[] AIR_AND_SEA_PORTS = {
    new Place("2704", "Los Angeles/Long Beach Seaport", "CA", COASTAL),
    new Place("4601", "Port Newark", "NJ", COASTAL),
    new Place("5301", "Houston Seaport", "TX", COASTAL),
    new Place("1703", "Savannah", "GA", COASTAL),
    new Place("4701", "JFK Air Cargo", "NY", COASTAL),
    new Place("3901", "Chicago O'Hare Air Cargo", "IL", COASTAL),
    new Place("5210", "Miami Air Cargo", "FL", COASTAL)
  };
  static final Place[] SWB_PORTS = {
    new Place("2504", "San Ysidro", "CA", SWB), new Place("2506", "Otay Mesa", "CA", SWB),
    new Place("2503", "Calexico", "CA", SWB), new Place("2604", "Nogales", "AZ", SWB),
    new Place("2602", "Lukeville", "AZ", SWB), new Place("2608", "San Luis", "AZ", SWB),
    new Place("2406", "Santa Teresa", "NM", SWB), new Place("2402", "El Paso", "TX", SWB),
    new Place("2304", "Laredo", "TX", SWB), new Place("2305", "Hidalgo", "TX", SWB),
    new Place("2301", "Brownsville", "TX", SWB), new Place("2303", "Eagle Pass", "TX", SWB)
  };
  static final Place[] SWB_SECTORS = {
    new Place("SDC", "San Diego Sector", "CA", SWB),
        new Place("ELC", "El Centro Sector", "CA", SWB),
    new Place("YUM", "Yuma Sector", "AZ", SWB), new Place("TCA", "Tucson Sector", "AZ", SWB),
    new Place("EPT", "El Paso Sector", "NM", SWB), new Place("BBT", "Big Bend Sector", "TX", SWB),
    new Place("DRT", "Del Rio Sector", "TX", SWB), new Place("LRT", "Laredo Sector", "TX", SWB),
    new Place("RGV", "Rio Grande Valley Sector", "TX", SWB)
  };
  static final Place[] NORTH_PORTS = {
    new Place("3801", "Detroit", "MI", NORTH), new Place("0901", "Buffalo", "NY", NORTH),
    new Place("3004", "Blaine", "WA", NORTH), new Place("0712", "Champlain", "NY", NORTH),
    new Place("3802", "Port Huron", "MI", NORTH), new Place("3310", "Sweetgrass", "MT", NORTH),
    new Place("SWT", "Swanton Sector", "VT", NORTH)
  };
  static final Place[] CITIES = {
    new Place("", "Phoenix", "AZ", INTERIOR), new Place("", "Denver", "CO", INTERIOR),
    new Place("", "Atlanta", "GA", INTERIOR), new Place("", "Columbus", "OH", INTERIOR),
    new Place("", "Philadelphia", "PA", INTERIOR), new Place("", "Seattle", "WA", INTERIOR),
    new Place("", "Boston", "MA", INTERIOR), new Place("", "Chicago", "IL", INTERIOR),
    new Place("", "Los Angeles", "CA", INTERIOR), new Place("", "New York", "NY", INTERIOR),
    new Place("", "Albuquerque", "NM", INTERIOR), new Place("", "Dallas", "TX", INTERIOR)
  };

  /** Full state names, for rows that write the name instead of the code. */
  static String stateName(String code) {
    switch (code) {
      case "CA":
        return "California";
      case "AZ":
        return "Arizona";
      case "NM":
        return "New Mexico";
      case "TX":
        return "Texas";
      case "NY":
        return "New York";
      case "IL":
        return "Illinois";
      case "FL":
        return "Florida";
      case "KY":
        return "Kentucky";
      case "TN":
        return "Tennessee";
      case "NJ":
        return "New Jersey";
      case "GA":
        return "Georgia";
      case "MI":
        return "Michigan";
      case "WA":
        return "Washington";
      case "MT":
        return "Montana";
      case "VT":
        return "Vermont";
      case "CO":
        return "Colorado";
      case "OH":
        return "Ohio";
      case "PA":
        return "Pennsylvania";
      case "MA":
        return "Massachusetts";
      default:
        return code;
    }
  }

  /** Goods declared on a customs line: description and the HS code spellings that go with it. */
  record Goods(String description, String... hsCodes) {}

  static final Goods[] PARCEL_GOODS = {
    new Goods("phone cases", "3926.90", "392690"), new Goods("LED lights", "9405.42", "940542"),
    new Goods("cosmetics", "3304.99", "330499"), new Goods("printer toner", "3707.90"),
    new Goods("clothing samples", "6109.10"), new Goods("plastic toys", "9503.00"),
    new Goods("tea, green, loose leaf", "0902.10"), new Goods("auto parts", "8708.99")
  };
  static final Goods[] PILL_PRESSES = {
    new Goods("TDP-5 tablet press", "8479.89.9499", "8479899499", "8479.30"),
    new Goods("rotary press", "8479.30", "847930"),
    new Goods("punch die set", "8479.89.9499", "8479.90"),
    new Goods("Pill press parts", "8479.89.9499", "847930")
  };
  static final Goods NPP_GOODS =
      new Goods("N-phenethyl-4-piperidone", "2933.37", "2933.39", "293339");
  static final Goods ANPP_GOODS = new Goods("4-ANPP", "2933.36", "293336");
  static final Goods BOC_AP_GOODS =
      new Goods("tert-butyl 4-(phenylamino)piperidine-1-carboxylate", "2933.39", "293339");
  static final Goods BOC_PIPERIDONE_GOODS = new Goods("1-boc-4-piperidone", "2933.39", "293339");
  static final Goods INTERMEDIATE_GOODS = new Goods("pharmaceutical intermediate", "2933.33");
  static final Goods RESEARCH_GOODS = new Goods("research chemical", "2933.34", "2934.92");
  static final Goods[] AMINE_GOODS = {
    new Goods("aniline", "2921.41"), new Goods("phenethylamine hydrochloride", "2921.49")
  };
  static final Goods[] TRUCK_GOODS = {
    new Goods("fresh tomatoes", "0702.00"), new Goods("avocados", "0804.40"),
        new Goods("auto parts", "8708.99"),
    new Goods("furniture", "9403.60"), new Goods("beer", "2203.00"),
        new Goods("electrical harnesses", "8544.42")
  };
  static final Goods PERSONAL_EFFECTS = new Goods("personal effects", "9803.00");
  static final Goods[] OTHER_GOODS = {
    new Goods("lumber", "4407.11"), new Goods("machine parts", "8487.90"),
        new Goods("textiles", "5208.52"),
    new Goods("coffee", "0901.11"), new Goods("cut flowers", "0603.19"),
        new Goods("garments", "6204.62"),
    new Goods("pharmaceutical tablets", "3004.90")
  };

  static String spell(SplittableRandom r, Country c) {
    return Rand.pickSpelling(r, c.spellings);
  }

  /** Countries passed through, separated by {@code |} or {@code ;}; "" for none. */
  static String transit(SplittableRandom r, Country[] countries) {
    if (countries.length == 0) {
      return "";
    }
    char sep = r.nextInt(5) < 3 ? '|' : ';';
    StringBuilder sb = new StringBuilder(32);
    for (Country c : countries) {
      if (sb.length() > 0) {
        sb.append(sep);
      }
      sb.append(spell(r, c));
    }
    return sb.toString();
  }

  /** A place's state as a two-letter code or as its name. */
  static String state(SplittableRandom r, Place p) {
    return r.nextInt(20) < 13 ? p.state() : stateName(p.state());
  }

  static DateStyle dateStyle(SplittableRandom r) {
    int i = r.nextInt(20);
    return i < 12 ? DateStyle.ISO : i < 17 ? DateStyle.US : DateStyle.DAY_MONTH_ABBREVIATION;
  }
}
