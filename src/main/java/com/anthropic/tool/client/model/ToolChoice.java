package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * How the model may use tools: {@code auto}, {@code any}, {@code none} or one named {@code tool}.
 */
public record ToolChoice(String type, String name, Boolean disableParallelToolUse) {
  public static ToolChoice auto() {
    return new ToolChoice("auto", null, null);
  }

  public static ToolChoice any() {
    return new ToolChoice("any", null, null);
  }

  public static ToolChoice none() {
    return new ToolChoice("none", null, null);
  }

  public static ToolChoice tool(String name) {
    return new ToolChoice("tool", name, null);
  }

  /** Parses the CLI form: auto, any, none, or a tool name. */
  public static ToolChoice parse(String value) {
    switch (value) {
      case "auto":
        return auto();
      case "any":
        return any();
      case "none":
        return none();
      default:
        return tool(value);
    }
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    Json.put(o, "name", name);
    Json.put(o, "disable_parallel_tool_use", disableParallelToolUse);
    return o;
  }

  public static ToolChoice fromJson(JsonObject o) {
    return new ToolChoice(
        Json.str(o, "type"), Json.str(o, "name"), Json.bool(o, "disable_parallel_tool_use"));
  }
}
