package com.anthropic.tool.client.tools;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One tool call the model asked for: a {@code tool_use} block's id, name and input.
 *
 * @param input the tool input as the model wrote it (a copy; the executor may keep or change it)
 */
public record ToolCall(String id, String name, JsonObject input) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    input = input == null ? new JsonObject() : input;
  }
}
