package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.stream.SseTestServer;
import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolOutput;
import com.anthropic.tool.toolbox.Approval;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    if (api != null) {
      api.close();
    }
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
    return options(server.baseUrl(), cache, List.of(), null);
  }

  private ChatSession.Options options(
      String baseUrl, CacheControl cache, List<Tool> offered, ChatSession.Tools tools) {
    client = AnthropicClient.builder().apiKey("k").baseUrl(baseUrl).maxRetries(0).build();
    MessagesRequest template =
        MessagesRequest.builder("claude-test", List.of(MessageParam.user("x")), 100)
            .tools(offered)
            .build();
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
        System::nanoTime,
        tools,
        null);
  }

  private static Conversation fresh() {
    return Conversation.start("c1", Instant.parse("2026-12-02T22:00:00Z"), "claude-test", null);
  }

  /** Starts the session on a dumb terminal; the keyboard is a pipe the test types into. */
  private CompletableFuture<Integer> startOnTerminal(ChatSession.Options o) throws IOException {
    return startOnTerminal(o, Terminal.TYPE_DUMB, Map.of(), null);
  }

  /**
   * @param type the terminal type ({@code /edit} needs one that is not dumb)
   * @param history the input history file, or null
   */
  private CompletableFuture<Integer> startOnTerminal(
      ChatSession.Options o, String type, Map<String, String> env, java.nio.file.Path history)
      throws IOException {
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
    terminal = new DumbTerminal("test", type, keys, synced, StandardCharsets.UTF_8);
    console = new JLineConsole(terminal, new PrintWriter(errors), false, env, history, List::of);
    session = new ChatSession(o, console, fresh(), List.of(), false);
    return CompletableFuture.supplyAsync(session::run);
  }

  private ChatSession session;
  private JLineConsole console;

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

  // --- tools: each answer runs the tool loop ---

  private static final String WEATHER =
      "{\"name\":\"weather\",\"description\":\"Weather in a city\","
          + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}";
  private static final String CACHE = ",\"cache_control\":{\"type\":\"ephemeral\"}";

  private ScriptedApi api;

  private ChatSession.Options withWeather(ToolExecutor executor, boolean ask, int maxIterations)
      throws IOException {
    api = new ScriptedApi();
    return options(
        api.baseUrl(),
        CacheControl.ephemeral(),
        List.of(Tool.fromJson(JsonParser.parseString(WEATHER).getAsJsonObject())),
        new ChatSession.Tools(executor, ask ? call -> true : null, maxIterations, 1, false));
  }

  private static String toolUse(String id, String city) {
    return ScriptedApi.toolUse(id, "weather", "{\"city\":\"" + city + "\"}");
  }

  private static String result(String id, String text, boolean error, boolean cached) {
    return "{\"type\":\"tool_result\",\"tool_use_id\":\""
        + id
        + "\",\"content\":[{\"type\":\"text\",\"text\":\""
        + text
        + "\"}]"
        + (error ? ",\"is_error\":true" : "")
        + (cached ? CACHE : "")
        + "}";
  }

  private static String text(String t, boolean cached) {
    return "{\"type\":\"text\",\"text\":\"" + t + "\"" + (cached ? CACHE : "") + "}";
  }

  private static String turn(String role, String... blocks) {
    return "{\"role\":\"" + role + "\",\"content\":[" + String.join(",", blocks) + "]}";
  }

  /** The exact body a chat round sends with these messages (compared as JSON). */
  private static JsonObject body(String... messages) {
    return JsonParser.parseString(
            "{\"model\":\"claude-test\",\"max_tokens\":100,\"messages\":["
                + String.join(",", messages)
                + "],\"stream\":true,\"tools\":["
                + WEATHER
                + "]}")
        .getAsJsonObject();
  }

  private static ToolOutput weather(ToolCall call) {
    return ToolOutput.ok(call.input().get("city").getAsString() + " 21C");
  }

  private void awaitRequests(int n) throws InterruptedException {
    await(n + " requests", () -> api.bodies().size() >= n);
  }

  @Test
  void should_run_the_tools_of_an_answer_and_send_the_whole_loop_with_the_next_question()
      throws Exception {
    CompletableFuture<Integer> run =
        startOnTerminal(withWeather(ChatSessionTest::weather, false, 10));
    api.answer(
        ScriptedApi.message(
            "tool_use", ScriptedApi.text("Let me look."), toolUse("toolu_1", "Paris")),
        ScriptedApi.message("end_turn", ScriptedApi.text("It is 21C in Paris.")),
        ScriptedApi.message("end_turn", ScriptedApi.text("You are welcome.")));
    type("weather in Paris?");
    await("the answer after the tool", () -> screen().contains("It is 21C in Paris."));
    type("thanks");
    await("the second answer", () -> screen().contains("You are welcome."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));

    String question = turn("user", text("weather in Paris?", false));
    String asked = turn("assistant", text("Let me look.", false), toolUse("toolu_1", "Paris"));
    assertEquals(body(turn("user", text("weather in Paris?", true))), api.body(0));
    // the breakpoint moves to the tool results within the answer too
    assertEquals(
        body(question, asked, turn("user", result("toolu_1", "Paris 21C", false, true))),
        api.body(1));
    assertEquals(
        body(
            question,
            asked,
            turn("user", result("toolu_1", "Paris 21C", false, false)),
            turn("assistant", text("It is 21C in Paris.", false)),
            turn("user", text("thanks", true))),
        api.body(2));
    assertTrue(screen().contains("tool weather {\"city\":\"Paris\"} → ok"), screen());
    assertTrue(screen().contains("2 API calls"), screen());
    assertEquals(2, session.conversation().userTurns());
    assertEquals(6, session.conversation().turns().size());
  }

  @Test
  void should_stop_a_running_tool_on_ctrl_c_and_answer_its_call_with_an_error() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    ToolExecutor hangs =
        call -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } finally {
            stopped.countDown();
          }
          return ToolOutput.ok("never");
        };
    CompletableFuture<Integer> run = startOnTerminal(withWeather(hangs, false, 10));
    api.answer(
        ScriptedApi.message("tool_use", toolUse("toolu_1", "Paris")),
        ScriptedApi.message("end_turn", ScriptedApi.text("Fine.")));
    type("weather?");
    assertTrue(started.await(20, TimeUnit.SECONDS), "the tool never started\n" + screen());
    terminal.raise(Terminal.Signal.INT);
    await("the interrupted mark", () -> screen().contains("[interrupted]"));
    assertTrue(stopped.await(20, TimeUnit.SECONDS), "the tool was not stopped");
    type("never mind");
    await("the next answer", () -> screen().contains("Fine."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(2, api.bodies().size(), "nothing sent for the cut round");
    assertEquals(
        body(
            turn("user", text("weather?", false)),
            turn("assistant", toolUse("toolu_1", "Paris")),
            turn(
                "user",
                result("toolu_1", ChatSession.INTERRUPTED, true, false),
                text("never mind", true))),
        api.body(1));
  }

  @Test
  void should_retry_and_undo_an_answer_with_its_tool_rounds_as_one_exchange() throws Exception {
    java.util.concurrent.atomic.AtomicInteger runs =
        new java.util.concurrent.atomic.AtomicInteger();
    CompletableFuture<Integer> run =
        startOnTerminal(
            withWeather(
                call -> {
                  runs.incrementAndGet();
                  return weather(call);
                },
                false,
                10));
    api.answer(
        ScriptedApi.message("tool_use", toolUse("toolu_1", "Oslo")),
        ScriptedApi.message("end_turn", ScriptedApi.text("Cold.")),
        ScriptedApi.message("tool_use", toolUse("toolu_2", "Oslo")),
        ScriptedApi.message("end_turn", ScriptedApi.text("Still cold.")));
    type("weather in Oslo?");
    await("the answer", () -> screen().contains("Cold."));
    type("/retry");
    await("the retried answer", () -> screen().contains("Still cold."));
    assertEquals(api.body(0), api.body(2), "the retry asks the question alone again");
    assertEquals(2, runs.get());
    // the answer is on screen a moment before the session records the exchange
    await("the exchange recorded", () -> session.conversation().turns().size() == 4);
    type("/undo");
    await("the undo notice", () -> screen().contains("dropped the last exchange"));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(List.of(), session.conversation().turns());
  }

  @Test
  void should_show_every_field_of_a_long_input_before_asking_with_approve() throws Exception {
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Integer> run =
        startOnTerminal(
            withWeather(
                call -> {
                  ran.add(call.input().get("path").getAsString());
                  return ToolOutput.ok("done");
                },
                true,
                10));
    String input = "{\"note\":\"" + "n".repeat(600) + "\",\"path\":\"/home/user/.ssh\"}";
    api.answer(
        ScriptedApi.message("tool_use", ScriptedApi.toolUse("toolu_1", "weather", input)),
        ScriptedApi.message("end_turn", ScriptedApi.text("Done.")));
    type("look");
    await("the question", () -> screen().contains("run tool weather? [y/N/v]"));
    String shown = screen();
    assertTrue(shown.contains("\"path\": \"/home/user/.ssh\""), shown);
    assertTrue(shown.contains("(600 characters)"), shown);
    type("n");
    await("the answer", () -> screen().contains("Done."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(List.of(), ran);
  }

  @Test
  void should_ask_at_the_prompt_before_each_call_with_approve() throws Exception {
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Integer> run =
        startOnTerminal(
            withWeather(
                call -> {
                  ran.add(call.input().get("city").getAsString());
                  return weather(call);
                },
                true,
                10));
    api.answer(
        ScriptedApi.message("tool_use", toolUse("toolu_1", "Paris"), toolUse("toolu_2", "Rome")),
        ScriptedApi.message("end_turn", ScriptedApi.text("Done.")));
    type("two cities");
    await(
        "the first question",
        () -> screen().contains("run tool weather {\"city\":\"Paris\"}? [y/N]"));
    type("y");
    await(
        "the second question",
        () -> screen().contains("run tool weather {\"city\":\"Rome\"}? [y/N]"));
    type("n");
    await("the answer", () -> screen().contains("Done."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(List.of("Paris"), ran);
    assertEquals(
        body(
            turn("user", text("two cities", false)),
            turn("assistant", toolUse("toolu_1", "Paris"), toolUse("toolu_2", "Rome")),
            turn(
                "user",
                result("toolu_1", "Paris 21C", false, false),
                result("toolu_2", Approval.DECLINED, true, true))),
        api.body(1));
    assertTrue(screen().contains("tool weather {\"city\":\"Rome\"} → error: " + Approval.DECLINED));
  }

  @Test
  void should_answer_the_calls_left_at_max_iterations_so_the_next_request_is_valid()
      throws Exception {
    CompletableFuture<Integer> run =
        startOnTerminal(withWeather(ChatSessionTest::weather, false, 1));
    api.answer(
        ScriptedApi.message("tool_use", toolUse("toolu_1", "Paris")),
        ScriptedApi.message("end_turn", ScriptedApi.text("OK.")));
    type("weather?");
    await("the warning", () -> errors.toString().contains("--max-iterations"));
    type("go on");
    await("the next answer", () -> screen().contains("OK."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertEquals(
        "warning: stopped after 1 API call while the model still asked for tools; raise"
            + " --max-iterations to let it go on\n",
        errors.toString());
    assertEquals(
        body(
            turn("user", text("weather?", false)),
            turn("assistant", toolUse("toolu_1", "Paris")),
            turn(
                "user",
                result(
                    "toolu_1",
                    "not run: the answer stopped after 1 API call (--max-iterations)",
                    true,
                    false),
                text("go on", true))),
        api.body(1));
  }

  @TempDir java.nio.file.Path tmp;

  @Test
  void should_send_what_the_editor_saved_with_edit() throws Exception {
    server = new SseTestServer(SseTestServer.body(answer("Edited answer.")));
    java.nio.file.Path editor = tmp.resolve("editor.sh");
    // an editor that adds to the draft it is given
    java.nio.file.Files.writeString(editor, "#!/bin/sh\nprintf ' and the rest' >> \"$1\"\n");
    java.nio.file.Files.setPosixFilePermissions(
        editor, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    CompletableFuture<Integer> run =
        startOnTerminal(
            options(null), "xterm", Map.of("EDITOR", "vi", "VISUAL", editor.toString()), null);
    type("/edit a draft");
    await("the answer", () -> screen().contains("Edited answer."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    assertTrue(
        server.bodies().get(0).contains("\"text\":\"a draft and the rest\""),
        server.bodies().get(0));
    assertTrue(screen().contains("a draft and the rest"), screen());
  }

  @Test
  void should_keep_a_block_in_the_input_history_as_one_entry() throws Exception {
    server = new SseTestServer(SseTestServer.body(answer("A.")));
    java.nio.file.Path history = tmp.resolve("state/history");
    CompletableFuture<Integer> run =
        startOnTerminal(options(null), Terminal.TYPE_DUMB, Map.of(), history);
    type("one line");
    await("the first answer", () -> screen().contains("A."));
    type("\"\"\"");
    type("line a");
    type("line b");
    type("\"\"\"");
    await(
        "the second answer",
        () -> server.requests() == 2 && screen().indexOf("A.") != screen().lastIndexOf("A."));
    type("/exit");
    assertEquals(0, run.get(20, TimeUnit.SECONDS));
    console.close();
    List<String> entries =
        java.nio.file.Files.readAllLines(history).stream()
            .map(l -> l.substring(l.indexOf(':') + 1))
            .toList();
    assertEquals(List.of("one line", "line a\\nline b", "/exit"), entries);
    assertTrue(
        server.bodies().get(1).contains("\"text\":\"line a\\nline b\""), server.bodies().get(1));
  }
}
