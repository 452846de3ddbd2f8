package org.fentrace.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fentrace.core.InputFormat;
import org.fentrace.core.NamePositions;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;

/**
 * Turns one raw record of a known format into one warehouse row, or throws {@link
 * RowRejectedException}. One subclass per input format; the checks every format shares (field
 * count, field length, required values) live here.
 *
 * <p>A normalizer is built for one file inside the task that reads it, and is used by that task
 * alone: it remembers the answers of its reference lookups per raw value ({@link #memo}), which
 * would not be safe to share between threads.
 */
public abstract class RecordNormalizer {
  protected final HeaderMatch header;
  protected final NormalizationContext context;
  private final int[] requiredPositions;

  /** The header's columns as a flat table: {@link #text} looks up every column of every row. */
  private final NamePositions columns;

  private final RawValueMemo<SubstanceMatch> substances;
  private final RawValueMemo<String> countries;
  private final RawValueMemo<List<String>> countryLists;

  protected RecordNormalizer(HeaderMatch header, NormalizationContext context) {
    if (!header.usable()) {
      throw new IllegalArgumentException("header is not usable: " + header);
    }
    this.header = header;
    this.context = context;
    this.columns = new NamePositions(header.columns());
    this.requiredPositions =
        header.format().requiredColumns().stream().mapToInt(header::indexOf).toArray();
    this.substances = memo(context.substances()::match);
    this.countries = memo(context.countries()::toAlpha2);
    this.countryLists = memo(context.countries()::splitList);
  }

  /**
   * A memo of a pure lookup of one raw value, for this normalizer's rows: the same raw spelling on
   * many rows is looked up once.
   */
  protected static <V> RawValueMemo<V> memo(Function<String, V> lookup) {
    return new RawValueMemo<>(lookup);
  }

  /** The normalizer for a recognised, usable header. */
  public static RecordNormalizer forHeader(
      HeaderMatch header, char delimiter, NormalizationContext context) {
    return switch (header.format()) {
      case SEIZURE_EVENTS -> new SeizureEventNormalizer(header, context);
      case CUSTOMS_SHIPMENTS -> new CustomsShipmentNormalizer(header, context, delimiter);
      case CBP_NATIONWIDE, CBP_AMO -> new CbpAggregateNormalizer(header, context);
      case NFLIS_DQS -> new NflisLabReportNormalizer(header, context);
    };
  }

  public InputFormat format() {
    return header.format();
  }

  /** Normalizes a record from {@code sourceFile} (the landing-relative path). */
  public final TableRow normalize(RawRecord record, String sourceFile) {
    String[] v = record.values();
    if (v.length != header.header().size()) {
      throw new RowRejectedException(
          RejectReason.FIELD_COUNT_MISMATCH,
          null,
          "the row has " + v.length + " fields but the header has " + header.header().size());
    }
    int maxChars = context.settings().maxFieldChars();
    for (int i = 0; i < v.length; i++) {
      if (v[i].length() > maxChars) {
        throw new RowRejectedException(
            RejectReason.FIELD_TOO_LONG,
            header.header().get(i),
            header.header().get(i)
                + " is "
                + v[i].length()
                + " characters long (limit "
                + maxChars
                + ")");
      }
    }
    List<String> required = header.format().requiredColumns();
    for (int i = 0; i < requiredPositions.length; i++) {
      if (v[requiredPositions[i]].isBlank()) {
        throw new RowRejectedException(
            RejectReason.MISSING_REQUIRED_VALUE, required.get(i), required.get(i) + " is blank");
      }
    }
    TableRow row = normalizeChecked(record, sourceFile);
    DecimalColumns.check(row);
    return row;
  }

  /** Format-specific normalization of a record whose shape has been checked. */
  protected abstract TableRow normalizeChecked(RawRecord record, String sourceFile);

  /**
   * The record's text as it may be stored in the quarantine. Formats carrying personal data
   * override this to replace it by hashes.
   */
  public String quarantineText(RawRecord record) {
    return record.rawText();
  }

  /** Value of a column, stripped, or null when absent or blank. */
  protected String text(RawRecord record, String column) {
    String s = record.value(columns.get(column));
    if (s == null) {
      return null;
    }
    s = s.strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * Countries of a transit list as alpha-2 codes (unknown ones dropped; their raw text is kept
   * elsewhere).
   */
  protected List<String> transitCodes(String raw) {
    return raw == null ? List.of() : new ArrayList<>(countryLists.get(raw));
  }

  /** The substance dictionary's reading of a raw substance text. */
  protected SubstanceMatch substance(String raw) {
    return substances.get(raw);
  }

  /** A raw country as its ISO alpha-2 code, or null when unknown. */
  protected String country(String raw) {
    return countries.get(raw);
  }
}
