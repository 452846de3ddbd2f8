package org.fentrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.formats.CsvFileReader;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.normalize.RecordNormalizer;
import org.fentrace.normalize.RejectReason;
import org.fentrace.normalize.RowRejectedException;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;

/**
 * The executor side of ingestion: streams one landing file, normalizes each record and emits {@link
 * Envelope} rows, ending with the file's statistics. Nothing is buffered beyond one record, so a
 * file of any size parses in constant memory. One task per file: quoted fields may hold line
 * breaks, so a file cannot be split at arbitrary byte offsets without losing the physical line
 * numbers.
 *
 * <p>A compressed file is first decompressed once to its end ({@link LandingFiles#truncation}):
 * when it ends early, every row of it, the half-written last one included, is quarantined as {@code
 * TRUNCATED_INPUT} and none is published, so a later complete delivery replaces a file that
 * contributed nothing but quarantine rows.
 */
final class FileParser implements FlatMapFunction<LandingFile, Row> {
  private static final long serialVersionUID = 1L;

  /**
   * Quarantined text beyond this is cut: a runaway field must not make the quarantine unreadable.
   */
  static final int MAX_RAW_CHARS = 64 * 1024;

  private final NormalizationContext context;
  private final SerializableHadoopConf conf;
  private final String runId;

  FileParser(NormalizationContext context, SerializableHadoopConf conf, String runId) {
    this.context = context;
    this.conf = conf;
    this.runId = runId;
  }

  @Override
  public Iterator<Row> call(LandingFile file) throws IOException {
    return new FileIterator(file);
  }

  private final class FileIterator implements Iterator<Row> {
    private final LandingFile file;
    private final HeaderMatch header;
    private LandingFiles.Opened opened;
    private CsvFileReader reader;
    private RecordNormalizer normalizer;

    /** Why the whole file is held back (a compressed file that ends early), or null. */
    private String truncation;

    private long rowsRead;
    private java.time.LocalDate earliestFutureDate;
    private final FileFacts facts = new FileFacts();
    private boolean done;
    private Row next;

    FileIterator(LandingFile file) {
      this.file = file;
      this.header = file.header();
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    private Row advance() {
      try {
        if (reader == null) {
          truncation = LandingFiles.truncation(conf.get(), file.uri());
          opened = LandingFiles.open(conf.get(), file.uri());
          reader = CsvFileReader.open(opened.content());
          normalizer =
              header.usable()
                  ? RecordNormalizer.forHeader(header, reader.delimiter(), context)
                  : null;
        }
        if (reader.hasNext()) {
          rowsRead++;
          return toEnvelope(reader.next());
        }
        return finish(null);
      } catch (IOException | UncheckedIOException e) {
        return finish(e.toString());
      }
    }

    private Row finish(String readError) {
      done = true;
      String sha = null;
      long fallback = 0;
      String syntax = null;
      try {
        if (reader != null) {
          fallback = reader.fallbackBytes();
          syntax = reader.syntaxError();
          readError = readError == null ? reader.readError() : readError;
          sha = opened.finishChecksum();
          reader.close();
        }
      } catch (IOException | UncheckedIOException e) {
        readError = readError == null ? e.toString() : readError;
      }
      if (truncation != null) {
        readError =
            truncation
                + "; all "
                + rowsRead
                + " rows read are held back in the quarantine as "
                + RejectReason.TRUNCATED_INPUT
                + " and none is published. Deliver the complete file again under the same"
                + " name: it then replaces them";
      }
      return Envelope.stats(
          file.index(), rowsRead, sha, fallback, syntax, readError, earliestFutureDate, facts);
    }

    private Row toEnvelope(RawRecord record) {
      if (truncation != null) {
        return reject(
            record,
            RejectReason.TRUNCATED_INPUT,
            null,
            truncation + ", so no row of it is published; " + RejectReason.TRUNCATED_INPUT.hint());
      }
      if (record.values() == null && reader.readError() != null) {
        return reject(
            record,
            RejectReason.TRUNCATED_INPUT,
            null,
            "reading stopped in this row ("
                + reader.readError()
                + "); "
                + RejectReason.TRUNCATED_INPUT.hint());
      }
      if (record.values() == null) {
        return reject(
            record,
            RejectReason.MALFORMED_CSV,
            null,
            "the rest of the file from this line could not be parsed ("
                + reader.syntaxError()
                + ")");
      }
      if (normalizer == null) {
        return reject(
            record,
            RejectReason.MISSING_REQUIRED_COLUMN,
            String.join(",", header.missingRequired()),
            "the header lacks required column(s) " + String.join(", ", header.missingRequired()));
      }
      try {
        TableRow row = normalizer.normalize(record, file.relativePath());
        return switch (row.table()) {
          case SEIZURES -> {
            facts.normalized(row);
            yield Envelope.seizure(file.index(), record.line(), SparkSchemas.toRow(row));
          }
          case SHIPMENTS -> {
            facts.normalized(row);
            yield Envelope.shipment(file.index(), record.line(), SparkSchemas.toRow(row));
          }
          // Lab reports are not in the month ledger: their table is small and rewritten whole.
          case LAB_REPORTS ->
              Envelope.labReport(file.index(), record.line(), SparkSchemas.toRow(row));
          case REJECTED -> throw new IllegalStateException("a normalizer produced a rejected row");
        };
      } catch (RowRejectedException e) {
        if (e.futureDate() != null
            && (earliestFutureDate == null || e.futureDate().isBefore(earliestFutureDate))) {
          earliestFutureDate = e.futureDate();
        }
        return reject(record, e.reason(), e.field(), e.getMessage());
      }
    }

    private Row reject(RawRecord record, RejectReason reason, String field, String problem) {
      facts.rejected(reason.name());
      String text = normalizer != null ? normalizer.quarantineText(record) : record.rawText();
      if (header.format().id().equals("customs_shipments") && normalizer == null) {
        text =
            "[" + text.length() + " characters withheld: customs rows may contain personal names]";
      }
      if (text.length() > MAX_RAW_CHARS) {
        text =
            text.substring(0, MAX_RAW_CHARS)
                + "...["
                + (text.length() - MAX_RAW_CHARS)
                + " more characters]";
      }
      Row rejected =
          RowFactory.create(
              file.relativePath(),
              record.line(),
              header.format().id(),
              reason.name(),
              field,
              problem,
              text,
              runId);
      return Envelope.reject(file.index(), record.line(), rejected);
    }
  }
}
