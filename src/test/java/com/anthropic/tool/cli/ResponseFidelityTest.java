package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.TestServers;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.sse.SseFixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;

/**
 * Every recorded response in ../shared/fixtures, with an unknown field added at the top and inside
 * each nested object the tool models (content blocks, usage, request counts, the error), served
 * from a loopback server and read by the real command: its {@code --format json} output is the
 * served object, every unknown and null field intact (the contract's "the API objects unchanged").
 * Streams: the final message assembled from each recorded stream keeps the unknown fields added to
 * its {@code message_start} message and to each {@code content_block_start} block. Errors: the
 * typed exception names the type and keeps the whole body. Batch results: each line unchanged. The
 * counts go to docs/reliability.md ("API fidelity").
 */
class ResponseFidelityTest {
  private static final String UNKNOWN = "x_field_from_the_future";
  private static ClientAndServer server;
  private static Path fixtures;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    fixtures = TestServers.sharedFixtures().orElse(null);
    Assumptions.assumeTrue(
        fixtures != null && Files.isDirectory(fixtures.resolve("json")),
        "../shared/fixtures is absent");
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** Adds an unknown field (an object holding a null, so nulls are checked too) to o. */
  private static void mark(JsonObject o, String where) {
    JsonObject v = new JsonObject();
    v.addProperty("where", where);
    v.add("null_kept", com.google.gson.JsonNull.INSTANCE);
    o.add(UNKNOWN, v);
  }

  /** Marks o and every nested object the tool reads into a type of its own. */
  private static JsonObject marked(JsonObject o) {
    JsonObject m = o.deepCopy();
    mark(m, "top");
    for (String nested : List.of("usage", "request_counts", "error")) {
      if (m.has(nested) && m.get(nested).isJsonObject()) {
        mark(m.getAsJsonObject(nested), nested);
      }
    }
    for (String list : List.of("content", "data")) {
      if (m.has(list) && m.get(list).isJsonArray()) {
        for (JsonElement e : m.getAsJsonArray(list)) {
          if (e.isJsonObject()) {
            mark(e.getAsJsonObject(), list);
          }
        }
      }
    }
    return m;
  }

