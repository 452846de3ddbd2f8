package org.fentrace.formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole CSV through {@link CsvFileReader}, for the reader's tests. */
final class CsvReads {
  private CsvReads() {}

  /** Everything a reader produced, read to the end (or to the stream's failure). */
  record Read(
      List<String> header,
      char delimiter,
      List<RawRecord> records,
      String syntaxError,
      String readError,
      long fallbackBytes) {
    RawRecord get(int i) {
      return records.get(i);
    }

    List<Long> lines() {
      return records.stream().map(RawRecord::line).toList();
    }
  }

  static Read read(InputStream in) throws IOException {
    try (CsvFileReader r = CsvFileReader.open(in)) {
      List<RawRecord> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return new Read(
          r.header(), r.delimiter(), out, r.syntaxError(), r.readError(), r.fallbackBytes());
    }
  }

  static Read read(byte[] bytes) throws IOException {
    return read(new ByteArrayInputStream(bytes));
  }

  static Read read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
