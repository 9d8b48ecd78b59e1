package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * Token usage. Fields the API did not send are null; {@code raw} keeps every field sent (cache
 * creation breakdown, server tool use, service tier, ...).
 */
public record Usage(
    Long inputTokens,
    Long outputTokens,
    Long cacheCreationInputTokens,
    Long cacheReadInputTokens,
    JsonObject raw) {

  public static Usage fromJson(JsonObject o) {
    if (o == null) {
      return null;
    }
    return new Usage(
        Json.longValue(o, "input_tokens"),
        Json.longValue(o, "output_tokens"),
        Json.longValue(o, "cache_creation_input_tokens"),
        Json.longValue(o, "cache_read_input_tokens"),
        o);
  }

  public JsonObject toJson() {
    JsonObject o = Json.base(raw);
    Json.put(o, "input_tokens", inputTokens);
    Json.put(o, "output_tokens", outputTokens);
    Json.put(o, "cache_creation_input_tokens", cacheCreationInputTokens);
    Json.put(o, "cache_read_input_tokens", cacheReadInputTokens);
    return o;
  }

  /** {@code server_tool_use.web_search_requests}: web searches run for the answer (0 if none). */
  public long webSearchRequests() {
    return serverToolCount("web_search_requests");
  }

  /** {@code server_tool_use.web_fetch_requests}: pages fetched for the answer (0 if none). */
  public long webFetchRequests() {
    return serverToolCount("web_fetch_requests");
  }

  /**
   * Every count of {@code server_tool_use} ({@code web_search_requests}, {@code
   * web_fetch_requests}, and any the API adds), in the order sent; empty when there are none.
   */
  public java.util.Map<String, Long> serverToolUse() {
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    JsonObject s = raw == null ? null : Json.obj(raw, "server_tool_use");
    if (s != null) {
      for (String k : s.keySet()) {
        Long v = Json.longValue(s, k);
        if (v != null) {
          out.put(k, v);
        }
      }
    }
    return out;
  }

  private long serverToolCount(String key) {
    Long v = serverToolUse().get(key);
    return v == null ? 0 : v;
  }

  /**
   * A one-line summary such as {@code input_tokens=12 output_tokens=40}, with the server tool
   * counts that are not zero ({@code web_search_requests=2}).
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    append(sb, "input_tokens", inputTokens);
    append(sb, "output_tokens", outputTokens);
    append(sb, "cache_creation_input_tokens", cacheCreationInputTokens);
    append(sb, "cache_read_input_tokens", cacheReadInputTokens);
    serverToolUse().forEach((k, v) -> append(sb, k, v == 0 ? null : v));
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, Long v) {
    if (v != null) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(name).append('=').append(v);
    }
  }
}
