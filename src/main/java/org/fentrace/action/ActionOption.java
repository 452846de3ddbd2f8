package org.fentrace.action;

import java.util.Objects;
import java.util.function.Function;

/**
 * One named option of an action: its name (what {@code option(name, value)} takes), its default,
 * and how a text value is parsed and checked (a bad value throws IllegalArgumentException when it
 * is set, not later).
 */
public record ActionOption<T>(String name, T defaultValue, Function<String, T> parser) {
  public ActionOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parser, "parser");
  }

  public T parse(String value) {
    return parser.apply(value);
  }

  /** A text option kept as given (null or blank: the default). */
  public static ActionOption<String> text(String name, String defaultValue) {
    return new ActionOption<>(name, defaultValue, v -> v == null || v.isBlank() ? defaultValue : v);
  }

  /** A true/false option; anything else is refused. */
  public static ActionOption<Boolean> flag(String name, boolean defaultValue) {
    return new ActionOption<>(
        name,
        defaultValue,
        v -> {
          if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
            throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
          }
          return Boolean.parseBoolean(v);
        });
  }
}
