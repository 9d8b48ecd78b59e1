package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

class MessagesCommandTest {
  private static ClientAndServer server;

  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\",\"citations\":null},"
          + "{\"type\":\"text\",\"text\":\" world\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2},"
          + "\"future_field\":{\"x\":1}}";

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
        .env("ANTHROPIC_API_KEY", "sk-test");
  }

  @Test
  void should_print_exactly_the_text_of_all_blocks() {
    server
        .when(request().withMethod("POST").withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(MESSAGE));

    CommandHarness.Result r = harness().run("messages", "Say", "hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Hello world", r.out(), r.describe());
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, sent.length);
    assertEquals("sk-test", sent[0].getFirstHeader("x-api-key"));
    assertEquals("2023-06-01", sent[0].getFirstHeader("anthropic-version"));
    JsonObject body = Json.parseObject(sent[0].getBodyAsString());
    assertEquals(
        "Say hello",
        body.getAsJsonArray("messages")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());
    assertEquals(ModelDefaults.DEFAULT_MODEL, body.get("model").getAsString());
  }

  @Test
  void should_reemit_unknown_and_null_fields_in_json_format() {
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(MESSAGE));

    CommandHarness.Result r = harness().run("messages", "--format", "json", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(Json.parseObject(MESSAGE), Json.parseObject(r.out()), r.describe());
    assertTrue(r.out().contains("\"citations\":null"), r.describe());
  }

  @Test
  void should_exit_3_without_a_key_and_send_nothing() {
    CommandHarness.Result r =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
            .run("messages", "hi");

    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.err().contains("ANTHROPIC_API_KEY"), r.describe());
    assertTrue(r.err().contains("mock-server"), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);
  }

  @Test
  void should_print_usage_and_exit_2_with_no_prompt_on_a_terminal() {
    CommandHarness.Result r = harness().stdinIsTerminal(true).run("messages");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("Usage:"), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);
  }
}
