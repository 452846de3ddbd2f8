package org.fentrace.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The small CSV dialect of the dictionary files: comma-separated, one record per line, fields
 * optionally in double quotes (systematic chemical names contain commas, e.g.
 * "N,3-diphenylpropanamide"), a doubled quote inside quotes for a literal quote. Kept here rather
 * than pulling a CSV library into the core.
 */
final class DictionaryCsv {

  private DictionaryCsv() {}

  /**
   * Reads a bundled dictionary file from the classpath as UTF-8 and hands it to {@code load} under
   * {@code sourceName}; a missing resource or an unreadable one is an error naming it.
   *
   * @param what how the file is called in the missing-resource error ("CAS number list")
   */
  static <T> T loadResource(
      String resource, String what, String sourceName, BiFunction<Reader, String, T> load) {
    InputStream in = DictionaryCsv.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(what + " not on the classpath: " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load.apply(reader, sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Splits one line into fields; a quote left open is an error naming the source and line. */
  static List<String> split(String line, String source, int lineNo) {
    List<String> fields = new ArrayList<>(3);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        if (field.toString().isBlank() && !wasQuoted) {
          field.setLength(0);
          quoted = true;
          wasQuoted = true;
        } else {
          throw problem(
              source, lineNo, "a quote may only open a field (column " + (i + 1) + ")", line);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw problem(source, lineNo, "text after a closing quote (column " + (i + 1) + ")", line);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw problem(source, lineNo, "a quoted field is not closed", line);
    }
    fields.add(field.toString());
    return fields;
  }

  /** Quotes a field when it holds a comma, a quote or a line break. */
  static String quote(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** A load error naming the source, the line number, what is wrong and the line itself. */
  static IllegalArgumentException problem(String source, int lineNo, String what, String line) {
    return new IllegalArgumentException(source + " line " + lineNo + ": " + what + ": " + line);
  }
}
