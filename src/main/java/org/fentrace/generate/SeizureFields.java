package org.fentrace.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.fentrace.generate.CsvOut.DateStyle;

/**
 * The values of one seizure_events row before it is written: reused row after row, copied only for
 * the rare row that is delivered again later as a revision. {@link #spoil} turns a good row into a
 * bad one of a given kind, touching exactly one thing.
 */
final class SeizureFields {
  private static final String[] NOT_NUMBERS = {"approx. 2", "N/A", "two", "1,5", "12..5", "~300"};
  private static final String[] NOT_DATES = {
    "2021-13-45", "2021-13-45", "2020-02-30", "13/32/2021", "31-Abc-2022"
  };

  String id;
  long epochDay;
  DateStyle dateStyle;

  /** When set, written instead of the date (bad rows). */
  String dateText;

  String substance;
  final Quantity quantity = new Quantity();
  String agency;
  String region;
  String location;
  String usState;
  String conveyance;
  String form;
  String origin;
  String transit;
  String destination;
  String shipmentId;

  void clear() {
    id = null;
    dateText = null;
    substance = null;
    quantity.clear();
    agency = region = location = usState = conveyance = form = null;
    origin = transit = destination = shipmentId = null;
  }

  SeizureFields copy() {
    SeizureFields c = new SeizureFields();
    c.id = id;
    c.epochDay = epochDay;
    c.dateStyle = dateStyle;
    c.dateText = dateText;
    c.substance = substance;
    c.quantity.copyFrom(quantity);
    c.agency = agency;
    c.region = region;
    c.location = location;
    c.usState = usState;
    c.conveyance = conveyance;
    c.form = form;
    c.origin = origin;
    c.transit = transit;
    c.destination = destination;
    c.shipmentId = shipmentId;
    return c;
  }

  /**
   * The same seizure delivered again with a corrected quantity (a lab weight replacing a field
   * weight): the written number always differs from the first one.
   */
  SeizureFields revised(SplittableRandom r) {
    SeizureFields c = copy();
    Quantity q = c.quantity;
    double factor = r.nextBoolean() ? 0.7 + 0.25 * r.nextDouble() : 1.05 + 0.25 * r.nextDouble();
    double step = 1;
    for (int i = 0; i < q.decimals; i++) {
      step /= 10;
    }
    double before = Math.round(q.value / step);
    q.value = q.value * factor;
    if (Math.round(q.value / step) == before) {
      q.value = (before + 1) * step;
    }
    q.thousands = q.thousands && q.value >= 1000;
    return c;
  }

  /** Makes this row bad in the one way {@code kind} says. */
  void spoil(BadKind kind, SplittableRandom r) {
    switch (kind) {
      case NON_NUMERIC_QUANTITY:
        quantity.text = Rand.pick(r, NOT_NUMBERS);
        break;
      case NEGATIVE_QUANTITY:
        quantity.text = "-" + Math.max(1, Math.round(quantity.value));
        break;
      case ZERO_QUANTITY:
        quantity.text = r.nextBoolean() ? "0" : "0.0";
        break;
      case UNKNOWN_UNIT:
        quantity.unit = "bricks";
        quantity.value = 1 + r.nextInt(40);
        quantity.decimals = 0;
        quantity.thousands = false;
        break;
      case UNPARSEABLE_DATE:
        dateText = Rand.pick(r, NOT_DATES);
        break;
      case FUTURE_DATE:
        epochDay = inYear2099(epochDay);
        break;
      case MISSING_REQUIRED:
        if (r.nextBoolean()) {
          id = "";
        } else {
          substance = "";
        }
        break;
      default: // IMPLAUSIBLE_QUANTITY
        quantity.unit = "kg";
        quantity.value = 900000;
        quantity.decimals = 0;
        quantity.thousands = r.nextBoolean();
    }
  }

  /** The same month and day in 2099 (the 29th of February becomes the 28th). */
  static long inYear2099(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int day = d.getMonthValue() == 2 ? Math.min(d.getDayOfMonth(), 28) : d.getDayOfMonth();
    return LocalDate.of(2099, d.getMonthValue(), day).toEpochDay();
  }

  void write(CsvOut out) throws IOException {
    out.text(id);
    if (dateText != null) {
      out.text(dateText);
    } else {
      out.date(epochDay, dateStyle);
    }
    out.text(substance);
    quantity.write(out);
    out.text(quantity.unit)
        .text(agency)
        .text(region)
        .text(location)
        .text(usState)
        .text(conveyance)
        .text(form)
        .text(origin)
        .text(transit)
        .text(destination)
        .text(shipmentId);
    out.endRow();
  }
}
