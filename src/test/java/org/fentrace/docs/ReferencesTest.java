package org.fentrace.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Someone who clones fentrace has only the repository: a comment or page that cites a ticket by
 * number (the word issue or item and a number), a section of a document by number (which breaks
 * when the document is reorganised) or a file in a folder beside the checkout points at nothing
 * they can open. Say why in words, or link a section of {@code docs/contract.md} by its title.
 *
 * <p>{@code jobs/} is not scanned yet: add it to {@link #ROOTS} once its scheduling examples are
 * clean.
 */
class ReferencesTest {
  /** What is scanned, below the project root. */
  static final List<String> ROOTS = List.of("src", "docs", "README.md", "pom.xml", "sample-data");

  static final Pattern UNRESOLVABLE =
      Pattern.compile("\\b(?:[Ii]ssues? [0-9]|[Ii]tems? [0-9]|[Ss]ections? [0-9])|\\.\\./shared/");

  @Test
  void noCommentOrPageCitesTicketsSectionNumbersOrFilesOutsideTheRepository() throws IOException {
    Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    List<String> found = new ArrayList<>();
    for (String start : ROOTS) {
      try (Stream<Path> files = Files.walk(root.resolve(start))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          List<String> lines;
          try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          } catch (CharacterCodingException binary) {
            continue; // not text
          }
          for (int i = 0; i < lines.size(); i++) {
            if (UNRESOLVABLE.matcher(lines.get(i)).find()) {
              found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(found)
        .withFailMessage(
            "references a reader of the repository cannot resolve (say the reason in"
                + " words, or link docs/contract.md by section title):%n%s",
            String.join("\n", found))
        .isEmpty();
  }
}
