package org.fentrace.generate;

import java.util.SplittableRandom;

/**
 * Makes the good seizure_events rows of one chunk. Each row is one of six scenarios whose volumes
 * change over time (China-direct parcels peak in 2018-2019 and fade after the May 2019 class-wide
 * control; Mexico-routed land-border seizures rise strongly from 2019), or the seizure of a
 * generated customs shipment, whose facts it repeats.
 */
final class SeizureMaker {
  private static final SeizureScenario[] SCENARIOS = SeizureScenario.values();
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
    ScenarioSeizures.fill(SCENARIOS[timeline.kind(r, day)], r, year, f);
  }

  private void fromShipment(SplittableRandom r, ShipmentCore c, SeizureFields f) {
    f.shipmentId = c.id;
    f.epochDay = timeline.epochDay(Math.min(c.day + r.nextInt(3), timeline.days() - 1));
    f.agency = r.nextInt(5) == 0 ? "HSI" : "CBP-OFO";
    ScenarioSeizures.at(r, f, c.port);
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
}
