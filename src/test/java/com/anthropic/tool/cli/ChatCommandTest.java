package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.stream.SseTestServer;
import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.mcp.TestMcpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat} with stdin not a terminal: scripted, as CLI.md promises. */
class ChatCommandTest {
  @TempDir Path tmp;

  private static String answer(String text) {
    return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
        + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,"
        + "\"output_tokens\":1}}}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
        + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n"
        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  }

  private CommandHarness harness(SseTestServer server, String stdin) {
    return new CommandHarness()
        .env("ANTHROPIC_API_KEY", "k")
        .env("ANTHROPIC_BASE_URL", server.baseUrl())
        .env("XDG_DATA_HOME", tmp.resolve("data").toString())
        .env("XDG_STATE_HOME", tmp.resolve("state").toString())
        .stdin(stdin);
  }

  @Test
  void should_name_the_missing_directory_when_save_cannot_write_and_go_on() throws Exception {
    try (SseTestServer server = new SseTestServer(SseTestServer.body(answer("One.")))) {
      Path missing = tmp.resolve("no-such-dir");
      CommandHarness.Result r =
          harness(server, "/save " + missing.resolve("chat.md") + "\nfirst\n").run("chat");

      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("One.\n\n", r.out(), r.describe());
      assertTrue(
          r.err()
              .contains(
                  "error: io_error: cannot write "
                      + missing.resolve("chat.md")
                      + ": the directory "
                      + missing
                      + " does not exist\n"),
          r.describe());
      assertFalse(r.err().contains(".tmp"), "no temporary file name: " + r.describe());
    }
  }

  @Test
  void should_print_the_usage_line_of_the_other_commands_with_u_when_piped() throws Exception {
    try (SseTestServer server = new SseTestServer(SseTestServer.body(answer("One.")))) {
      CommandHarness.Result r =
          harness(server, "first\n").run("chat", "-u", "-m", "claude-haiku-4-5");

      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("One.\n\n", r.out(), r.describe());
      assertTrue(
          r.err()
              .lines()
              .anyMatch(
                  l ->
                      l.matches("usage: input_tokens=1 output_tokens=2 estimated_cost=\\$[0-9.]+")),
          "the line messages -u prints (CLI.md, Request options): " + r.describe());
    }
  }

  @Test
  void should_name_the_slash_command_not_the_flag_when_attach_fails() throws Exception {
    try (SseTestServer server = new SseTestServer(SseTestServer.body(answer("One.")))) {
      Path missing = tmp.resolve("missing.txt");
      CommandHarness.Result r = harness(server, "/attach " + missing + "\nfirst\n").run("chat");

      assertEquals(0, r.exitCode(), r.describe());
      assertTrue(
          r.err().contains("error: invalid_input: /attach: no such file: " + missing + "\n"),
          r.describe());
      assertFalse(r.err().contains("--attach"), r.describe());
    }
  }

  @Test
  void should_answer_each_line_and_list_the_saved_conversation() throws Exception {
    try (SseTestServer server =
        new SseTestServer(SseTestServer.body(answer("One.")), SseTestServer.body(answer("Two.")))) {
      CommandHarness.Result r = harness(server, "first\nsecond\n").run("chat");
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("One.\n\nTwo.\n\n", r.out(), r.describe());
      assertTrue(server.bodies().get(1).contains("\"text\":\"One.\""), server.bodies().get(1));
      CommandHarness.Result list = harness(server, "").run("chat", "--list");
      assertEquals(0, list.exitCode(), list.describe());
      String[] fields = list.out().strip().split("\t");
      assertEquals(4, fields.length, list.describe());
      assertEquals("claude-sonnet-4-6", fields[2]);
      assertEquals("first", fields[3]);
    }
  }

