package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.stream.SseTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chat loop on a real JLine (dumb) terminal, against a loopback server that streams answers.
 */
class ChatSessionTest {
  private SseTestServer server;
  private AnthropicClient client;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final StringWriter errors = new StringWriter();
  private PipedOutputStream keyboard;
  private Terminal terminal;

  static String answer(String... deltas) {
    StringBuilder sb = new StringBuilder(start());
    for (String d : deltas) {
      sb.append(delta(d));
    }
    return sb.append(end()).toString();
  }

  static String start() {
    return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
        + "\"stop_reason\":null,\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1,\"cache_read_input_tokens\":7}}}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
  }

  static String delta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  static String end() {
    return "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
        + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}\n\n"
        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  }

  @AfterEach
  void tearDown() throws IOException {
    if (keyboard != null) {
      keyboard.close();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private ChatSession.Options options(CacheControl cache) {
    client = AnthropicClient.builder().apiKey("k").baseUrl(server.baseUrl()).maxRetries(0).build();
    MessagesRequest template =
        MessagesRequest.builder("claude-test", List.of(MessageParam.user("x")), 100).build();
    return new ChatSession.Options(
        client,
        template,
        cache,
        null,
        ContentBlock.Text::of,
        t -> "error: " + t.getMessage(),
        false,
        false,
        null,
        System::nanoTime);
  }

  private static Conversation fresh() {
    return Conversation.start("c1", Instant.parse("2026-12-02T22:00:00Z"), "claude-test", null);
  }

  /** Starts the session on a dumb terminal; the keyboard is a pipe the test types into. */
  private CompletableFuture<Integer> startOnTerminal(ChatSession.Options o) throws IOException {
    keyboard = new PipedOutputStream();
    PipedInputStream keys = new PipedInputStream(keyboard, 1 << 16);
    OutputStream synced =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (screen) {
              screen.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (screen) {
              screen.write(b, off, len);
            }
          }
        };
    terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, keys, synced, StandardCharsets.UTF_8);
    JLineConsole console =
        new JLineConsole(terminal, new PrintWriter(errors), false, Map.of(), null, List::of);
    ChatSession session = new ChatSession(o, console, fresh(), List.of(), false);
    return CompletableFuture.supplyAsync(session::run);
  }

  private String screen() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  private void type(String line) throws IOException {
    keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Polls (bounded) until the condition holds; fails with the screen otherwise. */
  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + "\nscreen:\n" + screen() + "\nerrors:\n" + errors);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void should_send_the_whole_history_with_the_breakpoint_on_the_last_user_turn() throws Exception {
    server =
        new SseTestServer(
            SseTestServer.body(answer("First ", "answer.")),
            SseTestServer.body(answer("Second answer.")));
    CompletableFuture<Integer> run = startOnTerminal(options(CacheControl.ephemeral()));
    type("one");
    await("the first answer", () -> screen().contains("First answer."));
    type("two");
    await("the second answer", () -> screen().contains("Second answer."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(
        "{\"model\":\"claude-test\",\"max_tokens\":100,\"messages\":["
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"one\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"First answer.\"}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"two\","
            + "\"cache_control\":{\"type\":\"ephemeral\"}}]}],\"stream\":true}",
        server.bodies().get(1));
    assertTrue(screen().contains("10 in · 5 out · 7 cache read"), screen());
  }

  @Test
  void should_cancel_only_the_answer_in_flight_on_ctrl_c_and_keep_what_was_shown()
      throws Exception {
    server =
        new SseTestServer(
            c -> {
              c.send(start() + delta("Partial ans"));
              if (c.pingUntilDisconnected()) {
                disconnectedFlag = true;
              }
            },
            SseTestServer.body(answer("Fresh answer.")));
    CompletableFuture<Integer> run = startOnTerminal(options(CacheControl.ephemeral()));
    type("tell me a long story");
    await("the start of the answer", () -> screen().contains("Partial ans"));
    terminal.raise(Terminal.Signal.INT);
    await("the interrupted mark", () -> screen().contains("[interrupted]"));
    await("the server to see the exchange closed", () -> disconnectedFlag);
    type("next");
    await("the next answer", () -> screen().contains("Fresh answer."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    String second = server.bodies().get(1);
    assertTrue(
        second.contains(
            "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Partial ans\"}]}"),
        second);
  }

  private volatile boolean disconnectedFlag;

  @Test
  void should_print_an_api_error_as_one_line_and_go_on() throws Exception {
    server =
        new SseTestServer(
            c ->
                c.status(
                    400,
                    "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"message\":\"bad thing\"}}"),
            SseTestServer.body(answer("Recovered.")));
    CompletableFuture<Integer> run = startOnTerminal(options(null));
    type("first");
    await("the error line", () -> errors.toString().contains("bad thing"));
    type("second");
    await("the next answer", () -> screen().contains("Recovered."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(1, errors.toString().lines().count(), errors.toString());
    // the failed question is not sent again with the next one
    assertFalse(server.bodies().get(1).contains("first"), server.bodies().get(1));
  }

  @Test
  void should_run_slash_commands_between_questions() throws Exception {
    server = new SseTestServer(SseTestServer.body(answer("A.")));
    CompletableFuture<Integer> run = startOnTerminal(options(null));
    type("/model claude-other");
    type("/systm");
    await("the suggestion", () -> screen().contains("did you mean /system?"));
    type("/system Be brief.");
    type("q");
    await("the answer", () -> screen().contains("A."));
    type("/undo");
    await("the undo notice", () -> screen().contains("dropped the last exchange"));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    String body = server.bodies().get(0);
    assertTrue(body.startsWith("{\"model\":\"claude-other\""), body);
    assertTrue(body.contains("\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"}]"), body);
  }

  @Test
  void should_end_with_exit_0_at_the_end_of_input() throws Exception {
    server = new SseTestServer(SseTestServer.body(answer("A.")));
    CompletableFuture<Integer> run = startOnTerminal(options(null));
    keyboard.close();
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
  }

  @Test
  void should_print_each_answer_and_a_blank_line_without_escapes_when_not_a_terminal()
      throws Exception {
    server =
        new SseTestServer(
            SseTestServer.body(answer("**One**")), SseTestServer.body(answer("Two\\n")));
    ChatSession.Options o = options(CacheControl.ephemeral());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Chat.Io io =
        new Chat.Io(
            new ByteArrayInputStream(
                "first\n\"\"\"\nline a\nline b\n\"\"\"\n".getBytes(StandardCharsets.UTF_8)),
            false,
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            true,
            false,
            null,
            List::of);
    assertEquals(0, Chat.run(o, io, fresh(), List.of(), "greeting"));
    assertEquals("**One**\n\nTwo\n\n", out.toString());
    assertEquals("", err.toString());
    assertTrue(
        server.bodies().get(1).contains("\"text\":\"line a\\nline b\""), server.bodies().get(1));
  }
}
