package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.InputFormat;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * Which delivered row of a record survives (docs/contract.md, "Revisions and duplicates"), decided
 * by Spark over an index holding each case once and compared row for row with outcomes worked out
 * by hand.
 */
class DeduplicationTest {
  private static final String EVENTS = InputFormat.SEIZURE_EVENTS.wireName();
  private static final String CBP = InputFormat.CBP_NATIONWIDE.wireName();

  /** The file of delivery rank 2 owns CBP fiscal year 2021; rank 1 owns nothing. */
  private static final List<String> OWNERS = List.of("2:2021");

  private static final StructType INDEX =
      new StructType()
          .add("record_id", DataTypes.StringType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("source_line", DataTypes.LongType, false)
          .add("source_format", DataTypes.StringType, false)
          .add("fiscal_year", DataTypes.IntegerType, true);

  /**
   * Each candidate as record, rank, line, format, fiscal year, and the outcome the rules give it,
   * worked out by hand: the newest delivery (highest rank) wins, inside one file the last line; a
   * loser in the winner's file is a duplicate in file, one from an older file superseded; a CBP row
   * of a fiscal year its file does not own is superseded whatever else its record has.
   */
  private static final List<Object[]> CASES =
      List.of(
          // Delivered once: kept.
          row("e:1", 1, 2, EVENTS, 2021, Deduplication.NORMALIZED),
          // Twice in one file: the later line wins.
          row("e:2", 1, 3, EVENTS, 2021, Deduplication.DUPLICATE_IN_FILE),
          row("e:2", 1, 7, EVENTS, 2021, Deduplication.NORMALIZED),
          // In an older and a newer file: the newer wins though its line is earlier.
          row("e:3", 1, 4, EVENTS, 2021, Deduplication.SUPERSEDED),
          row("e:3", 2, 2, EVENTS, 2021, Deduplication.NORMALIZED),
          // Twice in the newer file, once in the older.
          row("e:4", 2, 5, EVENTS, 2021, Deduplication.DUPLICATE_IN_FILE),
          row("e:4", 2, 9, EVENTS, 2021, Deduplication.NORMALIZED),
          row("e:4", 1, 6, EVENTS, 2021, Deduplication.SUPERSEDED),
          // CBP, once, in a file not owning its year: superseded though alone.
          row("c:1", 1, 2, CBP, 2021, Deduplication.SUPERSEDED),
          // CBP, once, in the owner.
          row("c:2", 2, 3, CBP, 2021, Deduplication.NORMALIZED),
          // CBP in both files: the non-owner's row is superseded by its year, not by the rank.
          row("c:3", 1, 3, CBP, 2021, Deduplication.SUPERSEDED),
          row("c:3", 2, 4, CBP, 2021, Deduplication.NORMALIZED),
          // CBP twice in the owner: the later line wins.
          row("c:4", 2, 8, CBP, 2021, Deduplication.DUPLICATE_IN_FILE),
          row("c:4", 2, 9, CBP, 2021, Deduplication.NORMALIZED),
          // A year nobody owns (the file of rank 2 has no 2022 rows): superseded.
          row("c:5", 2, 10, CBP, 2022, Deduplication.SUPERSEDED));

  private static Object[] row(
      String id, int rank, long line, String format, Integer year, String outcome) {
    return new Object[] {id, rank, line, format, year, outcome};
  }

  @Test
  void theNewestDeliveryWinsAndAFiscalYearsOwnerSupersedesTheRest() {
    SparkSession spark = SharedSpark.session();
    List<Row> rows =
        CASES.stream().map(c -> RowFactory.create(c[0], c[1], c[2], c[3], c[4])).toList();
    Dataset<Row> decided = Deduplication.outcomes(spark.createDataFrame(rows, INDEX), OWNERS);
    assertThat(outcomes(decided)).isEqualTo(expected());
  }

  private static Map<String, String> expected() {
    Map<String, String> m = new TreeMap<>();
    CASES.forEach(c -> m.put(c[0] + "@" + c[1] + ":" + c[2], (String) c[5]));
    return m;
  }

  /** Outcome per candidate, keyed record@rank:line. */
  private static Map<String, String> outcomes(Dataset<Row> decided) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : decided.select("record_id", "rank", "source_line", "outcome").collectAsList()) {
      String key = r.getString(0) + "@" + r.getInt(1) + ":" + r.getLong(2);
      assertThat(m.put(key, r.getString(3))).as("one outcome per candidate %s", key).isNull();
    }
    return m;
  }
}
