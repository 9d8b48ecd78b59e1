package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** {@code --schema}, {@code --effort} and {@code --thinking adaptive}: the exact bodies sent. */
class StructuredOutputCommandTest {
  private static ClientAndServer server;
  @TempDir Path tmp;

  /** The schema of the concise SPEC {@code name, born int, height float, alive bool, bio: …}. */
  static final String EVERY_TYPE_SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"name\":{\"type\":\"string\"},"
          + "\"born\":{\"type\":\"integer\"},"
          + "\"height\":{\"type\":\"number\",\"description\":\"in metres\"},"
          + "\"alive\":{\"type\":\"boolean\"},"
          + "\"bio\":{\"type\":\"string\",\"description\":\"a one-line biography, in English\"}},"
          + "\"required\":[\"name\",\"born\",\"height\",\"alive\",\"bio\"],"
          + "\"additionalProperties\":false}";

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
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  private void answer(String text) {
    JsonObject block = new JsonObject();
    block.addProperty("type", "text");
    block.addProperty("text", text);
    JsonArray content = new JsonArray();
    content.add(block);
    JsonObject m = new JsonObject();
    m.addProperty("id", "msg_1");
    m.addProperty("type", "message");
    m.addProperty("role", "assistant");
    m.addProperty("model", "claude-sonnet-4-6");
    m.add("content", content);
    m.addProperty("stop_reason", "end_turn");
    m.add("usage", JsonParser.parseString("{\"input_tokens\":5,\"output_tokens\":7}"));
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(Json.write(m)));
  }

  private JsonObject sentBody() {
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, sent.length);
    return Json.parseObject(sent[0].getBodyAsString());
  }

  private int sent() {
    return server.retrieveRecordedRequests(request()).length;
  }

  private static JsonObject json(String text) {
    return Json.parseObject(text);
  }

  private static JsonObject format(String schema) {
    return json("{\"format\":{\"type\":\"json_schema\",\"schema\":" + schema + "}}");
  }

  @Test
  void should_send_a_concise_spec_with_every_type_and_descriptions_as_an_exact_body() {
    answer("{}");

    CommandHarness.Result r =
        harness()
            .run(
                "messages",
                "--schema",
                "name, born int, height float: in metres, alive bool,"
                    + " bio: a one-line biography, in English",
                "-m",
                "claude-sonnet-4-6",
                "--max-tokens",
                "300",
                "Who was Ada Lovelace?");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        json(
            "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":300,\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Who was Ada Lovelace?\"}]}],"
                + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":"
                + EVERY_TYPE_SCHEMA
                + "}}}"),
        sentBody(),
        r.describe());
  }

  @Test
  void should_send_a_schema_file_unchanged() throws IOException {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":"
            + "{\"enum\":[\"a\",\"b\"]}}},\"required\":[\"tags\"],\"additionalProperties\":false}";
    Path file = tmp.resolve("schema.json");
    Files.writeString(file, "  " + schema + "\n");
    answer("{\"tags\":[]}");

    CommandHarness.Result r = harness().run("messages", "--schema", file.toString(), "Tag it");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(format(schema), sentBody().getAsJsonObject("output_config"), r.describe());
  }

  @Test
  void should_send_inline_json_as_the_schema() {
    String schema = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}";
    answer("{\"n\":1}");

    CommandHarness.Result r = harness().run("messages", "--schema", schema, "Count");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(format(schema), sentBody().getAsJsonObject("output_config"), r.describe());
  }

  @Test
  void should_send_effort_alone_and_beside_a_schema() {
    answer("hi");
    CommandHarness.Result r = harness().run("messages", "--effort", "xhigh", "Think");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        json("{\"effort\":\"xhigh\"}"), sentBody().getAsJsonObject("output_config"), r.describe());

    server.reset();
    answer("{\"name\":\"x\"}");
    r = harness().run("messages", "--effort", "low", "--schema", "name", "Name one");
    assertEquals(0, r.exitCode(), r.describe());
    JsonObject expected =
        format(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},"
                + "\"required\":[\"name\"],\"additionalProperties\":false}");
    expected.addProperty("effort", "low");
    assertEquals(expected, sentBody().getAsJsonObject("output_config"), r.describe());
  }

  @Test
  void should_keep_a_request_files_output_config_and_override_only_what_a_flag_gives()
      throws IOException {
    Path body = tmp.resolve("body.json");
    Files.writeString(
        body,
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"output_config\":{\"effort\":\"max\",\"format\":{\"type\":\"json_schema\","
            + "\"schema\":{\"type\":\"object\"}}}}");
    answer("{}");

    CommandHarness.Result r =
        harness().run("messages", "--request", body.toString(), "--effort", "medium");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject expected = format("{\"type\":\"object\"}");
    expected.addProperty("effort", "medium");
    assertEquals(expected, sentBody().getAsJsonObject("output_config"), r.describe());
  }

  @Test
  void should_send_adaptive_thinking_and_keep_a_number_as_an_enabled_budget() {
    answer("hi");
    CommandHarness.Result r = harness().run("messages", "--thinking", "adaptive", "Think");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(json("{\"type\":\"adaptive\"}"), sentBody().getAsJsonObject("thinking"));

    server.reset();
    answer("hi");
    r = harness().run("messages", "--thinking", "2048", "--max-tokens", "4096", "Think");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        json("{\"type\":\"enabled\",\"budget_tokens\":2048}"),
        sentBody().getAsJsonObject("thinking"));
  }

  @Test
  void should_warn_when_a_known_model_does_not_take_the_effort_or_adaptive_thinking() {
    answer("hi");
    CommandHarness.Result r =
        harness()
            .run(
                "messages",
                "-m",
                "claude-sonnet-4-5",
                "--effort",
                "high",
                "--thinking",
                "adaptive",
                "Hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(
        r.err().contains("warning: claude-sonnet-4-5 may not take --effort high"), r.describe());
    assertTrue(
        r.err().contains("warning: claude-sonnet-4-5 may not take --thinking adaptive"),
        r.describe());
    assertEquals(1, sent(), "the request is still sent: the API has the last word");
  }

  @Test
  void should_refuse_bad_schemas_and_efforts_with_exit_2_and_send_nothing() throws IOException {
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"type\": \"object\",");
    String[][] cases = {
      {"--schema", broken.toString()},
      {"--schema", tmp.resolve("missing.json").toString()},
      {"--schema", "{not json"},
      {"--schema", "name, born integr"},
      {"--schema", "9lives, name"},
      {"--schema", "name, name int"},
      {"--effort", "extreme"},
      {"--thinking", "lots"},
    };
    for (String[] c : cases) {
      CommandHarness.Result r = harness().run("messages", c[0], c[1], "Hi");
      assertEquals(2, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: "), r.describe());
      assertEquals(1, r.err().lines().count(), r.describe());
      assertEquals("", r.out(), r.describe());
    }
    assertEquals(0, sent(), "nothing is sent");
  }

  @Test
  void should_name_the_file_and_the_unknown_type_in_the_error() throws IOException {
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "[1,");
    CommandHarness.Result r = harness().run("messages", "--schema", broken.toString(), "Hi");
    assertTrue(r.err().contains("--schema " + broken), r.describe());

    r = harness().run("messages", "--schema", "name, born integr", "Hi");
    assertTrue(r.err().contains("unknown type 'integr'"), r.describe());
    assertTrue(r.err().contains("str, int, float and bool"), r.describe());
  }

  @Test
  void should_print_the_models_json_unchanged_and_warn_on_nothing_when_it_matches() {
    String answer = "{\"name\": \"Ada\",\n \"born\": 1815}";
    answer(answer);

    CommandHarness.Result r =
        harness().run("messages", "--schema", "name, born int", "--format", "text", "Who?");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(answer, r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
  }

  @Test
  void should_warn_naming_the_first_failing_path_when_the_answer_does_not_match() {
    answer("{\"name\":\"Ada\",\"born\":\"1815\"}");

    CommandHarness.Result r = harness().run("messages", "--schema", "name, born int", "Who?");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("{\"name\":\"Ada\",\"born\":\"1815\"}", r.out(), "stdout keeps the answer");
    String warning = r.err().lines().filter(l -> l.startsWith("warning:")).findFirst().orElse("");
    assertTrue(warning.contains("does not match --schema at $.born"), r.describe());
  }

  @Test
  void should_warn_when_the_answer_is_not_json_at_all() {
    answer("I cannot help with that.");

    CommandHarness.Result r = harness().run("messages", "--schema", "name", "Who?");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.err().contains("warning: the answer is not JSON"), r.describe());
  }

  @Test
  void should_check_a_streamed_answer_too_and_print_its_json_as_it_arrives() {
    String sse =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\",\"content\":[],"
            + "\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"{\\\"born\\\":\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"true}\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":"
            + "{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    server
        .when(request().withPath("/v1/messages"))
        .respond(
            response()
                .withStatusCode(200)
                .withHeader("content-type", "text/event-stream")
                .withBody(sse));

    CommandHarness.Result r = harness().run("stream", "--schema", "born int", "When?");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("{\"born\":true}", r.out(), r.describe());
    assertTrue(
        r.err().contains("warning: the answer does not match --schema at $.born"), r.describe());
    assertTrue(sentBody().has("output_config"), r.describe());
  }

  @Test
  void should_apply_schema_and_effort_to_every_prompt_of_a_batch() {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"msgbatch_1\",\"type\":\"message_batch\","
                        + "\"processing_status\":\"in_progress\",\"request_counts\":{},"
                        + "\"created_at\":\"2024-09-24T18:37:24Z\"}"));

    CommandHarness.Result r =
        harness()
            .stdin("first\nsecond\n")
            .run(
                "batches",
                "create",
                "--prompts",
                "-",
                "--schema",
                "title, year int",
                "--effort",
                "low");

    assertEquals(0, r.exitCode(), r.describe());
    JsonArray reqs =
        Json.parseObject(
                new String(
                    server.retrieveRecordedRequests(request())[0].getBodyAsRawBytes(),
                    StandardCharsets.UTF_8))
            .getAsJsonArray("requests");
    JsonObject expected =
        format(
            "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},"
                + "\"year\":{\"type\":\"integer\"}},\"required\":[\"title\",\"year\"],"
                + "\"additionalProperties\":false}");
    expected.addProperty("effort", "low");
    assertEquals(2, reqs.size());
    for (var e : reqs) {
      assertEquals(
          expected,
          e.getAsJsonObject().getAsJsonObject("params").getAsJsonObject("output_config"),
          r.describe());
    }
    assertFalse(r.err().contains("warning"), r.describe());
  }
}
