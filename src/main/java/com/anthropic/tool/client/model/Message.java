package com.anthropic.tool.client.model;

import com.anthropic.tool.client.error.InvalidResponseException;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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

  /**
   * The answer to a request with a JSON Schema ({@link OutputConfig#jsonSchema}) as a JSON tree.
   *
   * <pre>{@code
   * String name = client.messages(request).jsonOutput().getAsJsonObject().get("name").getAsString();
   * }</pre>
   *
   * @throws InvalidResponseException when the text is not JSON (a refusal, or cut at max_tokens)
   */
  public JsonElement jsonOutput() {
    String text = text();
    try {
      JsonElement e = JsonParser.parseString(text);
      if (text.isBlank()) {
        throw new JsonParseException("empty");
      }
      return e;
    } catch (JsonParseException e) {
      throw new InvalidResponseException(
          "the answer is not JSON (stop_reason " + stopReason + "): " + abbreviate(text), e);
    }
  }

  /**
   * The answer to a request with a JSON Schema, bound to a class of the caller's through Gson.
   *
   * <pre>{@code
   * record Person(String name, int born) {}
   * Person p = client.messages(request).jsonOutput(Person.class);
   * }</pre>
   *
   * @throws InvalidResponseException when the text is not JSON or does not fit {@code type}
   */
  public <T> T jsonOutput(Class<T> type) {
    JsonElement tree = jsonOutput();
    try {
      return new Gson().fromJson(tree, type);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      throw new InvalidResponseException(
          "the answer does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 80 ? one.substring(0, 80) + "…" : one;
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

  /** Every citation of the answer's text blocks, in order (repeats included). */
  public List<Citation> citations() {
    List<Citation> out = new ArrayList<>();
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.Text) {
        out.addAll(CitedAnswer.citations((ContentBlock.Text) b));
      }
    }
    return out;
  }

  /** The text with {@code [N]} marks and its numbered sources ({@link CitedAnswer}). */
  public CitedAnswer citedAnswer() {
    return CitedAnswer.of(content);
  }

  /** The calls of server tools (web search, web fetch, code execution) the answer holds. */
  public List<ContentBlock.ServerToolUse> serverToolUses() {
    List<ContentBlock.ServerToolUse> out = new ArrayList<>();
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.ServerToolUse) {
        out.add((ContentBlock.ServerToolUse) b);
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
