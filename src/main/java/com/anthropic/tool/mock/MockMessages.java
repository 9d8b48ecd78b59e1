package com.anthropic.tool.mock;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock's deterministic model: validates a Messages request and answers {@code mock answer to:
 * <last user text>}, one output token per word, cut at {@code max_tokens} and at stop sequences.
 */
final class MockMessages {
  static final String PREFIX = "mock answer to: ";
  static final int MAX_ECHO_CHARS = 200;
  private static final Gson COMPACT =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");

  private MockMessages() {}

  /** What the mock model says to a request, with its stop reason and token counts. */
  record Answer(
      String model,
      List<String> tokens,
      String stopReason,
      String stopSequence,
      long inputTokens,
      JsonObject toolCall) {
    String text() {
      return String.join("", tokens);
    }

    long outputTokens() {
      return tokens.size();
    }
  }

  /** Validates a {@code POST /v1/messages} body and computes the answer. */
  static Answer answer(JsonObject body) {
    String model = requireModel(body);
    JsonElement max = body.get("max_tokens");
    if (max == null || max.isJsonNull()) {
      throw MockError.invalid("max_tokens: Field required");
    }
    long maxTokens;
    try {
      maxTokens = max.getAsLong();
    } catch (RuntimeException e) {
      throw MockError.invalid("max_tokens: Input should be a valid integer");
    }
    if (maxTokens < 1) {
      throw MockError.invalid("max_tokens: Input should be greater than or equal to 1");
    }
    JsonArray messages = requireMessages(body);
    JsonObject schema = schema(body);
    String full =
        schema != null
            ? COMPACT.toJson(MockSchemaValue.of(schema))
            : PREFIX + echo(lastUserText(messages));
    String stopReason = "end_turn";
    String stopSequence = null;
    int cut = full.length();
    JsonElement stops = body.get("stop_sequences");
    if (stops != null && stops.isJsonArray()) {
      for (JsonElement s : stops.getAsJsonArray()) {
        String seq = s.isJsonPrimitive() ? s.getAsString() : "";
        int at = seq.isEmpty() ? -1 : full.indexOf(seq);
        if (at >= 0 && at < cut) {
          cut = at;
          stopSequence = seq;
          stopReason = "stop_sequence";
        }
      }
    }
    List<String> tokens = tokens(full.substring(0, cut));
    if (tokens.size() > maxTokens) {
      tokens = new ArrayList<>(tokens.subList(0, (int) maxTokens));
      stopReason = "max_tokens";
      stopSequence = null;
    }
    return new Answer(model, tokens, stopReason, stopSequence, inputTokens(body), null);
  }

  /**
   * The answer with the {@code x-mock-tool-use} knob ({@code toolUse}, null when not sent): a call
   * of that tool (see {@link MockToolUse}) while the last user turn holds no tool result.
   */
  static Answer answer(JsonObject body, String toolUse) {
    Answer a = answer(body);
    if (toolUse == null) {
      return a;
    }
    JsonObject call =
        MockToolUse.call(body, toolUse, lastUserText(body.getAsJsonArray("messages")));
    if (call == null) {
      return a;
    }
    List<String> tokens = tokens("mock calls " + call.get("name").getAsString());
    return new Answer(a.model(), tokens, "tool_use", null, a.inputTokens(), call);
  }

  /** {@code a} answering with exactly the text of {@code deltas} (one output token per delta). */
  static Answer withText(Answer a, List<String> deltas) {
    String stop = a.toolCall() != null ? a.stopReason() : "end_turn";
    return new Answer(a.model(), deltas, stop, null, a.inputTokens(), a.toolCall());
  }

  /** The id of a message's tool call: {@code msg_…} becomes {@code toolu_…}. */
  private static String toolUseId(String messageId) {
    return messageId.replaceFirst("^msg_", "toolu_");
  }

  /** The JSON Schema of {@code output_config.format}, or null; a malformed one is a 400. */
  private static JsonObject schema(JsonObject body) {
    JsonElement oc = body.get("output_config");
    if (oc == null || oc.isJsonNull()) {
      return null;
    }
    if (!oc.isJsonObject()) {
      throw MockError.invalid("output_config: Input should be an object");
    }
    JsonElement format = oc.getAsJsonObject().get("format");
    if (format == null || format.isJsonNull()) {
      return null;
    }
    if (!format.isJsonObject() || !"json_schema".equals(str(format.getAsJsonObject(), "type"))) {
      throw MockError.invalid("output_config.format.type: Input should be 'json_schema'");
    }
    JsonElement schema = format.getAsJsonObject().get("schema");
    if (schema == null || !schema.isJsonObject()) {
      throw MockError.invalid("output_config.format.schema: Field required");
    }
    return schema.getAsJsonObject();
  }

