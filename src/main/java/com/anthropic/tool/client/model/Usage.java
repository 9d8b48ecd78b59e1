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

  /** A one-line summary such as {@code input_tokens=12 output_tokens=40}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    append(sb, "input_tokens", inputTokens);
    append(sb, "output_tokens", outputTokens);
    append(sb, "cache_creation_input_tokens", cacheCreationInputTokens);
    append(sb, "cache_read_input_tokens", cacheReadInputTokens);
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
