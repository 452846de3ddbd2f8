package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fentrace.core.SubstanceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table {@code substance-names.csv}: systematic names, CAS numbers, salts, brands and other
 * languages' spellings that must be recognised, and look-alikes that must stay out, each with the
 * reason. The expected class and name of every row are written from the chemistry of the name (see
 * the table's header), so the table checks the whole matcher (dictionary, structure reading and CAS
 * numbers) as the normalizers use it.
 */
class SubstanceNamesTableTest {

  private static final SubstanceDictionary DICT = SubstanceDictionary.loadDefault();
  private static final String TABLE = "/org/fentrace/normalize/substance-names.csv";

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                SubstanceNamesTableTest.class.getResourceAsStream(TABLE),
                StandardCharsets.UTF_8))) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("name,")) {
          continue;
        }
        List<String> f = DictionaryCsv.split(line, TABLE, lineNo);
        assertThat(f)
            .as("line %d: name,expected_class,expected_name,unlisted,reason", lineNo)
            .hasSize(5);
        rows.add(
            Arguments.of(
                f.get(0),
                SubstanceClass.valueOf(f.get(1)),
                f.get(2),
                Boolean.parseBoolean(f.get(3)),
                f.get(4)));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} -> {1} ({4})")
  @MethodSource("rows")
  void eachNameGetsItsClassForTheReasonGiven(
      String name, SubstanceClass cls, String expectedName, boolean unlisted, String reason) {
    SubstanceMatch m = DICT.match(name);
    assertThat(m.substanceClass()).as("class of %s: %s", name, reason).isEqualTo(cls);
    assertThat(m.unlisted()).as("unlisted flag of %s: %s", name, reason).isEqualTo(unlisted);
    if (!expectedName.isEmpty()) {
      assertThat(m.name()).as("name of %s: %s", name, reason).isEqualTo(expectedName);
    }
  }

  @Test
  void everyRowSaysWhyAndTheTableCoversEveryClass() throws IOException {
    List<Arguments> all = rows().toList();
    assertThat(all)
        .allSatisfy(
            a -> assertThat((String) a.get()[4]).as("reason of %s", a.get()[0]).isNotBlank());
    // Enough rows on each side to mean something: in-rows for each family class, out-rows for the
    // rest.
    for (SubstanceClass c : SubstanceClass.values()) {
      assertThat(all.stream().filter(a -> a.get()[1] == c).count())
          .as("rows of %s", c)
          .isGreaterThanOrEqualTo(5);
    }
  }
}
