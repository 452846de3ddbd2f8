package org.fentrace.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;

/**
 * A table row's values in Spark's internal form ({@link UTF8String}, days since the epoch, {@link
 * Decimal}, {@link GenericArrayData}), converted by one small function per column chosen once from
 * the table's schema.
 *
 * <p>Why not external {@code Row}s: Spark turns those into its internal rows with a generated
 * serializer that checks every value's class on every row; a profile of a 1,000,000-row load put a
 * tenth of its task samples there and in turning Java lists into Scala sequences for it. The
 * parsing tasks know each column's type, so they build the internal values directly.
 */
final class InternalRows {
  /** The tables whose rows the parsing tasks produce. */
  private static final List<WarehouseTable> PARSED =
      List.of(
          WarehouseTable.SEIZURES,
          WarehouseTable.SHIPMENTS,
          WarehouseTable.REJECTED,
          WarehouseTable.LAB_REPORTS);

  private static final Map<WarehouseTable, Function<Object, Object>[]> CONVERTERS = converters();

  private InternalRows() {}

  /** The row of {@code table} holding {@code values} (external types, in schema order). */
  static InternalRow of(WarehouseTable table, Object[] values) {
    Function<Object, Object>[] convert = CONVERTERS.get(table);
    if (values.length != convert.length) {
      throw new IllegalArgumentException(
          "a row of "
              + table.tableName()
              + " has "
              + values.length
              + " values; its schema has "
              + convert.length
              + " columns");
    }
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] == null ? null : convert[i].apply(values[i]);
    }
    return new GenericInternalRow(out);
  }

  static InternalRow of(TableRow row) {
    return of(row.table(), row.values());
  }

  /**
   * A struct of a few rows per file (statistics, chunk summaries, with maps in them), by Spark's
   * general converter: no need for speed there.
   */
  static Function<Row, Object> structConverter(StructType type) {
    scala.Function1<Object, Object> convert =
        CatalystTypeConverters.createToCatalystConverter(type);
    return row -> row == null ? null : convert.apply(row);
  }

  @SuppressWarnings("unchecked")
  private static Map<WarehouseTable, Function<Object, Object>[]> converters() {
    Map<WarehouseTable, Function<Object, Object>[]> all = new EnumMap<>(WarehouseTable.class);
    for (WarehouseTable t : PARSED) {
      StructField[] fields = SparkSchemas.structType(t).fields();
      Function<Object, Object>[] convert = new Function[fields.length];
      for (int i = 0; i < fields.length; i++) {
        convert[i] = converter(t, fields[i].name(), fields[i].dataType());
      }
      all.put(t, convert);
    }
    return all;
  }

  /**
   * The conversion of one column's non-null values. A decimal that does not fit its column fails,
   * naming the column, as Spark's own conversion fails under ANSI mode (Spark's default); the
   * normalizers quarantine such rows first ({@code OUT_OF_RANGE}), so this is a last guard.
   */
  static Function<Object, Object> converter(WarehouseTable t, String field, DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return v -> UTF8String.fromString((String) v);
    }
    if (type.equals(DataTypes.DateType)) {
      return v -> (int) ((LocalDate) v).toEpochDay();
    }
    if (type instanceof DecimalType d) {
      int precision = d.precision();
      int scale = d.scale();
      return v -> {
        Decimal out = Decimal.apply((BigDecimal) v);
        if (!out.changePrecision(precision, scale)) {
          throw new ArithmeticException(
              t.tableName()
                  + "."
                  + field
                  + ": "
                  + v
                  + " does not fit DECIMAL("
                  + precision
                  + ","
                  + scale
                  + ")");
        }
        return out;
      };
    }
    if (type instanceof ArrayType a && a.elementType().equals(DataTypes.StringType)) {
      return v -> {
        List<?> list = (List<?>) v;
        Object[] items = new Object[list.size()];
        for (int i = 0; i < items.length; i++) {
          items[i] = list.get(i) == null ? null : UTF8String.fromString((String) list.get(i));
        }
        return new GenericArrayData(items);
      };
    }
    if (type.equals(DataTypes.LongType)
        || type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.BooleanType)
        || type.equals(DataTypes.DoubleType)) {
      return Function.identity();
    }
    throw new IllegalStateException(
        t.tableName() + "." + field + ": no conversion for type " + type.simpleString());
  }
}
