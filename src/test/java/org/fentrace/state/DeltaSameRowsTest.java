package org.fentrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * A Delta table is not committed when the night staged exactly its live rows; the comparison is of
 * multisets, so a row that only changed how often it appears is a change, and null equals null. A
 * whole table's rows are also summed up in a fingerprint, compared with the last commit's: equal
 * multisets of rows give equal fingerprints whatever their order or column order; a changed value,
 * a dropped row, an extra copy, a null moved to another column or a changed type does not.
 */
class DeltaSameRowsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("record_id", DataTypes.StringType)
          .add("quantity_kg", DataTypes.createDecimalType(18, 9));

  private static Dataset<Row> rows(Object[]... values) {
    List<Row> list = Arrays.stream(values).map(RowFactory::create).toList();
    return SharedSpark.session().createDataFrame(list, SCHEMA);
  }

  @Test
  void theSameRowsInAnotherOrderAreTheSame() {
    assertThat(
            DeltaPublication.sameRows(
                rows(new Object[] {"J1", new java.math.BigDecimal("2")}, new Object[] {"J2", null}),
                rows(
                    new Object[] {"J2", null}, new Object[] {"J1", new java.math.BigDecimal("2")})))
        .isTrue();
  }

  @Test
  void aChangedValueADroppedRowOrAnExtraCopyIsAChange() {
    Object[] j1 = {"J1", new java.math.BigDecimal("2")};
    Object[] j2 = {"J2", new java.math.BigDecimal("1")};
    // 2.5 kg instead of 2 kg: the revision the nightly tests publish.
    assertThat(
            DeltaPublication.sameRows(
                rows(j1, j2), rows(new Object[] {"J1", new java.math.BigDecimal("2.5")}, j2)))
        .isFalse();
    assertThat(DeltaPublication.sameRows(rows(j1, j2), rows(j1))).isFalse();
    assertThat(DeltaPublication.sameRows(rows(j1), rows(j1, j2))).isFalse();
    // Same distinct rows, different multiplicity: {J1, J1, J2} against {J1, J2, J2}.
    assertThat(DeltaPublication.sameRows(rows(j1, j1, j2), rows(j1, j2, j2))).isFalse();
    assertThat(DeltaPublication.sameRows(rows(), rows())).isTrue();
  }

  static final StructType ROUTES =
      new StructType()
          .add("route", DataTypes.StringType)
          .add("note", DataTypes.StringType)
          .add("quantity_kg", DataTypes.createDecimalType(22, 9));

  static final Object[] DIRECT = {"DIRECT_FROM_CHINA", null, new BigDecimal("2.5")};
  static final Object[] CARTEL = {"CARTEL_VIA_MEXICO", "bulk", new BigDecimal("40")};

  static Dataset<Row> rows(StructType schema, Object[]... values) {
    List<Row> list = Arrays.stream(values).map(RowFactory::create).toList();
    return SharedSpark.session().createDataFrame(list, schema);
  }

  private static String fp(Object[]... values) {
    return DeltaPublication.fingerprint(rows(ROUTES, values));
  }

  private static String fp(Dataset<Row> rows) {
    return DeltaPublication.fingerprint(rows);
  }

  @Test
  void equalMultisetsOfRowsHaveOneFingerprintAndAnyChangeAnother() {
    String base = fp(DIRECT, CARTEL);
    assertThat(fp(CARTEL, DIRECT)).as("another row order").isEqualTo(base);
    assertThat(fp(rows(ROUTES, DIRECT, CARTEL).select("quantity_kg", "route", "note")))
        .as("another column order")
        .isEqualTo(base);
    // The count is the first field: two rows.
    assertThat(base).startsWith("2:");
    assertThat(fp(new Object[] {"DIRECT_FROM_CHINA", null, new BigDecimal("2.6")}, CARTEL))
        .as("2.6 kg instead of 2.5")
        .isNotEqualTo(base);
    assertThat(fp(DIRECT)).as("a row dropped").isNotEqualTo(base);
    assertThat(fp(DIRECT, CARTEL, CARTEL)).as("an extra copy").isNotEqualTo(base);
    // {D, D, C} against {D, C, C}: same distinct rows and count, other multiplicities.
    assertThat(fp(DIRECT, DIRECT, CARTEL)).isNotEqualTo(fp(DIRECT, CARTEL, CARTEL));
    // The same text in the other nullable column: {"route":"X"} against {"note":"X"}.
    assertThat(fp(new Object[] {"X", null, null})).isNotEqualTo(fp(new Object[] {null, "X", null}));
    StructType wider =
        new StructType()
            .add("route", DataTypes.StringType)
            .add("note", DataTypes.StringType)
            .add("quantity_kg", DataTypes.createDecimalType(38, 9));
    assertThat(fp(rows(wider)))
        .as("two empty tables of other types")
        .isNotEqualTo(fp(rows(ROUTES)));
    assertThat(fp(rows(ROUTES))).startsWith("0:0:0:");
  }
}
