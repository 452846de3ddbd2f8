package org.fentrace.generate;

import java.util.SplittableRandom;
import org.fentrace.generate.LandingSpellings.Country;
import org.fentrace.generate.LandingSpellings.Goods;
import org.fentrace.generate.LandingSpellings.Place;

/**
 * The facts of one customs shipment that a seizure linked to it must agree with: when and where it
 * arrived, from where, how, and what was found. It is a pure function of (seed, chunk, shipment
 * index), so a seizure row can recompute the shipment it links to without the shipment file, in any
 * thread.
 */
final class ShipmentCore {
  /** The four streams of customs lines, each with its own volume curve and seizure rate. */
  enum Kind {
    /**
     * Mail and express parcels from China, Hong Kong, Macau: ordinary goods, pill presses,
     * concealed powder.
     */
    CHINA_PARCEL(
        new double[][] {{2015, 3.0}, {2019, 4.0}, {2023, 4.5}},
        new double[][] {{2015, 0.06}, {2019.33, 0.08}, {2020, 0.03}, {2023, 0.02}}),
    /**
     * Declared chemicals by air cargo, express and sea from China, more and more bound for Mexico.
     */
    CHINA_CHEMICAL(
        new double[][] {{2015, 0.4}, {2019, 0.7}, {2023, 1.4}},
        new double[][] {{2015, 0.15}, {2019.33, 0.15}, {2020, 0.3}, {2023, 0.4}}),
    /** Trucks, rail cars and pedestrians crossing from Mexico. */
    MEXICO_TRUCK(
        new double[][] {{2015, 2.0}, {2023, 3.0}},
        new double[][] {{2015, 0.03}, {2019, 0.05}, {2023, 0.12}}),
    /** Everything else: Canada, India, Europe, South and Central America, Viet Nam. */
    OTHER(new double[][] {{2015, 1.0}, {2023, 1.2}}, new double[][] {{2015, 0.04}});

    final double[][] volume;
    final double[][] seizedShare;

    Kind(double[][] volume, double[][] seizedShare) {
      this.volume = volume;
      this.seizedShare = seizedShare;
    }

    static double[][][] volumes() {
      Kind[] ks = values();
      double[][][] v = new double[ks.length][][];
      for (int i = 0; i < ks.length; i++) {
        v[i] = ks[i].volume;
      }
      return v;
    }
  }

  String id;
  int day;
  Kind kind;
  String mode;
  Country origin;

  /** Null when the shipment left from its origin country. */
  Country export;

  Country[] transit;
  Country destination;
  Place port;
  Goods goods;
  boolean seized;

  /**
   * What was found; null when nothing was (or when the seizure was equipment, such as a pill
   * press).
   */
  String seizedSubstance;

  String seizedForm;

  /** Kilograms, or a count of pills when {@link #seizedCount} is set. */
  double seizedAmount;

  boolean seizedCount;

  private static final Country[] NONE = {};
  private static final double[][] BOUND_FOR_MEXICO = {{2015, 0.3}, {2019, 0.5}, {2023, 0.7}};
  private static final Country[] OTHER_ORIGINS = {
    Country.CANADA,
    Country.INDIA,
    Country.NETHERLANDS,
    Country.COLOMBIA,
    Country.VIET_NAM,
    Country.GUATEMALA,
    Country.PANAMA
  };
  private static final double[] OTHER_ORIGIN_WEIGHTS = {30, 20, 10, 15, 10, 5, 10};
  private static final String[] INDIAN_PRECURSORS = {"4-AP", "NPP", "1-boc-4-AP"};

  /**
   * Draws the facts of shipment {@code index} of {@code chunk} from {@code r}, a stream of its own.
   */
  static ShipmentCore generate(
      Timeline timeline, SplittableRandom r, String idTag, int chunk, long index) {
    ShipmentCore c = new ShipmentCore();
    c.day = timeline.day(r);
    c.kind = Kind.values()[timeline.kind(r, c.day)];
    double year = timeline.year(c.day);
    c.transit = NONE;
    c.destination = Country.USA;
    c.seized = Rand.chance(r, Timeline.interpolate(c.kind.seizedShare, year));
    switch (c.kind) {
      case CHINA_PARCEL:
        c.chinaParcel(r, year);
        break;
      case CHINA_CHEMICAL:
        c.chinaChemical(r, year);
        break;
      case MEXICO_TRUCK:
        c.mexicoTruck(r);
        break;
      default:
        c.other(r, year);
    }
    c.id = id(idPrefix(c.mode), idTag, chunk, index);
    return c;
  }

