package org.fentrace.normalize;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.fentrace.core.CbpComponent;
import org.fentrace.core.CbpLandFilter;
import org.fentrace.core.Conveyance;
import org.fentrace.core.Form;
import org.fentrace.core.InputFormat;
import org.fentrace.core.Region;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Normalizes CBP "Nationwide Drug Seizures" and Air and Marine Operations aggregate rows (the CBP
 * formats of docs/contract.md). Each row stands for {@code Count of Event} seizures in one fiscal
 * month; its date is the first day of that month. A zero {@code Sum Qty (lbs)} is kept (CBP
 * publishes such rows: events whose weight rounds to nothing); the plausibility ceiling applies to
 * the average per event.
 */
public final class CbpAggregateNormalizer extends RecordNormalizer {
  private final String locationColumn;
  private final RawValueMemo<Region> regions = memo(Region::fromRaw);

  CbpAggregateNormalizer(HeaderMatch header, NormalizationContext context) {
    super(header, context);
    this.locationColumn =
        header.format() == InputFormat.CBP_AMO ? "branch" : "area_of_responsibility";
  }

  @Override
  protected TableRow normalizeChecked(RawRecord r, String sourceFile) {
    NormalizerSettings settings = context.settings();
    int fiscalYear = parseFiscalYear(text(r, "fy"));
    LocalDate month;
    try {
      month = FiscalCalendar.firstDayOfFiscalMonth(fiscalYear, text(r, "month_(abbv)"));
    } catch (IllegalArgumentException e) {
      throw new RowRejectedException(
          RejectReason.BAD_DATE, "Month (abbv)", "Month (abbv): " + e.getMessage());
    }
    settings.checkRange(month, "FY/Month");
    int events = parseCount(text(r, "count_of_event"));
    BigDecimal pounds = Quantities.parseNumber(text(r, "sum_qty_(lbs)"), "Sum Qty (lbs)");
    Quantities.Measure measure =
        pounds.signum() == 0
            ? new Quantities.Measure(BigDecimal.ZERO.setScale(Quantities.KG_SCALE), null)
            : Quantities.toMeasure(
                pounds,
                MassUnit.POUND,
                "Sum Qty (lbs)",
                events,
                settings.maxKgPerSeizure(),
                settings.maxDosageUnitsPerSeizure());
    String drugType = text(r, "drug_type");
    SubstanceMatch substance = substance(drugType);
    String component = componentCode(text(r, "component"));
    String region = text(r, "region");
    String landFilter = landFilter(text(r, "land_filter"));
    String location = text(r, locationColumn);
    String format = header.format().id();
    String key =
        String.join(
            "|",
            Integer.toString(fiscalYear),
            month.toString(),
            component,
            String.valueOf(region),
            landFilter,
            String.valueOf(location),
            drugType);
    return WarehouseTable.SEIZURES
        .newRow()
        .set("record_id", format + ":" + shortHash(key))
        .set("source_format", format)
        .set("source_file", sourceFile)
        .set("source_line", r.line())
        .set("event_date", month)
        .set("fiscal_year", fiscalYear)
        .set("event_count", events)
        .set("substance_raw", drugType)
        .set("substance_name", substance.name())
        .set("substance_class", substance.substanceClass().wireName())
        .set("substance_unlisted", substance.unlisted())
        .set("form", Form.UNKNOWN.wireName())
        .set("quantity_kg", measure.kilograms())
        .set("dosage_units", null)
        .set("transit_countries", List.of())
        .set("enriched_from_shipment", false)
        .set("conveyance", Conveyance.UNKNOWN.wireName())
        .set("region", regions.get(region).wireName())
        .set("agency", component)
        .set("location", location)
        .set("cbp_component", component)
        .set("cbp_land_filter", landFilter);
  }

  /** {@code 2019} or CBP's year in progress, {@code 2025 (FYTD)}. */
  static int parseFiscalYear(String raw) {
    String s = raw == null ? "" : raw.strip();
    int paren = s.indexOf('(');
    String digits = (paren >= 0 ? s.substring(0, paren) : s).strip();
    if (digits.startsWith("FY") || digits.startsWith("fy")) {
      digits = digits.substring(2).strip();
    }
    try {
      int fy = Integer.parseInt(digits);
      if (fy >= 1900 && fy <= 9999) {
        return fy;
      }
    } catch (NumberFormatException e) {
      // fall through to the rejection below
    }
    throw new RowRejectedException(
        RejectReason.BAD_DATE,
        "FY",
        "FY '" + raw + "' is not a fiscal year such as 2021 or '2025 (FYTD)'");
  }

  private static int parseCount(String raw) {
    try {
      int n = Integer.parseInt(raw.replace(",", "").strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new RowRejectedException(
        RejectReason.BAD_COUNT,
        "Count of Event",
        "Count of Event '" + raw + "' is not a positive whole number");
  }

  /** CBP's component names as short codes. */
  static String componentCode(String raw) {
    String s = raw.toLowerCase(Locale.ROOT);
    if (s.contains("field operations") || s.equals("ofo")) {
      return CbpComponent.OFO.wireName();
    }
    if (s.contains("border patrol") || s.equals("usbp")) {
      return CbpComponent.USBP.wireName();
    }
    if (s.contains("air and marine") || s.equals("amo")) {
      return CbpComponent.AMO.wireName();
    }
    return raw.toUpperCase(Locale.ROOT);
  }

  /**
   * {@code Land Only} or {@code Other}; anything else is kept in upper case so it shows up, not
   * hides.
   */
  static String landFilter(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("land")) {
      return CbpLandFilter.LAND_ONLY.wireName();
    }
    return s.equals("other")
        ? CbpLandFilter.OTHER.wireName()
        : raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
  }

  static String shortHash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