  private CommandHarness.Result run(String... args) {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString())
        .run(args);
  }

  private static void serve(String path, String body, String contentType) {
    server.reset();
    server
        .when(request().withPath(path))
        .respond(response().withHeader("content-type", contentType).withBody(body));
  }

  private static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(fixtures.resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static JsonObject read(Path p) throws IOException {
    return Json.parseObject(Files.readString(p, StandardCharsets.UTF_8));
  }

  /** The command printed exactly the served object. */
  private void assertPrinted(JsonElement served, String path, String... args) {
    CommandHarness.Result r = run(args);
    assertEquals(0, r.exitCode(), r.describe());
    JsonElement printed = JsonParser.parseString(r.out());
    assertEquals(served, printed, path + ": " + r.describe());
  }

  @Test
  void should_print_every_recorded_response_with_its_unknown_fields_intact() throws IOException {
    List<String> keptOut = new ArrayList<>();
    int messages = 0;
    int models = 0;
    int batches = 0;
    int counts = 0;
    int errors = 0;
    int streams = 0;
    int resultLines = 0;
    for (Path f : files("json", ".json")) {
      JsonObject o = read(f);
      String type = Json.str(o, "type");
      String name = fixtures.relativize(f).toString();
      if (f.toString().contains("errors")) {
        String body = Json.write(marked(o));
        int status = statusOf(f.getFileName().toString());
        ApiException e = ApiException.fromResponse(status, Headers.empty(), body);
        assertEquals(body, e.body(), name);
        JsonObject err = Json.obj(o, "error");
        if (err != null) {
          assertEquals(Json.str(err, "type"), e.type(), name);
          assertEquals(Json.str(err, "message"), e.errorMessage(), name);
        }
        errors++;
      } else if ("message".equals(type)) {
        JsonObject m = marked(o);
        serve("/v1/messages", Json.write(m), "application/json");
        assertPrinted(m, name, "messages", "--format", "json", "-n", "Hi");
        messages++;
      } else if ("model".equals(type)) {
        JsonObject m = marked(o);
        serve("/v1/models/" + Json.str(o, "id"), Json.write(m), "application/json");
        assertPrinted(m, name, "models", "get", Json.str(o, "id"), "--format", "json");
        models++;
      } else if ("message_batch".equals(type)) {
        JsonObject m = marked(o);
        serve("/v1/messages/batches/" + Json.str(o, "id"), Json.write(m), "application/json");
        assertPrinted(m, name, "batches", "get", Json.str(o, "id"), "--format", "json");
        batches++;
      } else if (o.has("input_tokens")) {
        JsonObject m = marked(o);
        serve("/v1/messages/count_tokens", Json.write(m), "application/json");
        assertPrinted(m, name, "count-tokens", "--format", "json", "-n", "Hi");
        counts++;
      } else if (o.has("data") && o.has("has_more")) {
        JsonObject m = marked(o);
        m.addProperty("has_more", false); // one page: --all would fetch the next
        boolean ofModels = name.contains("models");
        serve(ofModels ? "/v1/models" : "/v1/messages/batches", Json.write(m), "application/json");
        JsonArray items = m.getAsJsonArray("data");
        assertPrinted(
            items, name, ofModels ? "models" : "batches", "list", "--format", "json", "--all");
        if (ofModels) {
          models += items.size();
        } else {
          batches += items.size();
        }
      } else {
        keptOut.add(name);
      }
    }
    for (SseFixtures.Fixture f : SseFixtures.shared()) {
      String sse = markedStream(new String(f.bytes(), StandardCharsets.UTF_8));
      if (!sse.contains("event: message_stop")) {
        continue; // a stream cut short or ended by an error: the fault tests cover those
      }
      serve("/v1/messages", sse, "text/event-stream");
      CommandHarness.Result r = run("stream", "--format", "json", "-n", "Hi");
      assertEquals(0, r.exitCode(), f + ": " + r.describe());
      JsonObject printed = Json.parseObject(r.out());
      assertTrue(printed.has(UNKNOWN), f + ": the message's unknown field: " + r.out());
      for (JsonElement b : printed.getAsJsonArray("content")) {
        assertTrue(b.getAsJsonObject().has(UNKNOWN), f + ": a block's unknown field: " + b);
      }
      streams++;
    }
    for (Path f : files("batch", ".jsonl")) {
      StringBuilder served = new StringBuilder();
      List<JsonObject> lines = new ArrayList<>();
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonObject m = marked(Json.parseObject(line));
          mark(m.getAsJsonObject("result"), "result");
          lines.add(m);
          served.append(Json.write(m)).append('\n');
        }
      }
      server.reset();
      server
          .when(request().withPath("/v1/messages/batches/msgbatch_r"))
          .respond(
              response()
                  .withBody(
                      "{\"id\":\"msgbatch_r\",\"type\":\"message_batch\",\"processing_status\":"
                          + "\"ended\",\"results_url\":\"http://127.0.0.1:"
                          + server.getPort()
                          + "/v1/messages/batches/msgbatch_r/results\"}"));
      server
          .when(request().withPath("/v1/messages/batches/msgbatch_r/results"))
          .respond(response().withBody(served.toString()));
      CommandHarness.Result r = run("batches", "results", "msgbatch_r");
      assertEquals(0, r.exitCode(), r.describe());
      List<JsonObject> printed = r.out().lines().map(Json::parseObject).toList();
      assertEquals(lines, printed, f + ": " + r.describe());
      resultLines += lines.size();
    }
    assertFalse(messages == 0 || streams == 0 || errors == 0, "fixtures found");
    List<String> table =
        List.of(
            "| Messages (`messages --format json`) | " + messages + " |",
            "| Streams' final messages (`stream --format json`) | " + streams + " |",
            "| Models (`models get`, `models list --all`) | " + models + " |",
            "| Batches (`batches get`, `batches list --all`) | " + batches + " |",
            "| Token counts (`count-tokens --format json`) | " + counts + " |",
            "| Batch result lines (`batches results`) | " + resultLines + " |",
            "| Error bodies (the typed exception: type, message, whole body) | " + errors + " |",
            "| Not a whole response, left out: "
                + (keptOut.isEmpty() ? "none" : String.join(", ", keptOut))
                + " | "
                + keptOut.size()
                + " |");
    ReliabilityDoc.section("api-fidelity-responses", table.size(), table);
  }

  private static int statusOf(String file) {
    String digits = file.replaceAll("^(\\d{3}).*", "$1");
    return digits.matches("\\d{3}") ? Integer.parseInt(digits) : 404;
  }

  /** The stream with an unknown field in its message_start message and each started block. */
  private static String markedStream(String sse) {
    StringBuilder out = new StringBuilder();
    for (String line : sse.split("\n", -1)) {
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.startsWith("data:")) {
        String data = l.substring(5).strip();
        try {
          JsonObject o = Json.parseObject(data);
          String t = Json.str(o, "type");
          if ("message_start".equals(t) && o.has("message")) {
            mark(o.getAsJsonObject("message"), "message_start");
            l = "data: " + Json.write(o);
          } else if ("content_block_start".equals(t) && o.has("content_block")) {
            mark(o.getAsJsonObject("content_block"), "content_block_start");
            l = "data: " + Json.write(o);
          }
        } catch (IllegalArgumentException notJson) {
          // left as it is
        }
      }
      out.append(l).append('\n');
    }
    return out.toString();
  }
}
