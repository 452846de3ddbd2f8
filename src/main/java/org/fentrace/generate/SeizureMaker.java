package org.fentrace.generate;

import java.util.SplittableRandom;
import org.fentrace.generate.LandingSpellings.Country;
import org.fentrace.generate.LandingSpellings.Place;

/**
 * Makes the good seizure_events rows of one chunk. Each row is one of six scenarios whose volumes
 * change over time (China-direct parcels peak in 2018-2019 and fade after the May 2019 class-wide
 * control; Mexico-routed land-border seizures rise strongly from 2019), or the seizure of a
 * generated customs shipment, whose facts it repeats.
 */
final class SeizureMaker {
  /** The ways a seizure comes about, each with its yearly volume curve. */
  enum Scenario {
    /** Grams of very pure powder in mail and express parcels from China, Hong Kong, Macau. */
    CHINA_DIRECT(
        new double[][] {
          {2015, 1.5},
          {2017, 3.0},
          {2018.5, 4.0},
          {2019.33, 4.0},
          {2019.9, 2.0},
          {2021, 1.0},
          {2023, 0.6},
          {2025, 0.5}
        }),
    /** Kilograms and pill counts crossing the Southwest land border from Mexico. */
    MEXICO_LAND(
        new double[][] {
          {2015, 0.8},
          {2017, 1.0},
          {2019, 2.0},
          {2020, 3.5},
          {2021, 5.5},
          {2022, 7.5},
          {2023, 9.0},
          {2025, 9.5}
        }),
    /** Chinese precursors bound for Mexico, seized in US ports on the way. */
    PRECURSOR_VIA_MEXICO(new double[][] {{2015, 0.1}, {2018, 0.25}, {2020, 0.5}, {2023, 0.9}}),
    /** Canada, India, Europe, South America, Viet Nam. */
    OTHER_ORIGIN(new double[][] {{2015, 0.6}, {2020, 0.7}, {2023, 1.0}}),
    /** Southwest border seizures by vehicle or pedestrian with no origin written down. */
    SWB_NO_ORIGIN(new double[][] {{2015, 0.4}, {2019, 0.8}, {2023, 2.0}}),
    /** Interior seizures by DEA, state and local police: nothing says where the drugs came from. */
    UNATTRIBUTABLE(new double[][] {{2015, 0.8}, {2023, 1.5}});

    final double[][] volume;

    Scenario(double[][] volume) {
      this.volume = volume;
    }

    static double[][][] volumes() {
      Scenario[] s = values();
      double[][][] v = new double[s.length][][];
      for (int i = 0; i < s.length; i++) {
        v[i] = s[i].volume;
      }
      return v;
    }
  }

  private static final Scenario[] SCENARIOS = Scenario.values();
  private static final Country[] OTHER = {
    Country.CANADA,
    Country.INDIA,
    Country.NETHERLANDS,
    Country.COLOMBIA,
    Country.VIET_NAM,
    Country.GUATEMALA,
    Country.PANAMA
  };
  private static final double[] OTHER_WEIGHTS = {35, 25, 10, 10, 10, 5, 5};
  private static final Country[][] PRECURSOR_TRANSIT = {
    {Country.USA},
    {Country.USA},
    {Country.HONG_KONG, Country.USA},
    {Country.NETHERLANDS, Country.USA},
    {}
  };

  private final Timeline timeline;
  private final ShipmentMaker shipments;
  private final int chunk;
  private final long shipmentsInChunk;
  private final double shipmentRatio;

  private final String idTag;

  SeizureMaker(
      Timeline timeline,
      ShipmentMaker shipments,
      int chunk,
      long shipmentsInChunk,
      double shipmentRatio,
      String idTag) {
    this.idTag = idTag;
    this.timeline = timeline;
    this.shipments = shipments;
    this.chunk = chunk;
    this.shipmentsInChunk = shipmentsInChunk;
    this.shipmentRatio = shipmentRatio;
  }

