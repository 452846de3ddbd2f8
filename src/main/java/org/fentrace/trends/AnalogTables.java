package org.fentrace.trends;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.analogs.Scheduling;
import org.fentrace.analogs.Waves;
import org.fentrace.core.SubstanceClass;
import org.fentrace.trends.AggregateCells.AnalogCell;

/**
 * Builds {@code analog_watch}, {@code analog_waves} and {@code analog_successors} on the driver
 * from what {@link TrendsAction} collected: the seizure sources' analog totals ({@link AnalogCell},
 * monthly) and the lab-report counts per half-year ({@link LabReportCounts.Count}). The arithmetic
 * is in {@link Waves}, the control dates come from {@link Scheduling}; this class only lays out
 * rows.
 *
 * <p>Which substances: for a seizure source, those of class FENTANYL_ANALOG (as before); for a
 * lab-report source, those of class FENTANYL_ANALOG or FENTANYL_PRECURSOR, the fentanyl-related
 * substances other than fentanyl itself. Shares divide by the source's fentanyl-related reports of
 * the half-year: classes FENTANYL, FENTANYL_ANALOG and FENTANYL_PRECURSOR (names the dictionary
 * cannot class, UNKNOWN, are left out of both). A successor is of the same class as the substance
 * controlled (an analogue follows an analogue, a precursor a precursor).
 */
final class AnalogTables {
  static final int LAB_PERIOD_MONTHS = 6;
  static final List<String> LISTED =
      List.of(
          SubstanceClass.FENTANYL_ANALOG.wireName(), SubstanceClass.FENTANYL_PRECURSOR.wireName());
  static final List<String> RELATED =
      List.of(
          SubstanceClass.FENTANYL.wireName(),
          SubstanceClass.FENTANYL_ANALOG.wireName(),
          SubstanceClass.FENTANYL_PRECURSOR.wireName());
  static final String SEIZURE_DECLINE_NOTE =
      "not computed for a seizure source: its analog totals keep no series" + " per month";

  private AnalogTables() {}

  /**
   * The analog_watch that this run replaces: its keys {@code source|name}, and the sources it had
   * rows for.
   */
  record Previous(Set<String> keys, Set<String> sources) {
    /**
     * New this run: its source was in the previous table, it was not, and it is not left-censored.
     */
    boolean isNew(String source, String name, boolean leftCensored) {
      return !leftCensored
          && sources.contains(source)
          && !keys.contains(source + "|" + name)
          && !keys.contains(name);
    }
  }

  /**
   * The three tables' rows, each sorted by its keys, and the lab-report substances the reference
   * lacks.
   */
  record Result(List<Row> watch, List<Row> waves, List<Row> successors, List<String> unscheduled) {}

