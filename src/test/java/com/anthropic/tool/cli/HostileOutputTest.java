package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.text.ControlChars;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-output matrix (issue 19, defect 6): answers, thinking, tool output, tool input, model
 * ids and API error messages carrying every C0 and C1 control character and the classic escape
 * sequences, through every output path, once to a terminal and once to a pipe. On a terminal no
 * control character but newline and tab arrives raw (our own styling is the only escape sequence);
 * to a pipe the model's text stays byte for byte. Writes the "Hostile input" table of
 * docs/reliability.md ({@link ReliabilityDoc}).
 */
class HostileOutputTest {
  /** The classic attacks: clipboard write, window title, hidden text, clear screen, a link. */
  static final String SEQUENCES =
      "\u001b]52;c;aGVsbG8=\u0007"
          + "\u001b]0;pwned\u0007"
          + "\u001b[8mhidden\u001b[0m"
          + "\u001b[2J"
          + "\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\";

  /** Every C0 character, DEL and every C1 character. */
  static final String CONTROLS = controls();

  static final String PAYLOAD = "<" + SEQUENCES + CONTROLS + ">";

  /**
   * The escape sequences we write ourselves (Style, the error prefix): taken out before checking.
   */
  static final List<String> OURS =
      List.of("\u001b[1;31m", "\u001b[33m", "\u001b[31m", "\u001b[2m", "\u001b[0m", "\u001b[22m");

  private static ScriptedApi api;
  private static HttpServer other;
  private static final List<String> rows = new ArrayList<>();
  private static int planned;
  @TempDir static Path dir;

