package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One turn of the conversation sent to the API.
 *
 * <pre>{@code
 * List<MessageParam> turns = List.of(
 *     MessageParam.user("Name a prime number."),
 *     MessageParam.assistant(List.of(ContentBlock.Text.of("7"))),
 *     MessageParam.user("Another one?"));
 * MessagesRequest req = MessagesRequest.builder("claude-sonnet-4-6", turns, 256).build();
 * }</pre>
 */
public record MessageParam(String role, List<ContentBlock> content) {
  public MessageParam {
    Objects.requireNonNull(role, "role");
    content = List.copyOf(content);
  }

  public static MessageParam user(String text) {
    return new MessageParam("user", List.of(ContentBlock.Text.of(text)));
  }

  public static MessageParam user(List<ContentBlock> blocks) {
    return new MessageParam("user", blocks);
  }

  public static MessageParam assistant(List<ContentBlock> blocks) {
    return new MessageParam("assistant", blocks);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("role", role);
    o.add("content", ContentBlock.toJsonArray(content));
    return o;
  }

  public static MessageParam fromJson(JsonObject o) {
    String role = Json.str(o, "role");
    if (role == null) {
      throw new IllegalArgumentException("each message needs a role");
    }
    return new MessageParam(role, ContentBlock.contentOf(o.get("content")));
  }
}
