package org.fentrace.core;

import java.util.Map;

/**
 * Names to positions (a header's columns, a table's fields), for lookups made on every field of
 * every row. The parse looks up some 30 names per row, each a string literal, so interned: this
 * table keeps the interned names in a flat array probed by the name's cached hash and compared by
 * identity first, where a {@code HashMap} walks to a node and unboxes an {@code Integer} (those
 * lookups were an eighth of the parse's profile). Not serializable on purpose: a deserialized
 * string is not the interned one, so holders keep it transient and build it where they are used.
 */
public final class NamePositions {
  private final String[] names;
  private final int[] positions;
  private final int mask;
  private final int size;

  /** The table of {@code positions}' entries (names interned here). */
  public NamePositions(Map<String, Integer> positions) {
    int capacity = Integer.highestOneBit(Math.max(4, positions.size() * 4) - 1) << 1;
    this.names = new String[capacity];
    this.positions = new int[capacity];
    this.mask = capacity - 1;
    this.size = positions.size();
    positions.forEach(
        (name, position) -> {
          int slot = slot(name);
          while (names[slot] != null) {
            slot = (slot + 1) & mask;
          }
          names[slot] = name.intern();
          this.positions[slot] = position;
        });
  }

  /** The position of {@code name}, or -1 when the table lacks it. */
  public int get(String name) {
    int slot = slot(name);
    for (String n; (n = names[slot]) != null; slot = (slot + 1) & mask) {
      if (n == name || n.equals(name)) {
        return positions[slot];
      }
    }
    return -1;
  }

  /** How many names the table holds. */
  public int size() {
    return size;
  }

  /** Where a name's probe starts: its hash with the high bits folded in (names share prefixes). */
  private int slot(String name) {
    int h = name.hashCode();
    return (h ^ (h >>> 16)) & mask;
  }
}
