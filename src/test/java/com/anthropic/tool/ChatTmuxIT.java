package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./anthropic chat} as a person uses it: the real launcher on a real terminal inside tmux (a
 * private server, {@code -L}), keys sent with send-keys, the screen read with capture-pane, against
 * a loopback server. Every wait is a bounded poll on the screen or on the server.
 */
class ChatTmuxIT {
  /**
   * The bound of every wait: generous, as five builds may share two cores (a JVM start then takes
   * seconds); a wait that succeeds returns as soon as its condition holds.
   */
  private static final long DEADLINE_SECONDS = 120;

  private static boolean tmux;

  @TempDir Path tmp;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private HttpServer http;
  private int runs;
  private String session;

  @BeforeAll
  static void findTmux() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      tmux = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      tmux = false;
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue(
        tmux,
        "tmux is not installed: the terminal tests of chat are skipped"
            + " (.ci/run installs it where apt-get is available)");
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(pool);
    http.createContext("/v1/messages", this::answer);
    http.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (tmux) {
      tmuxRun("kill-server");
    }
    if (http != null) {
      http.stop(0);
    }
    pool.shutdownNow();
  }

  /** "Answer N." for request N; a question containing "slow" streams until the client leaves. */
  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    int n = bodies.size();
    exchange.getResponseHeaders().add("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      String lastUser = body.substring(body.lastIndexOf("\"role\":\"user\""));
      var messages =
          com.google.gson.JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("messages");
      var first =
          messages.get(messages.size() - 1).getAsJsonObject().getAsJsonArray("content").get(0);
      if (first.getAsJsonObject().get("type").getAsString().equals("tool_result")) {
        // the tool's result: answer with what the tool printed
        String printed =
            first
                .getAsJsonObject()
                .getAsJsonArray("content")
                .get(0)
                .getAsJsonObject()
                .get("text")
                .getAsString();
        out.write(
            (start() + delta("The tool said " + printed.strip() + ".") + end())
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (lastUser.contains("count it")) {
        out.write(toolUse("count", "{\"text\":\"abc\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (lastUser.contains("slow")) {
        out.write((start() + delta("Once upon a time")).getBytes(StandardCharsets.UTF_8));
        out.flush();
        // pings until the client goes away (bounded by the test's own deadline, not by a count
        // that a loaded machine could run through before the test presses Ctrl-C)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3 * DEADLINE_SECONDS);
        try {
          while (System.nanoTime() < until) {
            out.write(
                "event: ping\ndata: {\"type\": \"ping\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(20);
          }
        } catch (IOException gone) {
          disconnected.countDown();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      out.write((start() + delta("Answer " + n + ".") + end()).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String start() {
    return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
        + "\"stop_reason\":null,\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
  }

  /** An answer that asks for one call of a tool (streamed as the API streams it). */
  private static String toolUse(String name, String inputJson) {
    return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_t\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
        + "\"stop_reason\":null,\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\""
        + name
        + "\",\"input\":{}}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
        + new com.google.gson.JsonPrimitive(inputJson)
        + "}}\n\n"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
        + "\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}\n\n"
        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  }

  private static String delta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  private static String end() {
    return "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
        + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}\n\n"
        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private String tmuxRun(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of("tmux", "-S", tmp.resolve("tmux.sock").toString(), "-f", "/dev/null"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "tmux did not finish: " + cmd);
    return out;
  }

  /** Starts {@code ./anthropic chat ARGS} in a new tmux window; its exit code goes to a file. */
  private Path launch(String... args) throws Exception {
    runs++;
    Path exit = tmp.resolve("exit-" + runs);
    Path script = tmp.resolve("run-" + runs + ".sh");
    StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n");
    sb.append("unset $(env | sed -n 's/^\\(ANTHROPIC_[A-Z_]*\\)=.*/\\1/p')\n");
    sb.append("export HOME='").append(tmp).append("'\n");
    for (String dir : List.of("CONFIG", "CACHE", "DATA", "STATE")) {
      sb.append("export XDG_")
          .append(dir)
          .append("_HOME='")
          .append(tmp.resolve(dir.toLowerCase()))
          .append("'\n");
    }
    sb.append("export ANTHROPIC_BASE_URL=http://127.0.0.1:")
        .append(http.getAddress().getPort())
        .append('\n');
    sb.append("export ANTHROPIC_API_KEY=sk-ant-tmux-secret-7f3a NO_COLOR=1\n");
    sb.append("cd '").append(root()).append("'\n");
    sb.append("./anthropic chat -m claude-test");
    for (String a : args) {
      sb.append(" '").append(a).append('\'');
    }
    sb.append(" 2>'").append(tmp.resolve("stderr-" + runs)).append("'\n");
    sb.append("echo $? > '").append(exit).append("'\n");
    sb.append("sleep 600\n");
    Files.writeString(script, sb.toString());
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    session = "chat" + runs;
    tmuxRun("new-session", "-d", "-s", session, "-x", "100", "-y", "40", script.toString());
    awaitScreen("the greeting", "/help for commands");
    awaitPrompt();
    return exit;
  }

  private String screen() throws Exception {
    return tmuxRun("capture-pane", "-p", "-t", session);
  }

  private void type(String text) throws Exception {
    tmuxRun("send-keys", "-t", session, "-l", text);
    tmuxRun("send-keys", "-t", session, "Enter");
  }

  private void keys(String... keys) throws Exception {
    List<String> a = new ArrayList<>(List.of("send-keys", "-t", session));
    a.addAll(List.of(keys));
    tmuxRun(a.toArray(new String[0]));
  }

  private void awaitScreen(String what, String text) throws Exception {
    await(
        what,
        () -> {
          try {
            return screen().contains(text);
          } catch (Exception e) {
            return false;
          }
        });
  }

  /** Waits until the prompt is back and empty: the last non-blank line is the bare prompt. */
  private void awaitPrompt() throws Exception {
    await(
        "the prompt",
        () -> {
          try {
            List<String> lines = screen().strip().lines().toList();
            return !lines.isEmpty() && lines.get(lines.size() - 1).equals(">");
          } catch (Exception e) {
            return false;
          }
        });
  }

  private void await(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen());
      }
      Thread.sleep(20);
    }
  }

  private String exitCode(Path exit) throws Exception {
    await("the chat to end", () -> Files.exists(exit) && readQuietly(exit).endsWith("\n"));
    return readQuietly(exit).strip();
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void should_answer_two_questions_sending_the_history_and_keep_a_private_history_file()
      throws Exception {
    Path exit = launch();
    type("first question");
    awaitScreen("the first answer", "Answer 1.");
    awaitPrompt();
    type("second question");
    awaitScreen("the second answer", "Answer 2.");
    awaitPrompt();
    type("/exit");
    assertEquals("0", exitCode(exit), screen());
    String second = bodies.get(1);
    assertTrue(
        second.contains(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"first question\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Answer 1.\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"second question\","
                + "\"cache_control\":{\"type\":\"ephemeral\"}}]}"),
        second);
    Path history = tmp.resolve("state/anthropic-cli/history");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())));
    assertTrue(Files.readString(history).contains("second question"));
    // the conversation is in the log database (CLI.md "Logs and conversations"), written after
    // the answer: wait for the file, then check its mode and that the key is nowhere in it
    Path db = tmp.resolve("data/anthropic-cli/logs.db");
    await("the log database", () -> Files.exists(db));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    try (var files = Files.list(db.getParent())) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("logs.db")).toList()) {
        String bytes =
            new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("sk-ant-tmux-secret-7f3a"), "the key is never stored: " + f);
      }
    }
  }

  @Test
  void should_stop_a_slow_answer_on_ctrl_c_and_take_the_next_question() throws Exception {
    Path exit = launch();
    type("tell me a slow story");
    awaitScreen("the start of the answer", "Once upon a time");
    keys("C-c");
    await("the server to see the exchange closed", () -> disconnected.getCount() == 0);
    awaitScreen("the interrupted mark", "[interrupted]");
    awaitPrompt();
    keys("-l", "typed then cleared");
    awaitScreen("the line being typed", "> typed then cleared");
    keys("C-c");
    awaitPrompt();
    type("and now?");
    awaitScreen("the next answer", "Answer 2.");
    awaitPrompt();
    String second = bodies.get(1);
    assertTrue(second.contains("\"text\":\"Once upon a time\""), second);
    assertFalse(second.contains("typed then cleared"), second);
    keys("C-d");
    assertEquals("0", exitCode(exit), screen());
  }

  @Test
  void should_continue_the_last_conversation_after_a_restart() throws Exception {
    Path first = launch();
    type("remember 42");
    awaitScreen("the answer", "Answer 1.");
    awaitPrompt();
    type("/exit");
    assertEquals("0", exitCode(first));
    Path second = launch("--continue");
    awaitScreen("the resumed greeting", "resumed");
    awaitPrompt();
    type("what was it?");
    awaitScreen("the answer", "Answer 2.");
    awaitPrompt();
    type("/exit");
    assertEquals("0", exitCode(second));
    String body = bodies.get(1);
    assertTrue(body.contains("\"text\":\"remember 42\""), body);
    assertTrue(body.contains("\"text\":\"Answer 1.\""), body);
  }

  @Test
  void should_run_a_tool_script_after_asking_at_the_prompt_with_approve() throws Exception {
    Path sh = tmp.resolve("count.sh");
    Files.writeString(sh, "#!/bin/sh\nprintf 'chars: '; wc -c | tr -d ' '\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
    Path tool = tmp.resolve("count.json");
    Files.writeString(
        tool,
        "{\"name\":\"count\",\"description\":\"Counts characters\","
            + "\"input_schema\":{\"type\":\"object\"},\"command\":[\""
            + sh
            + "\"]}");
    Path exit = launch("--tool", tool.toString(), "--approve");
    type("count it");
    awaitScreen("the question", "run tool count {\"text\":\"abc\"}? [y/N]");
    type("y");
    awaitScreen("the answer after the tool", "The tool said chars: 14.");
    awaitPrompt();
    assertTrue(screen().contains("tool count {\"text\":\"abc\"} → ok"), screen());
    keys("Up");
    awaitScreen("the last message from the history", "> count it");
    keys("C-u");
    awaitPrompt();
    keys("C-d");
    assertEquals("0", exitCode(exit), screen());
    assertEquals(2, bodies.size(), String.join("\n", bodies));
    assertTrue(
        bodies
            .get(1)
            .contains(
                "\"tool_use_id\":\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"chars: 14"),
        bodies.get(1));
    String history = Files.readString(tmp.resolve("state/anthropic-cli/history"));
    assertFalse(history.lines().anyMatch(l -> l.endsWith(":y")), "the y is not kept: " + history);
  }
}
