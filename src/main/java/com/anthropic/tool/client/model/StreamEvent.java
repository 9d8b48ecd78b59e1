package com.anthropic.tool.client.model;

import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.InvalidResponseException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Objects;

/**
 * One event of a Messages stream. Every event keeps the {@code data} text exactly as the API sent
 * it ({@link #data()}), so it can be passed on unchanged; event types this library does not know
 * arrive as {@link Unknown}.
 *
 * <pre>{@code
 * for (StreamEvent e : client.messagesStream(request)) {
 *   if (e instanceof StreamEvent.ContentBlockDelta d && d.delta() instanceof Delta.Text t) {
 *     out.print(t.text());
 *   }
 * }
 * }</pre>
 */
public sealed interface StreamEvent {
  /** The event's {@code type} (the one in its data, else the SSE event name). */
  String type();

  /** The SSE {@code data} as received. */
  String data();

  /** The message as it stands at the start: id, model, usage, empty content. */
  record MessageStart(Message message, JsonObject raw, String data) implements StreamEvent {
    @Override
    public String type() {
      return "message_start";
    }
  }

  /** A content block begins (text and thinking arrive empty, then grow through deltas). */
  record ContentBlockStart(int index, ContentBlock block, JsonObject raw, String data)
      implements StreamEvent {
    @Override
    public String type() {
      return "content_block_start";
    }
  }

  /** More content for the block at {@code index}. */
  record ContentBlockDelta(int index, Delta delta, JsonObject raw, String data)
      implements StreamEvent {
    @Override
    public String type() {
      return "content_block_delta";
    }
  }

  /** The block at {@code index} is complete. */
  record ContentBlockStop(int index, JsonObject raw, String data) implements StreamEvent {
    @Override
    public String type() {
      return "content_block_stop";
    }
  }

  /**
   * Top-level changes: stop reason and sequence, and usage counts (which replace the start values).
   *
   * @param usage the usage object, or null when the event had none
   */
  record MessageDelta(
      String stopReason, String stopSequence, JsonObject usage, JsonObject raw, String data)
      implements StreamEvent {
    @Override
    public String type() {
      return "message_delta";
    }

    /** The {@code delta} object (with any fields beyond the stop reason and sequence). */
    public JsonObject delta() {
      JsonObject d = Json.obj(raw, "delta");
      return d == null ? new JsonObject() : d;
    }
  }

  /** The stream is complete. */
  record MessageStop(JsonObject raw, String data) implements StreamEvent {
    @Override
    public String type() {
      return "message_stop";
    }
  }

  /** A keep-alive. */
  record Ping(String data) implements StreamEvent {
    @Override
    public String type() {
      return "ping";
    }
  }

  /**
   * An {@code error} event: the API failed after the response had started.
   *
   * @param error the same typed exception an HTTP error of this type would give
   */
  record ErrorEvent(ApiException error, String data) implements StreamEvent {
    @Override
    public String type() {
      return "error";
    }
  }

  /**
   * An event type this library does not model, passed through.
   *
   * @param raw the parsed data, or null when it was not a JSON object
   */
  record Unknown(String type, JsonObject raw, String data) implements StreamEvent {}

  /**
   * Reads one SSE event.
   *
   * @param event the SSE event name
   * @param data the SSE data
   * @throws InvalidResponseException when a known event's data is not the JSON it should be
   */
  static StreamEvent parse(String event, String data) {
    Objects.requireNonNull(data, "data");
    StreamEvent fast = FastTextDelta.tryParse(data);
    if (fast != null) {
      return fast;
    }
    JsonObject o = parseObject(data);
    String type = o == null ? null : Json.str(o, "type");
    if (type == null) {
      type = Objects.requireNonNullElse(event, "message");
    }
    try {
      switch (type) {
        case "message_start":
          JsonObject started = need(o, "message");
          if (Json.arr(started, "content") == null) {
            throw new IllegalArgumentException("its message has no 'content' array");
          }
          return new MessageStart(Message.fromJson(started), o, data);
        case "content_block_start":
          return new ContentBlockStart(
              index(o), ContentBlock.fromJson(need(o, "content_block")), o, data);
        case "content_block_delta":
          return new ContentBlockDelta(index(o), Delta.fromJson(need(o, "delta")), o, data);
        case "content_block_stop":
          return new ContentBlockStop(index(o), o, data);
        case "message_delta":
          if (o == null) {
            throw new IllegalArgumentException("data is not a JSON object");
          }
          JsonObject delta = Objects.requireNonNullElseGet(Json.obj(o, "delta"), JsonObject::new);
          Usage.fromJson(Json.obj(o, "usage")); // its counts must be numbers
          return new MessageDelta(
              Json.str(delta, "stop_reason"),
              Json.str(delta, "stop_sequence"),
              Json.obj(o, "usage"),
              o,
              data);
        case "message_stop":
          return new MessageStop(o, data);
        case "ping":
          return new Ping(data);
        case "error":
          return new ErrorEvent(
              ApiException.fromStreamError(o == null ? new JsonObject() : o, data), data);
        default:
          return new Unknown(type, o, data);
      }
    } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
      throw new InvalidResponseException(
          "malformed " + type + " event in the stream: " + e.getMessage(), e);
    }
  }

  private static JsonObject parseObject(String data) {
    try {
      JsonElement e = JsonParser.parseString(data);
      return e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static JsonObject need(JsonObject o, String key) {
    JsonObject v = o == null ? null : Json.obj(o, key);
    if (v == null) {
      throw new IllegalArgumentException("no '" + key + "' object");
    }
    return v;
  }

  private static int index(JsonObject o) {
    Integer i = o == null ? null : Json.integer(o, "index");
    if (i == null || i < 0) {
      throw new IllegalArgumentException("no valid 'index'");
    }
    return i;
  }
}
