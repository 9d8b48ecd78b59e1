package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.sse.SseFixtures;
import com.anthropic.tool.client.stream.SseTestServer;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamCommandTest {
  private static final String START =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,"
          + "\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
  private static final String END =
      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
          + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  private static String delta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  private final CountDownLatch never = new CountDownLatch(1);
  private SseTestServer server;

  @AfterEach
  void stop() {
    never.countDown();
    if (server != null) {
      server.close();
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StreamCommandTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private CommandHarness harness(SseTestServer s) {
    server = s;
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", s.baseUrl())
        .env("ANTHROPIC_API_KEY", "sk-test");
  }

  /** Runs the CLI with stdout going to the given writer, through a buffer as in Main. */
  private int runWithStdout(Writer stdout, StringWriter err, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("XDG_CONFIG_HOME", System.getProperty("java.io.tmpdir") + "/anthropic-cli-test-none");
    env.put("HOME", System.getProperty("java.io.tmpdir"));
    env.put("ANTHROPIC_BASE_URL", server.baseUrl());
    env.put("ANTHROPIC_API_KEY", "sk-test");
    CliContext ctx =
        new CliContext(env, new ByteArrayInputStream(new byte[0]), false, false, false);
    return Startup.run(
        args, ctx, new PrintWriter(new BufferedWriter(stdout, 1 << 16)), new PrintWriter(err));
  }

  @Test
  void should_print_exactly_the_text_of_a_recorded_stream() throws IOException {
    CommandHarness h =
        harness(
            new SseTestServer(
                SseTestServer.body(resource("/sse/project-text-crlf-multiline-data.sse"))));

    CommandHarness.Result r = h.run("stream", "Say", "hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Hello, w\u00f6rld \u2014 \uD83D\uDE00\nSecond block.", r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
    JsonObject body = Json.parseObject(server.bodies().get(0));
    assertTrue(body.get("stream").getAsBoolean(), body.toString());
  }

  @Test
  void should_print_exactly_the_text_of_the_shared_recorded_fixture() throws IOException {
    Path root = SseFixtures.sharedRoot();
    assumeTrue(root != null, "../shared not present: skipping fixture tests");
    String sse = Files.readString(root.resolve("go-vcr-stream-text-after-tool_result.sse"));
    JsonObject expected =
        Json.parseObject(
            resource("/sse-expected/shared/go-vcr-stream-text-after-tool_result.json"));
    CommandHarness h = harness(new SseTestServer(SseTestServer.body(sse)));

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    String text =
        expected
            .getAsJsonObject("message")
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString();
    assertEquals(text, r.out(), r.describe());
  }

  @Test
  void should_show_the_first_text_on_stdout_before_the_server_sends_the_rest() throws Exception {
    CountDownLatch proceed = new CountDownLatch(1);
    server =
        new SseTestServer(
            conn -> {
              conn.send(START + delta("Hello"));
              conn.await(proceed);
              conn.send(delta(" world") + END);
            });
    CountDownLatch firstTextSeen = new CountDownLatch(1);
    StringBuffer seen = new StringBuffer();
    Writer stdout =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) {
            seen.append(cbuf, off, len);
          }

          @Override
          public void flush() {
            if (seen.toString().contains("Hello")) {
              firstTextSeen.countDown();
            }
          }

          @Override
          public void close() {}
        };
    StringWriter err = new StringWriter();

    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(() -> runWithStdout(stdout, err, "stream", "hi"));

    boolean live = firstTextSeen.await(20, TimeUnit.SECONDS);
    String before = seen.toString();
    proceed.countDown();
    int code = run.get(20, TimeUnit.SECONDS);

    assertTrue(live, "the first delta never reached stdout while the server waited; err=" + err);
    assertEquals("Hello", before);
    assertEquals(0, code, err.toString());
    assertEquals("Hello world", seen.toString());
  }

  @Test
  void should_write_each_event_data_as_one_jsonl_line_without_pings() throws IOException {
    String sse = resource("/sse/project-text-crlf-multiline-data.sse");
    CommandHarness h = harness(new SseTestServer(SseTestServer.body(sse)));

    CommandHarness.Result r = h.run("stream", "--format", "jsonl", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    List<String> expected = new ArrayList<>();
    com.anthropic.tool.client.internal.SseParser p =
        new com.anthropic.tool.client.internal.SseParser(
            (event, data) -> {
              if (!event.equals("ping")) {
                expected.add(data);
              }
            });
    p.feed(sse.getBytes(StandardCharsets.UTF_8));
    p.end();
    List<String> lines = r.out().lines().toList();
    assertEquals(expected.size(), lines.size(), r.describe());
    for (int i = 0; i < lines.size(); i++) {
      if (expected.get(i).contains("\n")) {
        assertEquals(Json.parseObject(expected.get(i)), Json.parseObject(lines.get(i)));
      } else {
        assertEquals(expected.get(i), lines.get(i), "as sent, byte for byte");
      }
    }
  }

  @Test
  void should_print_the_assembled_message_in_json_format() throws IOException {
    CommandHarness h =
        harness(
            new SseTestServer(
                SseTestServer.body(resource("/sse/project-thinking-unknown-types.sse"))));

    CommandHarness.Result r = h.run("stream", "--format", "json", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject expected =
        Json.parseObject(resource("/sse-expected/project-thinking-unknown-types.json"))
            .getAsJsonObject("message");
    assertEquals(expected, Json.parseObject(r.out()), r.describe());
  }

  @Test
  void should_keep_partial_text_and_exit_4_on_a_midstream_overloaded_error() throws IOException {
    CommandHarness h =
        harness(
            new SseTestServer(
                SseTestServer.body(resource("/sse/project-midstream-error-after-content.sse"))));

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertEquals("Partial", r.out(), r.describe());
    assertEquals(
        "error: overloaded_error: Overloaded (request-id req_p4)\n", r.err(), r.describe());
  }

  @Test
  void should_exit_5_when_the_stream_goes_silent_longer_than_the_timeout() throws IOException {
    CommandHarness h =
        harness(new SseTestServer(conn -> conn.send(START + delta("Hel")).await(never)))
            .env("ANTHROPIC_TIMEOUT_SECS", "0.3");

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(5, r.exitCode(), r.describe());
    assertEquals("Hel", r.out(), r.describe());
    assertTrue(r.err().startsWith("error: timeout_error: "), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
  }

  @Test
  void should_end_quietly_and_cancel_the_stream_when_stdout_is_closed() throws Exception {
    server =
        new SseTestServer(
            conn -> {
              conn.send(START + delta("first"));
              if (conn.pingUntilDisconnected()) {
                server.disconnected.countDown();
              }
            });
    Writer closedPipe =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) throws IOException {
            throw new IOException("Broken pipe");
          }

          @Override
          public void flush() throws IOException {}

          @Override
          public void close() {}
        };
    StringWriter err = new StringWriter();

    int code = runWithStdout(closedPipe, err, "stream", "hi");

    assertEquals(0, code, err.toString());
    assertEquals("", err.toString());
    assertTrue(
        server.disconnected.await(10, TimeUnit.SECONDS), "the server never saw the disconnect");
  }

  @Test
  void should_print_thinking_and_usage_to_stderr_and_warn_on_max_tokens() throws IOException {
    CommandHarness h =
        harness(
            new SseTestServer(
                SseTestServer.body(resource("/sse/project-thinking-unknown-types.sse"))));

    CommandHarness.Result r = h.run("stream", "--show-thinking", "-u", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("The answer.", r.out(), r.describe());
    assertTrue(r.err().contains("thinking:\nLet me think about it.\n"), r.describe());
    assertTrue(r.err().contains("usage: input_tokens=11 output_tokens=99"), r.describe());
    assertTrue(r.err().contains("warning:") && r.err().contains("max_tokens"), r.describe());
    assertFalse(r.err().contains("\u001b"), "no colour off a terminal: " + r.describe());
  }

  @Test
  void should_warn_about_tool_input_cut_short_and_print_the_message_with_empty_input()
      throws IOException {
    CommandHarness h =
        harness(
            new SseTestServer(
                SseTestServer.body(resource("/sse/project-tool-input-cut-by-max-tokens.sse"))));

    CommandHarness.Result r = h.run("stream", "--format", "json", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject m = Json.parseObject(r.out());
    assertEquals(
        new JsonObject(),
        m.getAsJsonArray("content").get(0).getAsJsonObject().getAsJsonObject("input"));
    assertTrue(r.err().contains("incomplete JSON"), r.describe());
    assertTrue(r.err().contains("max_tokens"), r.describe());
  }

  @Test
  void should_end_a_terminal_line_after_the_text() throws IOException {
    CommandHarness h =
        harness(new SseTestServer(SseTestServer.body(START + delta("no newline") + END)))
            .stdoutIsTerminal(true);

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals("no newline\n", r.out(), r.describe());
  }

  @Test
  void should_reject_an_unknown_format_before_sending() throws IOException {
    CommandHarness h = harness(new SseTestServer(SseTestServer.body(START + END)));

    CommandHarness.Result r = h.run("stream", "--format", "xml", "hi");

    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(0, server.requests());
  }
}
