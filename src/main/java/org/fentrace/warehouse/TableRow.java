package org.fentrace.warehouse;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One row of a warehouse table, values in the order of the table's Avro schema and held as the
 * external types Spark expects (String, Integer, Long, Boolean, BigDecimal, LocalDate, List).
 * Fields are set by name so normalizers read like the schema, and a misspelt name fails at once.
 */
public final class TableRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private final WarehouseTable table;
  private final Object[] values;

  TableRow(WarehouseTable table) {
    this.table = table;
    this.values = new Object[table.width()];
  }

  public TableRow set(String field, Object value) {
    values[table.position(field)] = value;
    return this;
  }

  public Object get(String field) {
    return values[table.position(field)];
  }

  public WarehouseTable table() {
    return table;
  }

  /** The values in schema order (the array itself, to avoid a copy per row). */
  public Object[] values() {
    return values;
  }

  @Override
  public String toString() {
    return table.tableName() + Arrays.toString(values);
  }
}
