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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A route, route confidence or substance class spelled as a string literal in production code is a
 * second copy of the vocabulary that drifts when the enum changes (a renamed route would keep its
 * old colour, its old dense zero rows, its old filter). Outside {@code org.fentrace.core}, code
 * names the constant and writes {@code wireName()}; only the generator of synthetic landing files,
 * which writes raw text as an agency would, is exempt. Compiler-invisible, hence this scan of the
 * sources rather than an ArchUnit rule.
 */
class VocabularyLiteralsTest {
  /**
   * Source folders (below src/main/java/org/fentrace) allowed to spell the values: the enums and
   * the generator.
   */
  static final Set<String> EXEMPT = Set.of("core", "generate");

  static Set<String> values() {
    Set<String> v = new LinkedHashSet<>();
    v.addAll(Vocabulary.wireNames(Route.class));
    v.addAll(Vocabulary.wireNames(Confidence.class));
    v.add(Confidence.NO_RULE);
    v.addAll(Vocabulary.wireNames(SubstanceClass.class));
    return v;
  }

  /**
   * A string literal that is exactly one of the values (a literal that merely contains one is
   * prose).
   */
  static Pattern literal() {
    return Pattern.compile("\"(" + String.join("|", values()) + ")\"");
  }

  @Test
  void thePatternCatchesALiteralAndLetsTheConstantPass() {
    // Hand-written lines: the first repeats a route as text, the second names the constant.
    assertThat(literal().matcher("Map.of(\"CHINA_DIRECT\", new Color(0xD55E00))").find()).isTrue();
    assertThat(literal().matcher("col(\"route_confidence\").equalTo(\"LOW\")").find()).isTrue();
    assertThat(
            literal().matcher("Map.of(Route.CHINA_DIRECT.wireName(), new Color(0xD55E00))").find())
        .isFalse();
    assertThat(literal().matcher("\"CHINA_DIRECT kg\"").find()).isFalse();
  }

  @Test
  void noRouteConfidenceOrSubstanceClassIsSpelledOutsideCore() throws IOException {
    Path main =
        Path.of(
            System.getProperty("basedir", System.getProperty("user.dir")),
            "src/main/java/org/fentrace");
    Pattern literal = literal();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (EXEMPT.contains(main.relativize(file).getName(0).toString())) {
          continue;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (literal.matcher(lines.get(i)).find()) {
            found.add(main.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
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
}
