package org.fentrace.formats;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.InputFormat;

/**
 * What a file's header says about it: the format it is (or was meant to be), where each known
 * column sits, which required columns are missing and which extra columns it carries.
 *
 * @param format the recognised format, or null when the header matches none
 * @param columns known column key to its position in the header
 * @param missingRequired required columns of {@code format} the header lacks (empty when usable)
 * @param extraColumns header cells that are not columns of the format (kept only in the quarantine)
 * @param header the header cells as seen
 */
public record HeaderMatch(
    InputFormat format,
    Map<String, Integer> columns,
    List<String> missingRequired,
    List<String> extraColumns,
    List<String> header)
    implements Serializable {

  /** True when rows can be normalized: a format was recognised and has all its required columns. */
  public boolean usable() {
    return format != null && missingRequired.isEmpty();
  }

  /** Index of a column or -1 when absent. */
  public int indexOf(String columnKey) {
    Integer i = columns.get(columnKey);
    return i == null ? -1 : i;
  }

  /**
   * Matches a header against every format. A format matches when all its required columns are
   * present; when none matches, a header that holds a format's signature column is taken as that
   * format with columns missing (its rows are quarantined with the missing columns named);
   * otherwise no format.
   */
  public static HeaderMatch of(List<String> header) {
    Map<String, Integer> keys = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      keys.putIfAbsent(InputFormat.columnKey(header.get(i)), i);
    }
    for (InputFormat f : InputFormat.values()) {
      if (keys.keySet().containsAll(f.requiredColumns())) {
        return build(f, keys, header);
      }
    }
    for (InputFormat f : InputFormat.values()) {
      if (keys.containsKey(f.signatureColumn())) {
        return build(f, keys, header);
      }
    }
    return new HeaderMatch(null, Map.of(), List.of(), List.of(), List.copyOf(header));
  }

  private static HeaderMatch build(InputFormat f, Map<String, Integer> keys, List<String> header) {
    Map<String, Integer> known = new HashMap<>();
    List<String> missing = new java.util.ArrayList<>();
    for (String c : f.requiredColumns()) {
      if (keys.containsKey(c)) {
        known.put(c, keys.get(c));
      } else {
        missing.add(c);
      }
    }
    for (String c : f.optionalColumns()) {
      if (keys.containsKey(c)) {
        known.put(c, keys.get(c));
      }
    }
    List<String> extra = new java.util.ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String k = InputFormat.columnKey(header.get(i));
      if (!known.containsKey(k) || known.get(k) != i) {
        extra.add(header.get(i));
      }
    }
    return new HeaderMatch(
        f, Map.copyOf(known), List.copyOf(missing), List.copyOf(extra), List.copyOf(header));
  }

  /**
   * Plain-words description of a header that matched no format, for the console and the manifest.
   */
  public static String describeExpected() {
    StringBuilder b = new StringBuilder();
    for (InputFormat f : InputFormat.values()) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(f.id())
          .append(" (required: ")
          .append(String.join(", ", f.requiredColumns()))
          .append(')');
    }
    return b.toString();
  }
}
