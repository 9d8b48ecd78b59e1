package com.anthropic.tool.client.stream;

import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.StreamEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds stream events into the final {@link Message}, whose JSON has the shape of a non-streaming
 * response: the {@code message_start} message (unknown fields kept) with its content blocks, deltas
 * applied, {@code message_delta} fields (stop reason, stop sequence and any others) set, and usage
 * values from {@code message_delta} replacing those from the start.
 *
 * <ul>
 *   <li>text: deltas appended; {@code citations_delta} appended to the block's {@code citations};
 *   <li>tool input ({@code tool_use}, {@code server_tool_use}, ...): the {@code input_json_delta}
 *       pieces parsed at block stop ({@code {}} when none came); input that is not valid JSON at
 *       the end (a stream cut short) keeps the start value, and the text is kept in {@link
 *       #unparsedToolInputs()};
 *   <li>thinking: deltas appended, the signature set from {@code signature_delta};
 *   <li>other delta types: string fields appended to the block's field of the same name, other
 *       values set.
 * </ul>
 *
 * <pre>{@code
 * Message m = StreamAccumulator.collect(client.messagesStream(request));
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class StreamAccumulator {
  private JsonObject message;
  private final TreeMap<Integer, Block> blocks = new TreeMap<>();
  private final Map<Integer, String> unparsed = new LinkedHashMap<>();
  private boolean stopped;

  /** Consumes a stream to its end and returns the final message; the stream is closed after. */
  public static Message collect(MessageStream stream) {
    try (stream) {
      return stream.consume(e -> {});
    }
  }

  /** Folds a sequence of events and returns the final message. */
  public static Message collect(Iterable<? extends StreamEvent> events) {
    StreamAccumulator acc = new StreamAccumulator();
    for (StreamEvent e : events) {
      acc.accept(e);
    }
    return acc.message();
  }

  /** Applies one event. A {@code message_start} starts over. Unknown events are ignored. */
  public void accept(StreamEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof StreamEvent.MessageStart) {
      message = Json.obj(((StreamEvent.MessageStart) event).raw(), "message").deepCopy();
      blocks.clear();
      unparsed.clear();
      stopped = false;
    } else if (event instanceof StreamEvent.ContentBlockStart) {
      StreamEvent.ContentBlockStart s = (StreamEvent.ContentBlockStart) event;
      JsonObject b = Json.obj(s.raw(), "content_block").deepCopy();
      blocks.put(s.index(), new Block(b));
    } else if (event instanceof StreamEvent.ContentBlockDelta) {
      StreamEvent.ContentBlockDelta d = (StreamEvent.ContentBlockDelta) event;
      block(d.index(), d.delta()).apply(d.delta());
    } else if (event instanceof StreamEvent.ContentBlockStop) {
      int index = ((StreamEvent.ContentBlockStop) event).index();
      Block b = blocks.get(index);
      if (b != null) {
        b.finish(index);
      }
    } else if (event instanceof StreamEvent.MessageDelta) {
      applyMessageDelta(((StreamEvent.MessageDelta) event).raw());
    } else if (event instanceof StreamEvent.MessageStop) {
      stopped = true;
    }
  }

  /** Whether {@code message_stop} has arrived. */
  public boolean isComplete() {
    return stopped;
  }

  /** Whether a {@code message_start} has arrived (so {@link #message()} has something to show). */
  public boolean hasMessage() {
    return message != null;
  }

  /**
   * The message as it stands: final after {@code message_stop}, partial before. Blocks that have
   * not stopped are included with what has arrived so far.
   *
   * @throws IllegalStateException before {@code message_start}
   * @throws InvalidResponseException when the events assembled a message that cannot be read
   */
  public Message message() {
    try {
      return Message.fromJson(messageJson());
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          "the streamed message cannot be read: " + e.getMessage(), e);
    }
  }

  /** Like {@link #message()}, as JSON. */
  public JsonObject messageJson() {
    if (message == null) {
      throw new IllegalStateException("no message_start event yet");
    }
    JsonObject o = message.deepCopy();
    JsonArray content = new JsonArray();
    JsonElement original = o.get("content");
    if (original != null && original.isJsonArray()) {
      content.addAll(original.getAsJsonArray());
    }
    for (Map.Entry<Integer, Block> e : blocks.entrySet()) {
      content.add(e.getValue().toJson(e.getKey()));
    }
    o.add("content", content);
    return o;
  }

  /**
   * Tool input text that was not valid JSON when its block ended or the stream stopped, by block
   * index (such a block's {@code input} keeps its start value, usually {@code {}}).
   */
  public Map<Integer, String> unparsedToolInputs() {
    return Collections.unmodifiableMap(unparsed);
  }

  private Block block(int index, Delta delta) {
    Block b = blocks.get(index);
    if (b == null) {
      // a delta without its start: keep it rather than crash
      JsonObject o = new JsonObject();
      o.addProperty("type", delta instanceof Delta.Thinking ? "thinking" : "text");
      b = new Block(o);
      blocks.put(index, b);
    }
    return b;
  }

  private void applyMessageDelta(JsonObject raw) {
    if (message == null) {
      message = new JsonObject();
    }
    JsonObject delta = Json.obj(raw, "delta");
    if (delta != null) {
      for (Map.Entry<String, JsonElement> e : delta.entrySet()) {
        message.add(e.getKey(), e.getValue().deepCopy());
      }
    }
    JsonObject usage = Json.obj(raw, "usage");
    if (usage != null) {
      JsonObject target = Json.obj(message, "usage");
      if (target == null) {
        target = new JsonObject();
        message.add("usage", target);
      }
      for (Map.Entry<String, JsonElement> e : usage.entrySet()) {
        if (!e.getValue().isJsonNull() || !target.has(e.getKey())) {
          target.add(e.getKey(), e.getValue().deepCopy());
        }
      }
    }
  }

  /** One content block being assembled. */
  private final class Block {
    final JsonObject base;
    final String type;
    StringBuilder text;
    StringBuilder thinking;
    StringBuilder json;
    JsonArray citations;
    boolean finished;

    Block(JsonObject base) {
      this.base = base;
      this.type = Objects.requireNonNullElse(Json.str(base, "type"), "");
    }

    void apply(Delta d) {
      if (d instanceof Delta.Text) {
        text = start(text, "text").append(((Delta.Text) d).text());
      } else if (d instanceof Delta.Thinking) {
        thinking = start(thinking, "thinking").append(((Delta.Thinking) d).thinking());
      } else if (d instanceof Delta.Signature) {
        base.addProperty("signature", ((Delta.Signature) d).signature());
      } else if (d instanceof Delta.InputJson) {
        if (json == null) {
          json = new StringBuilder();
        }
        json.append(((Delta.InputJson) d).partialJson());
      } else if (d instanceof Delta.Citations) {
        if (citations == null) {
          JsonArray existing = Json.arr(base, "citations");
          citations = existing == null ? new JsonArray() : existing;
        }
        citations.add(((Delta.Citations) d).citation().deepCopy());
      } else {
        for (Map.Entry<String, JsonElement> e : d.raw().entrySet()) {
          if (e.getKey().equals("type")) {
            continue;
          }
          JsonElement v = e.getValue();
          JsonElement old = base.get(e.getKey());
          if (isString(v) && isString(old)) {
            base.addProperty(e.getKey(), old.getAsString() + v.getAsString());
          } else {
            base.add(e.getKey(), v.deepCopy());
          }
        }
      }
    }

    private StringBuilder start(StringBuilder sb, String field) {
      if (sb != null) {
        return sb;
      }
      String initial = Json.str(base, field);
      return new StringBuilder(initial == null ? "" : initial);
    }

    /** Parses the tool input at block stop. */
    void finish(int index) {
      if (!finished) {
        finished = true;
        applyInput(base, index);
      }
    }

    /** Sets {@code input} on target from the JSON pieces received so far. */
    private void applyInput(JsonObject target, int index) {
      if (json == null) {
        if (!target.has("input") && isToolUse()) {
          target.add("input", new JsonObject());
        }
        return;
      }
      String s = json.toString();
      if (s.isBlank()) {
        target.add("input", new JsonObject());
        unparsed.remove(index);
        return;
      }
      try {
        target.add("input", parseStrict(s));
        unparsed.remove(index);
      } catch (java.io.IOException | RuntimeException notJson) {
        unparsed.put(index, s);
        if (!target.has("input")) {
          target.add("input", new JsonObject());
        }
      }
    }

    private boolean isToolUse() {
      return type.equals("tool_use") || type.endsWith("_tool_use");
    }

    JsonObject toJson(int index) {
      JsonObject o = base.deepCopy();
      if (!finished) {
        applyInput(o, index);
      }
      if (text != null) {
        o.add("text", new JsonPrimitive(text.toString()));
      }
      if (thinking != null) {
        o.add("thinking", new JsonPrimitive(thinking.toString()));
      }
      if (citations != null) {
        o.add("citations", citations.deepCopy());
      }
      return o;
    }
  }

  /** Strict JSON (Gson's parseString is lenient and would take a cut-off word as a string). */
  static JsonElement parseStrict(String s) throws java.io.IOException {
    JsonReader reader = new JsonReader(new StringReader(s));
    reader.setStrictness(Strictness.STRICT);
    JsonElement e = JsonParser.parseReader(reader);
    if (reader.peek() != JsonToken.END_DOCUMENT) {
      throw new JsonSyntaxException("trailing data");
    }
    return e;
  }

  private static boolean isString(JsonElement e) {
    return e != null
        && !(e instanceof JsonNull)
        && e.isJsonPrimitive()
        && e.getAsJsonPrimitive().isString();
  }
}
