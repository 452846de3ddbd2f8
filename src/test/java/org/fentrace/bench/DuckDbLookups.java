package org.fentrace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fentrace.core.Conveyance;
import org.fentrace.core.Form;
import org.fentrace.core.InspectionOutcome;
import org.fentrace.core.Region;
import org.fentrace.normalize.CountryNormalizer;
import org.fentrace.normalize.MassUnit;
import org.fentrace.normalize.SubstanceDictionary;
import org.fentrace.normalize.UsStates;

/**
 * Exports fentrace's dictionaries from the Java classes into DuckDB tables, so the DuckDB
 * competitor joins the same data fentrace uses:
 *
 * <ul>
 *   <li>{@code lk_subst(skey, name, cls)}: {@link SubstanceDictionary#entriesAsCsvLookupRows()};
 *   <li>{@code lk_country(spelling, code)}: every JDK country code, alpha-3 and English/Spanish
 *       name plus every spelling of {@code country-variants.csv}, each resolved by {@link
 *       CountryNormalizer#toAlpha2};
 *   <li>{@code lk_unit(spelling, kg, is_count)}: {@link MassUnit} spellings and exact factors;
 *   <li>{@code lk_vocab(vocab, spelling, value)} and {@code lk_kw(vocab, prio, phrase, value)}: the
 *       exact spellings and keyword phrases of conveyance, form, region and inspection outcome;
 *   <li>{@code lk_state(spelling, code)}: {@link UsStates#spellingsByCode()}.
 * </ul>
 *
 * The SQL side computes its own key of both the table spellings and the raw values (see {@link
 * DuckDbSql}).
 */
final class DuckDbLookups {
  private DuckDbLookups() {}

  static void load(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE lk_subst(skey VARCHAR, name VARCHAR, cls VARCHAR)");
      s.execute("CREATE TEMP TABLE lk_country(spelling VARCHAR, code VARCHAR)");
      s.execute("CREATE TEMP TABLE lk_unit(spelling VARCHAR, kg DECIMAL(18,15), is_count BOOLEAN)");
      s.execute("CREATE TEMP TABLE lk_vocab(vocab VARCHAR, spelling VARCHAR, value VARCHAR)");
      s.execute(
          "CREATE TEMP TABLE lk_kw(vocab VARCHAR, prio INTEGER, phrase VARCHAR, value VARCHAR)");
      s.execute("CREATE TEMP TABLE lk_state(spelling VARCHAR, code VARCHAR)");
    }
    insert(c, "lk_subst", substances());
    insert(c, "lk_country", countries());
    insert(c, "lk_unit", units());
    insert(c, "lk_state", states());
    List<Object[]> vocab = new ArrayList<>();
    List<Object[]> keywords = new ArrayList<>();
    vocabulary(
        "CONVEYANCE",
        Conveyance.values(),
        Conveyance::spellings,
        Conveyance.keywordOrder(),
        Conveyance::keywords,
        vocab,
        keywords);
    vocabulary(
        "FORM",
        Form.values(),
        Form::spellings,
        Form.keywordOrder(),
        Form::keywords,
        vocab,
        keywords);
    vocabulary(
        "REGION",
        Region.values(),
        Region::spellings,
        Region.keywordOrder(),
        Region::keywords,
        vocab,
        keywords);
    vocabulary(
        "INSPECTION",
        InspectionOutcome.values(),
        InspectionOutcome::spellings,
        InspectionOutcome.keywordOrder(),
        InspectionOutcome::keywords,
        vocab,
        keywords);
    insert(c, "lk_vocab", vocab);
    insert(c, "lk_kw", keywords);
  }

  private static List<Object[]> substances() {
    List<Object[]> rows = new ArrayList<>();
    for (String line : SubstanceDictionary.loadDefault().entriesAsCsvLookupRows()) {
      try {
        CSVRecord r = CSVFormat.RFC4180.parse(new StringReader(line)).getRecords().get(0);
        rows.add(new Object[] {r.get(0), r.get(1), r.get(2)});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  private static List<Object[]> countries() {
    Set<String> spellings = new LinkedHashSet<>();
    Locale spanish = Locale.forLanguageTag("es");
    for (String cc : Locale.getISOCountries()) {
      Locale l = new Locale("", cc);
      spellings.add(cc);
      try {
        spellings.add(l.getISO3Country());
      } catch (MissingResourceException e) {
        // no alpha-3 in this JDK
      }
      spellings.add(l.getDisplayCountry(Locale.ENGLISH));
      spellings.add(l.getDisplayCountry(spanish));
    }
    try (InputStream in = CountryNormalizer.class.getResourceAsStream("country-variants.csv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.equalsIgnoreCase("variant,alpha2")) {
          continue;
        }
        spellings.add(
            CSVFormat.RFC4180.parse(new StringReader(t)).getRecords().get(0).get(0).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CountryNormalizer countries = CountryNormalizer.loadDefault();
    List<Object[]> rows = new ArrayList<>();
    for (String s : spellings) {
      rows.add(new Object[] {s, countries.toAlpha2(s)});
    }
    return rows;
  }

  /**
   * MassUnit keeps its spellings private; read them by reflection (a public accessor would be
   * cleaner).
   */
  private static List<Object[]> units() {
    List<Object[]> rows = new ArrayList<>();
    try {
      Field f = MassUnit.class.getDeclaredField("spellings");
      f.setAccessible(true);
      for (MassUnit u : MassUnit.values()) {
        for (String s : (String[]) f.get(u)) {
          BigDecimal kg = u.kilograms();
          rows.add(new Object[] {s, kg, u.isCount()});
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "MassUnit has no 'spellings' field any more: update the benchmark", e);
    }
    return rows;
  }

  private static List<Object[]> states() {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : UsStates.spellingsByCode().entrySet()) {
      rows.add(new Object[] {e.getKey(), e.getKey()});
      for (String s : e.getValue()) {
        rows.add(new Object[] {s, e.getKey()});
      }
    }
    return rows;
  }

  private static <E extends Enum<E>> void vocabulary(
      String vocab,
      E[] values,
      Function<E, List<String>> spellings,
      List<E> keywordOrder,
      Function<E, List<String>> keywords,
      List<Object[]> vocabRows,
      List<Object[]> keywordRows) {
    for (E v : values) {
      vocabRows.add(new Object[] {vocab, v.name(), v.name()});
      for (String s : spellings.apply(v)) {
        vocabRows.add(new Object[] {vocab, s, v.name()});
      }
    }
    int prio = 0;
    for (E v : keywordOrder) {
      for (String k : keywords.apply(v)) {
        keywordRows.add(new Object[] {vocab, prio++, k, v.name()});
      }
    }
  }

  private static void insert(Connection c, String table, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String marks = "?" + ",?".repeat(rows.get(0).length - 1);
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Object[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          if (r[i] == null) {
            p.setNull(i + 1, Types.VARCHAR);
          } else {
            p.setObject(i + 1, r[i]);
          }
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
