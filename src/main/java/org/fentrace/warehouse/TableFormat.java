package org.fentrace.warehouse;

import org.fentrace.core.SettingValue;

/**
 * How the warehouse stores its published tables ({@code fentrace.warehouse.format}): plain
 * Hive-style Parquet folders swapped into place by renames, or Delta Lake tables whose nightly
 * change is one atomic commit (for object stores, where a rename is a copy).
 */
public enum TableFormat implements SettingValue {
  /** Parquet folders; readers open the files directly. The default. */
  PARQUET("parquet"),
  /** Delta Lake tables: the same Parquet data files plus a {@code _delta_log} of commits. */
  DELTA("delta");

  /**
   * Where a Spark session carries the format to the code that builds {@link Warehouse}: the Hadoop
   * configuration ({@code spark.hadoop.} + this key on the command line).
   */
  public static final String HADOOP_KEY = "fentrace.warehouse.format";

  /** The folder that makes a table folder a Delta table. */
  public static final String DELTA_LOG = "_delta_log";

  private final String wireName;

  TableFormat(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The format named {@code name} (case-insensitive); anything else throws, naming the choices. */
  public static TableFormat fromName(String name) {
    return SettingValue.fromSetting(TableFormat.class, name, "warehouse format");
  }
}