  /**
   * Fills {@code f} with seizure row {@code k} of the chunk. Row k may stand for shipment floor(k *
   * shipmentRatio) (only the first row mapping to a shipment does, so a shipment has at most one
   * seizure); when that shipment was seized with drugs in it, the row is its seizure.
   */
  void next(SplittableRandom r, long k, SeizureFields f) {
    f.clear();
    f.id = ShipmentCore.id("SZ", idTag, chunk, k);
    f.dateStyle = LandingSpellings.dateStyle(r);
    long j = (long) (k * shipmentRatio);
    if (shipmentRatio > 0
        && j < shipmentsInChunk
        && (k == 0 || (long) ((k - 1) * shipmentRatio) < j)) {
      ShipmentCore core = shipments.core(chunk, j);
      if (core.seized && core.seizedSubstance != null) {
        fromShipment(r, core, f);
        return;
      }
    }
    int day = timeline.day(r);
    f.epochDay = timeline.epochDay(day);
    double year = timeline.year(day);
    switch (SCENARIOS[timeline.kind(r, day)]) {
      case CHINA_DIRECT:
        chinaDirect(r, year, f);
        break;
      case MEXICO_LAND:
        mexicoLand(r, year, f, false);
        break;
      case PRECURSOR_VIA_MEXICO:
        precursorViaMexico(r, year, f);
        break;
      case OTHER_ORIGIN:
        otherOrigin(r, year, f);
        break;
      case SWB_NO_ORIGIN:
        mexicoLand(r, year, f, true);
        break;
      default:
        unattributable(r, year, f);
    }
    quirks(r, f);
  }

  private void fromShipment(SplittableRandom r, ShipmentCore c, SeizureFields f) {
    f.shipmentId = c.id;
    f.epochDay = timeline.epochDay(Math.min(c.day + r.nextInt(3), timeline.days() - 1));
    f.agency = r.nextInt(5) == 0 ? "HSI" : "CBP-OFO";
    at(r, f, c.port);
    f.conveyance = c.mode.equals("sea container") && r.nextBoolean() ? "sea" : c.mode;
    f.form = c.seizedForm;
    f.substance = c.seizedSubstance;
    if (c.seizedCount) {
      f.quantity.setCount((long) c.seizedAmount, r);
    } else {
      f.quantity.setMass(c.seizedAmount, r);
    }
    if (r.nextBoolean()) { // no origin of its own: it has to come from the shipment
      f.origin = LandingSpellings.spell(r, c.origin);
      f.transit = LandingSpellings.transit(r, c.transit);
    }
    f.destination = r.nextBoolean() ? LandingSpellings.spell(r, c.destination) : null;
  }

  private static void at(SplittableRandom r, SeizureFields f, Place p) {
    f.region = p.region();
    f.location = p.name();
    f.usState = r.nextInt(20) == 0 ? null : LandingSpellings.state(r, p);
  }

  private static Place portFor(SplittableRandom r, String conveyance) {
    switch (conveyance) {
      case "international mail":
        return LandingSpellings.MAIL_FACILITIES[r.nextInt(5)];
      case "express consignment":
        return LandingSpellings.MAIL_FACILITIES[5 + r.nextInt(3)];
      case "air cargo":
      case "air passenger":
        return LandingSpellings.AIR_AND_SEA_PORTS[4 + r.nextInt(3)];
      default:
        return LandingSpellings.AIR_AND_SEA_PORTS[r.nextInt(4)];
    }
  }

  /** Powder or pills of {@code substance}: pills counted (now and then weighed), powder weighed. */
  private static void dose(
      SplittableRandom r,
      SeizureFields f,
      String substance,
      boolean pills,
      double kg,
      double count) {
    f.substance = substance;
    if (pills) {
      f.form = "pills";
      if (r.nextInt(5) == 0) {
        f.quantity.setMass(count * 0.00011, r); // an M30 weighs about 0.11 g
      } else {
        f.quantity.setCount(Math.round(count), r);
      }
    } else {
      f.form =
          substance.equals("marijuana") ? null : "powder"; // plant material: no form from the list
      f.quantity.setMass(kg, r);
    }
  }

  private void chinaDirect(SplittableRandom r, double year, SeizureFields f) {
    f.agency = r.nextInt(7) == 0 ? "HSI" : "CBP-OFO";
    int c = Rand.weighted(r, 50, 38, 5, 4, 3);
    f.conveyance =
        c == 0
            ? "international mail"
            : c == 1
                ? "express consignment"
                : c == 2 ? "air cargo" : c == 3 ? "air passenger" : "sea container";
    at(r, f, portFor(r, f.conveyance));
    int o = r.nextInt(100);
    Country origin = o < 70 ? Country.CHINA : o < 95 ? Country.HONG_KONG : Country.MACAU;
    f.origin = LandingSpellings.spell(r, origin);
    if (origin == Country.CHINA && r.nextInt(7) == 0) {
      f.transit = LandingSpellings.spell(r, Country.HONG_KONG);
    }
    f.destination = r.nextInt(5) < 3 ? LandingSpellings.spell(r, Country.USA) : null;
    boolean pills = r.nextInt(14) == 0;
    String s = pills ? LandingSpellings.M30 : Substances.chinaParcelContents(r, year);
    dose(r, f, s, pills, Math.min(Rand.logNormal(r, 0.03, 1.1), 5), Rand.logNormal(r, 100, 1.0));
    if (!pills && r.nextInt(20) == 0) {
      f.form = "liquid";
    }
  }

