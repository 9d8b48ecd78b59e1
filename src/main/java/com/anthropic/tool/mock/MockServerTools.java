package com.anthropic.tool.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What the mock model does with server tools and the MCP connector: for each of {@code web_search},
 * {@code web_fetch}, {@code code_execution} among the request's tools, and each entry of {@code
 * mcp_servers}, a call block ({@code server_tool_use} / {@code mcp_tool_use}) and its result block
 * of the API's shapes, then, with web search, a text block citing the first result; the answer's
 * own text follows as usual. Everything is derived from the request, so the same request gets the
 * same blocks; {@code usage.server_tool_use} counts the searches and fetches.
 */
final class MockServerTools {
  static final String RESULT_URL = "https://example.com/mock-result";
  static final String RESULT_TITLE = "Mock search result";

  private MockServerTools() {}

  /** The blocks the request's server tools add before the answer's text; empty when none. */
  static List<JsonObject> blocks(JsonObject body, String messageId, String lastUserText) {
    List<JsonObject> out = new ArrayList<>();
    String base = messageId.replaceFirst("^msg_", "");
    String query = lastUserText.isBlank() ? "mock" : lastUserText.strip();
    if (query.length() > 100) {
      query = query.substring(0, 100);
    }
    if (hasTool(body, "web_search_")) {
      String id = "srvtoolu_" + base + "_search";
      out.add(call(id, "web_search", input("query", query)));
      JsonObject hit = new JsonObject();
      hit.addProperty("type", "web_search_result");
      hit.addProperty("title", RESULT_TITLE);
      hit.addProperty("url", RESULT_URL);
      hit.addProperty("encrypted_content", "bW9jaw");
      hit.addProperty("page_age", "April 1, 2026");
      JsonArray hits = new JsonArray();
      hits.add(hit);
      out.add(result("web_search_tool_result", id, hits));
      JsonObject citation = new JsonObject();
      citation.addProperty("type", "web_search_result_location");
      citation.addProperty("cited_text", "Mock content about " + query + ".");
      citation.addProperty("url", RESULT_URL);
      citation.addProperty("title", RESULT_TITLE);
      citation.addProperty("encrypted_index", "bW9jaw");
      JsonObject text = new JsonObject();
      text.addProperty("type", "text");
      text.addProperty("text", "A mock source says so");
      JsonArray citations = new JsonArray();
      citations.add(citation);
      text.add("citations", citations);
      out.add(text);
      out.add(plain(". "));
    }
    if (hasTool(body, "web_fetch_")) {
      String id = "srvtoolu_" + base + "_fetch";
      out.add(call(id, "web_fetch", input("url", RESULT_URL)));
      JsonObject source = new JsonObject();
      source.addProperty("type", "text");
      source.addProperty("media_type", "text/plain");
      source.addProperty("data", "Mock page text.");
      JsonObject doc = new JsonObject();
      doc.addProperty("type", "document");
      doc.add("source", source);
      doc.addProperty("title", "Mock page");
      doc.add("citations", null);
      JsonObject fetched = new JsonObject();
      fetched.addProperty("type", "web_fetch_result");
      fetched.addProperty("url", RESULT_URL);
      fetched.add("content", doc);
      fetched.addProperty("retrieved_at", "2026-04-01T00:00:00Z");
      out.add(result("web_fetch_tool_result", id, fetched));
    }
    if (hasTool(body, "code_execution_")) {
      String id = "srvtoolu_" + base + "_code";
      out.add(call(id, "bash_code_execution", input("command", "echo mock")));
      JsonObject ran = new JsonObject();
      ran.addProperty("type", "bash_code_execution_result");
      ran.addProperty("stdout", "mock\n");
      ran.addProperty("stderr", "");
      ran.addProperty("return_code", 0);
      ran.add("content", new JsonArray());
      out.add(result("bash_code_execution_tool_result", id, ran));
    }
    JsonElement servers = body.get("mcp_servers");
    if (servers != null && servers.isJsonArray()) {
      int n = 0;
      for (JsonElement s : servers.getAsJsonArray()) {
        if (!s.isJsonObject() || !s.getAsJsonObject().has("name")) {
          throw MockError.invalid("mcp_servers: each server needs a name");
        }
        String id = "mcptoolu_" + base + "_" + n++;
        JsonObject use = new JsonObject();
        use.addProperty("type", "mcp_tool_use");
        use.addProperty("id", id);
        use.addProperty("name", "echo");
        use.addProperty("server_name", s.getAsJsonObject().get("name").getAsString());
        use.add("input", input("text", query));
        out.add(use);
        JsonObject res = new JsonObject();
        res.addProperty("type", "mcp_tool_result");
        res.addProperty("tool_use_id", id);
        res.addProperty("is_error", false);
        JsonArray content = new JsonArray();
        content.add(plain("mock mcp: " + query));
        res.add("content", content);
        out.add(res);
      }
    }
    return out;
  }

