package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message returned by the API (or assembled from a stream). {@link #toJson()} re-emits the object
 * as the API sent it, unknown and null fields included.
 *
 * <pre>{@code
 * Message m = client.messages(request);
 * out.println(m.text());
 * }</pre>
 */
public record Message(
    String id,
    String role,
    String model,
    List<ContentBlock> content,
    String stopReason,
    String stopSequence,
    Usage usage,
    JsonObject raw) {
  public Message {
    content = List.copyOf(content);
  }

  public static Message fromJson(JsonObject o) {
    return new Message(
        Json.str(o, "id"),
        Json.str(o, "role"),
        Json.str(o, "model"),
        ContentBlock.contentOf(o.get("content")),
        Json.str(o, "stop_reason"),
        Json.str(o, "stop_sequence"),
        Usage.fromJson(Json.obj(o, "usage")),
        o);
  }

  /** The message as JSON, unknown and null fields kept. */
  public JsonObject toJson() {
    JsonObject o = Json.base(raw);
    o.add("content", ContentBlock.toJsonArray(content));
    if (usage != null) {
      o.add("usage", usage.toJson());
    }
    return o;
  }

  /** All text blocks concatenated, exactly as written (nothing inserted between blocks). */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.Text) {
        sb.append(((ContentBlock.Text) b).text());
      }
    }
    return sb.toString();
  }

  /** The first text block's text, if any. */
  public Optional<String> firstText() {
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.Text) {
        return Optional.of(((ContentBlock.Text) b).text());
      }
    }
    return Optional.empty();
  }

  /** The tool calls the model asked for, in order. */
  public List<ContentBlock.ToolUse> toolUses() {
    List<ContentBlock.ToolUse> out = new ArrayList<>();
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.ToolUse) {
        out.add((ContentBlock.ToolUse) b);
      }
    }
    return out;
  }

  /** The thinking text of all thinking blocks. */
  public String thinking() {
    StringBuilder sb = new StringBuilder();
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.Thinking && ((ContentBlock.Thinking) b).thinking() != null) {
        sb.append(((ContentBlock.Thinking) b).thinking());
      }
    }
    return sb.toString();
  }
}
