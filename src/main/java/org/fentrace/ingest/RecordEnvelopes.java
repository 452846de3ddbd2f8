package org.fentrace.ingest;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.fentrace.core.InputFormat;
import org.fentrace.formats.CsvFileReader;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.normalize.RecordNormalizer;
import org.fentrace.normalize.RejectReason;
import org.fentrace.normalize.RowRejectedException;
import org.fentrace.warehouse.TableRow;

/**
 * Turns one record of a landing file into its envelope row (normalized, or quarantined with its
 * reason and text), counting it in the statistics of the part of the file it belongs to. Shared by
 * the task that reads a whole file and the tasks that read its byte ranges, so both paths give the
 * same rows.
 */
final class RecordEnvelopes {
  /**
   * Quarantined text beyond this is cut: a runaway field must not make the quarantine unreadable.
   */
  static final int MAX_RAW_CHARS = 64 * 1024;

  /** Rows read, the earliest future date seen, and the {@link FileFacts} of part of a file. */
  static final class Part {
    long rowsRead;
    LocalDate earliestFutureDate;
    final FileFacts facts = new FileFacts();
    String syntaxError;
    String readError;

    Row statsRow(String sha, long fallbackBytes) {
      return FileFacts.statsRow(
          new Object[] {
            rowsRead,
            sha,
            fallbackBytes,
            syntaxError,
            readError,
            earliestFutureDate == null ? null : java.sql.Date.valueOf(earliestFutureDate)
          },
          facts);
    }
  }

  private final LandingFile file;
  private final HeaderMatch header;
  private final RecordNormalizer normalizer;
  private final String runId;
  private final int chunk;

  RecordEnvelopes(
      LandingFile file, char delimiter, NormalizationContext context, String runId, int chunk) {
    this.file = file;
    this.header = file.header();
    this.normalizer =
        header.usable() ? RecordNormalizer.forHeader(header, delimiter, context) : null;
    this.runId = runId;
    this.chunk = chunk;
  }

  /**
   * The envelope of one record.
   *
   * @param truncation why every row of the file is held back (a compressed file that ends early),
   *     or null
   */
  InternalRow toEnvelope(RawRecord record, CsvFileReader reader, String truncation, Part part) {
    if (truncation != null) {
      return reject(
          record,
          RejectReason.TRUNCATED_INPUT,
          null,
          truncation + ", so no row of it is published; " + RejectReason.TRUNCATED_INPUT.hint(),
          part);
    }
    if (record.values() == null && reader.readError() != null) {
      return reject(
          record,
          RejectReason.TRUNCATED_INPUT,
          null,
          "reading stopped in this row ("
              + reader.readError()
              + "); "
              + RejectReason.TRUNCATED_INPUT.hint(),
          part);
    }
    if (record.values() == null) {
      return reject(
          record,
          RejectReason.MALFORMED_CSV,
          null,
          "the rest of the file from this line could not be parsed (" + reader.syntaxError() + ")",
          part);
    }
    if (normalizer == null) {
      return reject(
          record,
          RejectReason.MISSING_REQUIRED_COLUMN,
          String.join(",", header.missingRequired()),
          "the header lacks required column(s) " + String.join(", ", header.missingRequired()),
          part);
    }
    try {
      TableRow row = normalizer.normalize(record, file.relativePath());
      return switch (row.table()) {
        case SEIZURES -> {
          part.facts.normalized(row);
          yield Envelope.seizure(file.index(), chunk, record.line(), row);
        }
        case SHIPMENTS -> {
          part.facts.normalized(row);
          yield Envelope.shipment(file.index(), chunk, record.line(), row);
        }
        // Lab reports are not in the month ledger: their table is small and rewritten whole.
        case LAB_REPORTS -> Envelope.labReport(file.index(), chunk, record.line(), row);
        case REJECTED -> throw new IllegalStateException("a normalizer produced a rejected row");
      };
    } catch (RowRejectedException e) {
      if (e.futureDate() != null
          && (part.earliestFutureDate == null
              || e.futureDate().isBefore(part.earliestFutureDate))) {
        part.earliestFutureDate = e.futureDate();
      }
      return reject(record, e.reason(), e.field(), e.getMessage(), part);
    }
  }

  private InternalRow reject(
      RawRecord record, RejectReason reason, String field, String problem, Part part) {
    part.facts.rejected(reason.name());
    String text = normalizer != null ? normalizer.quarantineText(record) : record.rawText();
    if (header.format() == InputFormat.CUSTOMS_SHIPMENTS && normalizer == null) {
      text = "[" + text.length() + " characters withheld: customs rows may contain personal names]";
    }
    if (text.length() > MAX_RAW_CHARS) {
      text =
          text.substring(0, MAX_RAW_CHARS)
              + "...["
              + (text.length() - MAX_RAW_CHARS)
              + " more characters]";
    }
    return Envelope.reject(
        file.index(),
        chunk,
        record.line(),
        file.relativePath(),
        record.line(),
        header.format().id(),
        reason.name(),
        field,
        problem,
        text,
        runId);
  }
}