  static Result build(
      List<AnalogCell> seizureAnalogs,
      Coverage coverage,
      List<LabReportCounts.Count> labCounts,
      Scheduling scheduling,
      Previous previous) {
    List<Row> watch = new ArrayList<>();
    List<Row> waves = new ArrayList<>();
    List<Row> successors = new ArrayList<>();
    List<String> unscheduled = new ArrayList<>();
    Map<String, List<AnalogCell>> seizuresBySource = new TreeMap<>();
    seizureAnalogs.forEach(
        a -> seizuresBySource.computeIfAbsent(a.source(), k -> new ArrayList<>()).add(a));
    seizuresBySource.forEach(
        (source, cells) -> {
          MonthSpan span = coverage.span(source);
          List<Waves.Appearance> appearances = new ArrayList<>();
          for (AnalogCell a : cells) {
            boolean censored = span != null && a.firstMonth().equals(span.first());
            appearances.add(
                new Waves.Appearance(a.substanceName(), a.firstMonth().atDay(1), censored));
            Scheduling.Controls c = scheduling.of(a.substanceName());
            List<Object> v =
                new ArrayList<>(
                    List.of(
                        source,
                        a.substanceName(),
                        date(a.firstMonth().atDay(1)),
                        date(a.lastMonth().atDay(1)),
                        a.events(),
                        DenseTables.kg(a.kg()),
                        a.dosageUnits(),
                        a.unlisted(),
                        previous != null && previous.isNew(source, a.substanceName(), censored),
                        SubstanceClass.FENTANYL_ANALOG.wireName(),
                        1));
            v.add(null); // reports: a lab-report measure
            v.add(censored);
            v.addAll(java.util.Arrays.asList(null, null, null));
            addControls(v, c);
            v.addAll(
                java.util.Arrays.asList(null, SEIZURE_DECLINE_NOTE, null, SEIZURE_DECLINE_NOTE));
            watch.add(RowFactory.create(v.toArray()));
          }
          for (AnalogCell a : cells) {
            successors.addAll(
                successorRows(
                    source, a.substanceName(), scheduling.of(a.substanceName()), appearances));
          }
        });
    labBlocks(labCounts)
        .forEach(
            (source, block) -> {
              for (Series s : block.series().values()) {
                Scheduling.Controls c = scheduling.of(s.name());
                if (!c.listed()) {
                  unscheduled.add(s.name());
                }
                watch.add(labWatchRow(source, block, s, c, previous));
                for (int i = 0; i < block.periods().size(); i++) {
                  waves.add(
                      RowFactory.create(
                          source,
                          s.name(),
                          s.substanceClass(),
                          date(block.periods().get(i)),
                          LAB_PERIOD_MONTHS,
                          s.counts()[i],
                          block.related()[i],
                          Waves.share(s.counts()[i], block.related()[i])));
                }
                List<Waves.Appearance> sameClass =
                    block.series().values().stream()
                        .filter(o -> o.substanceClass().equals(s.substanceClass()))
                        .map(
                            o ->
                                new Waves.Appearance(
                                    o.name(),
                                    block.periods().get(Waves.firstSeen(o.counts())),
                                    Waves.firstSeen(o.counts()) == 0))
                        .toList();
                successors.addAll(successorRows(source, s.name(), c, sameClass));
              }
            });
    watch.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getString(1)));
    return new Result(watch, waves, successors, unscheduled.stream().distinct().sorted().toList());
  }

  private static Row labWatchRow(
      String source, LabBlock block, Series s, Scheduling.Controls c, Previous previous) {
    int first = Waves.firstSeen(s.counts());
    int last = Waves.lastSeen(s.counts());
    boolean censored = first == 0;
    Waves.Peak peak = Waves.peak(s.counts());
    long total = java.util.Arrays.stream(s.counts()).sum();
    List<Object> v =
        new ArrayList<>(
            List.of(
                source,
                s.name(),
                date(block.periods().get(first)),
                date(block.periods().get(last))));
    v.addAll(
        java.util.Arrays.asList(null, null, null)); // events, kg, dosage units: seizure measures
    v.addAll(
        List.of(
            s.unlisted(),
            previous != null && previous.isNew(source, s.name(), censored),
            s.substanceClass(),
            LAB_PERIOD_MONTHS,
            total,
            censored));
    v.add(date(block.periods().get(peak.index())));
    v.add(peak.count());
    v.add(Waves.share(peak.count(), block.related()[peak.index()]));
    addControls(v, c);
    Waves.Decline us =
        Waves.monthsToQuarterOfPeak(
            block.periods(), s.counts(), c.us() == null ? null : c.us().date().date());
    Waves.Decline china =
        Waves.monthsToQuarterOfPeak(
            block.periods(), s.counts(), c.china() == null ? null : c.china().date().date());
    v.addAll(java.util.Arrays.asList(us.months(), us.note(), china.months(), china.note()));
    return RowFactory.create(v.toArray());
  }

  private static void addControls(List<Object> v, Scheduling.Controls c) {
    v.add(c.listed());
    for (Scheduling.Dated d : java.util.Arrays.asList(c.us(), c.china())) {
      v.add(d == null ? null : d.control().id());
      v.add(d == null ? null : date(d.date().date()));
      v.add(d == null ? null : d.date().source());
    }
  }

  private static List<Row> successorRows(
      String source, String name, Scheduling.Controls c, List<Waves.Appearance> appearances) {
    List<Row> rows = new ArrayList<>();
    Map<String, Scheduling.Dated> byCountry = new LinkedHashMap<>();
    byCountry.put("US", c.us());
    byCountry.put("CHINA", c.china());
    byCountry.forEach(
        (country, d) -> {
          if (d == null) {
            return;
          }
          for (Waves.Successor s : Waves.successors(name, d.date().date(), appearances)) {
            rows.add(
                RowFactory.create(
                    source,
                    name,
                    country,
                    d.control().id(),
                    date(d.date().date()),
                    s.substance(),
                    date(s.firstPeriod()),
                    s.monthsAfterControl()));
          }
        });
    return rows;
  }

  /**
   * One fentanyl-related substance of a lab-report source: its class and its count in every period.
   */
  record Series(String name, String substanceClass, boolean unlisted, long[] counts) {}

  /**
   * A lab-report source: its periods (first to last it has counts in), related totals and
   * substances.
   */
  record LabBlock(List<LocalDate> periods, long[] related, Map<String, Series> series) {}

  /**
   * The lab-report counts laid out per source: dense half-years from the first to the last with any
   * count.
   */
  static Map<String, LabBlock> labBlocks(List<LabReportCounts.Count> counts) {
    Map<String, List<LabReportCounts.Count>> bySource = new TreeMap<>();
    counts.forEach(c -> bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c));
    Map<String, LabBlock> out = new TreeMap<>();
    bySource.forEach(
        (source, cs) -> {
          LocalDate first =
              cs.stream()
                  .map(LabReportCounts.Count::periodStart)
                  .min(LocalDate::compareTo)
                  .orElseThrow();
          LocalDate last =
              cs.stream()
                  .map(LabReportCounts.Count::periodStart)
                  .max(LocalDate::compareTo)
                  .orElseThrow();
          List<LocalDate> periods = new ArrayList<>();
          for (LocalDate p = first; !p.isAfter(last); p = p.plusMonths(LAB_PERIOD_MONTHS)) {
            periods.add(p);
          }
          long[] related = new long[periods.size()];
          Map<String, Series> series = new TreeMap<>();
          for (LabReportCounts.Count c : cs) {
            int i = periods.indexOf(c.periodStart());
            if (RELATED.contains(c.substanceClass())) {
              related[i] += c.reports();
            }
            if (LISTED.contains(c.substanceClass())) {
              Series s =
                  series.computeIfAbsent(
                      c.substanceName(),
                      n -> new Series(n, c.substanceClass(), false, new long[periods.size()]));
              s.counts()[i] += c.reports();
              if (c.unlisted() && !s.unlisted()) {
                series.put(s.name(), new Series(s.name(), s.substanceClass(), true, s.counts()));
              }
            }
          }
          out.put(source, new LabBlock(List.copyOf(periods), related, series));
        });
    return out;
  }

  static Date date(LocalDate d) {
    return Date.valueOf(d);
  }

  static Date date(YearMonth m) {
    return Date.valueOf(m.atDay(1));
  }
}
