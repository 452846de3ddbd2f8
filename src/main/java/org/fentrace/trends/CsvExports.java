package org.fentrace.trends;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.fentrace.warehouse.Warehouse;

/**
 * Writes a small table as one CSV file under {@code WAREHOUSE/exports/}: UTF-8 without byte-order
 * mark, comma-separated, LF line ends, a header row of the table's column names, fields quoted only
 * when needed. Values: dates {@code yyyy-MM-dd}; decimals and doubles in plain notation with {@code
 * .} and no exponent, trailing zeros dropped ({@code 2.500000000} is {@code 2.5}, zero is {@code
 * 0}); doubles as the shortest decimal that reads back as the same double; booleans {@code
 * true}/{@code false}; null as an empty field. Rows in the table's order (sorted by its keys).
 * Identical tables give identical bytes.
 *
 * <p>The file is built on the driver from the rows the table was written from (the tables are
 * small) and written through the Hadoop FileSystem to a temporary name, then renamed into place.
 */
public final class CsvExports {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private CsvExports() {}

  /** The rows (already in table order) as CSV text under a header of the schema's column names. */
  public static String csv(StructType schema, List<Row> rows) throws IOException {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord((Object[]) schema.fieldNames());
      List<String> values = new ArrayList<>(schema.size());
      for (Row r : rows) {
        values.clear();
        for (int i = 0; i < r.length(); i++) {
          values.add(format(r.get(i)));
        }
        printer.printRecord(values);
      }
    }
    return out.toString();
  }

  /** Writes {@code text} to {@code WAREHOUSE/exports/<name>.csv} (temporary file, then rename). */
  public static Path write(Warehouse warehouse, String name, String text) throws IOException {
    Path path = warehouse.layout().export(name);
    warehouse.fs().mkdirs(path.getParent());
    warehouse.writeText(path, text);
    return path;
  }

  static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal d) {
      return plain(d);
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalStateException("cannot export a non-finite number: " + d);
      }
      return plain(BigDecimal.valueOf(d));
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.time.LocalDate d) {
      return d.toString();
    }
    return v.toString();
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
