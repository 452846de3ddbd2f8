package org.fentrace.warehouse;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's view of the Avro-defined tables: StructTypes derived from the .avsc files, rows converted
 * to Spark's external types.
 */
public final class SparkSchemas {
  private SparkSchemas() {}

  public static StructType structType(WarehouseTable table) {
    return (StructType) SchemaConverters.toSqlType(table.avroSchema()).dataType();
  }

  /**
   * A Spark row of the table's struct type; lists become Scala sequences. Dates stay {@link
   * LocalDate}s: Spark's conversion of external rows takes them as they are, where a {@code
   * java.sql.Date} cost a time-zone lookup per value, twice (about 1% of a full load's profile
   * samples; below the run-to-run noise of its wall time).
   */
  public static Row toRow(TableRow row) {
    Object[] in = row.values();
    Object[] out = new Object[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = toSpark(in[i]);
    }
    return RowFactory.create(out);
  }

  private static Object toSpark(Object v) {
    if (v instanceof List<?> l) {
      return CollectionConverters.asScala(l).toSeq();
    }
    return v;
  }
}