  private static String controls() {
    StringBuilder sb = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      sb.append(c);
    }
    sb.append('\u007f');
    for (char c = 0x80; c <= 0x9f; c++) {
      sb.append(c);
    }
    return sb.toString();
  }

  @BeforeAll
  static void start() throws IOException {
    api = new ScriptedApi();
    other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    JsonObject model = new JsonObject();
    model.addProperty("type", "model");
    model.addProperty("id", "claude-x" + SEQUENCES);
    model.addProperty("display_name", PAYLOAD);
    model.addProperty("created_at", "2025-02-19T00:00:00Z");
    JsonArray data = new JsonArray();
    data.add(model);
    JsonObject page = new JsonObject();
    page.add("data", data);
    page.addProperty("has_more", false);
    serve("/v1/models", 200, page.toString());
    serve("/v1/models/claude-x", 200, model.toString());
    JsonObject error = new JsonObject();
    error.addProperty("type", "invalid_request_error");
    error.addProperty("message", PAYLOAD);
    JsonObject body = new JsonObject();
    body.addProperty("type", "error");
    body.add("error", error);
    serve("/v1/messages", 400, body.toString());
    other.start();
  }

  private static void serve(String path, int status, String json) {
    other.createContext(
        path,
        ex -> {
          ex.getRequestBody().readAllBytes();
          byte[] b = json.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("content-type", "application/json");
          ex.sendResponseHeaders(status, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
    other.stop(0);
    ReliabilityDoc.section("hostile-output", planned, rows);
  }

  private static CommandHarness harness(String baseUrl, boolean tty) {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", baseUrl)
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("PATH", System.getenv("PATH"))
        .env("XDG_CACHE_HOME", dir.resolve("cache").toString())
        .env("XDG_STATE_HOME", dir.resolve("state").toString())
        .env("XDG_DATA_HOME", dir.resolve("data").toString())
        .env("XDG_CONFIG_HOME", dir.resolve("config").toString())
        .stdoutIsTerminal(tty)
        .stderrIsTerminal(tty);
  }

  private static String message(String stopReason, JsonObject... blocks) {
    JsonObject m = new JsonObject();
    m.addProperty("id", "msg_h");
    m.addProperty("type", "message");
    m.addProperty("role", "assistant");
    m.addProperty("model", "claude-x");
    JsonArray content = new JsonArray();
    for (JsonObject b : blocks) {
      content.add(b);
    }
    m.add("content", content);
    m.addProperty("stop_reason", stopReason);
    m.add("stop_sequence", null);
    JsonObject usage = new JsonObject();
    usage.addProperty("input_tokens", 3);
    usage.addProperty("output_tokens", 2);
    m.add("usage", usage);
    return m.toString();
  }

  private static JsonObject block(String type, String field, String value) {
    JsonObject b = new JsonObject();
    b.addProperty("type", type);
    b.addProperty(field, value);
    if (type.equals("thinking")) {
      b.addProperty("signature", "sig");
    }
    return b;
  }

  private static JsonObject toolUse(String name, JsonObject input) {
    JsonObject b = new JsonObject();
    b.addProperty("type", "tool_use");
    b.addProperty("id", "toolu_1");
    b.addProperty("name", name);
    b.add("input", input);
    return b;
  }

  private static final String ANSWER = message("end_turn", block("text", "text", PAYLOAD));
  private static final String THINKING =
      message("end_turn", block("thinking", "thinking", PAYLOAD), block("text", "text", "fine"));

  /** A tool whose output is the payload (printed from a file, byte for byte). */
  private static String hostileTool() throws IOException {
    Path out = dir.resolve("payload.txt");
    Files.writeString(out, PAYLOAD, StandardCharsets.UTF_8);
    Path sh = dir.resolve("hostile.sh");
    Files.writeString(sh, "#!/bin/sh\ncat >/dev/null\ncat '" + out + "'\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
    Path json = dir.resolve("hostile.json");
    Files.writeString(
        json,
        "{\"name\":\"hostile\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":[\""
            + sh
            + "\"]}");
    return json.toString();
  }

  private static String[] toolLoopScript() {
    JsonObject input = new JsonObject();
    input.addProperty("note", PAYLOAD);
    return new String[] {
      message("tool_use", toolUse("hostile", input)),
      message("end_turn", block("text", "text", "ok"))
    };
  }

  /** One case: the command run, and which of its streams carries the hostile text. */
  record Case(
      String path,
      String carrier,
      boolean toStdout,
      String[] answers,
      String baseUrl,
      Function<String, Boolean> pipeExact,
      String pipeSays,
      String... args) {}

  private static List<Case> cases() throws IOException {
    String tool = hostileTool();
    String api1 = api.baseUrl();
    String srv = "http://127.0.0.1:" + other.getAddress().getPort();
    Function<String, Boolean> exact = s -> s.contains(PAYLOAD);
    return List.of(
        new Case(
            "messages",
            "answer text",
            true,
            new String[] {ANSWER},
            api1,
            exact,
            "byte for byte",
            "messages",
            "hi"),
        new Case(
            "messages --format json",
            "answer text",
            true,
            new String[] {ANSWER},
            api1,
            s -> jsonText(s.strip()).equals(PAYLOAD),
            "JSON of the exact text",
            "messages",
            "--format",
            "json",
            "hi"),
        new Case(
            "messages --show-thinking",
            "thinking",
            false,
            new String[] {THINKING},
            api1,
            exact,
            "byte for byte",
            "messages",
            "--show-thinking",
            "hi"),
        new Case(
            "stream",
            "answer text",
            true,
            new String[] {ANSWER},
            api1,
            exact,
            "byte for byte",
            "stream",
            "hi"),
        new Case(
            "stream --format jsonl",
            "answer text",
            true,
            new String[] {ANSWER},
            api1,
            s -> s.contains(Json.write(JsonParser.parseString(delta(PAYLOAD)))),
            "events as sent",
            "stream",
            "--format",
            "jsonl",
            "hi"),
        new Case(
            "stream --show-thinking",
            "thinking",
            false,
            new String[] {THINKING},
            api1,
            exact,
            "byte for byte",
            "stream",
            "--show-thinking",
            "hi"),
        new Case(
            "tool-loop",
            "answer text",
            true,
            new String[] {ANSWER},
            api1,
            exact,
            "byte for byte",
            "tool-loop",
            "--tool",
            tool,
            "hi"),
        new Case(
            "tool-loop --trace",
            "tool input and output",
            false,
            toolLoopScript(),
            api1,
            s -> s.contains(SEQUENCES),
            "sequences as sent (one line each)",
            "tool-loop",
            "--trace",
            "--tool",
            tool,
            "hi"),
        new Case(
            "tool-loop --format jsonl",
            "tool input and output",
            true,
            toolLoopScript(),
            api1,
            s -> s.contains(jsonEscaped(PAYLOAD)),
            "JSON of the exact text",
            "tool-loop",
            "--format",
            "jsonl",
            "--tool",
            tool,
            "hi"),
        new Case(
            "chat (stdin not a terminal)",
            "answer text",
            true,
            new String[] {ANSWER},
            api1,
            exact,
            "byte for byte",
            "chat"),
        new Case(
            "models",
            "model id, display name",
            true,
            new String[0],
            srv,
            exact,
            "byte for byte",
            "models"),
        new Case(
            "models get",
            "model id, display name",
            true,
            new String[0],
            srv,
            exact,
            "byte for byte",
            "models",
            "get",
            "claude-x"),
        new Case(
            "error line (API error message)",
            "error message",
            false,
            new String[0],
            srv,
            s -> !s.contains("\u001b") && s.contains(ControlChars.visible("]52;c;")),
            "visible too (one diagnostic line)",
            "messages",
            "hi"));
  }

  private static String delta(String text) {
    JsonObject d = new JsonObject();
    d.addProperty("type", "text_delta");
    d.addProperty("text", text);
    JsonObject e = new JsonObject();
    e.addProperty("type", "content_block_delta");
    e.addProperty("index", 0);
    e.add("delta", d);
    return e.toString();
  }

  private static String jsonEscaped(String s) {
    String q = Json.write(new com.google.gson.JsonPrimitive(s));
    return q.substring(1, q.length() - 1);
  }

  private static String jsonText(String messageJson) {
    return JsonParser.parseString(messageJson)
        .getAsJsonObject()
        .getAsJsonArray("content")
        .get(0)
        .getAsJsonObject()
        .get("text")
        .getAsString();
  }

  /** The control characters left once our own styling is taken out. */
  static String rawControls(String shown) {
    String s = shown;
    for (String ours : OURS) {
      s = s.replace(ours, "");
    }
    StringBuilder bad = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (ControlChars.isControl(c)) {
        bad.append(String.format("U+%04X ", (int) c));
      }
    }
    return bad.toString();
  }

  @Test
  void should_show_hostile_text_visibly_on_a_terminal_and_as_sent_to_a_pipe() throws Exception {
    List<Case> all = cases();
    planned = all.size() + 2;
    List<String> failures = new ArrayList<>();
    for (Case c : all) {
      String terminal = "fail";
      String pipe = "fail";
      for (boolean tty : new boolean[] {true, false}) {
        api.answer(c.answers());
        CommandHarness h = harness(c.baseUrl(), tty);
        if (c.args()[0].equals("chat")) {
          h.stdin("hi\n");
        }
        CommandHarness.Result r = h.run(c.args());
        String seen = c.toStdout() ? r.out() : r.err();
        if (tty) {
          String raw = rawControls(r.out() + r.err());
          boolean visible = seen.contains("^[]52;c;aGVsbG8=^G");
          boolean escaped = seen.contains("\\u001b]52;c;aGVsbG8=\\u0007");
          if (raw.isEmpty() && (visible || escaped)) {
            terminal = visible ? "visible (^[ … <U+009B>)" : "JSON escapes, C1 visible";
          } else {
            failures.add(c.path() + " on a terminal: raw " + raw + "\n" + r.describe());
          }
        } else {
          if (c.pipeExact().apply(seen)) {
            pipe = c.pipeSays();
          } else {
            failures.add(c.path() + " to a pipe: not " + c.pipeSays() + "\n" + r.describe());
          }
        }
      }
      rows.add(row(c.path(), c.carrier(), c.toStdout() ? "stdout" : "stderr", terminal, pipe));
    }
    approveRow(failures);
    cacheRow(failures);
    assertTrue(failures.isEmpty(), String.join("\n\n", failures));
  }

  /** {@code --approve}: the question always goes to the terminal. */
  private static void approveRow(List<String> failures) throws IOException {
    JsonObject input = new JsonObject();
    input.addProperty("path", PAYLOAD);
    StringWriter shown = new StringWriter();
    try (TtyAsker a = new TtyAsker(new StringReader("n\n"), new PrintWriter(shown))) {
      a.approve(new ToolCall("toolu_1", "rm" + SEQUENCES, input));
    } catch (Exception e) {
      throw new IOException(e);
    }
    String raw = rawControls(shown.toString());
    boolean ok = raw.isEmpty() && shown.toString().contains("rm^[]52;c;");
    if (!ok) {
      failures.add("--approve question: raw " + raw + " in " + shown);
    }
    rows.add(
        row(
            "tool-loop --approve",
            "tool name and input",
            "terminal",
            ok ? "visible" : "fail",
            "(always the terminal)"));
  }

  /** The model cache (shell completion) never keeps a hostile id. */
  private static void cacheRow(List<String> failures) throws IOException {
    Path file = dir.resolve("cache").resolve(Completions.MODEL_CACHE);
    String cached = Files.exists(file) ? Files.readString(file) : "";
    boolean ok = !cached.contains("\u001b") && !cached.contains("claude-x");
    if (!ok) {
      failures.add("model cache kept a hostile id: " + cached);
    }
    rows.add(
        row(
            "models (completion cache)",
            "model id",
            "models.txt",
            "-",
            ok ? "left out, one warning" : "fail"));
  }

  private static String row(String path, String carrier, String stream, String tty, String pipe) {
    return "| " + path + " | " + carrier + " | " + stream + " | " + tty + " | " + pipe + " |";
  }

  @Test
  void should_keep_our_own_styling_on_a_terminal() {
    CommandHarness.Result r = new CommandHarness().stderrIsTerminal(true).run("mesages");
    assertTrue(r.err().startsWith("\u001b[1;31merror:\u001b[0m"), r.describe());
    assertEquals("", rawControls(r.err()), r.describe());
  }
}
