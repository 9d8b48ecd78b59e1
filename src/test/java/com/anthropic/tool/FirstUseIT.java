package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first minutes with the tool, as processes of the real launcher: typos get a suggestion,
 * {@code help} works, {@code anthropic} alone shows the help, {@code -n} leaves stdin alone, and a
 * bad JSONL line is named by line and column in our own words.
 */
class FirstUseIT {
  private static HttpServer server;
  private static final List<String> bodies = new CopyOnWriteArrayList<>();
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/messages/count_tokens",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] out = "{\"input_tokens\":7}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  record Run(int exitCode, String out, String err, List<String> command) {
    String describe() {
      return command
          + "\nexit="
          + exitCode
          + "\n--- stdout ---\n"
          + out
          + "\n--- stderr ---\n"
          + err;
    }
  }

  static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private Run run(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.remove("NO_COLOR");
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    e.putAll(env);
    Path in = tmp.resolve("in-" + System.nanoTime());
    Files.writeString(in, stdin);
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd + "\n" + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err), cmd);
  }

  private Run run(String... args) throws Exception {
    return run(Map.of(), "", args);
  }

  private static void assertUsageError(Run r, String line) {
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(line + "\n", r.err(), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  @Test
  void should_suggest_the_command_meant_by_a_typo() throws Exception {
    assertUsageError(
        run("mesages", "hi"),
        "error: usage_error: unknown command 'mesages' (did you mean 'messages'?);"
            + " see 'anthropic --help'");
  }

  @Test
  void should_suggest_the_option_meant_by_a_typo() throws Exception {
    assertUsageError(
        run("messages", "--modle", "x", "hi"),
        "error: usage_error: unknown option '--modle' (did you mean '--model'?);"
            + " see 'anthropic messages --help'");
  }

  @Test
  void should_suggest_the_verb_meant_by_a_typo() throws Exception {
    assertUsageError(
        run("models", "lst"),
        "error: usage_error: unknown command 'lst' for 'anthropic models' (did you mean 'list'?);"
            + " see 'anthropic models --help'");
  }

  @Test
  void should_print_the_help_on_stderr_and_exit_2_when_run_alone() throws Exception {
    Run r = run();
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("Usage: anthropic"), r.describe());
    assertTrue(r.err().contains("Commands:"), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  @Test
  void should_print_a_commands_help_with_help_command() throws Exception {
    Run help = run("help", "batches", "create");
    Run flag = run("batches", "create", "--help");
    assertEquals(0, help.exitCode(), help.describe());
    assertEquals(flag.out(), help.out());
    assertTrue(help.out().contains("Examples:"), help.describe());
    assertUsageError(
        run("help", "mesages"),
        "error: usage_error: unknown command 'mesages' (did you mean 'messages'?);"
            + " see 'anthropic --help'");
  }

  @Test
  void should_leave_stdin_unread_with_no_stdin() throws Exception {
    Map<String, String> env =
        Map.of(
            "ANTHROPIC_BASE_URL",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "ANTHROPIC_API_KEY",
            "k");
    Run piped = run(env, "PIPED-DOCUMENT\n", "count-tokens", "question");
    String withStdin = bodies.get(bodies.size() - 1);
    Run ignored = run(env, "PIPED-DOCUMENT\n", "count-tokens", "-n", "question");
    String without = bodies.get(bodies.size() - 1);

    assertEquals("7\n", piped.out(), piped.describe());
    assertEquals("7\n", ignored.out(), ignored.describe());
    assertTrue(withStdin.contains("PIPED-DOCUMENT"), withStdin);
    assertFalse(without.contains("PIPED-DOCUMENT"), without);
    assertTrue(without.contains("question"), without);
  }

  @Test
  void should_name_line_and_column_of_a_bad_jsonl_line_in_its_own_words() throws Exception {
    Path in = tmp.resolve("batch.jsonl");
    String good =
        "{\"custom_id\":\"a\",\"params\":{\"model\":\"m\",\"max_tokens\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}";
    Files.writeString(
        in,
        good
            + "\n"
            + good.replace("\"a\"", "\"b\"")
            + "\n"
            + "{\"custom_id\":\"c\" \"params\":{}}\n");
    Map<String, String> env = new HashMap<>();
    env.put("ANTHROPIC_API_KEY", "k");
    env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort());

    Run r = run(env, "", "batches", "create", "--input", "batch.jsonl");

    assertUsageError(
        r,
        "error: invalid_input: batch.jsonl line 3, column 18: expected ',' or '}';"
            + " nothing was sent");
  }

  @Test
  void should_name_line_and_column_of_a_bad_request_file() throws Exception {
    Files.writeString(
        tmp.resolve("body.json"), "{\n  \"model\": \"m\",\n  \"max_tokens\": 1 2\n}\n");
    Run r = run(Map.of("ANTHROPIC_API_KEY", "k"), "", "messages", "--request", "body.json");
    assertUsageError(
        r, "error: invalid_input: --request body.json line 3, column 19: expected ',' or '}'");
  }
}
