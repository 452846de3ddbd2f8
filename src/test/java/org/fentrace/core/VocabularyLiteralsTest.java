package org.fentrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A vocabulary value (a route, confidence, substance class, form, region, outcome, conveyance,
 * goods class, CBP component or land filter, source, input format, table name, policy effect status
 * or period unit) spelled as a string literal in production code is a second copy of the vocabulary
 * that drifts when the enum changes (a renamed route would keep its old colour, its old dense zero
 * rows, its old filter). Outside {@code org.fentrace.core}, code names the constant and writes
 * {@code wireName()}; only the generator of synthetic landing files, which writes raw text as an
 * agency would, is exempt. Compiler-invisible, hence this scan of the sources rather than an
 * ArchUnit rule.
 */
class VocabularyLiteralsTest {
  /**
   * Source folders (below src/main/java/org/fentrace) allowed to spell the values: the enums and
   * the generator.
   */
  static final Set<String> EXEMPT = Set.of("core", "generate");

  /**
   * Values whose word is also the name of a column or of a run-manifest field, which code must
   * spell where it reads or writes that field: {@code month} and {@code half_year} (period units,
   * and the monthly tables' and lab_reports' columns) and {@code rejected} (a table, and the
   * manifest's count of rejected rows). A literal cannot say which of the two it means, so these
   * are left out of the scan; where the vocabulary is meant, the code names the constant ({@code
   * PeriodUnit.MONTH}, {@code TableName.REJECTED}).
   */
  static final Set<String> ALSO_FIELD_NAMES = Set.of("month", "half_year", "rejected");

  /** Every class of the core package that is a vocabulary, found from the core sources. */
  static List<Class<? extends Vocabulary>> vocabularies() throws IOException {
    List<Class<? extends Vocabulary>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources().resolve("core"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".java") || name.equals("package-info.java")) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName("org.fentrace.core." + name.replace(".java", ""));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        if (type.isEnum() && Vocabulary.class.isAssignableFrom(type)) {
          out.add(type.asSubclass(Vocabulary.class));
        }
      }
    }
    return out;
  }

  static Set<String> values() throws IOException {
    Set<String> v = new LinkedHashSet<>();
    for (Class<? extends Vocabulary> type : vocabularies()) {
      for (Vocabulary value : type.getEnumConstants()) {
        v.add(value.wireName());
      }
    }
    v.add(Confidence.NO_RULE);
    v.removeAll(ALSO_FIELD_NAMES);
    return v;
  }

  /**
   * A string literal that is exactly one of the values (a literal that merely contains one is
   * prose).
   */
  static Pattern literal() throws IOException {
    return Pattern.compile("\"(" + String.join("|", values()) + ")\"");
  }

  static Path sources() {
    return Path.of(
        System.getProperty("basedir", System.getProperty("user.dir")),
        "src/main/java/org/fentrace");
  }

  @Test
  void everyVocabularyOfCoreIsScanned() throws IOException {
    // The enums of core/package-info.java's list, each implementing Vocabulary; a new enum in core
    // joins the scan without touching this test.
    assertThat(vocabularies())
        .contains(
            Route.class,
            Confidence.class,
            SubstanceClass.class,
            Form.class,
            Region.class,
            InspectionOutcome.class,
            Conveyance.class,
            GoodsClass.class,
            CbpComponent.class,
            CbpLandFilter.class,
            Source.class,
            InputFormat.class,
            TableName.class,
            EffectStatus.class,
            PeriodUnit.class);
  }

  @Test
  void onlyTheValuesThatAreAlsoFieldNamesAreLeftOut() throws IOException {
    // Each word left out must still be a value of some vocabulary (else the list hides nothing and
    // should shrink), and every other value of the three vocabularies that hold them is scanned.
    Set<String> all = new LinkedHashSet<>();
    for (Class<? extends Vocabulary> type : vocabularies()) {
      for (Vocabulary value : type.getEnumConstants()) {
        all.add(value.wireName());
      }
    }
    assertThat(all).containsAll(ALSO_FIELD_NAMES);
    assertThat(values())
        .doesNotContainAnyElementsOf(ALSO_FIELD_NAMES)
        .contains(
            "seizures",
            "route_monthly",
            "policy_effects",
            "ESTIMATED",
            "OUTSIDE_COVERAGE",
            "TOO_FEW_PERIODS",
            "SPARSE_SERIES");
  }

  @Test
  void thePatternCatchesALiteralAndLetsTheConstantPass() throws IOException {
    // Hand-written lines: each of the first seven repeats a value as text (a route, a confidence,
    // a form, a source id, an input format id, table names, an effect status), the last two name
    // the constant or merely mention a value inside prose.
    Pattern literal = literal();
    assertThat(literal.matcher("Map.of(\"CHINA_DIRECT\", new Color(0xD55E00))").find()).isTrue();
    assertThat(literal.matcher("col(\"route_confidence\").equalTo(\"LOW\")").find()).isTrue();
    assertThat(literal.matcher("List.of(\"POWDER\", \"PILLS\")").find()).isTrue();
    assertThat(literal.matcher("\"cbp_published\".equals(id)").find()).isTrue();
    assertThat(literal.matcher("isin(\"cbp_nationwide\", \"cbp_amo\")").find()).isTrue();
    assertThat(literal.matcher("List.of(\"route_monthly\", \"seizures\")").find()).isTrue();
    assertThat(literal.matcher("\"ESTIMATED\".equals(status)").find()).isTrue();
    assertThat(literal.matcher("Map.of(Route.CHINA_DIRECT.wireName(), new Color(0xD55E00))").find())
        .isFalse();
    assertThat(literal.matcher("\"CHINA_DIRECT kg\"").find()).isFalse();
  }

  @Test
  void noVocabularyValueIsSpelledOutsideCore() throws IOException {
    Path main = sources();
    Pattern literal = literal();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = main.relativize(file).toString().replace('\\', '/');
        if (EXEMPT.contains(main.relativize(file).getName(0).toString())) {
          continue;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (isComment(lines.get(i))) {
            continue; // prose: a comment quoting a value documents it, it does not use it
          }
          Matcher m = literal.matcher(lines.get(i));
          while (m.find()) {
            found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found)
        .withFailMessage(
            "vocabulary values spelled as strings outside org.fentrace.core (name the"
                + " enum constant and write wireName()):%n%s",
            String.join("\n", found))
        .isEmpty();
  }

  /** A line of a block comment, or a line that holds only a line comment. */
  static boolean isComment(String line) {
    String s = line.strip();
    return s.startsWith("*") || s.startsWith("/*") || s.startsWith("//");
  }
}
