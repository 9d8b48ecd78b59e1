package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * Prompt-caching breakpoint: {@code {"type":"ephemeral","ttl":"5m"|"1h"}}.
 *
 * @param ttl null for the API default (5 minutes), else {@code 5m} or {@code 1h}
 */
public record CacheControl(String type, String ttl) {
  public CacheControl {
    if (ttl != null && !ttl.equals("5m") && !ttl.equals("1h")) {
      throw new IllegalArgumentException("cache ttl must be 5m or 1h, got " + ttl);
    }
  }

  public static CacheControl ephemeral() {
    return new CacheControl("ephemeral", null);
  }

  public static CacheControl ephemeral(String ttl) {
    return new CacheControl("ephemeral", ttl);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    Json.put(o, "type", type);
    Json.put(o, "ttl", ttl);
    return o;
  }

  static CacheControl fromJson(JsonObject o) {
    if (o == null) {
      return null;
    }
    String ttl = Json.str(o, "ttl");
    return new CacheControl(Json.str(o, "type"), ttl);
  }
}
