package com.anthropic.tool.client.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small JSON helpers over Gson's tree model (no reflection). */
public final class Json {
  private static final Gson COMPACT =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Json() {}

  /** Compact JSON, nulls kept, no HTML escaping. */
  public static String write(JsonElement e) {
    return COMPACT.toJson(e);
  }

  /** Writes compact JSON (as {@link #write(JsonElement)}) to {@code out}, without a String. */
  public static void write(JsonElement e, Appendable out) {
    COMPACT.toJson(e, out);
  }

  /**
   * Parses an object, strictly (RFC 8259: no comments, unquoted names or trailing data), or throws
   * {@link InvalidJsonException} naming the line, the column and what was expected, in words of its
   * own (never the JSON library's advice or links).
   */
  public static JsonObject parseObject(String text) {
    JsonElement e = parseStrict(text);
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException(
          text.isBlank() ? "empty input, expected a JSON object" : "expected a JSON object");
    }
    return e.getAsJsonObject();
  }

  /** Parses any JSON value strictly; see {@link #parseObject(String)}. */
  public static JsonElement parseStrict(String text) {
    if (text.isBlank()) {
      return JsonNull.INSTANCE;
    }
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    try {
      JsonElement e = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw invalid(text, "more data after the JSON value", reader.toString(), 0);
      }
      return e;
    } catch (InvalidJsonException ex) {
      throw ex;
    } catch (IOException | RuntimeException ex) {
      throw describe(text, ex);
    }
  }

  /**
   * A JSON text that could not be parsed: where (1-based line and column of the offending
   * character) and what was wrong. The message reads {@code line 3, column 14: expected ',' or
   * '}'}.
   */
  public static final class InvalidJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String problem;

    InvalidJsonException(int line, int column, String problem, Throwable cause) {
      super((line > 0 ? "line " + line + ", column " + column + ": " : "") + problem, cause);
      this.line = line;
      this.column = column;
      this.problem = problem;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
      return line;
    }

    /** The 1-based column, or 0 when unknown. */
    public int column() {
      return column;
    }

    /** What was wrong, without the position. */
    public String problem() {
      return problem;
    }

    /** {@code column 14: expected ...}, for a text known to be one line (a JSONL line). */
    public String withoutLine() {
      return line > 0 ? "column " + column + ": " + problem : problem;
    }
  }

  private static final Pattern POSITION = Pattern.compile(" at line (\\d+) column (\\d+)");

  /** Our own sentence for a failure of Gson's reader. */
  private static InvalidJsonException describe(String text, Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = String.valueOf(root.getMessage());
    boolean endOfInput = root instanceof java.io.EOFException || m.startsWith("End of input");
    String problem;
    if (endOfInput) {
      problem = "unexpected end of input";
    } else if (m.startsWith("Unterminated object")) {
      problem = "expected ',' or '}'";
    } else if (m.startsWith("Unterminated array")) {
      problem = "expected ',' or ']'";
    } else if (m.startsWith("Expected name")) {
      problem = "expected a name in double quotes";
    } else if (m.startsWith("Expected ':'")) {
      problem = "expected ':'";
    } else if (m.startsWith("Expected value")) {
      problem = "expected a value";
    } else if (m.startsWith("Unterminated string")) {
      problem = "unterminated string";
    } else if (m.startsWith("Nesting limit")) {
      problem = "nested too deeply";
    } else if (m.startsWith("Unterminated escape") || m.contains("escape")) {
      problem = "invalid escape sequence";
    } else {
      problem = null; // described from the character found there
    }
    // Gson's column is one past the offending character, except for these
    boolean exact = endOfInput || m.startsWith("Expected value");
    return invalid(text, problem, m, exact ? 0 : 1);
  }

  private static InvalidJsonException invalid(
      String text, String problem, String gsonMessage, int back) {
    Matcher at = POSITION.matcher(gsonMessage);
    int line = 0;
    int column = 0;
    if (at.find()) {
      line = Integer.parseInt(at.group(1));
      // Gson counts the column after the character it stopped at (most of the time)
      column = Math.max(1, Integer.parseInt(at.group(2)) - back);
      column = skipBlanks(text, line, column);
    }
    if (problem == null) {
      problem = unexpected(text, line, column);
    }
    return new InvalidJsonException(line, column, problem, null);
  }

  /** The offending character is never a blank: the first non-blank at or after the column. */
  private static int skipBlanks(String text, int line, int column) {
    String[] lines = text.split("\\R", -1);
    if (line < 1 || line > lines.length) {
      return column;
    }
    String l = lines[line - 1];
    int c = column;
    while (c <= l.length() && (l.charAt(c - 1) == ' ' || l.charAt(c - 1) == '\t')) {
      c++;
    }
    return c <= l.length() ? c : column;
  }

  private static String unexpected(String text, int line, int column) {
    String[] lines = text.split("\\R", -1);
    if (line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length()) {
      int cp = lines[line - 1].codePointAt(column - 1);
      String shown =
          Character.isISOControl(cp)
              ? String.format(java.util.Locale.ROOT, "\\u%04x", cp)
              : Character.toString(cp);
      return "unexpected '" + shown + "' (not valid JSON here)";
    }
    return "not valid JSON";
  }

  public static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }

  public static Integer integer(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
      return null;
    }
    try {
      return e.getAsInt();
    } catch (NumberFormatException x) {
      throw notANumber(key, e);
    }
  }

  private static IllegalArgumentException notANumber(String key, JsonElement e) {
    return new IllegalArgumentException(key + " must be a number, got " + e);
  }

  public static Long longValue(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
      return null;
    }
    try {
      return e.getAsLong();
    } catch (NumberFormatException x) {
      throw notANumber(key, e);
    }
  }

  public static Double number(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
      return null;
    }
    try {
      return e.getAsDouble();
    } catch (NumberFormatException x) {
      throw notANumber(key, e);
    }
  }

  public static Boolean bool(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsBoolean();
  }

  public static JsonObject obj(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || !e.isJsonObject() ? null : e.getAsJsonObject();
  }

  public static JsonArray arr(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || !e.isJsonArray() ? null : e.getAsJsonArray();
  }

  /** Sets key to value when value is not null. */
  static void put(JsonObject o, String key, String value) {
    if (value != null) {
      o.add(key, new JsonPrimitive(value));
    }
  }

  static void put(JsonObject o, String key, Number value) {
    if (value != null) {
      o.add(key, new JsonPrimitive(value));
    }
  }

  static void put(JsonObject o, String key, Boolean value) {
    if (value != null) {
      o.add(key, new JsonPrimitive(value));
    }
  }

  static void put(JsonObject o, String key, JsonElement value) {
    if (value != null) {
      o.add(key, value);
    }
  }

  /** A deep copy of raw, or a fresh object when raw is null. */
  static JsonObject base(JsonObject raw) {
    return raw == null ? new JsonObject() : raw.deepCopy();
  }
}