  /**
   * A unique id: prefix, chunk, dash, index padded to nine digits (ids never depend on the row
   * count); with a tag, prefix, tag, dash, chunk, dash, index ({@code SZ0-000000001}, {@code
   * SZD1-0-000000001}).
   */
  static String id(String prefix, String tag, int chunk, long index) {
    String n = Long.toString(index);
    StringBuilder sb = new StringBuilder(prefix.length() + tag.length() + 17).append(prefix);
    if (!tag.isEmpty()) {
      sb.append(tag).append('-');
    }
    sb.append(chunk).append('-');
    for (int i = n.length(); i < 9; i++) {
      sb.append('0');
    }
    return sb.append(n).toString();
  }

  private static String idPrefix(String mode) {
    switch (mode) {
      case "international mail":
        return "EM";
      case "express consignment":
        return "EXP";
      case "air cargo":
        return "AWB";
      case "sea container":
        return "BOL";
      default:
        return "ENT";
    }
  }

  private static Place port(SplittableRandom r, String mode) {
    switch (mode) {
      case "international mail":
        return LandingSpellings.MAIL_FACILITIES[r.nextInt(5)];
      case "express consignment":
        return LandingSpellings.MAIL_FACILITIES[5 + r.nextInt(3)];
      case "air cargo":
        return LandingSpellings.AIR_AND_SEA_PORTS[4 + r.nextInt(3)];
      case "sea container":
        return LandingSpellings.AIR_AND_SEA_PORTS[r.nextInt(4)];
      default:
        return Rand.pick(r, LandingSpellings.SWB_PORTS);
    }
  }

  private static Country chinaOrigin(SplittableRandom r, int hongKongPercent) {
    int p = r.nextInt(100);
    return p < 100 - hongKongPercent - 5
        ? Country.CHINA
        : p < 95 ? Country.HONG_KONG : Country.MACAU;
  }

  private void mass(String substance, String form, double kg) {
    seizedSubstance = substance;
    seizedForm = substance.equals("marijuana") ? null : form;
    seizedAmount = kg;
    seizedCount = false;
  }

  private void pills(String substance, double count) {
    seizedSubstance = substance;
    seizedForm = "pills";
    seizedAmount = Math.rint(count);
    seizedCount = true;
  }

  private void chinaParcel(SplittableRandom r, double year) {
    origin = chinaOrigin(r, 25);
    if (origin == Country.CHINA && r.nextInt(5) == 0) {
      export = Country.HONG_KONG;
      transit = new Country[] {Country.HONG_KONG};
    } else if (r.nextInt(30) == 0) {
      transit = new Country[] {Country.CANADA};
    }
    int m = r.nextInt(100);
    mode = m < 55 ? "international mail" : m < 95 ? "express consignment" : "air cargo";
    port = port(r, mode);
    boolean press = r.nextInt(12) == 0;
    goods =
        press
            ? Rand.pick(r, LandingSpellings.PILL_PRESSES)
            : Rand.pick(r, LandingSpellings.PARCEL_GOODS);
    if (seized && !press) {
      if (r.nextInt(10) == 0) {
        pills(LandingSpellings.M30, Rand.logNormal(r, 200, 1.0));
      } else {
        mass(Substances.chinaParcelContents(r, year), "powder", Rand.logNormal(r, 0.04, 1.0));
      }
    }
  }

  private void chinaChemical(SplittableRandom r, double year) {
    origin = chinaOrigin(r, 15);
    if (Rand.chance(r, Timeline.interpolate(BOUND_FOR_MEXICO, year))) {
      destination = Country.MEXICO;
      int t = r.nextInt(4);
      transit =
          t == 0
              ? new Country[] {Country.HONG_KONG, Country.USA}
              : t == 1
                  ? new Country[] {Country.NETHERLANDS, Country.USA}
                  : new Country[] {Country.USA};
    }
    int m = r.nextInt(100);
    mode = m < 45 ? "air cargo" : m < 70 ? "express consignment" : "sea container";
    port = port(r, mode);
    int g = Rand.weighted(r, 20, 15, 15, 10, 10, 10, 20);
    String substance;
    switch (g) {
      case 0:
        goods = LandingSpellings.NPP_GOODS;
        substance = "NPP";
        break;
      case 1:
        goods = LandingSpellings.ANPP_GOODS;
        substance = r.nextInt(4) == 0 ? "para-fluoro 4-ANPP" : "4-ANPP";
        break;
      case 2:
        goods = LandingSpellings.BOC_AP_GOODS;
        substance = "1-boc-4-AP";
        break;
      case 3:
        goods = LandingSpellings.BOC_PIPERIDONE_GOODS;
        substance = "1-boc-4-piperidone";
        break;
      case 4:
        goods = LandingSpellings.INTERMEDIATE_GOODS;
        substance = r.nextBoolean() ? "4-AP" : "norfentanyl";
        break;
      case 5:
        goods = LandingSpellings.RESEARCH_GOODS;
        substance = Substances.analog(r, year);
        break;
      default:
        goods = Rand.pick(r, LandingSpellings.AMINE_GOODS);
        substance = null;
    }
    if (substance == null) {
      seized = false; // not controlled: examined, detained or released, never seized
    } else if (seized) {
      double kg = Math.min(Rand.logNormal(r, 20, 1.2), 2000);
      mass(substance, r.nextInt(5) == 0 ? "liquid" : "powder", g == 5 ? kg / 20 : kg);
    }
  }

