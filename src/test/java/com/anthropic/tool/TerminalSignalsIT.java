package com.anthropic.tool;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static com.anthropic.tool.client.tools.ScriptedApi.toolUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.anthropic.tool.client.tools.ScriptedApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat} and {@code tool-loop} in a real pseudo-terminal (tmux, an interactive bash with job
 * control, as a person runs them): Ctrl-C, Ctrl-Z then {@code fg}, and a closed terminal (SIGHUP),
 * each checked with {@code ps}: no process a tool started survives, not even a child re-parented
 * after its parent died. The tool is {@code sh -c 'cat >/dev/null; sleep A & sleep B'}, with sleep
 * times unique to the run as markers.
 */
class TerminalSignalsIT {
  @TempDir Path tmp;
  private ScriptedApi api;
  private Tmux tmux;
  private String bg;
  private String fg;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeTrue(
        Tmux.installed(),
        "tmux is not installed: the terminal signal tests are skipped"
            + " (.ci/run installs it where apt-get is available)");
    api = new ScriptedApi();
    long unique = System.nanoTime() % 1_000_000;
    bg = "sleep 881." + unique;
    fg = "sleep 882." + unique;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (tmux != null) {
      tmux.close();
    }
    if (api != null) {
      api.close();
    }
    if (bg != null) {
      // never leave a marker process behind, whatever the test found (each by its pid)
      for (String line : markers()) {
        ProcessHandle.of(Long.parseLong(line.strip().split("\\s+")[0]))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** The tool file: a shell whose background child outlives it when the shell is killed. */
  private Path tool() throws IOException {
    Path sh = tmp.resolve("slow.sh");
    Files.writeString(sh, "#!/bin/sh\ncat >/dev/null; " + bg + " & " + fg + "\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
    Path json = tmp.resolve("slow.json");
    Files.writeString(
        json,
        "{\"name\":\"slow\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":[\""
            + sh
            + "\"]}");
    return json;
  }

  /** An interactive bash in tmux, its environment pointing at the scripted API. */
  private void shell() throws Exception {
    Path rc = tmp.resolve("env.sh");
    StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n");
    sb.append("unset $(env | sed -n 's/^\\(ANTHROPIC_[A-Z_]*\\)=.*/\\1/p')\n");
    sb.append("export HOME='").append(tmp).append("'\n");
    for (String dir : List.of("CONFIG", "CACHE", "DATA", "STATE")) {
      sb.append("export XDG_").append(dir).append("_HOME='").append(tmp.resolve(dir.toLowerCase()));
      sb.append("'\n");
    }
    sb.append("export ANTHROPIC_BASE_URL=").append(api.baseUrl()).append('\n');
    sb.append("export ANTHROPIC_API_KEY=x NO_COLOR=1 PS1='$ '\n");
    sb.append("cd '").append(root()).append("'\n");
    sb.append("exec bash --norc --noprofile -i\n");
    Files.writeString(rc, sb.toString());
    Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rwx------"));
    tmux = new Tmux(tmp, "signals", rc.toString());
    tmux.await("the shell", () -> tmux.screenQuietly().strip().endsWith("$"));
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  /** Runs a command line in the shell; its exit status goes to the file returned. */
  private Path start(String commandLine) throws Exception {
    Path exit = tmp.resolve("exit");
    tmux.type(commandLine + " 2>" + tmp.resolve("stderr") + "; echo $? > " + exit);
    return exit;
  }

  /**
   * Waits until the chat's prompt is back and empty: the last non-blank line is the bare prompt.
   */
  private void awaitPrompt() throws Exception {
    tmux.await(
        "the prompt",
        () -> {
          List<String> lines = tmux.screenQuietly().strip().lines().toList();
          return !lines.isEmpty() && lines.get(lines.size() - 1).equals(">");
        });
  }

  /** The command lines of the running processes that carry a marker. */
  private List<String> markers() throws Exception {
    Process p = new ProcessBuilder("ps", "-eo", "pid,ppid,pgid,args").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().filter(l -> l.endsWith(bg) || l.endsWith(fg)).toList();
  }

  private void awaitToolRunning() throws Exception {
    tmux.await(
        "both tool processes",
        () -> {
          try {
            return markers().size() == 2;
          } catch (Exception e) {
            return false;
          }
        });
  }

  private void awaitNoToolProcess(String after) throws Exception {
    tmux.await(
        "no tool process left after " + after,
        () -> {
          try {
            return markers().isEmpty();
          } catch (Exception e) {
            return false;
          }
        });
  }

  private String exitCode(Path exit) throws Exception {
    tmux.await("the command to end", () -> read(exit).endsWith("\n"));
    return read(exit).strip();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void should_kill_every_tool_process_on_ctrl_c_in_tool_loop_with_exit_130() throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "slow", "{}")), message("end_turn", text("x")));
    shell();
    Path exit = start("./anthropic tool-loop -m claude-test --tool " + tool() + " go");
    awaitToolRunning();

    tmux.keys("C-c");

    assertEquals("130", exitCode(exit), tmux.screenQuietly() + read(tmp.resolve("stderr")));
    awaitNoToolProcess("Ctrl-C");
    assertEquals(1, api.bodies().size(), "nothing sent after Ctrl-C");
  }

  @Test
  void should_kill_every_tool_process_when_the_terminal_of_tool_loop_closes() throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "slow", "{}")), message("end_turn", text("x")));
    shell();
    start("./anthropic tool-loop -m claude-test --tool " + tool() + " go");
    awaitToolRunning();

    tmux.killSession();

    awaitNoToolProcess("SIGHUP");
  }

  @Test
  void should_kill_every_tool_process_on_ctrl_c_in_chat_and_take_the_next_question()
      throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "slow", "{}")),
        message("end_turn", text("Answer two.")));
    shell();
    Path exit = start("./anthropic chat -m claude-test --tool " + tool());
    tmux.awaitScreen("the chat", "/help for commands");
    tmux.type("run it");
    awaitToolRunning();

    tmux.keys("C-c");

    tmux.awaitScreen("the interrupted mark", "[interrupted]");
    awaitNoToolProcess("Ctrl-C");
    tmux.type("and now?");
    tmux.awaitScreen("the next answer", "Answer two.");
    awaitPrompt();
    tmux.keys("C-d");
    assertEquals("0", exitCode(exit), tmux.screenQuietly());
  }

  @Test
  void should_kill_every_tool_process_when_the_terminal_of_chat_closes() throws Exception {
    api.answer(message("tool_use", toolUse("toolu_1", "slow", "{}")));
    shell();
    start("./anthropic chat -m claude-test --tool " + tool());
    tmux.awaitScreen("the chat", "/help for commands");
    tmux.type("run it");
    awaitToolRunning();

    tmux.killSession();

    awaitNoToolProcess("SIGHUP");
  }

  @Test
  void should_give_keys_typed_right_after_ctrl_c_to_the_new_prompt() throws Exception {
    shell();
    Path exit = start("./anthropic chat -m claude-test");
    tmux.awaitScreen("the chat", "/help for commands");
    awaitPrompt();
    tmux.keys("-l", "hello there");
    tmux.awaitScreen("the line", "> hello there");
    tmux.keys("C-c", "/", "u", "s", "a", "g", "e"); // one send-keys: typed at once

    tmux.awaitScreen("the new prompt with the keys typed after Ctrl-C", "> /usage");
    String screen = tmux.screenQuietly();
    assertFalse(screen.contains("hello there/"), screen);
    tmux.keys("Enter");
    tmux.awaitScreen("the slash command's answer", "no answers yet");
    awaitPrompt();
    tmux.keys("C-d");
    assertEquals("0", exitCode(exit), tmux.screenQuietly());
    assertEquals(0, api.bodies().size(), "nothing went to the model");
  }

  @Test
  void should_suspend_on_ctrl_z_and_redraw_the_line_being_edited_on_fg() throws Exception {
    shell();
    // no "; echo $?" after it: the shell would run that as soon as the job stops
    tmux.type("./anthropic chat -m claude-test");
    tmux.awaitScreen("the chat", "/help for commands");
    awaitPrompt();
    tmux.keys("-l", "half typed");
    tmux.awaitScreen("the line", "> half typed");

    tmux.keys("C-z");
    tmux.awaitScreen("the job stopped", "Stopped");
    tmux.type("fg");
    tmux.await(
        "the prompt and the line redrawn",
        () -> tmux.screenQuietly().strip().endsWith("> half typed"));
    tmux.keys("-l", " more");
    tmux.awaitScreen("the line edited on", "> half typed more");
    tmux.keys("C-u", "C-d");
    tmux.await("the shell again", () -> tmux.screenQuietly().strip().endsWith("$"));
    tmux.type("echo status=$?");
    tmux.awaitScreen("the chat's exit status", "status=0");
  }
}
