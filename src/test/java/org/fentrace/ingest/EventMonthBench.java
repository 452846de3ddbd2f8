package org.fentrace.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The cost of the month column ({@link CandidateStore#month}) against Spark's own {@code
 * date_format(event_date, "yyyy-MM")}, measured in one JVM on one core: each form computes the
 * month of the same generated dates (every day from 1990 on, 50 years, repeated), and a hash of it
 * is aggregated so that nothing is skipped. The forms alternate for several rounds after a warm-up;
 * the medians and their ratio are printed. A check that both forms give the same text comes last.
 * Not a unit test (it takes a minute); run it as docs/benchmarks-journal.md says.
 *
 * <pre>java -cp CLASSPATH org.fentrace.ingest.EventMonthBench [rows] [rounds]</pre>
 */
public final class EventMonthBench {
  private EventMonthBench() {}

  private static double median(List<Double> values) {
    return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("event month bench")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Dataset<Row> dates =
        spark
            .range(0, rows, 1, 1)
            .select(
                date_add(lit(Date.valueOf("1990-01-01")), col("id").mod(18_262).cast("int"))
                    .as("event_date"));
    Map<String, Column> forms = new LinkedHashMap<>();
    forms.put("date_format", date_format(col("event_date"), "yyyy-MM"));
    forms.put("CandidateStore.month", CandidateStore.month());
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    forms.keySet().forEach(k -> seconds.put(k, new ArrayList<>()));
    for (int round = -1; round < rounds; round++) { // round -1 warms up the JIT and is not kept
      for (Map.Entry<String, Column> form : forms.entrySet()) {
        long start = System.nanoTime();
        dates.select(form.getValue().as("m")).agg(max(xxhash64(col("m"))), count(lit(1))).first();
        double s = (System.nanoTime() - start) / 1e9;
        if (round >= 0) {
          seconds.get(form.getKey()).add(s);
        }
      }
    }
    double baseline = median(seconds.get("date_format"));
    for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
      double m = median(e.getValue());
      System.out.printf(
          "%-22s median %6.2f s over %d rounds %s, %5.1f ns a row, date_format / this %.2f%n",
          e.getKey(), m, rounds, e.getValue(), m * 1e9 / rows, baseline / m);
    }
    long differ =
        dates.filter(forms.get("date_format").notEqual(forms.get("CandidateStore.month"))).count();
    System.out.println("rows whose months differ: " + differ);
    spark.stop();
    if (differ != 0) {
      System.exit(1);
    }
  }
}