  /** {@code usage.server_tool_use}: one search and one fetch per tool offered; null when none. */
  static JsonObject usage(JsonObject body) {
    boolean search = hasTool(body, "web_search_");
    boolean fetch = hasTool(body, "web_fetch_");
    if (!search && !fetch) {
      return null;
    }
    JsonObject u = new JsonObject();
    u.addProperty("web_search_requests", search ? 1 : 0);
    u.addProperty("web_fetch_requests", fetch ? 1 : 0);
    return u;
  }

  /** The message with the blocks first and the counts in its usage. */
  static JsonObject message(JsonObject message, List<JsonObject> blocks, JsonObject counts) {
    JsonArray content = new JsonArray();
    blocks.forEach(content::add);
    message.getAsJsonArray("content").forEach(content::add);
    message.add("content", content);
    if (counts != null) {
      message.getAsJsonObject("usage").add("server_tool_use", counts);
    }
    return message;
  }

  /**
   * The events with the blocks streamed after {@code message_start} (a call's input as one {@code
   * input_json_delta}, a cited text's citation as a {@code citations_delta}), the answer's blocks
   * renumbered after them, and the counts in {@code message_delta}'s usage.
   */
  static List<JsonObject> events(List<JsonObject> events, List<JsonObject> blocks, JsonObject c) {
    List<JsonObject> out = new ArrayList<>();
    out.add(events.get(0));
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject b = blocks.get(i).deepCopy();
      JsonElement input = null;
      JsonArray citations = null;
      JsonElement text = null;
      String type = b.get("type").getAsString();
      if (type.endsWith("_tool_use")) {
        input = b.remove("input");
        b.add("input", new JsonObject());
      } else if (type.equals("text")) {
        JsonElement cited = b.remove("citations");
        citations = cited != null && cited.isJsonArray() ? cited.getAsJsonArray() : null;
        text = b.remove("text");
        b.add("citations", citations != null ? new JsonArray() : cited);
        b.addProperty("text", "");
      }
      JsonObject start = event("content_block_start", i);
      start.add("content_block", b);
      out.add(start);
      if (input != null) {
        JsonObject delta = new JsonObject();
        delta.addProperty("type", "input_json_delta");
        delta.addProperty("partial_json", input.toString());
        out.add(delta(i, delta));
      }
      if (text != null) {
        for (JsonElement citation : citations == null ? new JsonArray() : citations) {
          JsonObject delta = new JsonObject();
          delta.addProperty("type", "citations_delta");
          delta.add("citation", citation);
          out.add(delta(i, delta));
        }
        JsonObject delta = new JsonObject();
        delta.addProperty("type", "text_delta");
        delta.add("text", text);
        out.add(delta(i, delta));
      }
      out.add(event("content_block_stop", i));
    }
    for (JsonObject e : events.subList(1, events.size())) {
      JsonObject copy = e.deepCopy();
      if (copy.has("index")) {
        copy.addProperty("index", copy.get("index").getAsInt() + blocks.size());
      }
      if (c != null && "message_delta".equals(copy.get("type").getAsString())) {
        copy.getAsJsonObject("usage").add("server_tool_use", c);
      }
      out.add(copy);
    }
    return out;
  }

  private static JsonObject event(String type, int index) {
    JsonObject e = new JsonObject();
    e.addProperty("type", type);
    e.addProperty("index", index);
    return e;
  }

  private static JsonObject delta(int index, JsonObject delta) {
    JsonObject e = event("content_block_delta", index);
    e.add("delta", delta);
    return e;
  }

  private static boolean hasTool(JsonObject body, String typePrefix) {
    JsonElement tools = body.get("tools");
    if (tools == null || !tools.isJsonArray()) {
      return false;
    }
    for (JsonElement t : tools.getAsJsonArray()) {
      JsonElement type = t.isJsonObject() ? t.getAsJsonObject().get("type") : null;
      if (type != null && type.isJsonPrimitive() && type.getAsString().startsWith(typePrefix)) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject call(String id, String name, JsonObject input) {
    JsonObject b = new JsonObject();
    b.addProperty("type", "server_tool_use");
    b.addProperty("id", id);
    b.addProperty("name", name);
    b.add("input", input);
    JsonObject caller = new JsonObject();
    caller.addProperty("type", "direct");
    b.add("caller", caller);
    return b;
  }

  private static JsonObject result(String type, String toolUseId, JsonElement content) {
    JsonObject b = new JsonObject();
    b.addProperty("type", type);
    b.addProperty("tool_use_id", toolUseId);
    b.add("content", content);
    if (!type.contains("code_execution")) {
      JsonObject caller = new JsonObject();
      caller.addProperty("type", "direct");
      b.add("caller", caller);
    }
    return b;
  }

  private static JsonObject input(String key, String value) {
    JsonObject o = new JsonObject();
    o.addProperty(key, value);
    return o;
  }

  private static JsonObject plain(String text) {
    JsonObject b = new JsonObject();
    b.addProperty("type", "text");
    b.addProperty("text", text);
    b.add("citations", com.google.gson.JsonNull.INSTANCE);
    return b;
  }
}