  /** Validates a {@code POST /v1/messages/count_tokens} body and counts its input tokens. */
  static long countTokens(JsonObject body) {
    requireModel(body);
    requireMessages(body);
    for (String extra : new String[] {"max_tokens", "stream"}) {
      if (body.has(extra)) {
        throw MockError.invalid(extra + ": Extra inputs are not permitted");
      }
    }
    return inputTokens(body);
  }

  /** The Message object for an answer. */
  static JsonObject message(String id, Answer a) {
    JsonObject m = new JsonObject();
    m.addProperty("id", id);
    m.addProperty("type", "message");
    m.addProperty("role", "assistant");
    m.addProperty("model", a.model());
    JsonArray content = new JsonArray();
    content.add(textBlock(a.text()));
    if (a.toolCall() != null) {
      content.add(MockToolUse.block(toolUseId(id), a.toolCall(), true));
    }
    m.add("content", content);
    m.addProperty("stop_reason", a.stopReason());
    if (a.stopSequence() == null) {
      m.add("stop_sequence", JsonNull.INSTANCE);
    } else {
      m.addProperty("stop_sequence", a.stopSequence());
    }
    m.add("usage", usage(a.inputTokens(), a.outputTokens()));
    return m;
  }

  /** The stream events for an answer, each as its {@code data} object, in order. */
  static List<JsonObject> events(String id, Answer a) {
    List<JsonObject> events = new ArrayList<>();
    JsonObject start = new JsonObject();
    start.addProperty("type", "message_start");
    JsonObject m = new JsonObject();
    m.addProperty("id", id);
    m.addProperty("type", "message");
    m.addProperty("role", "assistant");
    m.addProperty("model", a.model());
    m.add("content", new JsonArray());
    m.add("stop_reason", JsonNull.INSTANCE);
    m.add("stop_sequence", JsonNull.INSTANCE);
    m.add("usage", usage(a.inputTokens(), 1));
    start.add("message", m);
    events.add(start);

    JsonObject blockStart = new JsonObject();
    blockStart.addProperty("type", "content_block_start");
    blockStart.addProperty("index", 0);
    blockStart.add("content_block", textBlock(""));
    events.add(blockStart);

    JsonObject ping = new JsonObject();
    ping.addProperty("type", "ping");
    events.add(ping);

    for (String t : a.tokens()) {
      JsonObject d = new JsonObject();
      d.addProperty("type", "content_block_delta");
      d.addProperty("index", 0);
      JsonObject delta = new JsonObject();
      delta.addProperty("type", "text_delta");
      delta.addProperty("text", t);
      d.add("delta", delta);
      events.add(d);
    }

    JsonObject blockStop = new JsonObject();
    blockStop.addProperty("type", "content_block_stop");
    blockStop.addProperty("index", 0);
    events.add(blockStop);

    if (a.toolCall() != null) {
      JsonObject toolStart = new JsonObject();
      toolStart.addProperty("type", "content_block_start");
      toolStart.addProperty("index", 1);
      toolStart.add("content_block", MockToolUse.block(toolUseId(id), a.toolCall(), false));
      events.add(toolStart);
      JsonObject d = new JsonObject();
      d.addProperty("type", "content_block_delta");
      d.addProperty("index", 1);
      JsonObject json = new JsonObject();
      json.addProperty("type", "input_json_delta");
      json.addProperty("partial_json", COMPACT.toJson(a.toolCall().get("input")));
      d.add("delta", json);
      events.add(d);
      JsonObject toolStop = new JsonObject();
      toolStop.addProperty("type", "content_block_stop");
      toolStop.addProperty("index", 1);
      events.add(toolStop);
    }

    JsonObject md = new JsonObject();
    md.addProperty("type", "message_delta");
    JsonObject delta = new JsonObject();
    delta.addProperty("stop_reason", a.stopReason());
    if (a.stopSequence() == null) {
      delta.add("stop_sequence", JsonNull.INSTANCE);
    } else {
      delta.addProperty("stop_sequence", a.stopSequence());
    }
    md.add("delta", delta);
    JsonObject u = new JsonObject();
    u.addProperty("output_tokens", a.outputTokens());
    md.add("usage", u);
    events.add(md);

    JsonObject stop = new JsonObject();
    stop.addProperty("type", "message_stop");
    events.add(stop);
    return events;
  }

  private static JsonObject textBlock(String text) {
    JsonObject b = new JsonObject();
    b.addProperty("type", "text");
    b.addProperty("text", text);
    return b;
  }

  private static JsonObject usage(long input, long output) {
    JsonObject u = new JsonObject();
    u.addProperty("input_tokens", input);
    u.addProperty("cache_creation_input_tokens", 0);
    u.addProperty("cache_read_input_tokens", 0);
    u.addProperty("output_tokens", output);
    u.addProperty("service_tier", "standard");
    return u;
  }

