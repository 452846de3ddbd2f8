package org.fentrace.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fentrace.core.InputFormat;
import org.fentrace.formats.CsvFileReader;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.formats.RawRecord;
import org.fentrace.warehouse.TableRow;

/**
 * Reads a whole NFLIS DQS file the way an ingest task does (header match, CSV reader, normalizer),
 * without Spark.
 */
final class NflisReading {
  /** The normalized rows, and each rejected line with its reason. */
  record Outcome(List<TableRow> rows, Map<Long, RejectReason> rejects, long rowsRead) {}

  private NflisReading() {}

  static Outcome read(InputStream in, LocalDate runDate) throws IOException {
    NormalizationContext context =
        NormalizationContext.withDefaults(
            NormalizerSettings.defaults(runDate),
            "nflis-test-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    try (CsvFileReader reader = CsvFileReader.open(in)) {
      HeaderMatch header = HeaderMatch.of(reader.header());
      if (header.format() != InputFormat.NFLIS_DQS || !header.usable()) {
        throw new IllegalStateException("not a usable nflis_dqs header: " + header);
      }
      RecordNormalizer n = RecordNormalizer.forHeader(header, reader.delimiter(), context);
      List<TableRow> rows = new ArrayList<>();
      Map<Long, RejectReason> rejects = new TreeMap<>();
      long read = 0;
      while (reader.hasNext()) {
        RawRecord r = reader.next();
        read++;
        try {
          rows.add(n.normalize(r, "nflis/export.csv"));
        } catch (RowRejectedException e) {
          rejects.put(r.line(), e.reason());
        }
      }
      return new Outcome(rows, rejects, read);
    }
  }
}
