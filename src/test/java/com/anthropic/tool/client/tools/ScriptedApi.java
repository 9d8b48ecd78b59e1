package com.anthropic.tool.client.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback Messages API that answers each {@code POST /v1/messages} with the next scripted
 * assistant message (compact JSON, so a test can look for its exact bytes in the next request): as
 * one JSON body, or, for {@code "stream": true}, as the events that build it. It records every
 * request body as received.
 */
public final class ScriptedApi implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final List<String> betas = new CopyOnWriteArrayList<>();
  private final List<com.sun.net.httpserver.Headers> heads = new CopyOnWriteArrayList<>();
  private final List<Long> answered = new CopyOnWriteArrayList<>();

  public ScriptedApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/v1/messages", this::handle);
    server.start();
  }

  /** An assistant message (usage 10 in, 5 out) with these blocks, as JSON. */
  public static String message(String stopReason, String... blocks) {
    return "{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
        + "\"content\":["
        + String.join(",", blocks)
        + "],\"stop_reason\":\""
        + stopReason
        + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
  }

  /** A text block (the text must not need escaping). */
  public static String text(String t) {
    return "{\"type\":\"text\",\"text\":\"" + t + "\"}";
  }

  /** A tool_use block with the input given as JSON. */
  public static String toolUse(String id, String name, String inputJson) {
    return "{\"type\":\"tool_use\",\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"input\":"
        + inputJson
        + "}";
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues the answers, in order, each a Message as compact JSON. */
  public ScriptedApi answer(String... messages) {
    for (String m : messages) {
      answers.add(JsonParser.parseString(m).toString());
    }
    return this;
  }

  /**
   * Queues an answer to a streamed request sent exactly as given ({@code event:}/{@code data:}
   * lines), for streams no well-formed message can build (a tool input cut short).
   */
  public ScriptedApi answerRawStream(String sse) {
    answers.add(RAW + sse);
    return this;
  }

  private static final String RAW = "raw-sse:";

  /** Every request body received, as text, in order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** The anthropic-beta header of each request ("" when absent), in order. */
  public List<String> betas() {
    return List.copyOf(betas);
  }

  /** Header {@code name} of request {@code i} (0-based), null when it had none. */
  public String header(int i, String name) {
    return heads.get(i).getFirst(name);
  }

  /** When each request arrived (System.nanoTime), in order. */
  public List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  /** When each streamed answer's last event was written and flushed (System.nanoTime). */
  public List<Long> answered() {
    return List.copyOf(answered);
  }

  /** Request {@code i} (0-based) parsed. */
  public JsonObject body(int i) {
    return JsonParser.parseString(bodies.get(i)).getAsJsonObject();
  }

  private void handle(HttpExchange ex) throws IOException {
    long at = System.nanoTime();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    arrivals.add(at);
    String beta = ex.getRequestHeaders().getFirst("anthropic-beta");
    betas.add(beta == null ? "" : beta);
    heads.add(ex.getRequestHeaders());
    String answer = answers.poll();
    if (answer == null) {
      byte[] b =
          "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no more scripted answers\"}}"
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("content-type", "application/json");
      ex.sendResponseHeaders(400, b.length);
      ex.getResponseBody().write(b);
      ex.close();
      return;
    }
    JsonObject req = JsonParser.parseString(body).getAsJsonObject();
    boolean stream = req.has("stream") && req.get("stream").getAsBoolean();
    if (!stream) {
      byte[] b = answer.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("content-type", "application/json");
      ex.getResponseHeaders().add("request-id", "req_" + bodies.size());
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
      return;
    }
    ex.getResponseHeaders().add("content-type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    if (answer.startsWith(RAW)) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(answer.substring(RAW.length()).getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    try (OutputStream out = ex.getResponseBody()) {
      for (String[] e : events(JsonParser.parseString(answer).getAsJsonObject())) {
        out.write(("event: " + e[0] + "\ndata: " + e[1] + "\n\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
      answered.add(System.nanoTime());
    }
  }

  /** The stream events that build this message, as the API sends them. */
  public static List<String[]> events(JsonObject message) {
    List<String[]> out = new ArrayList<>();
    JsonObject start = message.deepCopy();
    start.add("content", new JsonArray());
    start.add("stop_reason", null);
    start.add("stop_sequence", null);
    JsonObject ms = new JsonObject();
    ms.addProperty("type", "message_start");
    ms.add("message", start);
    out.add(new String[] {"message_start", ms.toString()});
    JsonArray content = message.getAsJsonArray("content");
    for (int i = 0; i < content.size(); i++) {
      JsonObject block = content.get(i).getAsJsonObject();
      String type = block.get("type").getAsString();
      JsonObject first = block.deepCopy();
      List<JsonObject> deltas = new ArrayList<>();
      switch (type) {
        case "text" -> {
          first.addProperty("text", "");
          deltas.add(delta("text_delta", "text", block.get("text")));
        }
        case "thinking" -> {
          first.addProperty("thinking", "");
          first.addProperty("signature", "");
          deltas.add(delta("thinking_delta", "thinking", block.get("thinking")));
          deltas.add(delta("signature_delta", "signature", block.get("signature")));
        }
        case "tool_use", "server_tool_use" -> {
          first.add("input", new JsonObject());
          deltas.add(
              delta(
                  "input_json_delta",
                  "partial_json",
                  new com.google.gson.JsonPrimitive(block.get("input").toString())));
        }
        default -> {}
      }
      JsonObject cbs = new JsonObject();
      cbs.addProperty("type", "content_block_start");
      cbs.addProperty("index", i);
      cbs.add("content_block", first);
      out.add(new String[] {"content_block_start", cbs.toString()});
      for (JsonObject d : deltas) {
        JsonObject cbd = new JsonObject();
        cbd.addProperty("type", "content_block_delta");
        cbd.addProperty("index", i);
        cbd.add("delta", d);
        out.add(new String[] {"content_block_delta", cbd.toString()});
      }
      out.add(
          new String[] {
            "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + i + "}"
          });
    }
    JsonObject md = new JsonObject();
    md.addProperty("type", "message_delta");
    JsonObject d = new JsonObject();
    d.add("stop_reason", message.get("stop_reason"));
    d.add("stop_sequence", message.get("stop_sequence"));
    md.add("delta", d);
    JsonObject usage = new JsonObject();
    JsonElement ot = message.getAsJsonObject("usage").get("output_tokens");
    usage.add("output_tokens", ot);
    md.add("usage", usage);
    out.add(new String[] {"message_delta", md.toString()});
    out.add(new String[] {"message_stop", "{\"type\":\"message_stop\"}"});
    return out;
  }

  private static JsonObject delta(String type, String field, JsonElement value) {
    JsonObject d = new JsonObject();
    d.addProperty("type", type);
    d.add(field, value);
    return d;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
