package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell would (blanks separate words; {@code '…'} keeps
 * everything; {@code "…"} keeps everything but {@code \"}, {@code \\}, {@code \$} and {@code \`}; a
 * backslash outside quotes keeps the next character), without running a shell: no variables, globs
 * or redirections.
 */
final class ShellWords {
  private ShellWords() {}

  /**
   * @throws IllegalArgumentException for an unclosed quote or a trailing backslash
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (c == '\'') {
        int end = line.indexOf('\'', i);
        if (end < 0) {
          throw new IllegalArgumentException("an unclosed ' quote");
        }
        word.append(line, i, end);
        i = end + 1;
        inWord = true;
      } else if (c == '"') {
        inWord = true;
        boolean closed = false;
        while (i < line.length()) {
          char d = line.charAt(i++);
          if (d == '"') {
            closed = true;
            break;
          }
          if (d == '\\' && i < line.length() && "\"\\$`".indexOf(line.charAt(i)) >= 0) {
            d = line.charAt(i++);
          }
          word.append(d);
        }
        if (!closed) {
          throw new IllegalArgumentException("an unclosed \" quote");
        }
      } else if (c == '\\') {
        if (i >= line.length()) {
          throw new IllegalArgumentException("a backslash at the end");
        }
        word.append(line.charAt(i++));
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
