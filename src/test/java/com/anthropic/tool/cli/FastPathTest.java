package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** The picocli-free path for {@code messages WORD...} must behave exactly like picocli's. */
class FastPathTest {
  private static ClientAndServer server;

  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"stop_reason\":\"max_tokens\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

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
        .env("ANTHROPIC_CUSTOM_HEADERS", "x-bench-events: 3\nx-other: b");
  }

  @Test
  void should_take_only_plain_words_after_messages() {
    assertNull(fast("messages"));
    assertNull(fast("messages", "  "));
    assertNull(fast("messages", "-m", "x", "hi"));
    assertNull(fast("messages", "hi", "--format", "json"));
    assertNull(fast("messages", "--", "hi"));
    assertNull(fast("messages", "@args.txt"));
    assertNull(fast("--debug", "messages", "hi"));
    assertNull(fast("stream", "--format", "jsonl", "hi"));
    assertNull(fast("count-tokens", "hi"));
    assertNull(fast("--version"));
  }

  @Test
  void should_send_and_print_the_same_as_the_picocli_path() {
    server
        .when(request().withMethod("POST").withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(MESSAGE));

    CommandHarness.Result fast = harness().stdin("a document").run("messages", "Say", "hello");
    // --format text is the default: the same command, parsed by picocli
    CommandHarness.Result full =
        harness().stdin("a document").run("messages", "--format", "text", "Say", "hello");

    assertEquals(0, fast.exitCode(), fast.describe());
    assertEquals(full.exitCode(), fast.exitCode(), fast.describe());
    assertEquals(full.out(), fast.out(), fast.describe());
    assertEquals(full.err(), fast.err(), fast.describe());
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(2, sent.length);
    assertEquals(
        Json.parseObject(sent[1].getBodyAsString()), Json.parseObject(sent[0].getBodyAsString()));
    for (String h : new String[] {"x-api-key", "anthropic-version", "x-bench-events", "x-other"}) {
      assertNotNull(sent[0].getFirstHeader(h), h);
      assertEquals(sent[1].getFirstHeader(h), sent[0].getFirstHeader(h), h);
    }
  }

  @Test
  void should_report_failures_like_the_picocli_path() {
    server
        .when(request().withPath("/v1/messages"))
        .respond(
            response()
                .withStatusCode(404)
                .withHeader("request-id", "req_9")
                .withBody(
                    "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\","
                        + "\"message\":\"no such model\"}}"));

    CommandHarness.Result fast = harness().run("messages", "hi");
    CommandHarness.Result full = harness().run("messages", "--format", "text", "hi");

    assertEquals(full.exitCode(), fast.exitCode(), fast.describe());
    assertEquals(full.err(), fast.err(), fast.describe());
    assertEquals(full.out(), fast.out(), fast.describe());
  }

  @Test
  void should_exit_3_without_a_key_like_the_picocli_path() {
    CommandHarness h =
        new CommandHarness().env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort());
    CommandHarness.Result fast = h.run("messages", "hi");
    CommandHarness.Result full = h.run("messages", "--format", "text", "hi");

    assertEquals(3, fast.exitCode(), fast.describe());
    assertEquals(full.err(), fast.err(), fast.describe());
  }

  private static Integer fast(String... args) {
    CliContext ctx =
        new CliContext(
            Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", "http://127.0.0.1:9"),
            new ByteArrayInputStream(new byte[0]),
            true,
            false,
            false);
    return FastPath.run(
        args, ctx, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }
}
