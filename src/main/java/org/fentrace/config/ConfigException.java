package org.fentrace.config;

/**
 * A usage or configuration error, found before any Spark work: the command exits 2 with this
 * message.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
