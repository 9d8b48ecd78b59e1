package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * A tool definition. Server tools (web search, ...) and fields not modelled here are kept in {@code
 * raw}. A typed tool without a name ({@code mcp_toolset}) has a null {@code name}.
 */
public record Tool(
    String name,
    String description,
    JsonObject inputSchema,
    CacheControl cacheControl,
    JsonObject raw) {
  public Tool {
    if (name == null && (raw == null || Json.str(raw, "type") == null)) {
      throw new NullPointerException("name");
    }
  }

  public static Tool of(String name, String description, JsonObject inputSchema) {
    return new Tool(name, description, inputSchema, null, null);
  }

  public Tool withCacheControl(CacheControl cc) {
    return new Tool(name, description, inputSchema, cc, raw);
  }

  public JsonObject toJson() {
    JsonObject o = Json.base(raw);
    Json.put(o, "name", name);
    Json.put(o, "description", description);
    Json.put(o, "input_schema", inputSchema);
    Json.put(o, "cache_control", cacheControl == null ? null : cacheControl.toJson());
    return o;
  }

  public static Tool fromJson(JsonObject o) {
    String name = Json.str(o, "name");
    boolean typed = Json.str(o, "type") != null;
    if (name == null && !typed || name != null && name.isBlank()) {
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
