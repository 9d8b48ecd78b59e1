package com.anthropic.tool;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static com.anthropic.tool.client.tools.ScriptedApi.toolUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.mcp.TestMcpServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./anthropic tool-loop} as a user runs it: the built launcher, a real tool script. */
class ToolLoopIT {
  private static final long DEADLINE_SECONDS = 60;
  @TempDir Path tmp;
  private ScriptedApi api;
  private Process process;

  @BeforeEach
  void start() throws Exception {
    api = new ScriptedApi();
  }

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    api.close();
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private Path tool(String name, String script) throws Exception {
    Path sh = tmp.resolve(name + ".sh");
    Files.writeString(sh, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
    Path json = tmp.resolve(name + ".json");
    Files.writeString(
        json,
        "{\"name\":\""
            + name
            + "\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":[\""
            + sh
            + "\"]}");
    return json;
  }

  private Process launch(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_"));
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    pb.environment().put("ANTHROPIC_BASE_URL", api.baseUrl());
    pb.environment().put("ANTHROPIC_API_KEY", "sk-it-secret");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
    process = pb.start();
    return process;
  }

  private String describe() throws Exception {
    return "stdout:\n"
        + Files.readString(tmp.resolve("out"))
        + "\nstderr:\n"
        + Files.readString(tmp.resolve("err"));
  }

  @Test
  void should_run_a_tool_script_and_print_the_answer() throws Exception {
    Path wc = tool("count", "printf 'chars: '; wc -c | tr -d ' '");
    api.answer(
        message("tool_use", toolUse("toolu_1", "count", "{\"text\":\"abc\"}")),
        message("end_turn", text("The input has 14 characters.")));

    Process p = launch("tool-loop", "--tool", wc.toString(), "--trace", "How long is abc?");

    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "no exit");
    assertEquals(0, p.exitValue(), describe());
    assertEquals("The input has 14 characters.", Files.readString(tmp.resolve("out")), describe());
    String err = Files.readString(tmp.resolve("err"));
    assertTrue(err.contains("tool call: count {\"text\":\"abc\"}"), err);
    assertTrue(api.bodies().get(1).contains("chars: 14"), api.bodies().get(1));
    assertFalse(err.contains("sk-it-secret"), err);
  }

  @Test
  void should_stop_the_loop_and_kill_the_running_tool_on_ctrl_c_with_exit_130() throws Exception {
    Path fifo = tmp.resolve("started");
    Path pidFile = tmp.resolve("child.pid");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path hang = tool("hang", "sleep 120 & echo $! > " + pidFile + "; echo up > " + fifo + "; wait");
    api.answer(
        message("tool_use", toolUse("toolu_1", "hang", "{}")), message("end_turn", text("never")));
    CompletableFuture<String> started =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo); // blocks until the tool opens the fifo
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    Process p = launch("tool-loop", "--tool", hang.toString(), "go");
    started.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    long child = Long.parseLong(Files.readString(pidFile).strip());
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
    assertTrue(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));

    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "SIGINT ignored");
    assertEquals(130, p.exitValue(), describe());
    var handle = ProcessHandle.of(child);
    if (handle.isPresent()) {
      try {
        handle.get().onExit().get(10, TimeUnit.SECONDS); // the tool's child was killed too
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the tool's child " + child + " still runs\n" + describe(), e);
      }
    }
    assertEquals(1, api.bodies().size(), "nothing sent after Ctrl-C");
    assertFalse(Files.readString(tmp.resolve("err")).contains("Exception"), describe());
  }

  @Test
  void should_stop_the_mcp_server_on_ctrl_c_during_a_call_with_exit_130() throws Exception {
    Path fifo = tmp.resolve("hanging");
    Path pidFile = tmp.resolve("server.pid");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    api.answer(
        message("tool_use", toolUse("toolu_1", "hang", "{}")), message("end_turn", text("never")));
    CompletableFuture<String> hanging =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo); // blocks until the hang tool opens the fifo
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    Process p =
        launch(
            "tool-loop",
            "--mcp",
            TestMcpServer.command("--pid-file", pidFile.toString(), "--signal", fifo.toString()),
            "go");
    assertEquals("hanging\n", hanging.get(DEADLINE_SECONDS, TimeUnit.SECONDS), describe());
    long server = Long.parseLong(Files.readString(pidFile).strip());
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
    assertTrue(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));

    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "SIGINT ignored");
    assertEquals(130, p.exitValue(), describe());
    var handle = ProcessHandle.of(server);
    if (handle.isPresent()) {
      try {
        handle.get().onExit().get(10, TimeUnit.SECONDS); // the server was stopped, no orphan
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the MCP server " + server + " still runs\n" + describe(), e);
      }
    }
    assertEquals(1, api.bodies().size(), "nothing sent after Ctrl-C");
    assertFalse(Files.readString(tmp.resolve("err")).contains("Exception"), describe());
  }

  @ParameterizedTest(name = "stop_reason={0}")
  @ValueSource(strings = {"tool_use", "max_tokens"})
  void should_never_run_a_tool_whose_input_was_cut_and_warn_naming_it(String stopReason)
      throws Exception {
    Path ran = tmp.resolve("ran");
    Path touch = tool("touchy", "cat >/dev/null; touch " + ran);
    api.answerRawStream(
        ScriptedApi.cutToolUse(
            stopReason, "touchy", "{\"path\": \"/home/user/x\", \"recursive\": tru"));
    api.answer(message("end_turn", text("Sorry.")));

    Process p = launch("tool-loop", "--tool", touch.toString(), "go");

    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "no exit");
    String err = Files.readString(tmp.resolve("err"));
    assertFalse(Files.exists(ran), "the tool ran\n" + describe());
    assertEquals(
        1,
        err.lines().filter(l -> l.startsWith("warning: the input of tool touchy ")).count(),
        describe());
    if (stopReason.equals("tool_use")) {
      assertEquals(2, api.bodies().size(), describe());
      assertTrue(api.bodies().get(1).contains("\"is_error\":true"), api.bodies().get(1));
      assertEquals(0, p.exitValue(), describe());
    }
  }
}
