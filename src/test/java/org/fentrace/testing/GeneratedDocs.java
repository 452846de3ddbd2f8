package org.fentrace.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Documents generated from the code (vocabularies, data dictionary): a test fails when the
 * committed file is stale, and rewrites it when run with {@code -Dfentrace.regenerateDocs=true}.
 */
public final class GeneratedDocs {
  public static final String REGENERATE = "fentrace.regenerateDocs";

  private GeneratedDocs() {}

  /**
   * @param doc path below the project root
   * @param expected the document as the code renders it
   * @param sources what it is generated from, for the failure message
   * @param testClass the test to run to regenerate it
   */
  public static void assertCurrent(String doc, String expected, String sources, Class<?> testClass)
      throws IOException {
    Path path = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve(doc);
    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(path.getParent());
      Files.writeString(path, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .withFailMessage(
            "%s is stale (%s). It is generated from %s; regenerate it with:%n  mvn -o test -Dtest=%s -D%s=true",
            doc, firstDifference(actual, expected), sources, testClass.getSimpleName(), REGENERATE)
        .isEqualTo(expected);
  }

  static String firstDifference(String actual, String expected) {
    if (actual.isEmpty()) {
      return "missing or empty";
    }
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String al = i < a.length ? a[i] : "<end of file>";
      String el = i < e.length ? e[i] : "<end of file>";
      if (!al.equals(el)) {
        return "first difference at line "
            + (i + 1)
            + ": file has '"
            + al
            + "', code gives '"
            + el
            + "'";
      }
    }
    return "differs";
  }
}
