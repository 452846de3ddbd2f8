package org.fentrace.generate;

import java.util.SplittableRandom;
import org.fentrace.generate.LandingSpellings.Country;
import org.fentrace.generate.LandingSpellings.Place;

/**
 * Fills one seizure_events row of a {@link SeizureScenario}: who seized what, where, from which
 * origin and by which conveyance, spelled as an agency would write it ({@link LandingSpellings}).
 * {@link SeizureMaker} decides which scenario a row is and whether it is a shipment's seizure
 * instead; the facts of each scenario live here.
 */
final class ScenarioSeizures {
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

  private ScenarioSeizures() {}

  /** Fills {@code f} with a seizure of {@code scenario} in fractional year {@code year}. */
  static void fill(SeizureScenario scenario, SplittableRandom r, double year, SeizureFields f) {
    switch (scenario) {
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

  /** The row seized at place {@code p}: its region, name and (mostly) state. */
  static void at(SplittableRandom r, SeizureFields f, Place p) {
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

  private static void chinaDirect(SplittableRandom r, double year, SeizureFields f) {
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

  private static void mexicoLand(
      SplittableRandom r, double year, SeizureFields f, boolean noOrigin) {
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

  private static void precursorViaMexico(SplittableRandom r, double year, SeizureFields f) {
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

  private static void otherOrigin(SplittableRandom r, double year, SeizureFields f) {
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

  private static void unattributable(SplittableRandom r, double year, SeizureFields f) {
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
