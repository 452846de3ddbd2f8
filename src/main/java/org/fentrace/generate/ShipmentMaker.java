package org.fentrace.generate;

import java.io.IOException;
import java.util.SplittableRandom;
import org.fentrace.generate.CsvOut.DateStyle;
import org.fentrace.generate.LandingSpellings.Country;

/**
 * Writes customs_shipments rows. Shipment {@code j} of chunk {@code c} is drawn from a random
 * stream of its own, seeded from (seed, c, j): its facts ({@link ShipmentCore}) first, then how the
 * line spells them. So a seizure row can recompute the shipment it links to, in any thread, without
 * reading the shipment file. One instance per chunk thread.
 */
final class ShipmentMaker {
  private static final String[] NOT_DATES = {
    "2021-13-45", "2021-13-45", "2019-02-30", "13/32/2020", "31-Abc-2021"
  };

  private final Timeline timeline;
  private final long seed;
  private final double badRowRate;
  private final String idTag;

  /** The shipment_id written by the last {@link #write} (blank for a row missing it). */
  private String lastId;

  ShipmentMaker(Timeline timeline, long seed, double badRowRate, String idTag) {
    this.timeline = timeline;
    this.idTag = idTag;
    this.seed = seed;
    this.badRowRate = badRowRate;
  }

  private SplittableRandom stream(int chunk, long index) {
    return new SplittableRandom(Rand.seed(seed, chunk, index));
  }

  ShipmentCore core(int chunk, long index) {
    return ShipmentCore.generate(timeline, stream(chunk, index), idTag, chunk, index);
  }

  /**
   * Writes shipment {@code index} of {@code chunk}; returns the kind of bad row it was made, or
   * null.
   */
  BadKind write(int chunk, long index, CsvOut out) throws IOException {
    SplittableRandom r = stream(chunk, index);
    ShipmentCore c = ShipmentCore.generate(timeline, r, idTag, chunk, index);
    boolean fromMexico = c.origin == Country.MEXICO || c.origin == Country.GUATEMALA;
    String id = c.id;
    DateStyle style = LandingSpellings.dateStyle(r);
    long epochDay = timeline.epochDay(c.day);
    String dateText = null;
    String origin = LandingSpellings.spell(r, c.origin);
    String description = c.goods.description();
    int quirk = r.nextInt(400);
    if (quirk == 0) {
      description = description + "\n" + (2 + r.nextInt(40)) + " cartons";
    } else if (quirk == 1) {
      description = "\"sample\" " + description + ", no commercial value";
    }
    BadKind bad = Rand.chance(r, badRowRate) ? Rand.pick(r, BadKind.FOR_SHIPMENTS) : null;
    if (bad == BadKind.UNPARSEABLE_DATE) {
      dateText = Rand.pick(r, NOT_DATES);
    } else if (bad == BadKind.FUTURE_DATE) {
      epochDay = SeizureFields.inYear2099(epochDay);
    } else if (bad == BadKind.MISSING_REQUIRED) {
      int which = r.nextInt(3);
      id = which == 0 ? "" : id;
      origin = which == 1 ? "" : origin;
      description = which == 2 ? "" : description;
    }
    lastId = id;
    out.text(id);
    if (dateText != null) {
      out.text(dateText);
    } else {
      out.date(epochDay, style);
    }
    out.text(origin).text(c.mode).text(description);
    Country export = c.export != null ? c.export : r.nextInt(3) == 0 ? c.origin : null;
    out.text(export == null ? null : LandingSpellings.spell(r, export));
    out.text(LandingSpellings.transit(r, c.transit));
    out.text(r.nextBoolean() ? c.port.code() : c.port.name());
    if (c.destination == Country.USA) {
      out.text(r.nextInt(5) == 0 ? null : LandingSpellings.state(r, c.port));
    } else {
      out.text(r.nextInt(10) < 3 ? "TX" : null); // in bond towards a land port, or not said
    }
    String[] hs = c.goods.hsCodes();
    out.text(r.nextInt(20) == 0 ? null : hs[r.nextInt(hs.length)]);
    grossWeight(r, c, out);
    out.number(Rand.logNormal(r, declaredValueMedian(c), 1.0), 2, false);
    out.text(Names.shipper(r, fromMexico));
    out.text(Names.consignee(r, fromMexico || c.destination == Country.MEXICO));
    out.text(c.seized ? "seized" : Rand.pick(r, LandingSpellings.OUTCOMES_NOT_SEIZED));
    if (c.seizedSubstance != null) {
      Quantity quantity = new Quantity();
      if (c.seizedCount) {
        quantity.setCount((long) c.seizedAmount, r);
      } else {
        quantity.setMass(c.seizedAmount, r);
      }
      out.text(c.seizedSubstance);
      quantity.write(out);
      out.text(quantity.unit);
    } else {
      out.text(null).text(null).text(null);
    }
    out.endRow();
    return bad;
  }

  String lastId() {
    return lastId;
  }

  private static double typicalKg(String mode) {
    switch (mode) {
      case "international mail":
        return 0.8;
      case "express consignment":
        return 3;
      case "air cargo":
        return 150;
      case "sea container":
        return 12000;
      case "rail":
        return 60000;
      case "pedestrian":
        return 5;
      default:
        return 15000;
    }
  }

  private static double declaredValueMedian(ShipmentCore c) {
    return c.kind == ShipmentCore.Kind.CHINA_CHEMICAL ? 400 : typicalKg(c.mode) * 4;
  }

  /** Gross weight in kg, KG, g, lb or lbs; never less than what was seized in it. */
  private static void grossWeight(SplittableRandom r, ShipmentCore c, CsvOut out) {
    double kg = Rand.logNormal(r, typicalKg(c.mode), 0.7);
    if (c.seizedSubstance != null && !c.seizedCount) {
      kg = Math.max(kg, c.seizedAmount * 1.2);
    }
    int u = r.nextInt(10);
    if (kg < 2 && u < 3) {
      out.number(Math.max(1, kg * 1000), 0, false).text("g");
    } else if (u < 6) {
      out.number(Math.max(0.1, kg / Quantity.LB), 1, false).text(u < 5 ? "lb" : "lbs");
    } else {
      out.number(Math.max(0.01, kg), 2, false).text(u < 9 ? "kg" : "KG");
    }
  }
}
