package com.anthropic.tool.cli;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static com.anthropic.tool.client.tools.ScriptedApi.toolUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.tools.ScriptedApi;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tool-loop} in-process with real tool scripts against a scripted loopback API. */
class ToolLoopCommandTest {
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

  /** A tool file whose command is a shell script with this body. */
  private String tool(String name, String script) throws IOException {
    Path sh = dir.resolve(name + ".sh");
    Files.writeString(sh, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
    Path json = dir.resolve(name + ".json");
    Files.writeString(
        json,
        "{\"name\":\""
            + name
            + "\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},\"command\":[\""
            + sh
            + "\"]}");
    return json.toString();
  }

  private JsonObject toolResult(int request, int index) {
    JsonArray msgs = api.body(request).getAsJsonArray("messages");
    return msgs.get(msgs.size() - 1)
        .getAsJsonObject()
        .getAsJsonArray("content")
        .get(index)
        .getAsJsonObject();
  }

  @Test
  void should_run_the_tool_with_the_input_on_stdin_and_send_its_stdout_back() throws IOException {
    String echo = tool("echo", "printf 'got: '; cat");
    api.answer(
        message("tool_use", text("Checking."), toolUse("toolu_1", "echo", "{\"city\":\"Paris\"}")),
        message("end_turn", text("It is sunny.")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", echo, "weather?");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Checking.\nIt is sunny.", r.out(), r.describe());
    assertEquals(2, api.bodies().size());
    JsonObject sentTool = api.body(0).getAsJsonArray("tools").get(0).getAsJsonObject();
    assertFalse(sentTool.has("command"), "command is local only: " + sentTool);
    assertEquals(
        JsonParser.parseString(
            "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"got: {\\\"city\\\":\\\"Paris\\\"}\"}]}"),
        toolResult(1, 0));
    assertEquals(api.body(0).get("tools"), api.body(1).get("tools"));
  }

  @Test
  void should_send_a_failing_tools_stderr_as_is_error() throws IOException {
    String fail = tool("fail", "echo 'partial out'; echo 'no such city' >&2; exit 3");
    api.answer(
        message("tool_use", toolUse("toolu_1", "fail", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", fail, "go");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject res = toolResult(1, 0);
    assertTrue(res.get("is_error").getAsBoolean(), res.toString());
    assertEquals(
        "no such city\n",
        res.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_kill_a_hanging_tools_whole_process_tree_after_the_timeout() throws Exception {
    Path pid = dir.resolve("child.pid");
    String hang = tool("hang", "sleep 60 & echo $! > " + pid + "; wait");
    api.answer(
        message("tool_use", toolUse("toolu_1", "hang", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--tool", hang, "--tool-timeout", "0.5", "go");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject res = toolResult(1, 0);
    assertTrue(res.get("is_error").getAsBoolean(), res.toString());
    assertTrue(res.toString().contains("--tool-timeout"), res.toString());
    long child = Long.parseLong(Files.readString(pid).strip());
    var handle = ProcessHandle.of(child);
    if (handle.isPresent()) {
      handle.get().onExit().get(10, TimeUnit.SECONDS); // killed, not left running for 60 s
    }
  }

  @Test
  void should_answer_an_invented_tool_name_with_the_known_tools() throws IOException {
    String a = tool("alpha", "echo a");
    String b = tool("beta", "echo b");
    api.answer(
        message("tool_use", toolUse("toolu_1", "gamma", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", a, "--tool", b, "go");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject res = toolResult(1, 0);
    assertTrue(res.get("is_error").getAsBoolean());
    String msg = res.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString();
    assertTrue(msg.contains("gamma") && msg.contains("alpha, beta"), msg);
  }

  @Test
  void should_cut_output_beyond_the_limit_with_a_marker() throws IOException {
    String big = tool("big", "i=0; while [ $i -lt 100 ]; do printf x; i=$((i+1)); done");
    api.answer(
        message("tool_use", toolUse("toolu_1", "big", "{}")), message("end_turn", text("ok")));

    harness().run("tool-loop", "--tool", big, "--tool-output-limit", "10", "go");

    String sent =
        toolResult(1, 0)
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString();
    assertTrue(sent.startsWith("xxxxxxxxxx\n["), sent);
    assertTrue(
        sent.contains("90 more bytes dropped") && sent.contains("--tool-output-limit"), sent);
  }

  @Test
  void should_not_hand_the_api_credentials_to_tools() throws IOException {
    String env =
        tool(
            "env",
            "echo \"key=${ANTHROPIC_API_KEY:-none} token=${ANTHROPIC_AUTH_TOKEN:-none}"
                + " home=${HOME:+set} cwd=$(pwd)\"");
    api.answer(
        message("tool_use", toolUse("toolu_1", "env", "{}")), message("end_turn", text("ok")));

    harness().env("ANTHROPIC_AUTH_TOKEN", "tok-secret").run("tool-loop", "--tool", env, "go");

    String sent = toolResult(1, 0).toString();
    assertTrue(sent.contains("key=none token=none home=set"), sent);
    assertTrue(sent.contains("cwd=" + Path.of("").toAbsolutePath()), sent);
  }

  @Test
  void should_send_results_of_parallel_calls_in_the_models_order() throws IOException {
    String slow =
        tool(
            "slow",
            "read x; case \"$x\" in *first*) sleep 0.3; echo first;; *) echo second;; esac");
    api.answer(
        message(
            "tool_use",
            toolUse("toolu_a", "slow", "{\"n\":\"first\"}"),
            toolUse("toolu_b", "slow", "{\"n\":\"second\"}")),
        message("end_turn", text("ok")));

    harness().run("tool-loop", "--tool", slow, "--parallel", "2", "go");

    assertEquals("toolu_a", toolResult(1, 0).get("tool_use_id").getAsString());
    assertTrue(toolResult(1, 0).toString().contains("first"));
    assertEquals("toolu_b", toolResult(1, 1).get("tool_use_id").getAsString());
    assertTrue(toolResult(1, 1).toString().contains("second"));
  }

  @Test
  void should_stop_at_max_iterations_with_a_warning_and_exit_1() throws IOException {
    String echo = tool("echo", "cat");
    api.answer(
        message("tool_use", text("one"), toolUse("toolu_1", "echo", "{}")),
        message("tool_use", text("two"), toolUse("toolu_2", "echo", "{}")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--tool", echo, "--max-iterations", "2", "go");

    assertEquals(1, r.exitCode(), r.describe());
    assertEquals("one\ntwo", r.out());
    assertTrue(r.err().contains("warning:") && r.err().contains("--max-iterations"), r.err());
    assertFalse(r.err().contains("error:"), r.err());
    assertEquals(2, api.bodies().size());
  }

  @Test
  void should_refuse_approve_without_a_terminal_and_send_nothing() throws IOException {
    String echo = tool("echo", "cat");

    CommandHarness.Result r = harness().run("tool-loop", "--tool", echo, "--approve", "go");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: ") && r.err().contains("--yes"), r.err());
    assertEquals(0, api.bodies().size());
  }

  @Test
  void should_run_without_asking_with_approve_and_yes() throws IOException {
    String echo = tool("echo", "echo ran");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--tool", echo, "--approve", "--yes", "go");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(toolResult(1, 0).toString().contains("ran"));
  }

  @Test
  void should_trace_calls_and_results_on_stderr_only() throws IOException {
    String echo = tool("echo", "echo 'the result'");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{\"q\":1}")),
        message("end_turn", text("done")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", echo, "--trace", "go");

    assertEquals("done", r.out());
    assertTrue(r.err().contains("tool call: echo {\"q\":1}"), r.err());
    assertTrue(r.err().contains("tool result: echo the result"), r.err());
    assertTrue(
        r.err().lines().anyMatch("tool result: echo the result"::equals),
        "the output's final newline is not shown as a trailing space: " + r.err());
  }

  @Test
  void should_print_events_and_tool_lines_as_jsonl_and_sum_usage() throws IOException {
    String echo = tool("echo", "echo hi");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{}")), message("end_turn", text("done")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--tool", echo, "--format", "jsonl", "-u", "go");

    assertEquals(0, r.exitCode(), r.describe());
    List<String> types =
        r.out()
            .lines()
            .map(l -> JsonParser.parseString(l).getAsJsonObject().get("type").getAsString())
            .toList();
    int call = types.indexOf("tool_call");
    int result = types.indexOf("tool_result");
    assertTrue(call > types.indexOf("message_stop") && result == call + 1, types.toString());
    assertEquals("message_stop", types.get(types.size() - 1));
    assertEquals(2, types.stream().filter("message_start"::equals).count());
    assertTrue(r.err().contains("usage: input_tokens=20 output_tokens=10 (2 API calls)"), r.err());
  }

  @Test
  void should_print_the_final_message_with_format_json() throws IOException {
    String echo = tool("echo", "echo hi");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{}")), message("end_turn", text("done")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", echo, "--format", "json", "go");

    JsonObject m = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("end_turn", m.get("stop_reason").getAsString());
    assertEquals(
        "done", m.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_refuse_a_tool_file_without_a_command_before_sending() throws IOException {
    Path json = dir.resolve("nocmd.json");
    Files.writeString(json, "{\"name\":\"x\",\"input_schema\":{\"type\":\"object\"}}");

    CommandHarness.Result r = harness().run("tool-loop", "--tool", json.toString(), "go");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("command"), r.err());
    assertEquals(0, api.bodies().size());
  }

  @Test
  void should_keep_credentials_out_of_every_output() throws IOException {
    String echo = tool("echo", "echo hi");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{}")), message("end_turn", text("done")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", echo, "--trace", "-u", "go");

    assertFalse((r.out() + r.err()).contains("sk-secret-test"), r.describe());
  }

  @Test
  void should_print_usage_with_the_estimated_cost_summed_over_the_calls() throws IOException {
    String echo = tool("echo", "echo hi");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{}")).replace("claude-test", SONNET),
        message("end_turn", text("done")).replace("claude-test", SONNET));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", echo, "-u", "go");

    assertEquals(0, r.exitCode(), r.describe());
    // 20 input tokens at $3/MTok and 10 output tokens at $15/MTok
    assertTrue(
        r.err()
            .contains(
                "usage: input_tokens=20 output_tokens=10 estimated_cost=$0.000210 (2 API calls)"),
        r.err());
  }

  private static final String SONNET = "claude-sonnet-4-6";

  @Test
  void should_say_1_api_call_in_the_max_iterations_warning() throws IOException {
    String echo = tool("echo", "cat");
    api.answer(message("tool_use", toolUse("toolu_1", "echo", "{}")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--tool", echo, "--max-iterations", "1", "-u", "go");

    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.err().contains("warning: stopped after 1 API call while"), r.err());
    assertTrue(r.err().contains("(1 API call)"), r.err());
  }

  @Test
  void should_warn_when_the_final_answer_does_not_match_the_schema() throws IOException {
    String echo = tool("echo", "echo hi");
    api.answer(
        message("tool_use", toolUse("toolu_1", "echo", "{}")),
        message("end_turn", text("{\\\"city\\\":1}")));

    CommandHarness.Result r =
        harness().run("tool-loop", "--tool", echo, "--schema", "city str", "go");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("warning: ")).count(), r.describe());
    assertTrue(r.err().contains("city"), r.err());
    assertTrue(api.body(0).getAsJsonObject("output_config").has("format"), api.body(0).toString());
  }
}
