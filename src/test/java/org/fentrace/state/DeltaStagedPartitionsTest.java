package org.fentrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows a Delta commit takes from a night's staged partition folders: every row once, the
 * partition column typed as the live table reads it (month text, year number, the null folder as
 * null), and staged folders side by side read as one scan with fewer tasks than folders, so the
 * commit's write does not run one task per month.
 */
class DeltaStagedPartitionsTest {
  @TempDir Path tmp;

  private static final StructType DATA =
      new StructType().add("record_id", DataTypes.StringType).add("kg", DataTypes.IntegerType);

  /** Writes folder {@code parent/column=value} holding one row per id. */
  private static org.apache.hadoop.fs.Path folder(
      Path parent, String column, String value, String... ids) {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(RowFactory.create(id, id.length()));
    }
    Path dir = parent.resolve(column + "=" + value);
    SharedSpark.session().createDataFrame(rows, DATA).coalesce(1).write().parquet(dir.toString());
    return new org.apache.hadoop.fs.Path(dir.toString());
  }

  /** "id month" strings, sorted, "null" for the null partition. */
  private static List<String> idAndPartition(Dataset<Row> rows, String column) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.select("record_id", column).collectAsList()) {
      out.add(r.getString(0) + " " + r.get(1));
    }
    out.sort(null);
    return out;
  }

  @Test
  void monthFoldersSideBySideAreOneScanWithEveryRowAndItsMonth() {
    SparkSession spark = SharedSpark.session();
    Path parent = tmp.resolve("staged");
    List<org.apache.hadoop.fs.Path> staged = new ArrayList<>();
    // Six months of two rows each, and the folder Spark writes for a null month.
    for (int m = 1; m <= 6; m++) {
      String month = "2024-0" + m;
      staged.add(folder(parent, "month", month, "A" + m, "B" + m));
    }
    staged.add(folder(parent, "month", "__HIVE_DEFAULT_PARTITION__", "N"));

    Dataset<Row> one = DeltaPublication.stagedPartitions(spark, "month", staged, true);
    assertThat(one.schema().apply("month").dataType()).isEqualTo(DataTypes.StringType);
    // 6 x 2 rows named after their month, plus N with no month: 13, written out by hand.
    List<String> expected = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      expected.add("A" + m + " 2024-0" + m);
      expected.add("B" + m + " 2024-0" + m);
    }
    expected.add("N null");
    expected.sort(null);
    assertThat(idAndPartition(one, "month")).isEqualTo(expected);
    // Seven one-file folders packed into fewer tasks than folders (Spark packs small files up to
    // the bytes a task should read; on local[2] that is about half of them per task).
    assertThat(one.javaRDD().getNumPartitions()).isLessThan(staged.size());

    // Folders read one by one (the fallback) give the same rows and types.
    Dataset<Row> each = DeltaPublication.stagedPartitions(spark, "month", staged, false);
    assertThat(each.schema().apply("month").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(idAndPartition(each, "month")).isEqualTo(expected);
    assertThat(each.javaRDD().getNumPartitions()).isEqualTo(staged.size());
  }

  @Test
  void yearFoldersReadAsYearNumbers() {
    SparkSession spark = SharedSpark.session();
    Path parent = tmp.resolve("labs");
    List<org.apache.hadoop.fs.Path> staged =
        List.of(folder(parent, "year", "2019", "L1"), folder(parent, "year", "2020", "L2", "L3"));
    Dataset<Row> rows = DeltaPublication.stagedPartitions(spark, "year", staged, true);
    assertThat(rows.schema().apply("year").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(idAndPartition(rows, "year")).containsExactly("L1 2019", "L2 2020", "L3 2020");
    assertThat(rows.schema().fieldNames()).containsExactly("record_id", "kg", "year");
  }
}
