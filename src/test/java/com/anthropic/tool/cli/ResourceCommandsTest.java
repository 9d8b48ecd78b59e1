package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** count-tokens and models against MockServer: method, path, query and body of every call. */
class ResourceCommandsTest {
  private static ClientAndServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  static String model(String id) {
    return "{\"type\":\"model\",\"id\":\""
        + id
        + "\",\"display_name\":\"Name "
        + id
        + "\",\"created_at\":\"2025-02-19T00:00:00Z\",\"max_tokens\":null}";
  }

  static String page(String first, String last, boolean more, String... items) {
    return "{\"data\":["
        + String.join(",", items)
        + "],\"has_more\":"
        + more
        + ",\"first_id\":\""
        + first
        + "\",\"last_id\":\""
        + last
        + "\"}";
  }

  @Test
  void should_send_count_tokens_without_max_tokens_and_print_the_number() {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/count_tokens"))
        .respond(response().withStatusCode(200).withBody("{\"input_tokens\":2095}"));

    CommandHarness.Result r =
        harness().run("count-tokens", "-s", "Be brief", "-t", "0.5", "--stop", "X", "Hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("2095\n", r.out(), r.describe());
    HttpRequest[] sent = server.retrieveRecordedRequests(request());
    assertEquals(1, sent.length);
    JsonObject body = Json.parseObject(sent[0].getBodyAsString());
    assertFalse(body.has("max_tokens"), body.toString());
    assertFalse(body.has("stream"), body.toString());
    assertFalse(body.has("temperature"), body.toString());
    assertFalse(body.has("stop_sequences"), body.toString());
    assertEquals(
        "Be brief",
        body.getAsJsonArray("system").get(0).getAsJsonObject().get("text").getAsString());
    assertTrue(body.has("model") && body.has("messages"), body.toString());
  }

  @Test
  void should_print_count_tokens_json_unchanged() {
    server
        .when(request().withPath("/v1/messages/count_tokens"))
        .respond(response().withStatusCode(200).withBody("{ \"input_tokens\": 14, \"x\": null }"));

    CommandHarness.Result r = harness().run("count-tokens", "--format", "json", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("{\"input_tokens\":14,\"x\":null}\n", r.out(), r.describe());
  }

  @Test
  void should_walk_every_page_with_all_and_cache_the_ids() throws IOException {
    server
        .when(
            request()
                .withMethod("GET")
                .withPath("/v1/models")
                .withQueryStringParameter("after_id", "m2"))
        .respond(response().withBody(page("m3", "m4", true, model("m3"), model("m4"))));
    server
        .when(
            request()
                .withMethod("GET")
                .withPath("/v1/models")
                .withQueryStringParameter("after_id", "m4"))
        .respond(response().withBody(page("m5", "m5", false, model("m5"))));
    server
        .when(request().withMethod("GET").withPath("/v1/models"))
        .respond(response().withBody(page("m1", "m2", true, model("m1"), model("m2"))));

    CommandHarness.Result r = harness().run("models", "list", "--all", "--limit", "2");

    assertEquals(0, r.exitCode(), r.describe());
    String[] lines = r.out().split("\n");
    assertEquals(5, lines.length, r.describe());
    assertEquals("m1\tName m1\t2025-02-19", lines[0]);
    assertEquals("m5\tName m5\t2025-02-19", lines[4]);
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/models"));
    assertEquals(3, sent.length);
    for (HttpRequest h : sent) {
      assertEquals("2", h.getFirstQueryStringParameter("limit"));
    }
    assertEquals("", sent[0].getFirstQueryStringParameter("after_id"));
    assertEquals("m2", sent[1].getFirstQueryStringParameter("after_id"));
    assertEquals("m4", sent[2].getFirstQueryStringParameter("after_id"));

    Path cache = tmp.resolve("cache/anthropic-cli/models.txt");
    assertEquals("m1\nm2\nm3\nm4\nm5\n", Files.readString(cache));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())));

    server.reset();
    CommandHarness.Result ids = harness().run("models", "ids");
    assertEquals("m1\nm2\nm3\nm4\nm5\n", ids.out(), ids.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length, "served from the cache");
  }

  @Test
  void should_pass_paging_flags_as_query_and_print_one_json_array_of_the_objects_unchanged() {
    server
        .when(request().withMethod("GET").withPath("/v1/models"))
        .respond(response().withBody(page("m1", "m1", true, model("m1"))));

    CommandHarness.Result r =
        harness().run("models", "--limit", "1", "--before-id", "m9", "--format", "json");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        "[\n" + Json.write(Json.parseObject(model("m1"))) + "\n]\n", r.out(), r.describe());
    assertTrue(r.out().contains("\"max_tokens\":null"), r.describe());
    assertEquals("note: more results: --before-id m1 or --all\n", r.err(), r.describe());
    HttpRequest sent = server.retrieveRecordedRequests(request())[0];
    assertEquals("1", sent.getFirstQueryStringParameter("limit"));
    assertEquals("m9", sent.getFirstQueryStringParameter("before_id"));
  }

  @Test
  void should_get_one_model() {
    server
        .when(request().withMethod("GET").withPath("/v1/models/claude-sonnet-4-20250514"))
        .respond(response().withBody(model("claude-sonnet-4-20250514")));

    CommandHarness.Result r = harness().run("models", "get", "claude-sonnet-4-20250514");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("claude-sonnet-4-20250514\tName claude-sonnet-4-20250514\t2025-02-19\n", r.out());
  }

  @Test
  void should_read_the_shared_docs_fixtures_when_present() throws IOException {
    Path shared = SharedDir.require("json/docs");
    String list = Files.readString(shared.resolve("docs-apiref-models-list-200.json"));
    server
        .when(request().withMethod("GET").withPath("/v1/models"))
        .respond(response().withBody(list.replace("\"has_more\": true", "\"has_more\": false")));

    CommandHarness.Result r = harness().run("models");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("claude-sonnet-4-20250514\tClaude Sonnet 4\t2025-02-19\n", r.out(), r.describe());
  }
}
