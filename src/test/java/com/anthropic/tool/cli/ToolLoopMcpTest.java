package com.anthropic.tool.cli;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static com.anthropic.tool.client.tools.ScriptedApi.toolUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.mcp.TestMcpServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tool-loop --mcp} in-process against a scripted loopback API and a real MCP server process
 * ({@link TestMcpServer}, written with the same SDK), asserting the exact request bodies.
 */
class ToolLoopMcpTest {
  @TempDir Path dir;
  private ScriptedApi api;

  @BeforeEach
  void start() throws IOException {
    api = new ScriptedApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String server(String... options) {
    return TestMcpServer.command(options);
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", api.baseUrl())
        .env("ANTHROPIC_API_KEY", "sk-secret-test")
        .env("PATH", System.getenv("PATH"));
  }

  private JsonObject lastUserBlock(int request, int index) {
    JsonArray msgs = api.body(request).getAsJsonArray("messages");
    return msgs.get(msgs.size() - 1)
        .getAsJsonObject()
        .getAsJsonArray("content")
        .get(index)
        .getAsJsonObject();
  }

  private static void assertEnded(Path pidFile) throws Exception {
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isPresent()) {
      h.get().onExit().get(10, TimeUnit.SECONDS); // stopped, not left running
    }
  }

  @Test
  void should_offer_the_servers_tools_with_their_schemas_and_send_a_calls_text_back()
      throws Exception {
    Path pid = dir.resolve("server.pid");
    api.answer(
        message("tool_use", text("Let me echo."), toolUse("toolu_1", "echo", "{\"text\":\"hi\"}")),
        message("end_turn", text("It said hi.")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--mcp", server("--pid-file", pid.toString()), "say hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Let me echo.\nIt said hi.", r.out(), r.describe());
    assertEquals("", r.err(), "the server's stderr stays off the terminal");
    assertEquals(
        JsonParser.parseString(
            "["
                + "{\"name\":\"echo\",\"description\":\"Echoes its text.\",\"input_schema\":"
                + "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\","
                + "\"description\":\"what to echo\"},\"env\":{\"type\":\"string\"}},"
                + "\"required\":[\"text\"]}},"
                + "{\"name\":\"picture\",\"description\":\"Draws a picture.\","
                + "\"input_schema\":{\"type\":\"object\"}},"
                + "{\"name\":\"fail\",\"description\":\"Always fails.\","
                + "\"input_schema\":{\"type\":\"object\"}},"
                + "{\"name\":\"crash\",\"description\":\"Exits in the middle of the call.\","
                + "\"input_schema\":{\"type\":\"object\"}},"
                + "{\"name\":\"hang\",\"description\":\"Never answers.\","
                + "\"input_schema\":{\"type\":\"object\"}}"
                + "]"),
        api.body(0).get("tools"));
    assertEquals(api.body(0).get("tools"), api.body(1).get("tools"));
    assertEquals(
        JsonParser.parseString(
            "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"echo: hi\"}]}"),
        lastUserBlock(1, 0));
    assertEnded(pid);
  }

  @Test
  void should_send_an_image_result_as_a_base64_image_block() throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "picture", "{}")),
        message("end_turn", text("A dot.")));

    CommandHarness.Result r = harness().run("tool-loop", "--mcp", server(), "draw");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        JsonParser.parseString(
            "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"a dot\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\""
                + TestMcpServer.PNG
                + "\"}}]}"),
        lastUserBlock(1, 0));
  }

  @Test
  void should_send_is_error_for_a_result_the_server_marks_as_an_error() throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "fail", "{}")), message("end_turn", text("Oh.")));

    CommandHarness.Result r = harness().run("tool-loop", "--mcp", server(), "try");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        JsonParser.parseString(
            "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"it failed on purpose\"}],\"is_error\":true}"),
        lastUserBlock(1, 0));
  }

  @Test
  void should_end_with_one_error_line_naming_the_server_when_it_crashes_during_a_call()
      throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "crash", "{}")), message("end_turn", text("never")));
    String mcp = server();

    CommandHarness.Result r = harness().run("tool-loop", "--mcp", mcp, "go");

    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertTrue(r.err().contains(TestMcpServer.class.getName()), "names the server: " + r.err());
    assertTrue(r.err().contains("exited with status 3"), r.err());
    assertTrue(r.err().contains("test server: crashing now"), "its stderr: " + r.err());
    assertEquals(1, api.bodies().size(), "nothing sent after the crash");
  }

  @Test
  void should_fail_with_exit_1_and_send_nothing_when_the_server_command_does_not_exist() {
    CommandHarness.Result r =
        harness().run("tool-loop", "--mcp", dir.resolve("no-such-server") + " --stdio", "go");

    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
    assertTrue(r.err().startsWith("error: ") && r.err().contains("no-such-server"), r.err());
    assertTrue(r.err().contains("cannot start"), r.err());
    assertEquals(0, api.bodies().size());
  }

  @Test
  void should_fail_with_exit_1_and_its_stderr_when_the_server_ends_before_initializing() {
    CommandHarness.Result r =
        harness().run("tool-loop", "--mcp", server("--exit-at-start", "4"), "go");

    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
    assertTrue(r.err().contains("exited with status 4 before answering initialize"), r.err());
    assertTrue(r.err().contains("test server: refusing to start"), r.err());
    assertEquals(0, api.bodies().size());
  }

  @Test
  void should_refuse_a_tool_name_given_twice_naming_both_sources() throws Exception {
    Path json = dir.resolve("echo.json");
    Files.writeString(
        json, "{\"name\":\"echo\",\"input_schema\":{\"type\":\"object\"},\"command\":[\"cat\"]}");
    Path pid = dir.resolve("server.pid");

    CommandHarness.Result r =
        harness()
            .run(
                "tool-loop",
                "--tool",
                json.toString(),
                "--mcp",
                server("--pid-file", pid.toString()),
                "go");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("two tools are named echo"), r.err());
    assertTrue(r.err().contains("--tool " + json) && r.err().contains("--mcp"), r.err());
    assertEquals(0, api.bodies().size());
    assertEnded(pid);
  }

  @Test
  void should_route_calls_to_the_server_that_offers_the_tool() throws Exception {
    api.answer(
        message(
            "tool_use",
            toolUse("toolu_1", "b_echo", "{\"text\":\"to b\"}"),
            toolUse("toolu_2", "echo", "{\"text\":\"to a\"}")),
        message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--mcp", server(), "--mcp", server("--prefix", "b_"), "go");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(10, api.body(0).getAsJsonArray("tools").size());
    assertTrue(
        lastUserBlock(1, 0).toString().contains("echo: to b"), lastUserBlock(1, 0).toString());
    assertTrue(
        lastUserBlock(1, 1).toString().contains("echo: to a"), lastUserBlock(1, 1).toString());
  }

  @Test
  void should_not_hand_the_api_credentials_to_the_server() throws Exception {
    api.answer(
        message(
            "tool_use",
            toolUse("toolu_1", "echo", "{\"text\":\"\",\"env\":\"ANTHROPIC_API_KEY\"}")),
        message("end_turn", text("ok")));

    CommandHarness.Result r = harness().run("tool-loop", "--mcp", server(), "--trace", "go");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(
        lastUserBlock(1, 0).toString().contains("env ANTHROPIC_API_KEY=null"),
        lastUserBlock(1, 0).toString());
    assertFalse((r.out() + r.err()).contains("sk-secret-test"), r.describe());
  }

  @Test
  void should_answer_a_call_that_hangs_with_is_error_after_the_tool_timeout() throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "hang", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--mcp", server(), "--tool-timeout", "1", "go");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject res = lastUserBlock(1, 0);
    assertTrue(res.get("is_error").getAsBoolean(), res.toString());
    assertTrue(res.toString().contains("--tool-timeout"), res.toString());
  }

  @Test
  void should_refuse_an_unclosed_quote_in_the_server_command_before_starting_anything() {
    CommandHarness.Result r = harness().run("tool-loop", "--mcp", "npx 'oops", "go");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("--mcp") && r.err().contains("quote"), r.err());
    assertEquals(0, api.bodies().size());
  }
}
