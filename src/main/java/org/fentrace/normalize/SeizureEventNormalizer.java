package org.fentrace.normalize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.fentrace.core.Conveyance;
import org.fentrace.core.Form;
import org.fentrace.core.InputFormat;
import org.fentrace.core.Region;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/** Normalizes {@code seizure_events} rows (docs/contract.md, "Seizure events"). */
public final class SeizureEventNormalizer extends RecordNormalizer {
  private final RawValueMemo<Form> forms = memo(Form::fromRaw);
  private final RawValueMemo<Conveyance> conveyances = memo(Conveyance::fromRaw);
  private final RawValueMemo<Region> regions = memo(Region::fromRaw);

  SeizureEventNormalizer(HeaderMatch header, NormalizationContext context) {
    super(header, context);
  }

  @Override
  protected TableRow normalizeChecked(RawRecord r, String sourceFile) {
    NormalizerSettings settings = context.settings();
    String id = text(r, "seizure_id");
    LocalDate date = settings.eventDate(text(r, "seizure_date"), "seizure_date");
    String substanceRaw = text(r, "substance");
    BigDecimal quantity = Quantities.parseNumber(text(r, "quantity"), "quantity");
    String unitRaw = text(r, "unit");
    MassUnit unit = MassUnit.fromRaw(unitRaw);
    if (unit == null) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_UNIT, "unit", "unit '" + unitRaw + "' is not a known unit");
    }
    Quantities.Measure measure =
        Quantities.toMeasure(
            quantity,
            unit,
            "quantity",
            1,
            settings.maxKgPerSeizure(),
            settings.maxDosageUnitsPerSeizure());
    SubstanceMatch substance = substance(substanceRaw);
    Form form = forms.get(text(r, "form"));
    if (form == Form.UNKNOWN && unit.isCount()) {
      form = Form.PILLS; // a count of dosage units can only be pills or tablets
    }
    String originRaw = text(r, "origin_country");
    String transitRaw = text(r, "transit_countries");
    String agency = text(r, "agency");
    return WarehouseTable.SEIZURES
        .newRow()
        .set("record_id", InputFormat.SEIZURE_EVENTS.id() + ":" + id)
        .set("source_format", InputFormat.SEIZURE_EVENTS.id())
        .set("source_file", sourceFile)
        .set("source_line", r.line())
        .set("event_date", date)
        .set("fiscal_year", FiscalCalendar.fiscalYear(date))
        .set("event_count", 1)
        .set("substance_raw", substanceRaw)
        .set("substance_name", substance.name())
        .set("substance_class", substance.substanceClass().wireName())
        .set("substance_unlisted", substance.unlisted())
        .set("form", form.wireName())
        .set("quantity_kg", measure.kilograms())
        .set("dosage_units", measure.dosageUnits())
        .set("origin_country", country(originRaw))
        .set("origin_country_raw", originRaw)
        .set("transit_countries", transitCodes(transitRaw))
        .set("transit_countries_raw", transitRaw)
        .set("destination_country", country(text(r, "destination_country")))
        .set("enriched_from_shipment", false)
        .set("conveyance", conveyances.get(text(r, "conveyance")).wireName())
        .set("region", regions.get(text(r, "region")).wireName())
        .set("agency", agency == null ? null : agency.toUpperCase(Locale.ROOT))
        .set("location", text(r, "location"))
        .set("us_state", UsStates.toCode(text(r, "us_state")))
        .set("shipment_id", text(r, "shipment_id"));
  }
}