  private static String requireModel(JsonObject body) {
    JsonElement model = body.get("model");
    if (model == null || model.isJsonNull()) {
      throw MockError.invalid("model: Field required");
    }
    if (!model.isJsonPrimitive() || model.getAsString().isBlank()) {
      throw MockError.invalid("model: Input should be a non-empty string");
    }
    return model.getAsString();
  }

  private static JsonArray requireMessages(JsonObject body) {
    JsonElement messages = body.get("messages");
    if (messages == null || messages.isJsonNull()) {
      throw MockError.invalid("messages: Field required");
    }
    if (!messages.isJsonArray() || messages.getAsJsonArray().isEmpty()) {
      throw MockError.invalid("messages: at least one message is required");
    }
    JsonArray list = messages.getAsJsonArray();
    for (int i = 0; i < list.size(); i++) {
      JsonElement e = list.get(i);
      JsonObject m = e.isJsonObject() ? e.getAsJsonObject() : null;
      String role =
          m != null && m.has("role") && m.get("role").isJsonPrimitive()
              ? m.get("role").getAsString()
              : null;
      if (!"user".equals(role) && !"assistant".equals(role)) {
        throw MockError.invalid("messages." + i + ".role: Input should be 'user' or 'assistant'");
      }
      JsonElement content = m.get("content");
      if (content == null
          || !(content.isJsonArray()
              || content.isJsonPrimitive() && content.getAsJsonPrimitive().isString())) {
        throw MockError.invalid("messages." + i + ".content: Field required");
      }
    }
    if (!"user".equals(list.get(0).getAsJsonObject().get("role").getAsString())) {
      throw MockError.invalid("messages: first message must use the \"user\" role");
    }
    return list;
  }

  private static String lastUserText(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonObject m = messages.get(i).getAsJsonObject();
      if ("user".equals(m.get("role").getAsString())) {
        StringBuilder sb = new StringBuilder();
        collectText(m.get("content"), sb, false);
        return sb.toString();
      }
    }
    return "";
  }

  /** Text of a content value: a string, or the text (and tool_result) blocks of an array. */
  private static void collectText(JsonElement content, StringBuilder sb, boolean all) {
    if (content == null || content.isJsonNull()) {
      return;
    }
    if (content.isJsonPrimitive()) {
      sb.append(content.getAsString()).append(' ');
      return;
    }
    if (!content.isJsonArray()) {
      return;
    }
    for (JsonElement e : content.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        continue;
      }
      JsonObject b = e.getAsJsonObject();
      String type =
          b.has("type") && b.get("type").isJsonPrimitive() ? b.get("type").getAsString() : "";
      if ("text".equals(type) && b.has("text")) {
        sb.append(b.get("text").getAsString()).append(' ');
      } else if ("tool_result".equals(type)) {
        collectText(b.get("content"), sb, all);
      } else if (all && "document".equals(type)) {
        JsonObject source =
            b.has("source") && b.get("source").isJsonObject() ? b.getAsJsonObject("source") : null;
        if (source != null && "text".equals(str(source, "type")) && source.has("data")) {
          sb.append(source.get("data").getAsString()).append(' ');
        }
      }
    }
  }

  private static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  private static String echo(String text) {
    String collapsed = text.strip().replaceAll("\\s+", " ");
    if (collapsed.isEmpty()) {
      return "(no text)";
    }
    if (collapsed.length() > MAX_ECHO_CHARS) {
      return collapsed.substring(0, MAX_ECHO_CHARS).strip() + "...";
    }
    return collapsed;
  }

  /** Output tokens: each word with the whitespace before it; they join back to the text. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * Input tokens: the words of the system prompt and of every message's text (text documents
   * included), 3 per message, 85 per image or non-text document, and 1.
   */
  static long inputTokens(JsonObject body) {
    StringBuilder sb = new StringBuilder();
    long extra = 1;
    JsonElement system = body.get("system");
    collectText(system, sb, true);
    for (JsonElement e : body.getAsJsonArray("messages")) {
      JsonObject m = e.getAsJsonObject();
      extra += 3;
      JsonElement content = m.get("content");
      collectText(content, sb, true);
      if (content.isJsonArray()) {
        for (JsonElement b : content.getAsJsonArray()) {
          if (b.isJsonObject()) {
            String type = str(b.getAsJsonObject(), "type");
            JsonObject source =
                b.getAsJsonObject().has("source")
                        && b.getAsJsonObject().get("source").isJsonObject()
                    ? b.getAsJsonObject().getAsJsonObject("source")
                    : null;
            boolean textDoc = source != null && "text".equals(str(source, "type"));
            if ("image".equals(type) || "document".equals(type) && !textDoc) {
              extra += 85;
            }
          }
        }
      }
    }
    long words = 0;
    Matcher w = WORD.matcher(sb);
    while (w.find()) {
      words++;
    }
    return words + extra;
  }
}
