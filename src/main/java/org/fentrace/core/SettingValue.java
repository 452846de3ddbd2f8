package org.fentrace.core;

import java.util.Arrays;

/**
 * An enum whose constants a configuration setting names, such as {@code
 * fentrace.ingest.parse-cache} or {@code fentrace.warehouse.format}. Not a {@link Vocabulary}: its
 * names are typed by people into configuration files, never written to a table, so they are read
 * ignoring case and blanks.
 */
public interface SettingValue {
  /** The name a setting gives the constant. */
  String wireName();

  /**
   * The constant named {@code value} (ignoring case and surrounding blanks); fails naming the
   * value, what it should have named ({@code what}) and every choice.
   */
  static <E extends Enum<E> & SettingValue> E fromSetting(
      Class<E> type, String value, String what) {
    String n = value == null ? "" : value.strip();
    for (E e : type.getEnumConstants()) {
      if (e.wireName().equalsIgnoreCase(n)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + what
            + " '"
            + value
            + "'; one of "
            + Arrays.stream(type.getEnumConstants()).map(SettingValue::wireName).toList());
  }
}
