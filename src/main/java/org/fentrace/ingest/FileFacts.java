package org.fentrace.ingest;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.InputFormat;
import org.fentrace.warehouse.TableRow;
import org.fentrace.warehouse.WarehouseTable;
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

  /**
   * Table to months as bits at yyyy * 12 + mm - 1 (formatted once, at the end: this runs for every
   * row, where boxing a month into a sorted set cost about 2% of the parse).
   */
  private final Map<WarehouseTable, BitSet> months = new EnumMap<>(WarehouseTable.class);

  private final Map<Integer, LocalDate> cbpLatest = new TreeMap<>();
  private final Map<String, Long> reasons = new TreeMap<>();
  private long unknownOrigin;

  /** A normalized row of {@code seizures} or {@code shipments}. */
  void normalized(TableRow row) {
    LocalDate date = (LocalDate) row.get("event_date");
    months
        .computeIfAbsent(row.table(), t -> new BitSet())
        .set(date.getYear() * 12 + date.getMonthValue() - 1);
    if (row.table() == WarehouseTable.SEIZURES) {
      Object format = row.get("source_format");
      Object year = row.get("fiscal_year");
      if (year != null && format instanceof String f && InputFormat.fromId(f).isCbpAggregate()) {
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
                table.tableName(),
                CollectionConverters.asScala(
                        set.stream()
                            .mapToObj(m -> String.format("%04d-%02d", m / 12, m % 12 + 1))
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

  /**
   * One statistics row ({@link Envelope#STATS_TYPE}) from the statistics of the parts a file was
   * read in: rows and facts added up, the earliest future date, months united, the latest CBP date
   * per fiscal year; the file's SHA-256 and fallback bytes as given.
   */
  static Row mergeStats(java.util.List<Row> parts, String sha256, long fallbackBytes) {
    long rows = 0;
    java.sql.Date earliestFuture = null;
    Map<String, Set<String>> monthSets = new TreeMap<>();
    Map<Integer, java.sql.Date> cbp = new TreeMap<>();
    Map<String, Long> reasonCounts = new TreeMap<>();
    long unknown = 0;
    int first = Envelope.STATS_TYPE.fieldIndex("months");
    for (Row p : parts) {
      rows += p.getLong(0);
      java.sql.Date future = p.getDate(5);
      if (future != null && (earliestFuture == null || future.before(earliestFuture))) {
        earliestFuture = future;
      }
      Map<String, scala.collection.Seq<String>> m = p.getJavaMap(first);
      m.forEach(
          (table, seq) ->
              monthSets
                  .computeIfAbsent(table, k -> new TreeSet<>())
                  .addAll(CollectionConverters.asJava(seq)));
      Map<Integer, java.sql.Date> latest = p.getJavaMap(first + 1);
      latest.forEach((year, date) -> cbp.merge(year, date, (a, b) -> a.after(b) ? a : b));
      Map<String, Long> r = p.getJavaMap(first + 2);
      r.forEach((reason, n) -> reasonCounts.merge(reason, n, Long::sum));
      unknown += p.getLong(first + 3);
    }
    Map<String, Object> monthLists = new TreeMap<>();
    monthSets.forEach(
        (table, set) ->
            monthLists.put(
                table, CollectionConverters.asScala(new java.util.ArrayList<>(set)).toSeq()));
    return RowFactory.create(
        rows,
        sha256,
        fallbackBytes,
        null,
        null,
        earliestFuture,
        CollectionConverters.asScala(monthLists),
        CollectionConverters.asScala(cbp),
        CollectionConverters.asScala(reasonCounts),
        unknown);
  }
}
