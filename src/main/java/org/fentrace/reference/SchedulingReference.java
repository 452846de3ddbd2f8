package org.fentrace.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fentrace.core.SubstanceClass;
import org.fentrace.normalize.SubstanceDictionary;
import org.fentrace.normalize.SubstanceMatch;

/**
 * The scheduling reference ({@code jobs/conf/scheduling.csv}, bundled as {@code
 * /conf/scheduling.csv}): when each fentanyl-related substance and precursor came under US,
 * Chinese, UN and Mexican control, each date with its primary source.
 *
 * <p>Loading validates everything a later analysis relies on, and a problem is an error naming the
 * file, the physical line (the header of the file counts, comments included) and what to do,
 * because a reference file that silently drops or misreads a date would put a scheduling marker in
 * the wrong place:
 *
 * <ul>
 *   <li>the header has {@code substance}, {@code kind}, {@code notes} and a {@code _date} and a
 *       {@code _source} column for every {@link Control};
 *   <li>every date is a real {@code yyyy-MM-dd} day;
 *   <li>every date has a source, and every source a date (a citation without a date belongs in
 *       {@code notes});
 *   <li>the substance resolves through the substance dictionary to a listed (not merely recognised)
 *       entry of the fentanyl family, and no two rows resolve to the same entry;
 *   <li>a class-wide date on a substance's own row (written where a primary source names the
 *       substance as falling under the class order) equals the class row's date for that order.
 * </ul>
 *
 * Pure Java; instances are immutable.
 */
public final class SchedulingReference {

  /** The bundled file, on the classpath. */
  public static final String DEFAULT_RESOURCE = "/conf/scheduling.csv";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private final String sourceName;
  private final Map<String, SchedulingEntry> bySubstance;

  private SchedulingReference(String sourceName, Map<String, SchedulingEntry> bySubstance) {
    this.sourceName = sourceName;
    this.bySubstance = bySubstance;
  }

