package org.fentrace.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.fentrace.testing.ExternalRows;
import org.fentrace.warehouse.SparkSchemas;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.Test;

/**
 * The parse's own conversion to Spark's internal rows against Spark's: for the same values, the row
 * Spark's encoder makes from an external {@code Row} is the reference, compared byte for byte in
 * Spark's binary row format.
 */
class InternalRowsTest {

  /** A seizure with a value of every column type the tables use, and nulls. */
  private static TableRow seizure(BigDecimal kg) {
    TableRow r = WarehouseTable.SEIZURES.newRow();
    for (String f : WarehouseTable.SEIZURES.fieldNames()) {
      r.set(f, null);
    }
    return r.set("record_id", "SZN-1")
        .set("source_format", "seizure_events")
        .set("source_file", "seizures-2021.csv")
        .set("source_line", 12L)
        .set("event_date", LocalDate.of(2021, 3, 4))
        .set("fiscal_year", 2021)
        .set("event_count", 1)
        .set("substance_raw", "fentanyl HCl")
        .set("substance_name", "fentanyl")
        .set("substance_class", "FENTANYL")
        .set("substance_unlisted", false)
        .set("form", "POWDER")
        .set("quantity_kg", kg)
        .set("origin_country", "CN")
        .set("transit_countries", List.of("MX", "US"))
        .set("enriched_from_shipment", true)
        .set("conveyance", "MAIL")
        .set("region", "SOUTHWEST_BORDER");
  }

  private static UnsafeRow binary(StructType schema, InternalRow row) {
    return UnsafeProjection.create(schema).apply(row).copy();
  }

  @Test
  void aSeizureConvertsToTheRowSparksOwnEncoderMakes() {
    StructType schema = SparkSchemas.structType(WarehouseTable.SEIZURES);
    TableRow row = seizure(new BigDecimal("1.5"));
    // Lenient, as Spark is when it turns a frame's external rows into internal ones: a date may
    // be a LocalDate or a java.sql.Date.
    InternalRow spark =
        ExpressionEncoder.apply(schema, true).createSerializer().apply(ExternalRows.of(row));
    assertEquals(binary(schema, spark), binary(schema, InternalRows.of(row)));
  }

  @Test
  void valuesTakeSparksInternalForms() {
    StructType schema = SparkSchemas.structType(WarehouseTable.SEIZURES);
    InternalRow r = InternalRows.of(seizure(new BigDecimal("1.5")));
    assertEquals(UTF8String.fromString("SZN-1"), r.getUTF8String(schema.fieldIndex("record_id")));
    // 2021-03-04 in days since 1970-01-01, by hand: 51 years of 365 days plus 13 leap days (1972 to
    // 2020) give 2021-01-01 = 18628; plus 31 (January), 28 (February) and 3 = 18690.
    assertEquals(18690, r.getInt(schema.fieldIndex("event_date")));
    // DECIMAL(22,9): 1.5 is 1,500,000,000 units of 10^-9.
    assertEquals(
        new BigDecimal("1.500000000"),
        r.getDecimal(schema.fieldIndex("quantity_kg"), 22, 9).toJavaBigDecimal());
    assertEquals(2, r.getArray(schema.fieldIndex("transit_countries")).numElements());
    assertTrue(r.isNullAt(schema.fieldIndex("route")));
    assertNull(r.get(schema.fieldIndex("agency"), schema.apply("agency").dataType()));
  }

  @Test
  void aDecimalTooWideForItsColumnFailsNamingTheColumn() {
    // 10^14 kg needs 15 integer digits; DECIMAL(22,9) holds 13.
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class,
            () -> InternalRows.of(seizure(new BigDecimal("100000000000000"))));
    assertTrue(e.getMessage().contains("seizures.quantity_kg"), e.getMessage());
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InternalRows.of(WarehouseTable.REJECTED, new Object[] {"f.csv", 1L}));
    assertTrue(e.getMessage().contains("rejected"), e.getMessage());
  }
}
