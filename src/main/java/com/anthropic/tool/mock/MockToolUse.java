package com.anthropic.tool.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-mock-tool-use: NAME} knob: while the last user turn holds no {@code tool_result},
 * the mock model calls the request's tool NAME instead of answering; once the results are sent back
 * it answers as usual (its text then echoes the tool results). The call's input has a value for
 * every property of the tool's {@code input_schema} of a simple type: a string is the last word of
 * the last user text (letters, digits, {@code -} and {@code _} only), a number or integer 1, a
 * boolean true.
 */
final class MockToolUse {
  private MockToolUse() {}

  /**
   * The call to make, {@code {"name":…,"input":{…}}}, or null when the last user turn already holds
   * tool results.
   *
   * @throws MockError 400 when the request offers no tool of that name
   */
  static JsonObject call(JsonObject body, String toolName, String lastUserText) {
    JsonArray messages = body.getAsJsonArray("messages");
    JsonObject last = messages.get(messages.size() - 1).getAsJsonObject();
    if (hasToolResult(last.get("content"))) {
      return null;
    }
    String name = toolName.strip();
    JsonObject tool = null;
    List<String> offered = new ArrayList<>();
    JsonElement tools = body.get("tools");
    if (tools != null && tools.isJsonArray()) {
      for (JsonElement t : tools.getAsJsonArray()) {
        if (t.isJsonObject() && t.getAsJsonObject().has("name")) {
          String n = t.getAsJsonObject().get("name").getAsString();
          offered.add(n);
          if (n.equals(name)) {
            tool = t.getAsJsonObject();
          }
        }
      }
    }
    if (tool == null) {
      throw MockError.invalid(
          MockApiServer.TOOL_USE_KNOB
              + " names tool '"
              + name
              + "'; the request offers "
              + offered);
    }
    JsonObject call = new JsonObject();
    call.addProperty("name", name);
    call.add("input", input(tool.get("input_schema"), lastWord(lastUserText)));
    return call;
  }

  /** The {@code tool_use} content block of a call. */
  static JsonObject block(String id, JsonObject call, boolean withInput) {
    JsonObject b = new JsonObject();
    b.addProperty("type", "tool_use");
    b.addProperty("id", id);
    b.add("name", call.get("name"));
    b.add("input", withInput ? call.get("input") : new JsonObject());
    return b;
  }

  private static JsonObject input(JsonElement schema, String word) {
    JsonObject input = new JsonObject();
    if (schema == null || !schema.isJsonObject()) {
      return input;
    }
    JsonElement props = schema.getAsJsonObject().get("properties");
    if (props == null || !props.isJsonObject()) {
      return input;
    }
    for (Map.Entry<String, JsonElement> p : props.getAsJsonObject().entrySet()) {
      JsonElement type =
          p.getValue().isJsonObject() ? p.getValue().getAsJsonObject().get("type") : null;
      String t = type != null && type.isJsonPrimitive() ? type.getAsString() : "";
      switch (t) {
        case "string" -> input.addProperty(p.getKey(), word);
        case "integer", "number" -> input.addProperty(p.getKey(), 1);
        case "boolean" -> input.addProperty(p.getKey(), true);
        default -> {
          // objects and arrays are left out
        }
      }
    }
    return input;
  }

  private static String lastWord(String text) {
    String[] words = text.strip().split("\\s+");
    for (int i = words.length - 1; i >= 0; i--) {
      String w = words[i].replaceAll("[^\\p{L}\\p{N}_-]", "");
      if (!w.isEmpty()) {
        return w;
      }
    }
    return "";
  }

  private static boolean hasToolResult(JsonElement content) {
    if (content == null || !content.isJsonArray()) {
      return false;
    }
    for (JsonElement e : content.getAsJsonArray()) {
      if (e.isJsonObject()
          && e.getAsJsonObject().has("type")
          && "tool_result".equals(e.getAsJsonObject().get("type").getAsString())) {
        return true;
      }
    }
    return false;
  }
}
