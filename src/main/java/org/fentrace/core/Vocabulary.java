package org.fentrace.core;

import java.util.Arrays;
import java.util.List;

/**
 * A closed vocabulary of the contract, implemented by an enum: one constant per value, and one way
 * to turn a constant into the string written to Parquet and CSV ({@link #wireName()}) and back
 * ({@link #fromWire}). Code between the readers and the writers passes the constants; the strings
 * appear only where a column is read or written.
 */
public interface Vocabulary {
  /**
   * How every vocabulary that has such a value writes "stated, but none of the other values"
   * ({@link Form}, {@link Region}, {@link InspectionOutcome}, {@link Conveyance}, {@link
   * GoodsClass}).
   */
  String OTHER_WIRE_NAME = "OTHER";

  /**
   * How every vocabulary that has such a value writes "not stated" (the free-text ones and {@link
   * SubstanceClass}).
   */
  String UNKNOWN_WIRE_NAME = "UNKNOWN";

  /** The constant's name (every implementation is an enum). */
  String name();

  /**
   * The value written to Parquet and CSV: the constant's name unless the vocabulary says otherwise.
   */
  default String wireName() {
    return name();
  }

  /**
   * The constant written as {@code wire}; fails, naming every value, on a string the vocabulary
   * lacks.
   */
  static <E extends Enum<E> & Vocabulary> E fromWire(Class<E> type, String wire) {
    for (E value : type.getEnumConstants()) {
      if (value.wireName().equals(wire)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + type.getSimpleName() + " '" + wire + "'; expected one of " + wireNames(type));
  }

  /** Every value as written, in the vocabulary's order. */
  static <E extends Enum<E> & Vocabulary> List<String> wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Vocabulary::wireName).toList();
  }

  /**
   * The wire names of some values, in the given order (for Spark's {@code isin} and for lists of
   * series).
   */
  @SafeVarargs
  static <E extends Enum<E> & Vocabulary> List<String> wireNames(E... values) {
    return Arrays.stream(values).map(Vocabulary::wireName).toList();
  }
}
