package com.anthropic.tool.toolbox;

import com.anthropic.tool.text.ControlChars;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * A tool call's input as {@code --approve} shows it before asking: every field, pretty-printed,
 * each string over {@value #LONG} characters shortened in the middle ({@code first 200 … last 200
 * (N characters)}); never a field left out. A small input that needed no shortening stays on the
 * question's line, as compact JSON. When something was shortened, or the input is over {@value
 * #MANY_LINES} lines, the question offers {@code v} to view the whole input in a pager. Control
 * characters are shown visibly, never sent to the terminal as they are.
 *
 * @param shown the input as shown (one line, or several)
 * @param full the whole input, pretty-printed, nothing shortened (for the pager)
 * @param lines how many lines {@code shown} has
 * @param shortened whether a string was shortened
 */
public record ToolInputView(String shown, String full, int lines, boolean shortened) {
  /** Strings longer than this are shortened. */
  public static final int LONG = 400;

  /** What is kept of each end of a shortened string. */
  public static final int KEEP = 200;

  /** An input longer than this (in lines, after shortening) says so. */
  public static final int MANY_LINES = 100;

  private static final int ONE_LINE = 200;
  private static final Gson STRINGS = new GsonBuilder().disableHtmlEscaping().create();
  private static final Gson PRETTY =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create();

  /** The view of {@code input}. */
  public static ToolInputView of(JsonObject input) {
    JsonObject in = input == null ? new JsonObject() : input;
    boolean[] cut = {false};
    StringBuilder pretty = new StringBuilder();
    write(pretty, in, "", cut);
    String compact = STRINGS.toJson(in);
    String shown =
        !cut[0] && compact.length() <= ONE_LINE && compact.indexOf('\n') < 0
            ? compact
            : pretty.toString();
    shown = ControlChars.visible(shown);
    return new ToolInputView(
        shown, ControlChars.visible(PRETTY.toJson(in)), (int) shown.lines().count(), cut[0]);
  }

  /** Whether the question offers {@code v}: something is not shown in full. */
  public boolean offersPager() {
    return shortened || lines > MANY_LINES;
  }

  /**
   * What comes before the question's line: the input on lines of its own when it needs more than
   * one, and a note when it is very large; empty for a one-line input.
   */
  public String body(String name) {
    if (lines == 1 && !shortened) {
      return "";
    }
    StringBuilder b = new StringBuilder("tool " + visible(name) + " wants to run with this input");
    if (shortened) {
      b.append(" (long strings shortened in the middle)");
    }
    b.append(":\n").append(shown).append('\n');
    if (lines > MANY_LINES) {
      b.append("(the input is ").append(lines).append(" lines long: v views it all in a pager)\n");
    }
    return b.toString();
  }

  /** The question's line. */
  public String prompt(String name) {
    String what = lines == 1 && !shortened ? " " + shown : "";
    String choices = offersPager() ? "[y/N/v] " : "[y/N] ";
    return "run tool " + visible(name) + what + "? " + choices;
  }

  /** The answer typed: {@link Answer#VIEW} only when the question offered it. */
  public Answer answer(String typed) {
    String a = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    if (a.equals("y") || a.equals("yes")) {
      return Answer.YES;
    }
    return offersPager() && (a.equals("v") || a.equals("view")) ? Answer.VIEW : Answer.NO;
  }

  /** What the user answered. */
  public enum Answer {
    YES,
    NO,
    VIEW
  }

  private static String visible(String name) {
    return ControlChars.visible(name);
  }

  private static void write(StringBuilder b, JsonElement e, String indent, boolean[] cut) {
    if (e.isJsonObject()) {
      Map<String, JsonElement> fields = e.getAsJsonObject().asMap();
      if (fields.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<String, JsonElement> f : fields.entrySet()) {
        b.append(indent).append("  ");
        string(b, f.getKey(), cut);
        b.append(": ");
        write(b, f.getValue(), indent + "  ", cut);
        b.append(++i < fields.size() ? ",\n" : "\n");
      }
      b.append(indent).append('}');
    } else if (e.isJsonArray()) {
      var items = e.getAsJsonArray();
      if (items.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append("[\n");
      for (int i = 0; i < items.size(); i++) {
        b.append(indent).append("  ");
        write(b, items.get(i), indent + "  ", cut);
        b.append(i + 1 < items.size() ? ",\n" : "\n");
      }
      b.append(indent).append(']');
    } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      string(b, e.getAsString(), cut);
    } else {
      b.append(STRINGS.toJson(e));
    }
  }

  /** A string as JSON, shortened in the middle when long. */
  private static void string(StringBuilder b, String s, boolean[] cut) {
    int n = s.codePointCount(0, s.length());
    if (n <= LONG) {
      b.append(STRINGS.toJson(s));
      return;
    }
    cut[0] = true;
    String head = s.substring(0, s.offsetByCodePoints(0, KEEP));
    String tail = s.substring(s.offsetByCodePoints(s.length(), -KEEP));
    b.append(STRINGS.toJson(head + " … " + tail)).append(" (").append(n).append(" characters)");
  }
}
