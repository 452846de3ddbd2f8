package org.fentrace.testing;

import java.util.Map;

/**
 * The table format an end-to-end integration test writes its warehouse in: {@code
 * -Dfentrace.test.warehouse.format=FORMAT} on the Maven command line (Failsafe passes it on), else
 * parquet. Parquet is written with no setting at all, so the tests run unchanged where no other
 * format exists; any other value becomes the configuration override {@code
 * fentrace.warehouse.format}, which the configuration rejects where that key is not known.
 */
public final class WarehouseFormatUnderTest {
  public static final String PROPERTY = "fentrace.test.warehouse.format";
  public static final String CONFIG_KEY = "fentrace.warehouse.format";
  public static final String PARQUET = "parquet";

  private WarehouseFormatUnderTest() {}

  public static String name() {
    String f = System.getProperty(PROPERTY, "").strip();
    return f.isEmpty() ? PARQUET : f;
  }

  /** The configuration overrides that select the format (none for parquet). */
  public static Map<String, String> overrides() {
    return name().equals(PARQUET) ? Map.of() : Map.of(CONFIG_KEY, name());
  }
}
