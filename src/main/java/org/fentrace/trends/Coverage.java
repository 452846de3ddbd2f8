package org.fentrace.trends;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which months each source covered. A month a source did not cover is "no data", never "nothing
 * seized": the dense tables write null there (with {@code covered = false}) instead of 0, and no
 * change, rolling mean, trend or lead change is computed across it.
 *
 * <p>A source covers the months of the event dates each of its deliveries spans (a delivery is one
 * source file: CBP's published file covers the months inside its published span, an event or
 * shipment file the months from its first to its last event date). Two deliveries with a hole
 * between them leave the hole uncovered. Months after the last month trended (the run month) are
 * never covered.
 */
public final class Coverage {
  /** One delivery of a source: the file and the months its event dates span. */
  public record Delivery(String source, String file, YearMonth first, YearMonth last) {}

  private final Map<String, TreeSet<YearMonth>> bySource;

  private Coverage(Map<String, TreeSet<YearMonth>> bySource) {
    this.bySource = bySource;
  }

  /** Coverage from the deliveries, cut at {@code lastMonth}. */
  public static Coverage of(Collection<Delivery> deliveries, YearMonth lastMonth) {
    Map<String, TreeSet<YearMonth>> by = new TreeMap<>();
    for (Delivery d : deliveries) {
      YearMonth last = d.last().isAfter(lastMonth) ? lastMonth : d.last();
      for (YearMonth m = d.first(); !m.isAfter(last); m = m.plusMonths(1)) {
        by.computeIfAbsent(d.source(), k -> new TreeSet<>()).add(m);
      }
    }
    return new Coverage(by);
  }

  /** Sources with at least one covered month, sorted by id. */
  public List<String> sources() {
    return List.copyOf(bySource.keySet());
  }

  public boolean covered(String source, YearMonth month) {
    TreeSet<YearMonth> s = bySource.get(source);
    return s != null && s.contains(month);
  }

  /** First and last covered month of a source; null when it covers none. */
  public MonthSpan span(String source) {
    TreeSet<YearMonth> s = bySource.get(source);
    return s == null || s.isEmpty() ? null : new MonthSpan(s.first(), s.last());
  }

  /** From the first to the last month any of {@code sources} covers; null when none covers any. */
  public MonthSpan span(Collection<String> sources) {
    YearMonth first = null;
    YearMonth last = null;
    for (String source : sources) {
      MonthSpan s = span(source);
      if (s != null) {
        first = first == null || s.first().isBefore(first) ? s.first() : first;
        last = last == null || s.last().isAfter(last) ? s.last() : last;
      }
    }
    return first == null ? null : new MonthSpan(first, last);
  }

  /** Covered flags of a source over a span, index 0 being its first month. */
  public boolean[] flags(String source, MonthSpan span) {
    boolean[] out = new boolean[span.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = covered(source, span.month(i));
    }
    return out;
  }

  /** Months of fiscal year {@code fy} the source covered, in calendar order. */
  public List<YearMonth> coveredIn(String source, int fy) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = YearMonth.of(fy - 1, 10);
        !m.isAfter(YearMonth.of(fy, 9));
        m = m.plusMonths(1)) {
      if (covered(source, m)) {
        out.add(m);
      }
    }
    return out;
  }
}
