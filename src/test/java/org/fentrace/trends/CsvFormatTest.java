package org.fentrace.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Value formatting of the CSV exports, without Spark: plain decimals, no exponent, no locale. */
class CsvFormatTest {
  @Test
  void numbersArePlainWithADotAndNoExponent() {
    assertThat(CsvExports.format(new BigDecimal("2.500000000"))).isEqualTo("2.5");
    assertThat(CsvExports.format(new BigDecimal("0E-9"))).isEqualTo("0");
    assertThat(CsvExports.format(new BigDecimal("1200.000000000"))).isEqualTo("1200");
    // Doubles that Java would print with an exponent (1.0E-5, 1.5E10).
    assertThat(CsvExports.format(0.00001)).isEqualTo("0.00001");
    assertThat(CsvExports.format(1.5e10)).isEqualTo("15000000000");
    assertThat(CsvExports.format(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(CsvExports.format(null)).isEmpty();
    assertThat(CsvExports.format(true)).isEqualTo("true");
    assertThat(CsvExports.format(java.sql.Date.valueOf("2023-10-01"))).isEqualTo("2023-10-01");
  }

  @Test
  void headerThenRowsWithLfAndQuotesOnlyWhenNeeded() throws Exception {
    StructType schema =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("kg", DataTypes.createDecimalType(22, 9));
    String csv =
        CsvExports.csv(
            schema,
            List.of(
                RowFactory.create("a, b", new BigDecimal("1.000000000")),
                RowFactory.create("plain", null)));
    assertThat(csv).isEqualTo("name,kg\n\"a, b\",1\nplain,\n");
  }
}
