package com.anthropic.tool.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a template file, made to be read and edited by people: one option a line, {@code
 * name: value}, the option's long name without its dashes; a repeatable option has one line per
 * value; a value of several lines (or with spaces at either end) is written {@code name: |} with
 * its lines below, each indented by two spaces; lines beginning with {@code #} are comments.
 *
 * <pre>
 * # anthropic template: summarize
 * model: haiku
 * temperature: 0.2
 * prompt: |
 *   Summarize in $words words:
 *
 *   $input
 * </pre>
 *
 * Values are text, never interpreted here (no YAML types, no quotes).
 */
public final class TemplateText {
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final String INDENT = "  ";

  private TemplateText() {}

  /** A line that could not be read. */
  public static final class BadTemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadTemplateException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  /**
   * The options in file order, each with its values in order.
   *
   * @throws BadTemplateException naming the first line that is not {@code name: value}
   */
  public static Map<String, List<String>> parse(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
      if (colon < 0 || !KEY.matcher(key).matches()) {
        throw new BadTemplateException(
            i + 1, "expected 'name: value' (an option's long name without its dashes)");
      }
      String value = line.substring(colon + 1).strip();
      if (value.equals("|")) {
        List<String> block = new ArrayList<>();
        while (i + 1 < lines.length
            && (lines[i + 1].startsWith(INDENT) || lines[i + 1].isBlank())) {
          i++;
          block.add(lines[i].startsWith(INDENT) ? lines[i].substring(INDENT.length()) : "");
        }
        while (!block.isEmpty() && block.get(block.size() - 1).isEmpty()) {
          block.remove(block.size() - 1);
        }
        value = String.join("\n", block);
      }
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** The file's text: a comment line with the name, then each value as {@link #parse} reads it. */
  public static String format(String name, Map<String, List<String>> options) {
    StringBuilder sb = new StringBuilder();
    sb.append("# anthropic template: ").append(name).append('\n');
    sb.append("# 'name: value' a line (see 'anthropic templates --help'); edit freely.\n");
    for (Map.Entry<String, List<String>> e : options.entrySet()) {
      if (!KEY.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("not an option name: " + e.getKey());
      }
      for (String v : e.getValue()) {
        sb.append(e.getKey()).append(':');
        if (v.contains("\n") || v.contains("\r") || !v.equals(v.strip()) || v.equals("|")) {
          sb.append(" |\n");
          for (String l : v.replace("\r\n", "\n").split("\n", -1)) {
            sb.append(l.isEmpty() ? "" : INDENT + l).append('\n');
          }
        } else {
          sb.append(v.isEmpty() ? "" : " " + v).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