  private void mexicoLand(SplittableRandom r, double year, SeizureFields f, boolean noOrigin) {
    int a = r.nextInt(20);
    boolean usbp = noOrigin ? a < 14 : a < 6;
    f.agency = usbp ? "USBP" : a < 18 ? "CBP-OFO" : a == 18 ? "HSI" : "DEA";
    int c = r.nextInt(100);
    if (usbp) {
      at(r, f, Rand.pick(r, LandingSpellings.SWB_SECTORS));
      f.conveyance = c < 75 ? "land vehicle" : "pedestrian";
    } else {
      at(r, f, Rand.pick(r, LandingSpellings.SWB_PORTS));
      f.conveyance = c < 55 ? "land vehicle" : c < 75 ? "truck" : c < 95 ? "pedestrian" : "rail";
    }
    if (noOrigin) {
      f.conveyance = c % 20 == 0 ? null : f.conveyance;
    } else if (r.nextInt(10) == 0) {
      f.origin = LandingSpellings.spell(r, r.nextBoolean() ? Country.GUATEMALA : Country.COLOMBIA);
      f.transit = LandingSpellings.transit(r, new Country[] {Country.MEXICO});
    } else {
      f.origin = LandingSpellings.spell(r, Country.MEXICO);
      f.destination = r.nextInt(10) < 3 ? LandingSpellings.spell(r, Country.USA) : null;
    }
    double scale = ("pedestrian".equals(f.conveyance) ? 0.1 : 1) * (noOrigin ? 0.5 : 1);
    int s = Rand.weighted(r, 55, 40, 3, 2);
    if (s == 0) {
      boolean pills = r.nextInt(20) < 11;
      String name = pills ? Substances.fentanylPills(r, true) : Substances.fentanyl(r, true);
      dose(
          r,
          f,
          name,
          pills,
          Math.min(Rand.logNormal(r, 3 * scale, 1.2), 500),
          Rand.logNormal(r, 2500 * scale, 1.4));
    } else if (s == 1) {
      String drug = Substances.otherDrug(r, year);
      boolean pills = drug.equals("oxycodone");
      dose(
          r,
          f,
          drug,
          pills,
          Rand.logNormal(r, Substances.landLoadKg(drug) * scale, 1.1),
          Rand.logNormal(r, 800, 1.2));
    } else {
      dose(
          r,
          f,
          s == 2 ? Substances.analog(r, year) : Substances.precursor(r),
          false,
          Rand.logNormal(r, 1 * scale, 1.0),
          0);
    }
  }

  private void precursorViaMexico(SplittableRandom r, double year, SeizureFields f) {
    f.agency = r.nextInt(10) < 7 ? "CBP-OFO" : "HSI";
    int c = Rand.weighted(r, 45, 25, 20, 10);
    f.conveyance =
        c == 0 ? "air cargo" : c == 1 ? "express consignment" : c == 2 ? "sea container" : "sea";
    at(r, f, portFor(r, f.conveyance));
    f.origin = LandingSpellings.spell(r, r.nextInt(100) < 85 ? Country.CHINA : Country.HONG_KONG);
    f.destination = r.nextInt(10) == 0 ? null : LandingSpellings.spell(r, Country.MEXICO);
    f.transit = LandingSpellings.transit(r, Rand.pick(r, PRECURSOR_TRANSIT));
    int s = Rand.weighted(r, 90, 5, 5);
    String name =
        s == 0 ? Substances.precursor(r) : s == 1 ? Substances.fentanyl(r, false) : "xylazine";
    dose(r, f, name, false, Math.min(Rand.logNormal(r, 25, 1.2), 3000), 0);
    if (r.nextInt(5) == 0) {
      f.form = "liquid";
    }
  }

