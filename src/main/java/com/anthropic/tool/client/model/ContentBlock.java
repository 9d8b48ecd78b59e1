package com.anthropic.tool.client.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A content block of a message. Blocks read from the API keep their full JSON in {@code raw}, so
 * fields this library does not model are re-emitted unchanged by {@link #toJson()}.
 *
 * <pre>{@code
 * String png = java.util.Base64.getEncoder().encodeToString(bytes);
 * MessageParam ask = MessageParam.user(List.of(
 *     ContentBlock.Image.of(new Source.Base64("image/png", png)),
 *     ContentBlock.Text.of("What is in this picture?")));
 * for (ContentBlock b : client.messages(request).content()) {
 *   if (b instanceof ContentBlock.Text t) out.println(t.text());
 * }
 * }</pre>
 */
public sealed interface ContentBlock {
  /** The block's {@code type}. */
  String type();

  /** The block as JSON: its original fields, with the modelled ones applied on top. */
  JsonObject toJson();

  /** Plain text, optionally with citations and a cache breakpoint. */
  record Text(String text, JsonArray citations, CacheControl cacheControl, JsonObject raw)
      implements ContentBlock {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    public static Text of(String text) {
      return new Text(text, null, null, null);
    }

    public Text withCacheControl(CacheControl cc) {
      return new Text(text, citations, cc, raw);
    }

    @Override
    public String type() {
      return "text";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "text");
      o.addProperty("text", text);
      Json.put(o, "citations", citations);
      Json.put(o, "cache_control", cacheControl == null ? null : cacheControl.toJson());
      return o;
    }
  }

  /** An image from base64 bytes or a URL. */
  record Image(Source source, CacheControl cacheControl, JsonObject raw) implements ContentBlock {
    public static Image of(Source source) {
      return new Image(source, null, null);
    }

    @Override
    public String type() {
      return "image";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "image");
      o.add("source", source.toJson());
      Json.put(o, "cache_control", cacheControl == null ? null : cacheControl.toJson());
      return o;
    }
  }

  /** A document: a PDF (base64 or URL) or plain text. */
  record Document(
      Source source, String title, String context, CacheControl cacheControl, JsonObject raw)
      implements ContentBlock {
    public static Document of(Source source) {
      return new Document(source, null, null, null, null);
    }

    public Document withCacheControl(CacheControl cc) {
      return new Document(source, title, context, cc, raw);
    }

    @Override
    public String type() {
      return "document";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "document");
      o.add("source", source.toJson());
      Json.put(o, "title", title);
      Json.put(o, "context", context);
      Json.put(o, "cache_control", cacheControl == null ? null : cacheControl.toJson());
      return o;
    }
  }

  /** The model asks for a tool call. */
  record ToolUse(String id, String name, JsonObject input, JsonObject raw) implements ContentBlock {
    @Override
    public String type() {
      return "tool_use";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "tool_use");
      o.addProperty("id", id);
      o.addProperty("name", name);
      o.add("input", input == null ? new JsonObject() : input);
      return o;
    }
  }

  /**
   * The result of a tool call: text or blocks; {@code isError} marks a failed call.
   *
   * @param content the result blocks (a string result is one text block)
   */
  record ToolResult(
      String toolUseId,
      List<ContentBlock> content,
      Boolean isError,
      CacheControl cacheControl,
      JsonObject raw)
      implements ContentBlock {
    public ToolResult {
      Objects.requireNonNull(toolUseId, "toolUseId");
      content = content == null ? List.of() : List.copyOf(content);
    }

    public static ToolResult ok(String toolUseId, String text) {
      return new ToolResult(toolUseId, List.of(Text.of(text)), null, null, null);
    }

    public static ToolResult error(String toolUseId, String text) {
      return new ToolResult(toolUseId, List.of(Text.of(text)), true, null, null);
    }

    @Override
    public String type() {
      return "tool_result";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "tool_result");
      o.addProperty("tool_use_id", toolUseId);
      JsonElement original = raw == null ? null : raw.get("content");
      if (original == null || !original.isJsonPrimitive()) {
        o.add("content", ContentBlock.toJsonArray(content));
      }
      Json.put(o, "is_error", isError);
      Json.put(o, "cache_control", cacheControl == null ? null : cacheControl.toJson());
      return o;
    }
  }

  /** Extended thinking, with the signature that lets it be sent back. */
  record Thinking(String thinking, String signature, JsonObject raw) implements ContentBlock {
    @Override
    public String type() {
      return "thinking";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "thinking");
      o.addProperty("thinking", thinking);
      o.addProperty("signature", signature);
      return o;
    }
  }

  /** Thinking the API returns encrypted. */
  record RedactedThinking(String data, JsonObject raw) implements ContentBlock {
    @Override
    public String type() {
      return "redacted_thinking";
    }

    @Override
    public JsonObject toJson() {
      JsonObject o = Json.base(raw);
      o.addProperty("type", "redacted_thinking");
      o.addProperty("data", data);
      return o;
    }
  }

  /**
   * A call of a tool that runs on Anthropic's side ({@code web_search}, {@code web_fetch}, {@code
   * code_execution}, {@code bash_code_execution}, ...). Sent back unchanged.
   */
  record ServerToolUse(String id, String name, JsonObject input, JsonObject raw)
      implements ContentBlock {
    @Override
    public String type() {
      return "server_tool_use";
    }

    @Override
    public JsonObject toJson() {
      return raw == null ? new JsonObject() : raw.deepCopy();
    }
  }

  /**
   * The result of a server tool call: {@code web_search_tool_result}, {@code
   * web_fetch_tool_result}, {@code code_execution_tool_result}, {@code
   * bash_code_execution_tool_result}, {@code text_editor_code_execution_tool_result}, ... Its
   * {@code content} is kept as sent; {@link ServerToolResults} reads it.
   */
  record ServerToolResult(String type, String toolUseId, JsonElement content, JsonObject raw)
      implements ContentBlock {
    @Override
    public JsonObject toJson() {
      return raw == null ? new JsonObject() : raw.deepCopy();
    }

    /** The {@code error_code} when the call failed ({@code max_uses_exceeded}, ...), else null. */
    public String errorCode() {
      return content != null && content.isJsonObject()
          ? Json.str(content.getAsJsonObject(), "error_code")
          : null;
    }
  }

  /** A call of a tool on a remote MCP server through the MCP connector (beta). */
  record McpToolUse(String id, String name, String serverName, JsonObject input, JsonObject raw)
      implements ContentBlock {
    @Override
    public String type() {
      return "mcp_tool_use";
    }

    @Override
    public JsonObject toJson() {
      return raw == null ? new JsonObject() : raw.deepCopy();
    }
  }

  /** What a remote MCP server answered (MCP connector, beta): text, or blocks of text. */
  record McpToolResult(String toolUseId, boolean isError, String text, JsonObject raw)
      implements ContentBlock {
    @Override
    public String type() {
      return "mcp_tool_result";
    }

    @Override
    public JsonObject toJson() {
      return raw == null ? new JsonObject() : raw.deepCopy();
    }
  }

  /** A block type this library does not model (server tools, web search results, ...). */
  record Unknown(String type, JsonObject raw) implements ContentBlock {
    @Override
    public JsonObject toJson() {
      return raw.deepCopy();
    }
  }

  /** Reads one block; unknown types become {@link Unknown}. */
  static ContentBlock fromJson(JsonObject o) {
    String type = Json.str(o, "type");
    if (type == null) {
      throw new IllegalArgumentException("content block without a type: " + Json.write(o));
    }
    switch (type) {
      case "text":
        return new Text(
            Objects.requireNonNullElse(Json.str(o, "text"), ""),
            Json.arr(o, "citations"),
            CacheControl.fromJson(Json.obj(o, "cache_control")),
            o);
      case "image":
        return new Image(
            Source.fromJson(requireObj(o, "source")),
            CacheControl.fromJson(Json.obj(o, "cache_control")),
            o);
      case "document":
        return new Document(
            Source.fromJson(requireObj(o, "source")),
            Json.str(o, "title"),
            Json.str(o, "context"),
            CacheControl.fromJson(Json.obj(o, "cache_control")),
            o);
      case "tool_use":
        return new ToolUse(Json.str(o, "id"), Json.str(o, "name"), Json.obj(o, "input"), o);
      case "tool_result":
        return new ToolResult(
            Objects.requireNonNullElse(Json.str(o, "tool_use_id"), ""),
            contentOf(o.get("content")),
            Json.bool(o, "is_error"),
            CacheControl.fromJson(Json.obj(o, "cache_control")),
            o);
      case "thinking":
        return new Thinking(Json.str(o, "thinking"), Json.str(o, "signature"), o);
      case "redacted_thinking":
        return new RedactedThinking(Json.str(o, "data"), o);
      case "server_tool_use":
        return new ServerToolUse(Json.str(o, "id"), Json.str(o, "name"), Json.obj(o, "input"), o);
      case "mcp_tool_use":
        return new McpToolUse(
            Json.str(o, "id"),
            Json.str(o, "name"),
            Json.str(o, "server_name"),
            Json.obj(o, "input"),
            o);
      case "mcp_tool_result":
        return new McpToolResult(
            Json.str(o, "tool_use_id"),
            Boolean.TRUE.equals(Json.bool(o, "is_error")),
            ServerToolResults.text(o.get("content")),
            o);
      default:
        if (type.endsWith("_tool_result") && o.has("tool_use_id")) {
          return new ServerToolResult(type, Json.str(o, "tool_use_id"), o.get("content"), o);
        }
        return new Unknown(type, o);
    }
  }

  private static JsonObject requireObj(JsonObject o, String key) {
    JsonObject v = Json.obj(o, key);
    if (v == null) {
      throw new IllegalArgumentException(
          Json.str(o, "type") + " block needs an object '" + key + "'");
    }
    return v;
  }

  /** Reads message content: a string (one text block) or an array of blocks. */
  static List<ContentBlock> contentOf(JsonElement content) {
    List<ContentBlock> blocks = new ArrayList<>();
    if (content == null || content.isJsonNull()) {
      return blocks;
    }
    if (content.isJsonPrimitive()) {
      blocks.add(Text.of(content.getAsString()));
      return blocks;
    }
    if (!content.isJsonArray()) {
      throw new IllegalArgumentException("content must be a string or an array of blocks");
    }
    for (JsonElement e : content.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("each content block must be an object");
      }
      blocks.add(fromJson(e.getAsJsonObject()));
    }
    return blocks;
  }

  static JsonArray toJsonArray(List<? extends ContentBlock> blocks) {
    JsonArray a = new JsonArray();
    for (ContentBlock b : blocks) {
      a.add(b.toJson());
    }
    return a;
  }
}
