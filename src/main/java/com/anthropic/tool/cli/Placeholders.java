package com.anthropic.tool.cli;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The placeholders of a template's prompt: {@code $NAME} or {@code ${NAME}} (NAME a letter or
 * {@code _}, then letters, digits, {@code _}); {@code $$} is a literal {@code $}; a {@code $}
 * before anything else (a digit, a space) stays as it is.
 */
final class Placeholders {
  /** The placeholder that standard input (or the prompt words) fills. */
  static final String INPUT = "input";

  private Placeholders() {}

  /** The names of the placeholders in {@code text}, in order of first appearance. */
  static Set<String> names(String text) {
    Set<String> out = new LinkedHashSet<>();
    scan(
        text,
        name -> {
          out.add(name);
          return "";
        });
    return out;
  }

  /**
   * {@code text} with each placeholder replaced by its value, in one pass (a value is never read
   * for placeholders itself).
   *
   * @throws CliException naming the first placeholder with no value (exit 2)
   */
  static String fill(String text, Map<String, String> values, String template) {
    return scan(
        text,
        name -> {
          String v = values.get(name);
          if (v == null) {
            throw CliException.usage(
                "template "
                    + template
                    + ": nothing fills $"
                    + name
                    + (name.equals(INPUT)
                        ? " (pipe text on standard input or give PROMPT words)"
                        : " (give -p " + name + " VALUE)"));
          }
          return v;
        });
  }

  private static String scan(String text, Function<String, String> value) {
    StringBuilder sb = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        sb.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        sb.append('$');
        i += 2;
        continue;
      }
      boolean braced = next == '{';
      int start = braced ? i + 2 : i + 1;
      int end = start;
      while (end < text.length() && isNameChar(text.charAt(end), end == start)) {
        end++;
      }
      if (end == start || braced && (end >= text.length() || text.charAt(end) != '}')) {
        sb.append(c);
        i++;
        continue;
      }
      sb.append(value.apply(text.substring(start, end)));
      i = braced ? end + 1 : end;
    }
    return sb.toString();
  }

  private static boolean isNameChar(char c, boolean first) {
    boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    return letter || !first && c >= '0' && c <= '9';
  }

  /** Whether {@code name} can be a placeholder's name. */
  static boolean validName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isNameChar(name.charAt(i), i == 0)) {
        return false;
      }
    }
    return true;
  }
}
