package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.warehouse.TableRow;

/** Whole-row checks shared by the record normalizer tests. */
final class RowAssertions {
  private RowAssertions() {}

  /** Field name / expected value pairs, in order. */
  static Map<String, Object> fields(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Every field of the row: those in {@code expected} have their value, all others are null. */
  static void assertRow(TableRow row, Map<String, Object> expected) {
    List<String> names = row.table().fieldNames();
    assertThat(names).containsAll(expected.keySet());
    for (String f : names) {
      assertThat(row.get(f)).as(f).isEqualTo(expected.get(f));
    }
  }
}
