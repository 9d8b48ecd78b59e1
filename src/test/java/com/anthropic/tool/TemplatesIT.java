package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates with placeholders and piped stdin, and model aliases from the cached model list, as
 * processes of the real launcher; the request bodies are read on a local server.
 */
class TemplatesIT {
  private static HttpServer server;
  private static final List<String> bodies = new CopyOnWriteArrayList<>();
  @TempDir java.nio.file.Path home;

  // the newest sonnet is not first: newest means by created_at
  private static final String MODELS =
      "{\"data\":["
          + model("claude-sonnet-4-5-20250929", "2025-09-29T00:00:00Z")
          + ","
          + model("claude-opus-4-1-20250805", "2025-08-05T00:00:00Z")
          + ","
          + model("claude-sonnet-7-20270101", "2027-01-01T00:00:00Z")
          + ","
          + model("claude-sonnet-4-6", "2026-02-17T00:00:00Z")
          + "],\"has_more\":false,\"first_id\":null,\"last_id\":null}";

  private static String model(String id, String created) {
    return "{\"type\":\"model\",\"id\":\""
        + id
        + "\",\"display_name\":\"x\",\"created_at\":\""
        + created
        + "\"}";
  }

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/messages",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] out =
              ("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                      + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
                      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                      + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.createContext(
        "/v1/models",
        exchange -> {
          byte[] out = MODELS.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @BeforeEach
  void clear() {
    bodies.clear();
  }

  private Map<String, String> env() {
    return Map.of(
        "ANTHROPIC_API_KEY",
        "sk-test",
        "ANTHROPIC_BASE_URL",
        "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private Launcher.Run ok(String stdin, String... args) throws Exception {
    Launcher.Run r = Launcher.runWithStdin(home, env(), stdin, args);
    assertEquals(0, r.exit(), r.describe());
    return r;
  }

  private static JsonObject body(String json) {
    return Json.parseObject(json);
  }

  private static JsonArray content(JsonObject body) {
    return body.getAsJsonArray("messages").get(0).getAsJsonObject().getAsJsonArray("content");
  }

  @Test
  void should_fill_placeholders_and_input_from_piped_stdin() throws Exception {
    ok(
        null,
        "templates",
        "save",
        "summ",
        "-m",
        "claude-t",
        "-s",
        "Terse.",
        "--prompt",
        "Summarize in $n words:\n$input");

    Launcher.Run r =
        ok("line one\nline two\n", "messages", "--template", "summ", "-p", "n", "5", "-t", "0.5");

    assertEquals("ok", r.out().strip(), r.describe());
    assertEquals(1, bodies.size(), r.describe());
    JsonObject b = body(bodies.get(0));
    assertEquals("claude-t", b.get("model").getAsString(), b.toString());
    assertEquals(0.5, b.get("temperature").getAsDouble(), b.toString());
    assertTrue(b.get("system").toString().contains("Terse."), b.toString());
    assertEquals(1, content(b).size(), "stdin filled $input, no document: " + b);
    assertEquals(
        "Summarize in 5 words:\nline one\nline two",
        content(b).get(0).getAsJsonObject().get("text").getAsString());

    Launcher.Run unfilled =
        Launcher.runWithStdin(home, env(), "x", "messages", "--template", "summ");
    assertEquals(2, unfilled.exit(), unfilled.describe());
    assertTrue(unfilled.err().contains("nothing fills $n"), unfilled.describe());
    assertEquals(1, bodies.size(), "nothing sent: " + unfilled.describe());
  }

  @Test
  void should_resolve_aliases_from_the_cached_model_list() throws Exception {
    ok(null, "models");
    ok(null, "messages", "-m", "sonnet", "hi");
    ok(null, "aliases", "set", "old", "opus");
    ok(null, "messages", "-m", "old", "hi");
    Launcher.Run list = ok(null, "aliases", "list");

    assertEquals("claude-sonnet-7-20270101", body(bodies.get(0)).get("model").getAsString());
    assertEquals("claude-opus-4-1-20250805", body(bodies.get(1)).get("model").getAsString());
    assertTrue(
        list.out().contains("sonnet\tclaude-sonnet-7-20270101\n")
            && list.out().contains("old\tclaude-opus-4-1-20250805\n")
            && list.out().contains("haiku\tclaude-haiku-4-5\n"),
        list.describe());
  }
}
