package org.fentrace.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * The decimal columns of the tables whose rows carry numbers (seizures, shipments, lab reports),
 * and the check that a normalized row's numbers fit them. A number with more digits before the
 * point than its column holds (a gross weight of 10^14 kg in DECIMAL(22,9)) cannot be written, and
 * Spark's conversion would fail the whole file's task, so such a row is quarantined here like any
 * other bad value.
 */
final class DecimalColumns {
  private record Column(String field, int precision, int scale) {
    int integerDigits() {
      return precision - scale;
    }
  }

  private static final Map<WarehouseTable, List<Column>> COLUMNS = columns();

  private DecimalColumns() {}

  private static Map<WarehouseTable, List<Column>> columns() {
    Map<WarehouseTable, List<Column>> all = new EnumMap<>(WarehouseTable.class);
    for (WarehouseTable t :
        List.of(WarehouseTable.SEIZURES, WarehouseTable.SHIPMENTS, WarehouseTable.LAB_REPORTS)) {
      List<Column> decimals = new ArrayList<>();
      for (StructField f : SparkSchemas.structType(t).fields()) {
        if (f.dataType() instanceof DecimalType d) {
          decimals.add(new Column(f.name(), d.precision(), d.scale()));
        }
      }
      all.put(t, List.copyOf(decimals));
    }
    return all;
  }

  /**
   * Throws {@link RejectReason#OUT_OF_RANGE} for the first decimal value of {@code row} that does
   * not fit its column once rounded to the column's scale (as Spark rounds it: half up).
   */
  static void check(TableRow row) {
    for (Column c : COLUMNS.getOrDefault(row.table(), List.of())) {
      if (row.get(c.field()) instanceof BigDecimal v) {
        BigDecimal rounded = v.setScale(c.scale(), RoundingMode.HALF_UP);
        if (rounded.precision() > c.precision()) {
          throw new RowRejectedException(
              RejectReason.OUT_OF_RANGE,
              c.field(),
              c.field()
                  + " "
                  + v.stripTrailingZeros().toPlainString()
                  + " has "
                  + (rounded.precision() - c.scale())
                  + " digits before the decimal point; the column holds at most "
                  + c.integerDigits());
        }
      }
    }
  }
}
