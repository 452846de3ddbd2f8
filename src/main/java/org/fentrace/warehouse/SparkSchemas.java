package org.fentrace.warehouse;

import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.StructType;

/** Spark's view of the Avro-defined tables: StructTypes derived from the .avsc files. */
public final class SparkSchemas {
  private SparkSchemas() {}

  public static StructType structType(WarehouseTable table) {
    return (StructType) SchemaConverters.toSqlType(table.avroSchema()).dataType();
  }
}