  private void otherOrigin(SplittableRandom r, double year, SeizureFields f) {
    Country origin = OTHER[Rand.weighted(r, OTHER_WEIGHTS)];
    f.origin = LandingSpellings.spell(r, origin);
    f.agency = "CBP-OFO";
    double kg = Rand.logNormal(r, 0.3, 1.2);
    switch (origin) {
      case CANADA:
        {
          int c = Rand.weighted(r, 50, 20, 10, 10, 10);
          f.conveyance =
              c == 0
                  ? "land vehicle"
                  : c == 1
                      ? "truck"
                      : c == 2 ? "rail" : c == 3 ? "international mail" : "air passenger";
          f.agency = c == 0 && r.nextInt(4) == 0 ? "USBP" : "CBP-OFO";
          at(r, f, c <= 2 ? Rand.pick(r, LandingSpellings.NORTH_PORTS) : portFor(r, f.conveyance));
          int s = Rand.weighted(r, 45, 15, 20, 10, 10);
          String name =
              s == 0
                  ? Substances.fentanyl(r, false)
                  : s == 1
                      ? Substances.analog(r, year)
                      : s == 2 ? "methamphetamine" : s == 3 ? "cocaine" : "marijuana";
          dose(r, f, name, false, s == 4 ? kg * 30 : kg, 0);
          return;
        }
      case INDIA:
      case NETHERLANDS:
      case VIET_NAM:
        {
          f.conveyance =
              r.nextBoolean()
                  ? "international mail"
                  : origin == Country.NETHERLANDS && r.nextBoolean()
                      ? "air passenger"
                      : "express consignment";
          at(r, f, portFor(r, f.conveyance));
          int s = r.nextInt(10);
          if (origin == Country.INDIA && s < 3) {
            dose(r, f, "oxycodone", true, 0, Rand.logNormal(r, 500, 1.0));
          } else if (origin == Country.NETHERLANDS) {
            dose(
                r,
                f,
                s < 4 ? Substances.analog(r, year) : Substances.otherDrug(r, year),
                false,
                kg,
                0);
          } else {
            dose(
                r,
                f,
                s < 7 ? Substances.precursor(r) : Substances.fentanyl(r, false),
                false,
                kg,
                0);
          }
          return;
        }
      case GUATEMALA:
        mexicoLand(r, year, f, false);
        f.origin = LandingSpellings.spell(r, Country.GUATEMALA);
        f.transit = LandingSpellings.transit(r, new Country[] {Country.MEXICO});
        return;
      default: // Colombia, Panama: cocaine and heroin by sea, sometimes fentanyl
        f.conveyance = r.nextBoolean() ? "sea container" : "sea";
        at(r, f, portFor(r, f.conveyance));
        if (origin == Country.PANAMA) {
          f.transit = LandingSpellings.transit(r, new Country[] {Country.COLOMBIA});
        }
        int s = Rand.weighted(r, 70, 20, 10);
        dose(
            r,
            f,
            s == 0 ? "cocaine" : s == 1 ? "heroin" : Substances.fentanyl(r, true),
            false,
            kg * 100,
            0);
    }
  }

  private void unattributable(SplittableRandom r, double year, SeizureFields f) {
    int a = Rand.weighted(r, 35, 25, 25, 15);
    f.agency = a == 0 ? "DEA" : a == 1 ? "STATE" : a == 2 ? "LOCAL" : "HSI";
    Place p = Rand.pick(r, LandingSpellings.CITIES);
    at(r, f, p);
    if (r.nextInt(10) < 3) {
      f.region = null;
    }
    if (r.nextInt(10) < 3) {
      f.location = p.name() + ", " + p.state();
    }
    int c = r.nextInt(20);
    f.conveyance = c == 0 ? "air passenger" : c <= 2 ? "land vehicle" : c == 3 ? "rail" : null;
    int s = Rand.weighted(r, 33, 10, 45, 8, 2, 2);
    double kg = Rand.logNormal(r, 0.2, 1.4);
    switch (s) {
      case 0:
        {
          boolean pills = r.nextInt(10) < 4;
          dose(
              r,
              f,
              pills ? Substances.fentanylPills(r, false) : Substances.fentanyl(r, false),
              pills,
              kg,
              Rand.logNormal(r, 300, 1.3));
          break;
        }
      case 1:
        dose(r, f, Substances.analog(r, year), false, kg / 4, 0);
        break;
      case 2:
        {
          String drug = Substances.otherDrug(r, year);
          dose(r, f, drug, drug.equals("oxycodone"), kg, Rand.logNormal(r, 200, 1.2));
          break;
        }
      case 3:
        dose(r, f, Substances.precursor(r), false, kg * 5, 0);
        break;
      case 4: // transdermal patches, counted
        f.substance = "Fentanyl";
        f.form = "patch";
        f.quantity.setCount(Math.round(Rand.logNormal(r, 20, 0.8)), r);
        break;
      default: // diverted pharmaceutical solution
        f.substance = LandingSpellings.FENTANYL_CITRATE;
        f.form = "liquid";
        f.quantity.setMass(Rand.logNormal(r, 0.01, 0.8), r);
    }
  }

  /** Blank forms, and the rare location with a quote or a second line in it. */
  private static void quirks(SplittableRandom r, SeizureFields f) {
    int q = r.nextInt(1000);
    if (q < 60) {
      f.form = null;
    } else if (q < 63 && f.location != null) {
      f.location = f.location + "\nsecondary inspection";
    } else if (q < 66 && f.location != null) {
      f.location = f.location + " \"Lane " + (1 + r.nextInt(12)) + '"';
    }
  }
}
