package org.fentrace.state;

import static org.assertj.core.api.Assertions.assertThat;

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
 * multisets, so a row that only changed how often it appears is a change, and null equals null.
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
}
