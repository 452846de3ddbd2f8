package org.fentrace.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough Markdown for tests that hold documentation to the code: sections by heading title (a
 * section runs to the next heading of the same or a higher level, so it includes its subsections)
 * and the cells of pipe tables.
 */
final class MarkdownDoc {
  final String path;
  private final List<String> lines;

  /** Per line: inside a ``` fence, where a # starts a shell comment, not a heading. */
  private final List<Boolean> fenced;

  private MarkdownDoc(String path, List<String> lines) {
    this.path = path;
    this.lines = lines;
    this.fenced = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      boolean fence = line.strip().startsWith("```");
      fenced.add(in || fence);
      if (fence) {
        in = !in;
      }
    }
  }

  private MarkdownDoc(String path, List<String> lines, List<Boolean> fenced) {
    this.path = path;
    this.lines = lines;
    this.fenced = fenced;
  }

  /**
   * Reads a document by its path below the project root (Maven's basedir, else the working folder).
   */
  static MarkdownDoc read(String path) throws IOException {
    Path file =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve(path);
    return new MarkdownDoc(path, Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * The section under the heading whose title is exactly {@code title}, or empty when there is
   * none.
   */
  Optional<MarkdownDoc> section(String title) {
    for (int i = 0; i < lines.size(); i++) {
      int level = level(i);
      if (level > 0 && lines.get(i).substring(level).strip().equals(title)) {
        int end = i + 1;
        while (end < lines.size() && (level(end) == 0 || level(end) > level)) {
          end++;
        }
        return Optional.of(
            new MarkdownDoc(
                path + ", \"" + title + "\"",
                lines.subList(i + 1, end),
                fenced.subList(i + 1, end)));
      }
    }
    return Optional.empty();
  }

  /** The section titled {@code title}; fails naming the document when it is missing. */
  MarkdownDoc requireSection(String title) {
    return section(title)
        .orElseThrow(() -> new AssertionError(path + " has no section titled \"" + title + "\""));
  }

  /** Titles of the headings in this section, without their # marks. */
  List<String> headings() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int level = level(i);
      if (level > 0) {
        titles.add(lines.get(i).substring(level).strip());
      }
    }
    return titles;
  }

  /**
   * A pipe table: its header cells and body rows, every cell trimmed ({@code \|} in a cell is a
   * literal bar).
   */
  record Table(List<String> header, List<List<String>> rows) {}

  /** Every pipe table in this section, in order. */
  List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (fenced.get(i)
          || !lines.get(i).strip().startsWith("|")
          || !isSeparator(lines.get(i + 1))) {
        continue;
      }
      List<String> header = cells(lines.get(i));
      List<List<String>> rows = new ArrayList<>();
      int j = i + 2;
      for (; j < lines.size() && lines.get(j).strip().startsWith("|"); j++) {
        rows.add(cells(lines.get(j)));
      }
      tables.add(new Table(header, rows));
      i = j - 1;
    }
    return tables;
  }

  /**
   * The table whose header is exactly {@code header}; fails naming the document when there is none.
   */
  Table requireTable(String... header) {
    return tables().stream()
        .filter(t -> t.header().equals(List.of(header)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(path + " has no table with the header " + List.of(header)));
  }

  private static boolean isSeparator(String line) {
    return line.strip().matches("\\|[-:| ]+\\|");
  }

  private static List<String> cells(String line) {
    String l = line.strip();
    List<String> cells = new ArrayList<>();
    for (String cell :
        l.substring(1, l.endsWith("|") ? l.length() - 1 : l.length()).split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.replace("\\|", "|").strip());
    }
    return cells;
  }

  String text() {
    return String.join("\n", lines);
  }

  private int level(int i) {
    if (fenced.get(i)) {
      return 0;
    }
    String line = lines.get(i);
    int n = 0;
    while (n < line.length() && line.charAt(n) == '#') {
      n++;
    }
    return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
  }
}
