package org.fentrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamePositionsTest {
  @Test
  void findsEveryNameWhetherTheSameStringOrAnEqualOneAndNothingElse() {
    // 40 names as built at run time (a header's cells), so not the interned literals callers pass.
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      byName.put(new StringBuilder("column_").append(i).toString(), i);
    }
    NamePositions table = new NamePositions(byName);
    for (int i = 0; i < 40; i++) {
      assertThat(table.get(("column_" + i).intern())).as("interned column_%d", i).isEqualTo(i);
      assertThat(table.get(new String("column_" + i))).as("a copy of column_%d", i).isEqualTo(i);
    }
    assertThat(table.get("column_40")).isEqualTo(-1);
    assertThat(table.get("")).isEqualTo(-1);
    // 40 names in a table of 256 slots (four times the names, rounded up to a power of two).
    assertThat(table.size()).isEqualTo(40);
  }

  @Test
  void namesWhoseHashesCollideKeepTheirOwnPositions() {
    // "Aa" and "BB" have the same String.hashCode (65 * 31 + 97 = 66 * 31 + 66 = 2112), so do
    // "AaAa", "AaBB", "BBAa" and "BBBB" among themselves: each group probes from one slot.
    Map<String, Integer> byName =
        Map.of("Aa", 0, "BB", 1, "AaAa", 2, "AaBB", 3, "BBAa", 4, "BBBB", 5);
    NamePositions table = new NamePositions(byName);
    byName.forEach((name, position) -> assertThat(table.get(name)).as(name).isEqualTo(position));
    assertThat(table.get("AaAaAa")).isEqualTo(-1);
  }

  @Test
  void anEmptyTableFindsNothing() {
    NamePositions empty = new NamePositions(Map.of());
    assertThat(empty.get("x")).isEqualTo(-1);
    assertThat(empty.size()).isZero();
  }
}