  /** The bundled file, resolved through the bundled substance dictionary. */
  public static SchedulingReference loadDefault() {
    InputStream in = SchedulingReference.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "scheduling reference not on the classpath: " + DEFAULT_RESOURCE);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load(reader, "scheduling.csv", SubstanceDictionary.loadDefault());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a file in the {@code scheduling.csv} format.
   *
   * @throws IllegalArgumentException naming {@code sourceName}, the line and the problem
   */
  public static SchedulingReference load(
      Reader csv, String sourceName, SubstanceDictionary dictionary) {
    Map<String, SchedulingEntry> entries = new LinkedHashMap<>();
    try (CSVParser parser = ReferenceCsv.open(csv)) {
      Map<String, Integer> header = header(ReferenceCsv.header(parser), sourceName);
      for (CSVRecord r : parser) {
        // The parser has read up to the end of this record's last line; a record holds no line
        // breaks here.
        int line = (int) parser.getCurrentLineNumber();
        SchedulingEntry e = entry(r, header, sourceName, line, dictionary);
        SchedulingEntry earlier = entries.putIfAbsent(e.substance(), e);
        if (earlier != null) {
          throw problem(
              sourceName,
              line,
              "'"
                  + value(r, header, "substance")
                  + "' is the dictionary's '"
                  + e.substance()
                  + "', already given on line "
                  + earlier.line()
                  + "; merge the two rows");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(
          sourceName + ": not readable as CSV: " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(sourceName + ": the scheduling reference has no rows");
    }
    checkClassWideDates(entries.values(), sourceName);
    return new SchedulingReference(sourceName, entries);
  }

  /** The class-wide measures: one order each, dated on the class row. */
  private static final List<Control> CLASS_WIDE =
      List.of(Control.US_CLASS_WIDE, Control.CHINA_CLASS_WIDE);

  /**
   * A class-wide date on a substance's own row says that a named source puts the substance under
   * the class order, so it must be that order's date: the class row's. A row that names a
   * class-wide date when the file has no class row, or a different date, is an error.
   */
  private static void checkClassWideDates(Collection<SchedulingEntry> entries, String sourceName) {
    SchedulingEntry classRow =
        entries.stream()
            .filter(e -> e.kind() == SchedulingEntry.Kind.CLASS)
            .findFirst()
            .orElse(null);
    for (SchedulingEntry e : entries) {
      if (e == classRow) {
        continue;
      }
      for (Control c : CLASS_WIDE) {
        Optional<ControlDate> own = e.control(c);
        if (own.isEmpty()) {
          continue;
        }
        Optional<ControlDate> order = classRow == null ? Optional.empty() : classRow.control(c);
        if (order.isEmpty()) {
          throw problem(
              sourceName,
              e.line(),
              c.dateColumn()
                  + " "
                  + own.get().date()
                  + " names a class-wide order the file does not date: give the CLASS row its "
                  + c.dateColumn()
                  + " first");
        }
        if (!order.get().date().equals(own.get().date())) {
          throw problem(
              sourceName,
              e.line(),
              c.dateColumn()
                  + " "
                  + own.get().date()
                  + " differs from the class order's "
                  + order.get().date()
                  + " (line "
                  + classRow.line()
                  + "): a substance under the class order is controlled from the order's date");
        }
      }
    }
  }

  /** The header, checked for every column the format requires. */
  private static Map<String, Integer> header(Map<String, Integer> header, String sourceName) {
    List<String> required = new ArrayList<>(List.of("substance", "kind", "notes"));
    for (Control c : Control.values()) {
      required.add(c.dateColumn());
      required.add(c.sourceColumn());
    }
    for (String column : required) {
      if (!header.containsKey(column)) {
        throw new IllegalArgumentException(
            sourceName
                + " line 1: the header lacks the column '"
                + column
                + "'; expected "
                + String.join(",", required));
      }
    }
    return header;
  }

  private static SchedulingEntry entry(
      CSVRecord r,
      Map<String, Integer> header,
      String sourceName,
      int line,
      SubstanceDictionary dictionary) {
    String substance = value(r, header, "substance");
    if (substance.isEmpty()) {
      throw problem(sourceName, line, "substance is empty");
    }
    SubstanceMatch m = dictionary.match(substance);
    if (m.unlisted() || !isFentanylFamily(m.substanceClass())) {
      throw problem(
          sourceName,
          line,
          "substance '"
              + substance
              + "' is not a listed fentanyl, analogue or"
              + " precursor in the substance dictionary (it reads as '"
              + m.name()
              + "', "
              + m.substanceClass()
              + (m.unlisted() ? ", unlisted" : "")
              + "); add it to substances.csv or use its dictionary name");
    }
    SchedulingEntry.Kind kind;
    String kindText = value(r, header, "kind");
    try {
      kind = SchedulingEntry.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw problem(
          sourceName,
          line,
          "kind '" + kindText + "' is not one of FENTANYL, ANALOG, CLASS, PRECURSOR");
    }
    Map<Control, ControlDate> controls = new EnumMap<>(Control.class);
    for (Control c : Control.values()) {
      String date = value(r, header, c.dateColumn());
      String source = value(r, header, c.sourceColumn());
      if (date.isEmpty() && source.isEmpty()) {
        continue;
      }
      if (source.isEmpty()) {
        throw problem(
            sourceName,
            line,
            c.dateColumn()
                + " "
                + date
                + " has no "
                + c.sourceColumn()
                + "; write the primary source the date was read from, or leave the date empty");
      }
      if (date.isEmpty()) {
        throw problem(
            sourceName,
            line,
            c.sourceColumn()
                + " is given but "
                + c.dateColumn()
                + " is empty; write the date the source states, or move the citation to notes");
      }
      try {
        controls.put(c, new ControlDate(LocalDate.parse(date, DATE), source));
      } catch (DateTimeParseException e) {
        throw problem(
            sourceName, line, c.dateColumn() + " '" + date + "' is not a real yyyy-MM-dd day");
      }
    }
    return new SchedulingEntry(
        m.name(), m.substanceClass(), kind, controls, value(r, header, "notes"), line);
  }

  private static boolean isFentanylFamily(SubstanceClass c) {
    return c == SubstanceClass.FENTANYL
        || c == SubstanceClass.FENTANYL_ANALOG
        || c == SubstanceClass.FENTANYL_PRECURSOR;
  }

  private static String value(CSVRecord r, Map<String, Integer> header, String column) {
    Integer i = header.get(column);
    return i == null || i >= r.size() ? "" : r.get(i).strip();
  }

  private static IllegalArgumentException problem(String sourceName, int line, String what) {
    return new IllegalArgumentException(sourceName + " line " + line + ": " + what);
  }

  /** Where the reference was read from. */
  public String sourceName() {
    return sourceName;
  }

  /** Every row, in file order. */
  public List<SchedulingEntry> entries() {
    return List.copyOf(bySubstance.values());
  }

  /**
   * The row for a substance's dictionary name (as {@code substance_name} holds it), if there is
   * one.
   */
  public Optional<SchedulingEntry> forSubstance(String substanceName) {
    return Optional.ofNullable(bySubstance.get(substanceName));
  }
}
