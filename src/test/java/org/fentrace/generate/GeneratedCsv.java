package org.fentrace.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads generated files back with commons-csv, the way an independent consumer would. */
final class GeneratedCsv {
  private GeneratedCsv() {}

  /** A data record and the physical line it starts on (header = line 1). */
  record Row(long line, CSVRecord record) {
    String get(String column) {
      return record.get(column);
    }
  }

  static List<String> header(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      return p.getHeaderNames();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * All data records; start lines are counted from the values' embedded newlines (the generator
   * writes LF there).
   */
  static List<Row> rows(Path file) {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      long line = 2;
      for (CSVRecord r : p) {
        rows.add(new Row(line, r));
        long newlines = 1;
        for (String v : r) {
          newlines += v.chars().filter(c -> c == '\n').count();
        }
        line += newlines;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static List<Row> rows(Path dir, String glob) {
    List<Row> all = new ArrayList<>();
    for (Path f : files(dir, glob)) {
      all.addAll(rows(f));
    }
    return all;
  }

  /** The files of {@code dir} whose names match {@code glob}, sorted by name. */
  static List<Path> files(Path dir, String glob) {
    var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