  @Test
  void should_say_when_it_will_retry_an_overloaded_answer_and_then_answer() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (SseTestServer server =
        new SseTestServer(
            c ->
                c.header("retry-after", "2")
                    .status(
                        529,
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                            + "\"message\":\"Overloaded\"}}"),
            SseTestServer.body(answer("Made it.")))) {
      CommandHarness.Result r = harness(server, "hello\n").sleeper(waits::add).run("chat");
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("Made it.\n\n", r.out(), r.describe());
      assertEquals(
          "retrying: POST /v1/messages got HTTP 529; attempt 2 in 2.0 s\n", r.err(), r.describe());
      assertEquals(List.of(Duration.ofSeconds(2)), waits);
      assertEquals(2, server.requests());
    }
  }

  @Test
  void should_offer_an_mcp_servers_tools_and_run_them_between_answers() throws Exception {
    try (ScriptedApi api = new ScriptedApi()) {
      api.answer(
          ScriptedApi.message(
              "tool_use",
              ScriptedApi.text("Echoing."),
              ScriptedApi.toolUse("toolu_1", "echo", "{\"text\":\"hi\"}")),
          ScriptedApi.message("end_turn", ScriptedApi.text("It said hi.")));
      CommandHarness.Result r =
          new CommandHarness()
              .env("ANTHROPIC_API_KEY", "k")
              .env("ANTHROPIC_BASE_URL", api.baseUrl())
              .env("XDG_DATA_HOME", tmp.resolve("data").toString())
              .env("XDG_STATE_HOME", tmp.resolve("state").toString())
              .env("PATH", System.getenv("PATH"))
              .stdin("say hi through the server\n")
              .run("chat", "--mcp", TestMcpServer.command());
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("Echoing.\nIt said hi.\n\n", r.out(), r.describe());
      assertEquals("tool echo {\"text\":\"hi\"} → ok\n", r.err(), r.describe());
      List<String> offered = new java.util.ArrayList<>();
      api.body(0)
          .getAsJsonArray("tools")
          .forEach(t -> offered.add(t.getAsJsonObject().get("name").getAsString()));
      assertEquals(List.of("echo", "picture", "fail", "crash", "hang"), offered);
      assertTrue(
          api.bodies().get(1).contains("\"content\":[{\"type\":\"text\",\"text\":\"echo: hi\"}]"),
          api.bodies().get(1));
    }
  }

  private CommandHarness harness(ScriptedApi api, String stdin) {
    return new CommandHarness()
        .env("ANTHROPIC_API_KEY", "k")
        .env("ANTHROPIC_BASE_URL", api.baseUrl())
        .env("XDG_DATA_HOME", tmp.resolve("data").toString())
        .env("XDG_STATE_HOME", tmp.resolve("state").toString())
        .env("PATH", System.getenv("PATH"))
        .stdin(stdin);
  }

  @Test
  void should_print_one_error_prefix_when_an_mcp_server_ends_during_a_call() throws Exception {
    try (ScriptedApi api = new ScriptedApi()) {
      api.answer(
          ScriptedApi.message("tool_use", ScriptedApi.toolUse("toolu_1", "crash", "{}")),
          ScriptedApi.message("end_turn", ScriptedApi.text("never")));
      CommandHarness.Result r =
          harness(api, "crash it\n").run("chat", "--mcp", TestMcpServer.command());

      assertTrue(r.err().contains("error: tool_error: tool crash failed: "), r.describe());
      assertFalse(r.err().contains("error: error:"), r.describe());
    }
  }

  @Test
  void should_not_end_a_tool_line_with_the_outputs_newline_as_a_space() throws Exception {
    Path sh = tmp.resolve("echo.sh");
    java.nio.file.Files.writeString(sh, "#!/bin/sh\necho 'the result'\n");
    java.nio.file.Files.setPosixFilePermissions(
        sh, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path tool = tmp.resolve("echo.json");
    java.nio.file.Files.writeString(
        tool,
        "{\"name\":\"echo\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":[\""
            + sh
            + "\"]}");
    try (ScriptedApi api = new ScriptedApi()) {
      api.answer(
          ScriptedApi.message("tool_use", ScriptedApi.toolUse("toolu_1", "echo", "{}")),
          ScriptedApi.message("end_turn", ScriptedApi.text("Done.")));
      CommandHarness.Result r =
          harness(api, "go\n").run("chat", "--tool", tool.toString(), "--trace");

      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("tool echo {} → ok: the result\n", r.err(), r.describe());
    }
  }

  @Test
  void should_refuse_to_continue_when_nothing_was_saved() throws Exception {
    try (SseTestServer server = new SseTestServer(SseTestServer.body(answer("x")))) {
      CommandHarness.Result r = harness(server, "").run("chat", "--continue");
      assertEquals(1, r.exitCode(), r.describe());
      assertEquals(
          "error: not_found: --continue: no logged conversation to continue\n",
          r.err(),
          r.describe());
      assertEquals(0, server.requests());
    }
  }
}
