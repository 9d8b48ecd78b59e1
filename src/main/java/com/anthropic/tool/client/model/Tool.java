package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * A tool definition. Server tools (web search, ...) and fields not modelled here are kept in {@code
 * raw}.
 */
public record Tool(
    String name,
    String description,
    JsonObject inputSchema,
    CacheControl cacheControl,
    JsonObject raw) {
  public Tool {
    Objects.requireNonNull(name, "name");
  }

  public static Tool of(String name, String description, JsonObject inputSchema) {
    return new Tool(name, description, inputSchema, null, null);
  }

  public Tool withCacheControl(CacheControl cc) {
    return new Tool(name, description, inputSchema, cc, raw);
  }

  public JsonObject toJson() {
    JsonObject o = Json.base(raw);
    o.addProperty("name", name);
    Json.put(o, "description", description);
    Json.put(o, "input_schema", inputSchema);
    Json.put(o, "cache_control", cacheControl == null ? null : cacheControl.toJson());
    return o;
  }

  public static Tool fromJson(JsonObject o) {
    String name = Json.str(o, "name");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a tool needs a non-empty name");
    }
    return new Tool(
        name,
        Json.str(o, "description"),
        Json.obj(o, "input_schema"),
        CacheControl.fromJson(Json.obj(o, "cache_control")),
        o);
  }
}
