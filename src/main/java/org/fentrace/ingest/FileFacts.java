package org.fentrace.ingest;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.warehouse.TableRow;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the ledger and the revision decisions need to know about one file's rows, gathered by the
 * task that parses it, record by record: the months its rows went to, per table; for CBP files the
 * latest event date of each fiscal year; reject reasons; rows whose origin was given but not
 * recognized. It travels in the file's statistics row, so nobody scans the parse output again for
 * it (on a full load of 5 million rows that scan cost about 8 seconds).
 */
final class FileFacts {
  /**
   * The statistics row's fields that hold these facts (appended to {@link Envelope#STATS_TYPE}).
   */
  static final StructType FIELDS =
      new StructType()
          .add(
              "months",
              DataTypes.createMapType(
                  DataTypes.StringType, new ArrayType(DataTypes.StringType, false), false),
              false)
          .add(
              "cbp_latest",
              DataTypes.createMapType(DataTypes.IntegerType, DataTypes.DateType, false),
              false)
          .add(
              "reasons",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add("unknown_origin", DataTypes.LongType, false);

  /** Table to months as yyyy * 100 + mm (formatted once, at the end: this runs for every row). */
  private final Map<String, Set<Integer>> months = new TreeMap<>();

  private final Map<Integer, LocalDate> cbpLatest = new TreeMap<>();
  private final Map<String, Long> reasons = new TreeMap<>();
  private long unknownOrigin;

  /** A normalized row of {@code seizures} or {@code shipments}. */
  void normalized(TableRow row) {
    LocalDate date = (LocalDate) row.get("event_date");
    months
        .computeIfAbsent(row.table().tableName(), k -> new TreeSet<>())
        .add(date.getYear() * 100 + date.getMonthValue());
    if (row.table() == org.fentrace.warehouse.WarehouseTable.SEIZURES) {
      Object format = row.get("source_format");
      Object year = row.get("fiscal_year");
      if (year != null && ("cbp_nationwide".equals(format) || "cbp_amo".equals(format))) {
        cbpLatest.merge((Integer) year, date, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    if (row.get("origin_country") == null && row.get("origin_country_raw") != null) {
      unknownOrigin++;
    }
  }

  void rejected(String reasonCode) {
    reasons.merge(reasonCode, 1L, Long::sum);
  }

  /**
   * The values of {@link #FIELDS}, in order, as Spark's external types (Scala maps and sequences).
   */
  Object[] values() {
    Map<String, Object> monthLists = new TreeMap<>();
    months.forEach(
        (table, set) ->
            monthLists.put(
                table,
                CollectionConverters.asScala(
                        set.stream()
                            .map(m -> String.format("%04d-%02d", m / 100, m % 100))
                            .toList())
                    .toSeq()));
    Map<Integer, Object> cbp = new TreeMap<>();
    cbpLatest.forEach((year, date) -> cbp.put(year, java.sql.Date.valueOf(date)));
    return new Object[] {
      CollectionConverters.asScala(monthLists),
      CollectionConverters.asScala(cbp),
      CollectionConverters.asScala(new TreeMap<>(reasons)),
      unknownOrigin
    };
  }

  static Row statsRow(Object[] head, FileFacts facts) {
    Object[] tail = facts.values();
    Object[] all = new Object[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return RowFactory.create(all);
  }
}
