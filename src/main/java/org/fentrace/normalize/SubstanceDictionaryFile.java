package org.fentrace.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fentrace.core.SubstanceClass;

/**
 * Reads the {@code substances.csv} format into a {@link SubstanceDictionary}: one entry a line
 * ({@code canonical_name,substance_class,synonyms}, synonyms separated by {@code |}), every name
 * reduced to its key ({@link SubstanceWords}) and its structure ({@link StructureIndex}) once,
 * here, so matching does no parsing of the dictionary. A line that breaks the format fails the
 * load, naming the source, the line and the problem.
 */
final class SubstanceDictionaryFile {
  private static final String HEADER = "canonical_name,substance_class,synonyms";

  private SubstanceDictionaryFile() {}

  /**
   * The dictionary in {@code csv}.
   *
   * @throws IllegalArgumentException naming {@code sourceName}, the line and the problem, for a
   *     malformed line, an unknown class, a synonym that is nothing but salt notes, or a key
   *     claimed by two entries
   */
  static SubstanceDictionary read(Reader csv, String sourceName) {
    Map<String, SubstanceDictionary.Entry> byKey = new HashMap<>();
    Map<String, Integer> canonicalLines = new HashMap<>();
    Map<SubstanceClass, Long> counts = new EnumMap<>(SubstanceClass.class);
    int entries = 0;
    int maxWords = 1;
    StructureIndex structures = new StructureIndex();
    BufferedReader reader = new BufferedReader(csv);
    int lineNo = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        String trimmed = line.strip();
        if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
          trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equalsIgnoreCase(HEADER)) {
          continue;
        }
        List<String> fields = DictionaryCsv.split(trimmed, sourceName, lineNo);
        if (fields.size() != 3) {
          throw DictionaryCsv.problem(
              sourceName,
              lineNo,
              "expected 3 fields (" + HEADER + ") but found " + fields.size(),
              line);
        }
        String canonical = fields.get(0).strip();
        if (canonical.isEmpty()) {
          throw DictionaryCsv.problem(sourceName, lineNo, "canonical_name is empty", line);
        }
        SubstanceClass cls = parseClass(fields.get(1).strip(), sourceName, lineNo, line);
        Integer earlier = canonicalLines.putIfAbsent(canonical.toLowerCase(Locale.ROOT), lineNo);
        if (earlier != null) {
          throw DictionaryCsv.problem(
              sourceName,
              lineNo,
              "canonical_name '" + canonical + "' already defined on line " + earlier,
              line);
        }
        SubstanceDictionary.Entry entry = new SubstanceDictionary.Entry(canonical, cls, lineNo);
        List<String> names = new ArrayList<>();
        names.add(canonical);
        for (String synonym : fields.get(2).split("\\|", -1)) {
          if (!synonym.isBlank()) {
            names.add(synonym.strip());
          }
        }
        for (String name : names) {
          SubstanceWords words = SubstanceWords.parse(name);
          String key = words.key();
          if (key.isEmpty()) {
            throw DictionaryCsv.problem(
                sourceName,
                lineNo,
                "'" + name + "' has no substance words once salt and isomer" + " notes are dropped",
                line);
          }
          SubstanceDictionary.Entry other = byKey.putIfAbsent(key, entry);
          if (other != null && other != entry) {
            throw DictionaryCsv.problem(
                sourceName,
                lineNo,
                "'"
                    + name
                    + "' (key '"
                    + key
                    + "') already belongs to '"
                    + other.name()
                    + "' on line "
                    + other.line(),
                line);
          }
          maxWords = Math.max(maxWords, words.size());
          structures.add(name, new SubstanceMatch(canonical, cls, false));
        }
        counts.merge(cls, 1L, Long::sum);
        entries++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read substance dictionary " + sourceName, e);
    }
    if (entries == 0) {
      throw new IllegalArgumentException(sourceName + ": the substance dictionary has no entries");
    }
    return new SubstanceDictionary(sourceName, byKey, counts, entries, maxWords, structures, null);
  }

  private static SubstanceClass parseClass(String value, String source, int lineNo, String line) {
    try {
      return SubstanceClass.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw DictionaryCsv.problem(
          source,
          lineNo,
          "unknown substance_class '"
              + value
              + "' (expected one of "
              + Arrays.toString(SubstanceClass.values())
              + ")",
          line);
    }
  }
}
