package org.fentrace.scheduling;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command line into words the way sh would before expansion, enough for crontab
 * entries: single and double quotes (removed), backslash escapes, $(...) kept whole, and the
 * control and redirection operators (; && || | & > >> < and their fd forms) as separate words.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        inWord = flush(words, w, inWord);
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        w.append(line, i + 1, end < 0 ? line.length() : end);
        i = end < 0 ? line.length() : end;
        inWord = true;
      } else if (c == '"') {
        int j = i + 1;
        while (j < line.length() && line.charAt(j) != '"') {
          if (line.charAt(j) == '\\' && j + 1 < line.length()) {
            j++;
          } else if (line.startsWith("$(", j)) {
            int end = closing(line, j + 1);
            w.append(line, j, end + 1);
            j = end + 1;
            continue;
          }
          w.append(line.charAt(j));
          j++;
        }
        i = j;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
        inWord = true;
      } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        int end = closing(line, i + 1);
        w.append(line, i, end + 1);
        i = end;
        inWord = true;
      } else if (";&|<>".indexOf(c) >= 0) {
        boolean fd = inWord && w.toString().matches("\\d+") && (c == '>' || c == '<');
        String prefix = fd ? w.toString() : "";
        if (!fd) {
          flush(words, w, inWord);
        }
        w.setLength(0);
        int j = i;
        while (j < line.length() && ";&|<>".indexOf(line.charAt(j)) >= 0) {
          j++;
        }
        // "2>&1": the fd after >& belongs to the operator.
        while (j < line.length()
            && line.charAt(j - 1) == '&'
            && Character.isDigit(line.charAt(j))) {
          j++;
        }
        words.add(prefix + line.substring(i, j));
        i = j - 1;
        inWord = false;
      } else {
        w.append(c);
        inWord = true;
      }
    }
    flush(words, w, inWord);
    return words;
  }

  static boolean isOperator(String word) {
    return word.matches("\\d*[;&|<>].*");
  }

  /** The index of the ')' closing the '(' at {@code open}. */
  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '(') {
        depth++;
      } else if (s.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced $( in: " + s);
  }

  private static boolean flush(List<String> words, StringBuilder w, boolean inWord) {
    if (inWord) {
      words.add(w.toString());
      w.setLength(0);
    }
    return false;
  }
}
