package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.mock.MockApiServer;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real commands against the in-process mock server, and the mock-server command itself. */
class MockServerCommandTest {
  private static MockApiServer mock;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    mock = MockApiServer.start(0);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", mock.baseUrl())
        .env("ANTHROPIC_API_KEY", "mock");
  }

  @Test
  void should_answer_messages_with_the_deterministic_echo() {
    CommandHarness.Result r = harness().run("messages", "Say", "hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("mock answer to: Say hello", r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
  }

  @Test
  void should_stream_the_same_text_as_the_non_streaming_call() {
    CommandHarness.Result plain = harness().run("messages", "what", "is", "up?");
    CommandHarness.Result streamed = harness().run("stream", "what", "is", "up?");

    assertEquals(0, streamed.exitCode(), streamed.describe());
    assertEquals(plain.out(), streamed.out(), streamed.describe());
    assertEquals("mock answer to: what is up?", streamed.out(), streamed.describe());
  }

  @Test
  void should_stream_every_event_type_in_order_with_several_text_deltas() {
    CommandHarness.Result r = harness().run("stream", "--format", "jsonl", "one", "two");

    assertEquals(0, r.exitCode(), r.describe());
    List<String> types =
        r.out().lines().map(l -> Json.parseObject(l).get("type").getAsString()).toList();
    assertEquals("message_start", types.get(0), r.describe());
    assertEquals("content_block_start", types.get(1), r.describe());
    assertEquals(
        List.of("content_block_stop", "message_delta", "message_stop"),
        types.subList(types.size() - 3, types.size()),
        r.describe());
    long deltas = types.stream().filter("content_block_delta"::equals).count();
    assertEquals(5, deltas, r.describe()); // "mock", " answer", " to:", " one", " two"
    JsonObject delta = Json.parseObject(r.out().lines().toList().get(types.size() - 2));
    assertEquals("end_turn", delta.getAsJsonObject("delta").get("stop_reason").getAsString());
    assertEquals(5, delta.getAsJsonObject("usage").get("output_tokens").getAsInt());
  }

  @Test
  void should_cut_the_answer_at_max_tokens_in_both_modes_and_warn() {
    CommandHarness.Result plain = harness().run("messages", "--max-tokens", "2", "a", "b");
    CommandHarness.Result streamed = harness().run("stream", "--max-tokens", "2", "a", "b");

    for (CommandHarness.Result r : List.of(plain, streamed)) {
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("mock answer", r.out().strip(), r.describe());
      assertTrue(r.err().contains("max_tokens"), r.describe());
    }
  }

  @Test
  void should_return_the_full_message_with_usage_in_json_format() {
    CommandHarness.Result r = harness().run("messages", "--format", "json", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject m = Json.parseObject(r.out());
    assertEquals("message", m.get("type").getAsString());
    assertTrue(m.get("id").getAsString().startsWith("msg_mock_"), r.describe());
    assertEquals(ModelDefaults.DEFAULT_MODEL, m.get("model").getAsString());
    assertEquals("end_turn", m.get("stop_reason").getAsString());
    assertEquals(4, m.getAsJsonObject("usage").get("output_tokens").getAsInt());
    assertTrue(m.getAsJsonObject("usage").get("input_tokens").getAsInt() > 0, r.describe());
  }

  @Test
  void should_exit_4_when_the_status_knob_asks_for_overloaded() {
    CommandHarness.Result r =
        harness()
            .env("ANTHROPIC_CUSTOM_HEADERS", "x-mock-status: 529")
            .run("messages", "--no-retries", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertEquals("", r.out(), r.describe());
    assertTrue(r.err().startsWith("error: overloaded_error: "), r.describe());
    assertTrue(r.err().contains("(HTTP 529, request-id req_mock_"), r.describe());
  }

  @Test
  void should_exit_4_for_a_stream_too_and_3_for_an_authentication_error() {
    CommandHarness.Result stream =
        harness()
            .env("ANTHROPIC_CUSTOM_HEADERS", "x-mock-status: 429")
            .run("stream", "--no-retries", "hi");
    CommandHarness.Result auth =
        harness().env("ANTHROPIC_CUSTOM_HEADERS", "x-mock-status: 401").run("messages", "hi");

    assertEquals(4, stream.exitCode(), stream.describe());
    assertTrue(stream.err().startsWith("error: rate_limit_error: "), stream.describe());
    assertEquals(3, auth.exitCode(), auth.describe());
    assertTrue(auth.err().startsWith("error: authentication_error: "), auth.describe());
  }

  @Test
  void should_exit_4_after_the_first_words_when_the_stream_knob_ends_it_with_an_error() {
    CommandHarness.Result r =
        harness()
            .env("ANTHROPIC_CUSTOM_HEADERS", "x-mock-stream-error: overloaded_error")
            .run("stream", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("mock"), r.describe());
    assertTrue(r.err().contains("error: overloaded_error: "), r.describe());
  }

  @Test
  void should_count_tokens_deterministically() {
    CommandHarness.Result r = harness().run("count-tokens", "one", "two", "three");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("7", r.out().strip(), r.describe()); // 3 words + 3 per message + 1
  }

  @Test
  void should_list_every_model_across_pages_and_get_one_by_alias() {
    CommandHarness.Result all =
        harness().env("XDG_CACHE_HOME", tmp.toString()).run("models", "--all", "--limit", "3");
    CommandHarness.Result one =
        harness().env("XDG_CACHE_HOME", tmp.toString()).run("models", "get", "claude-sonnet-4-5");

    assertEquals(0, all.exitCode(), all.describe());
    List<String> ids = all.out().lines().map(l -> l.split("\t")[0]).toList();
    assertEquals(7, ids.size(), all.describe());
    assertEquals(ModelDefaults.DEFAULT_MODEL, ids.get(0), all.describe());
    assertEquals(0, one.exitCode(), one.describe());
    assertTrue(one.out().startsWith("claude-sonnet-4-5-20250929\t"), one.describe());
  }

  @Test
  void should_run_a_batch_from_prompts_to_results_and_delete_it() {
    CommandHarness.Result created =
        harness().stdin("first q\nsecond q\n").run("batches", "create", "--prompts", "-", "--wait");
    assertEquals(0, created.exitCode(), created.describe());
    String id = created.out().lines().reduce((a, b) -> b).orElse("").split("\t")[0];
    assertTrue(id.startsWith("msgbatch_mock_"), created.describe());
    assertTrue(created.out().contains("\tended\t"), created.describe());

    CommandHarness.Result results = harness().run("batches", "results", id);
    assertEquals(0, results.exitCode(), results.describe());
    List<JsonObject> lines = results.out().lines().map(Json::parseObject).toList();
    assertEquals(2, lines.size(), results.describe());
    assertEquals(
        "mock answer to: second q",
        lines
            .get(1)
            .getAsJsonObject("result")
            .getAsJsonObject("message")
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());

    CommandHarness.Result deleted = harness().run("batches", "delete", id);
    CommandHarness.Result gone = harness().run("batches", "get", id);
    assertEquals(0, deleted.exitCode(), deleted.describe());
    assertEquals(1, gone.exitCode(), gone.describe());
    assertTrue(gone.err().startsWith("error: not_found_error: "), gone.describe());
  }

  @Test
  void should_print_the_base_url_first_then_serve_until_interrupted() throws Exception {
    LineSignal out = new LineSignal();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]), false, false, false);
    AtomicInteger code = new AtomicInteger(-1);
    Thread t =
        new Thread(
            () ->
                code.set(
                    Startup.run(
                        new String[] {"mock-server"},
                        ctx,
                        new PrintWriter(out),
                        new PrintWriter(err))));
    t.start();
    String url = out.firstLine.get(30, TimeUnit.SECONDS);

    assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
    CommandHarness.Result r =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", url)
            .env("ANTHROPIC_API_KEY", "mock")
            .run("messages", "ping");
    assertEquals("mock answer to: ping", r.out(), r.describe());

    t.interrupt();
    t.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(t.isAlive(), "the command should stop when interrupted");
    assertEquals(ExitCodes.INTERRUPTED, code.get());
    assertTrue(err.toString().contains("export ANTHROPIC_BASE_URL=" + url), err.toString());
    int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    boolean refused = false;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      // still listening
    } catch (ConnectException e) {
      refused = true;
    }
    assertTrue(refused, "the port should be closed after the command returned");
  }

  @Test
  void should_exit_2_with_one_error_line_when_the_port_is_in_use() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CommandHarness.Result r =
          new CommandHarness().run("mock-server", "--port", String.valueOf(taken.getLocalPort()));

      assertEquals(2, r.exitCode(), r.describe());
      assertEquals("", r.out(), r.describe());
      assertEquals(1, r.err().lines().count(), r.describe());
      assertTrue(
          r.err().startsWith("error: usage_error: cannot listen on 127.0.0.1:"), r.describe());
    }
  }

  /** A writer that hands over its first line as soon as it is flushed. */
  private static final class LineSignal extends Writer {
    final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      text.append(buf, off, len);
    }

    @Override
    public synchronized void flush() {
      int nl = text.indexOf("\n");
      if (nl >= 0) {
        firstLine.complete(text.substring(0, nl).strip());
      }
    }

    @Override
    public void close() {}
  }
}
