package com.anthropic.tool.cli;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static com.anthropic.tool.client.tools.ScriptedApi.toolUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.mcp.RawMcpServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mcp} against a server that misbehaves in size, time and names ({@link RawMcpServer}): a
 * message over 64 MB is an error naming the limit (never a wait for --tool-timeout), a call that
 * times out is cancelled at the server, a name the API would refuse is offered under a valid one.
 */
class McpBoundsTest {
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

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", api.baseUrl())
        .env("ANTHROPIC_API_KEY", "sk-secret-test")
        .env("PATH", System.getenv("PATH"));
  }

  private JsonObject result(int request) {
    JsonArray msgs = api.body(request).getAsJsonArray("messages");
    return msgs.get(msgs.size() - 1)
        .getAsJsonObject()
        .getAsJsonArray("content")
        .get(0)
        .getAsJsonObject();
  }

  private CommandHarness.Result callBig(long bytes, boolean idFirst, String... more) {
    api.answer(
        message(
            "tool_use",
            toolUse("toolu_1", "big", "{\"bytes\":" + bytes + ",\"idFirst\":" + idFirst + "}")),
        message("end_turn", text("done")));
    List<String> args =
        new java.util.ArrayList<>(
            List.of("tool-loop", "--mcp", RawMcpServer.command(), "--tool-timeout", "120"));
    args.addAll(List.of(more));
    args.add("go");
    return harness().run(args.toArray(String[]::new));
  }

  @Test
  void should_answer_a_result_over_64_mb_with_is_error_naming_the_limit_when_its_id_comes_last() {
    long started = System.nanoTime();
    CommandHarness.Result r = callBig(100L << 20, false);

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject block = result(1);
    String content = block.toString();
    assertEquals(true, block.get("is_error").getAsBoolean(), content);
    assertTrue(content.contains("64 MB"), "names the limit: " + content);
    assertFalse(content.contains("did not answer"), "not a timeout: " + content);
    assertTrue(
        System.nanoTime() - started < 100_000_000_000L, "no wait for --tool-timeout (120 s)");
  }

  @Test
  void should_answer_a_result_over_64_mb_with_is_error_naming_the_limit_when_its_id_comes_first() {
    CommandHarness.Result r = callBig(100L << 20, true);

    assertEquals(0, r.exitCode(), r.describe());
    String content = result(1).toString();
    assertTrue(content.contains("\"is_error\":true"), content);
    assertTrue(content.contains("64 MB"), "names the limit: " + content);
    assertFalse(content.contains("did not answer"), "not a timeout: " + content);
  }

  @Test
  void should_cut_a_large_result_under_the_message_limit_to_the_tool_output_limit() {
    CommandHarness.Result r = callBig(30L << 20, false, "--tool-output-limit", "1000");

    assertEquals(0, r.exitCode(), r.describe());
    String text =
        result(1).getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString();
    assertTrue(
        text.startsWith("x".repeat(1000) + "\n[output cut at 1000 bytes"),
        text.substring(0, Math.min(text.length(), 1100)));
    assertTrue(text.length() < 1200, "cut");
  }

  @Test
  void should_end_with_one_mcp_error_line_naming_the_limit_for_a_tool_list_over_64_mb() {
    CommandHarness.Result r =
        harness()
            .run(
                "tool-loop",
                "--mcp",
                RawMcpServer.command("--list-bytes", Long.toString(70L << 20)),
                "go");

    assertEquals(1, r.exitCode(), r.describe());
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r.describe());
    assertTrue(lines.get(0).startsWith("error: mcp_error: "), r.describe());
    assertTrue(lines.get(0).contains("64 MB"), r.describe());
    assertTrue(lines.get(0).length() < 2000, "a short line");
    assertEquals(0, api.bodies().size(), "nothing sent");
  }

  @Test
  void should_keep_only_a_bounded_part_of_an_endless_stderr_line() {
    api.answer(
        message("tool_use", toolUse("toolu_1", "other", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness()
            .run(
                "tool-loop",
                "--trace",
                "--mcp",
                RawMcpServer.command("--names", "other", "--stderr-bytes", "20000000"),
                "go");

    assertEquals(0, r.exitCode(), r.describe());
    for (String line : r.err().lines().toList()) {
      assertTrue(line.length() < 4000, "a bounded line: " + line.length());
    }
  }

  @Test
  void should_send_notifications_cancelled_with_the_request_id_after_a_call_times_out()
      throws IOException {
    Path log = dir.resolve("received.jsonl");
    api.answer(
        message("tool_use", toolUse("toolu_1", "hang", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness()
            .run(
                "tool-loop",
                "--tool-timeout",
                "0.5",
                "--mcp",
                RawMcpServer.command("--log", log.toString()),
                "go");

    assertEquals(0, r.exitCode(), r.describe());
    List<JsonObject> got =
        Files.readAllLines(log).stream()
            .map(l -> JsonParser.parseString(l).getAsJsonObject())
            .toList();
    JsonElement callId =
        got.stream()
            .filter(m -> m.has("method") && m.get("method").getAsString().equals("tools/call"))
            .findFirst()
            .orElseThrow()
            .get("id");
    JsonObject cancel =
        got.stream()
            .filter(
                m ->
                    m.has("method")
                        && m.get("method").getAsString().equals("notifications/cancelled"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no notifications/cancelled in " + got));
    assertEquals(callId, cancel.getAsJsonObject("params").get("requestId"), cancel.toString());
    assertFalse(cancel.has("id"), "a notification has no id");
  }

  @Test
  void should_offer_an_invalid_tool_name_under_a_valid_one_and_call_it_by_its_own_name() {
    String longName = "n".repeat(70);
    api.answer(
        message("tool_use", toolUse("toolu_1", "get_weather", "{}")),
        message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness()
            .run(
                "tool-loop",
                "--mcp",
                RawMcpServer.command("--names", "get weather,get_weather," + longName + ",ok"),
                "go");

    assertEquals(0, r.exitCode(), r.describe());
    List<String> offered = new java.util.ArrayList<>();
    api.body(0)
        .getAsJsonArray("tools")
        .forEach(t -> offered.add(t.getAsJsonObject().get("name").getAsString()));
    assertEquals(List.of("get_weather_2", "get_weather", "n".repeat(64), "ok"), offered);
    List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
    assertEquals(2, warnings.size(), r.describe());
    assertTrue(
        warnings.get(0).contains("\"get weather\" is offered as get_weather_2"), r.describe());
    // the model asked for get_weather: the server's own tool of that name, not the renamed one
    assertEquals(
        "called get_weather",
        result(1).getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_call_a_renamed_tool_by_the_servers_name() {
    api.answer(
        message("tool_use", toolUse("toolu_1", "get_weather", "{}")),
        message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--mcp", RawMcpServer.command("--names", "get weather"), "go");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        "called get weather",
        result(1).getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
  }
}
