package com.anthropic.tool.client.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * Reads server tool blocks for people: one line saying what a call did ({@code web_search:
 * "query"}, {@code code_execution: exit 0}) and, for a result, its text. Nothing here changes a
 * block; {@link ContentBlock#toJson()} still gives each as the API sent it.
 *
 * <pre>{@code
 * for (ContentBlock b : message.content()) {
 *   ServerToolResults.activity(b).ifPresent(err::println);
 * }
 * }</pre>
 */
public final class ServerToolResults {
  private static final int INPUT_LIMIT = 200;

  private ServerToolResults() {}

  /**
   * The activity line of a server tool call or result, empty for any other block: {@code
   * web_search: "QUERY"}, {@code web_fetch: URL}, {@code code_execution: N lines of python}, {@code
   * code_execution: exit 0}, {@code web_search: 5 results}, {@code mcp NAME: TOOL {...}}.
   */
  public static Optional<String> activity(ContentBlock b) {
    if (b instanceof ContentBlock.ServerToolUse u) {
      return Optional.of(call(u.name(), u.input() == null ? new JsonObject() : u.input()));
    }
    if (b instanceof ContentBlock.McpToolUse u) {
      return Optional.of(
          "mcp "
              + u.serverName()
              + ": "
              + u.name()
              + " "
              + shorten(Json.write(u.input() == null ? new JsonObject() : u.input())));
    }
    if (b instanceof ContentBlock.McpToolResult r) {
      return Optional.of("mcp: " + (r.isError() ? "error" : "ok"));
    }
    if (b instanceof ContentBlock.ServerToolResult r) {
      return Optional.of(result(r));
    }
    return Optional.empty();
  }

  private static String call(String name, JsonObject input) {
    String n = String.valueOf(name);
    switch (n) {
      case "web_search":
        return "web_search: \"" + shorten(orEmpty(Json.str(input, "query"))) + "\"";
      case "web_fetch":
        return "web_fetch: " + shorten(orEmpty(Json.str(input, "url")));
      case "code_execution":
        return "code_execution: " + lines(Json.str(input, "code")) + " of python";
      case "bash_code_execution":
        return "code_execution: " + lines(Json.str(input, "command")) + " of bash";
      case "text_editor_code_execution":
        return "code_execution: "
            + orEmpty(Json.str(input, "command"))
            + " "
            + orEmpty(Json.str(input, "path"));
      default:
        return n + ": " + shorten(Json.write(input));
    }
  }

  private static String result(ContentBlock.ServerToolResult r) {
    String tool = toolOf(r.type());
    if (r.errorCode() != null) {
      return tool + ": error " + r.errorCode();
    }
    JsonElement c = r.content();
    if (c != null && c.isJsonArray()) {
      int n = c.getAsJsonArray().size();
      return tool + ": " + n + (n == 1 ? " result" : " results");
    }
    JsonObject o = c != null && c.isJsonObject() ? c.getAsJsonObject() : new JsonObject();
    if (o.has("return_code")) {
      return tool + ": exit " + Json.integer(o, "return_code");
    }
    if (o.has("url")) {
      return tool + ": fetched " + shorten(orEmpty(Json.str(o, "url")));
    }
    String type = Json.str(o, "type");
    return tool + ": " + (type == null ? "done" : type);
  }

  /** {@code code_execution} for every code execution result type, else the type's tool part. */
  private static String toolOf(String resultType) {
    String t = resultType.substring(0, resultType.length() - "_tool_result".length());
    return t.endsWith("code_execution") ? "code_execution" : t;
  }

  /**
   * The text of a result for {@code --trace}: search hits as {@code TITLE URL} lines, a fetched
   * page's text, a program's stdout and stderr, an MCP server's text; empty for other blocks.
   */
  public static String text(ContentBlock b) {
    if (b instanceof ContentBlock.McpToolResult r) {
      return r.text();
    }
    if (!(b instanceof ContentBlock.ServerToolResult r) || r.content() == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    JsonElement c = r.content();
    if (c.isJsonArray()) {
      for (JsonElement e : c.getAsJsonArray()) {
        if (e.isJsonObject()) {
          JsonObject hit = e.getAsJsonObject();
          line(sb, orEmpty(Json.str(hit, "title")) + " " + orEmpty(Json.str(hit, "url")));
        }
      }
      return sb.toString();
    }
    if (!c.isJsonObject()) {
      return "";
    }
    JsonObject o = c.getAsJsonObject();
    JsonObject doc = Json.obj(o, "content");
    if (doc != null) {
      JsonObject source = Json.obj(doc, "source");
      String data = source == null ? null : Json.str(source, "data");
      boolean plain = source != null && "text".equals(Json.str(source, "type"));
      line(sb, orEmpty(Json.str(doc, "title")));
      String media = source == null ? "" : orEmpty(Json.str(source, "media_type"));
      line(sb, plain && data != null ? data : "(" + media + ")");
      return sb.toString();
    }
    line(sb, orEmpty(Json.str(o, "stdout")));
    line(sb, orEmpty(Json.str(o, "stderr")));
    line(sb, orEmpty(Json.str(o, "content")));
    return sb.toString();
  }

  /** Message content as text: a string, or the text of an array of text blocks. */
  static String text(JsonElement content) {
    if (content == null || content.isJsonNull()) {
      return "";
    }
    if (content.isJsonPrimitive()) {
      return content.getAsString();
    }
    StringBuilder sb = new StringBuilder();
    if (content.isJsonArray()) {
      for (JsonElement e : content.getAsJsonArray()) {
        if (e.isJsonObject() && Json.str(e.getAsJsonObject(), "text") != null) {
          sb.append(Json.str(e.getAsJsonObject(), "text"));
        }
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String s) {
    if (!s.isBlank()) {
      sb.append(s.endsWith("\n") ? s : s + "\n");
    }
  }

  private static String lines(String code) {
    long n = code == null || code.isEmpty() ? 0 : code.split("\n", -1).length;
    if (code != null && code.endsWith("\n")) {
      n--;
    }
    return n + (n == 1 ? " line" : " lines");
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String shorten(String s) {
    String one = s.replace("\r", "").replace('\n', ' ');
    return one.length() > INPUT_LIMIT ? one.substring(0, INPUT_LIMIT) + "…" : one;
  }
}
