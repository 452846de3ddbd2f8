package org.fentrace.normalize;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fentrace.core.Conveyance;
import org.fentrace.core.InputFormat;
import org.fentrace.core.InspectionOutcome;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Normalizes {@code customs_shipments} rows (docs/contract.md, "Customs shipments"). Shipper and
 * consignee names are replaced by keyed hashes here, the first place they are read, and nowhere
 * else is the clear name kept: even a quarantined row is stored with the hashes in place of the
 * names.
 */
public final class CustomsShipmentNormalizer extends RecordNormalizer {
  private static final String[] PARTY_COLUMNS = {"shipper_name", "consignee_name"};

  private final char delimiter;
  private final GoodsClassifier goods;
  private final RawValueMemo<Conveyance> modes = memo(Conveyance::fromRaw);
  private final RawValueMemo<InspectionOutcome> outcomes = memo(InspectionOutcome::fromRaw);

  CustomsShipmentNormalizer(HeaderMatch header, NormalizationContext context, char delimiter) {
    super(header, context);
    this.delimiter = delimiter;
    this.goods = new GoodsClassifier(this::substance);
  }

  @Override
  protected TableRow normalizeChecked(RawRecord r, String sourceFile) {
    NormalizerSettings settings = context.settings();
    String id = text(r, "shipment_id");
    LocalDate date = settings.eventDate(text(r, "arrival_date"), "arrival_date");
    String originRaw = text(r, "origin_country");
    String exportRaw = text(r, "export_country");
    String transitRaw = text(r, "transit_countries");
    BigDecimal grossKg = weight(r);
    BigDecimal value = declaredValue(text(r, "declared_value_usd"));
    String seizedRaw = text(r, "seized_substance");
    SubstanceMatch seized = seizedRaw == null ? null : substance(seizedRaw);
    Quantities.Measure seizedMeasure = seizedQuantity(r);
    String hs = hsCode(text(r, "hs_code"));
    String description = text(r, "description");
    return WarehouseTable.SHIPMENTS
        .newRow()
        .set("record_id", InputFormat.CUSTOMS_SHIPMENTS.id() + ":" + id)
        .set("shipment_id", id)
        .set("source_file", sourceFile)
        .set("source_line", r.line())
        .set("event_date", date)
        .set("fiscal_year", FiscalCalendar.fiscalYear(date))
        .set("origin_country", country(originRaw))
        .set("origin_country_raw", originRaw)
        .set("export_country", country(exportRaw))
        .set("export_country_raw", exportRaw)
        .set("transit_countries", transitCodes(transitRaw))
        .set("transit_countries_raw", transitRaw)
        .set("mode", modes.get(text(r, "mode")).wireName())
        .set("port_of_entry", text(r, "port_of_entry"))
        .set("destination_state", UsStates.toCode(text(r, "destination_state")))
        .set("description", description)
        .set("hs_code", hs)
        .set(
            "goods_class",
            goods
                .classify(hs, description, seized == null ? null : seized.substanceClass())
                .wireName())
        .set("gross_weight_kg", grossKg)
        .set("declared_value_usd", value)
        .set("shipper_id", context.parties().hash(text(r, "shipper_name")))
        .set("consignee_id", context.parties().hash(text(r, "consignee_name")))
        .set("inspection_outcome", outcomes.get(text(r, "inspection_outcome")).wireName())
        .set("seized_substance_raw", seizedRaw)
        .set("seized_substance_name", seized == null ? null : seized.name())
        .set("substance_class", seized == null ? null : seized.substanceClass().wireName())
        .set("seized_quantity_kg", seizedMeasure == null ? null : seizedMeasure.kilograms())
        .set("seized_dosage_units", seizedMeasure == null ? null : seizedMeasure.dosageUnits());
  }

  private BigDecimal weight(RawRecord r) {
    String raw = text(r, "gross_weight");
    if (raw == null) {
      return null;
    }
    BigDecimal w = Quantities.parseNumber(raw, "gross_weight");
    String unitRaw = text(r, "weight_unit");
    MassUnit unit = MassUnit.fromRaw(unitRaw);
    if (unit == null || unit.isCount()) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_UNIT,
          "weight_unit",
          "weight_unit '"
              + (unitRaw == null ? "" : unitRaw)
              + "' is not a unit of mass for gross_weight "
              + raw);
    }
    if (w.signum() < 0) {
      throw new RowRejectedException(
          RejectReason.NEGATIVE_QUANTITY, "gross_weight", "gross_weight " + raw + " is negative");
    }
    return Quantities.toKilograms(w, unit);
  }

  private Quantities.Measure seizedQuantity(RawRecord r) {
    String raw = text(r, "seized_quantity");
    if (raw == null) {
      return null;
    }
    String unitRaw = text(r, "seized_unit");
    MassUnit unit = MassUnit.fromRaw(unitRaw);
    BigDecimal q = Quantities.parseNumber(raw, "seized_quantity");
    if (unit == null) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_UNIT,
          "seized_unit",
          "seized_unit '" + unitRaw + "' is not a known unit");
    }
    NormalizerSettings s = context.settings();
    return Quantities.toMeasure(
        q, unit, "seized_quantity", 1, s.maxKgPerSeizure(), s.maxDosageUnitsPerSeizure());
  }

  private static BigDecimal declaredValue(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.startsWith("$") ? raw.substring(1) : raw;
    BigDecimal v = Quantities.parseNumber(s, "declared_value_usd");
    if (v.signum() < 0) {
      throw new RowRejectedException(
          RejectReason.BAD_QUANTITY,
          "declared_value_usd",
          "declared_value_usd " + raw + " is negative");
    }
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * Digits only ({@code 2933.39} becomes {@code 293339}); null when it has no 4 to 10 digits to
   * keep.
   */
  static String hsCode(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(10);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      } else if (c != '.' && c != ' ' && c != '-') {
        return null;
      }
    }
    return b.length() >= 4 && b.length() <= 10 ? b.toString() : null;
  }

  /** The record re-written with the party names replaced by their hashes. */
  @Override
  public String quarantineText(RawRecord record) {
    String[] values = record.values();
    if (values == null || values.length != header.header().size()) {
      // Unparsed text, or fields shifted by an unquoted delimiter: the name columns cannot be
      // located.
      return redactUnparsed(record.rawText());
    }
    String[] copy = values.clone();
    for (String column : PARTY_COLUMNS) {
      int i = header.indexOf(column);
      if (i >= 0 && i < copy.length && !copy[i].isBlank()) {
        copy[i] = "[" + column.replace("_name", "") + ":" + context.parties().hash(copy[i]) + "]";
      }
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("").get())) {
      p.printRecord((Object[]) copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Text whose fields cannot be located cannot be redacted field by field: keep none of it. */
  private static String redactUnparsed(String raw) {
    return "["
        + raw.length()
        + " characters withheld: customs text whose fields cannot be located may contain personal names]";
  }
}
