package org.fentrace.normalize;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.fentrace.core.Source;
import org.fentrace.core.SubstanceClass;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * Reads NFLIS-Drug Data Query System exports ({@code nflis_dqs}) into {@code lab_reports}: one row
 * per substance, state and half-year with its count of drug reports.
 *
 * <p>What is strict and why: the year, the half-year and the count are the numbers every analysis
 * adds up, so a row whose {@code YYYY} is not a year or whose {@code PERIOD} is not {@code
 * SA1}/{@code SA2} is rejected as {@code BAD_DATE}, a half-year starting after the run date as
 * {@code FUTURE_DATE}, and a {@code DRUG_REPORTS} that is not a positive whole number as {@code
 * BAD_COUNT} (the export lists no zero rows, so a zero is a damaged row, not a fact). What is
 * forgiving: NFLIS's {@code XX} ("Unknown") state is kept with a null {@code us_state} (those
 * reports happened; only their state is unknown), and an unreadable {@code QUERY_RUN_DATE}, which
 * is metadata, is left null rather than costing the count.
 *
 * <p>Substances are matched on the base substance (salts already folded in by DEA), falling back to
 * the reported substance when the base name does not match: "FENTANYL SALT UNDETERMINED" is base
 * "Fentanyl".
 */
public final class NflisLabReportNormalizer extends RecordNormalizer {

  NflisLabReportNormalizer(HeaderMatch header, NormalizationContext context) {
    super(header, context);
  }

  @Override
  protected TableRow normalizeChecked(RawRecord r, String sourceFile) {
    int year = parseYear(text(r, "yyyy"));
    int half = parseHalfYear(text(r, "period"));
    LocalDate periodStart =
        context.settings().checkRange(LocalDate.of(year, half == 1 ? 1 : 7, 1), "YYYY/PERIOD");
    long reports = parseCount(text(r, "drug_reports"));
    String substanceId = text(r, "substance_id");
    String substanceRaw = text(r, "substance_description");
    String baseId = text(r, "base_id");
    String baseRaw = text(r, "base_description");
    SubstanceMatch substance = substance(baseRaw);
    if (substance.substanceClass() == SubstanceClass.UNKNOWN) {
      substance = substance(substanceRaw);
    }
    String stateRaw = text(r, "state");
    String format = header.format().id();
    String key =
        String.join(
            "|",
            substanceId,
            stateRaw.toUpperCase(Locale.ROOT),
            Integer.toString(year),
            Integer.toString(half));
    return WarehouseTable.LAB_REPORTS
        .newRow()
        .set("record_id", format + ":" + CbpAggregateNormalizer.shortHash(key))
        .set("source", Source.NFLIS_LAB_REPORTS.id())
        .set("source_format", format)
        .set("source_file", sourceFile)
        .set("source_line", r.line())
        .set("half_year", half)
        .set("period_start", periodStart)
        .set("report_count", reports)
        .set("dea_substance_id", substanceId)
        .set("substance_raw", substanceRaw)
        .set("dea_base_id", baseId)
        .set("base_substance_raw", baseRaw)
        .set("substance_name", substance.name())
        .set("substance_class", substance.substanceClass().wireName())
        .set("substance_unlisted", substance.unlisted())
        .set("us_state", UsStates.toCode(stateRaw))
        .set("state_raw", stateRaw)
        .set("query_run_date", queryRunDate(text(r, "query_run_date")));
  }

  static int parseYear(String raw) {
    try {
      int y = Integer.parseInt(raw.strip());
      if (y >= 1900 && y <= 9999) {
        return y;
      }
    } catch (NumberFormatException e) {
      // fall through to the rejection below
    }
    throw new RowRejectedException(
        RejectReason.BAD_DATE, "YYYY", "YYYY '" + raw + "' is not a calendar year");
  }

  /**
   * {@code SA1 (JAN - JUN)} is 1, {@code SA2 (JUL - DEC)} is 2; the words in parentheses are not
   * needed.
   */
  static int parseHalfYear(String raw) {
    String s = raw.strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("SA1") && (s.length() == 3 || !Character.isDigit(s.charAt(3)))) {
      return 1;
    }
    if (s.startsWith("SA2") && (s.length() == 3 || !Character.isDigit(s.charAt(3)))) {
      return 2;
    }
    throw new RowRejectedException(
        RejectReason.BAD_DATE,
        "PERIOD",
        "PERIOD '" + raw + "' is not a half-year, SA1 (JAN - JUN) or SA2 (JUL - DEC)");
  }

  static long parseCount(String raw) {
    try {
      long n = Long.parseLong(raw.replace(",", "").strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new RowRejectedException(
        RejectReason.BAD_COUNT,
        "DRUG_REPORTS",
        "DRUG_REPORTS '" + raw + "' is not a positive whole number");
  }

  /**
   * {@code 2026-03-03 13:26:55} is 3 March 2026; null when absent or unreadable (metadata only).
   */
  static LocalDate queryRunDate(String raw) {
    if (raw == null || raw.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(raw.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