  private void mexicoTruck(SplittableRandom r) {
    origin = r.nextInt(100) < 92 ? Country.MEXICO : Country.GUATEMALA;
    if (origin == Country.GUATEMALA) {
      transit = new Country[] {Country.MEXICO};
      export = Country.MEXICO;
    }
    int m = r.nextInt(100);
    mode = m < 75 ? "truck" : m < 83 ? "rail" : "pedestrian";
    port = port(r, mode);
    boolean walker = mode.equals("pedestrian");
    goods = walker ? LandingSpellings.PERSONAL_EFFECTS : Rand.pick(r, LandingSpellings.TRUCK_GOODS);
    if (!seized) {
      return;
    }
    double scale = walker ? 0.1 : 1;
    int s = Rand.weighted(r, 50, 35, 10, 5);
    if (s == 0 && r.nextInt(10) < 6) {
      pills(Substances.fentanylPills(r, true), Rand.logNormal(r, 3000 * scale, 1.3));
    } else {
      String drug =
          s == 0
              ? Substances.fentanyl(r, true)
              : s == 1 ? "methamphetamine" : s == 2 ? "cocaine" : "heroin";
      mass(
          drug,
          "powder",
          Rand.logNormal(r, (s == 0 ? 3 : Substances.landLoadKg(drug)) * scale, 1.0));
    }
  }

  private void other(SplittableRandom r, double year) {
    origin = OTHER_ORIGINS[Rand.weighted(r, OTHER_ORIGIN_WEIGHTS)];
    Goods[] og = LandingSpellings.OTHER_GOODS;
    String[] modes;
    Goods[] choices;
    switch (origin) {
      case CANADA:
        modes = new String[] {"truck", "truck", "rail", "international mail"};
        choices = new Goods[] {og[0], og[1]};
        break;
      case INDIA:
        modes = new String[] {"international mail", "express consignment", "air cargo"};
        choices = new Goods[] {og[6], og[2]};
        break;
      case NETHERLANDS:
        modes = new String[] {"express consignment", "international mail", "air cargo"};
        choices = new Goods[] {og[1], og[4]};
        break;
      case COLOMBIA:
        modes = new String[] {"sea container", "air cargo"};
        choices = new Goods[] {og[3], og[4]};
        break;
      case VIET_NAM:
        modes = new String[] {"sea container", "international mail"};
        choices = new Goods[] {og[5], og[2]};
        break;
      case GUATEMALA:
        modes = new String[] {"truck"};
        choices = LandingSpellings.TRUCK_GOODS;
        transit = new Country[] {Country.MEXICO};
        break;
      default: // Panama
        modes = new String[] {"sea container"};
        choices = new Goods[] {og[3], og[5]};
        transit = new Country[] {Country.COLOMBIA};
    }
    mode = Rand.pick(r, modes);
    boolean northern = origin == Country.CANADA && !mode.equals("international mail");
    port = northern ? Rand.pick(r, LandingSpellings.NORTH_PORTS) : port(r, mode);
    goods = Rand.pick(r, choices);
    if (seized) {
      otherSeizure(r, year, Rand.logNormal(r, mode.equals("international mail") ? 0.2 : 4, 1.0));
    }
  }

  private void otherSeizure(SplittableRandom r, double year, double kg) {
    switch (origin) {
      case CANADA:
        {
          int s = Rand.weighted(r, 50, 25, 10, 15);
          String drug =
              s == 0
                  ? Substances.fentanyl(r, false)
                  : s == 1 ? "methamphetamine" : s == 2 ? "carfentanil" : "marijuana";
          mass(drug, "powder", s == 3 ? kg * 10 : kg);
          break;
        }
      case INDIA:
        if (r.nextInt(10) < 3) {
          pills("oxycodone", Rand.logNormal(r, 2000, 1.0));
        } else {
          String drug =
              r.nextInt(5) == 0 ? Substances.fentanyl(r, false) : Rand.pick(r, INDIAN_PRECURSORS);
          mass(drug, "powder", kg);
        }
        break;
      case NETHERLANDS:
        mass(
            r.nextBoolean() ? Substances.analog(r, year) : Substances.otherDrug(r, year),
            "powder",
            kg);
        break;
      case VIET_NAM:
        mass(r.nextInt(5) < 3 ? Substances.precursor(r) : Substances.analog(r, year), "powder", kg);
        break;
      case GUATEMALA:
        mass(r.nextInt(5) < 3 ? "cocaine" : Substances.fentanyl(r, true), "powder", kg * 2);
        break;
      default:
        mass(r.nextInt(5) == 0 ? "heroin" : "cocaine", "powder", kg * 5);
    }
  }
}
