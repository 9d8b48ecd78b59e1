package com.anthropic.tool.cli;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static com.anthropic.tool.client.tools.ScriptedApi.toolUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.tools.ScriptedApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is checked about {@code --tool} files and {@code --tool-choice} before anything is sent: a
 * relative command is found beside its tool file, a command that cannot run and a tool choice that
 * names no offered tool are exit 2 with nothing sent.
 */
class ToolFileChecksTest {
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

  private Path toolFile(String command) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("tools"));
    Path f = sub.resolve("say.json");
    Files.writeString(
        f,
        "{\"name\":\"say\",\"description\":\"Says.\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":["
            + command
            + "]}");
    return f;
  }

  private void assertRefused(CommandHarness.Result r, String... names) {
    String d = r.describe();
    assertEquals(2, r.exitCode(), d);
    assertEquals(0, api.bodies().size(), "nothing sent\n" + d);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), d);
    assertTrue(lines.get(0).startsWith("error: "), d);
    for (String n : names) {
      assertTrue(lines.get(0).contains(n), "names " + n + "\n" + d);
    }
  }

  @Test
  void should_run_a_relative_command_from_the_tool_files_directory() throws IOException {
    Path f = toolFile("\"./say.sh\"");
    Path script = f.resolveSibling("say.sh");
    Files.writeString(script, "#!/bin/sh\necho said-from-beside-the-tool-file\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    api.answer(
        message("tool_use", toolUse("toolu_1", "say", "{}")), message("end_turn", text("ok")));

    CommandHarness.Result r = harness().run("tool-loop", "--tool", f.toString(), "go");

    assertEquals(0, r.exitCode(), r.describe());
    String sent = api.body(1).toString();
    assertTrue(sent.contains("said-from-beside-the-tool-file"), sent);
    assertTrue(!sent.contains("\"is_error\":true"), sent);
  }

  @Test
  void should_refuse_a_relative_command_that_does_not_exist_before_sending() throws IOException {
    Path f = toolFile("\"./missing.sh\"");

    assertRefused(
        harness().run("tool-loop", "--tool", f.toString(), "go"), "missing.sh", "say.json");
  }

  @Test
  void should_refuse_a_command_not_on_path_before_sending() throws IOException {
    Path f = toolFile("\"no-such-program-anthropic-test\"");

    assertRefused(
        harness().run("tool-loop", "--tool", f.toString(), "go"),
        "no-such-program-anthropic-test",
        "PATH");
  }

  @Test
  void should_refuse_a_command_that_is_not_executable_before_sending() throws IOException {
    Path f = toolFile("\"./plain.txt\"");
    Files.writeString(f.resolveSibling("plain.txt"), "not a program\n");

    assertRefused(
        harness().run("tool-loop", "--tool", f.toString(), "go"), "plain.txt", "executable");
  }

  @Test
  void should_refuse_a_tool_choice_naming_no_offered_tool_in_messages() throws IOException {
    Path f = toolFile("\"true\"");

    assertRefused(
        harness().run("messages", "--tool", f.toString(), "--tool-choice", "nosuch", "hi"),
        "--tool-choice",
        "nosuch",
        "say");
  }

  @Test
  void should_refuse_a_tool_choice_without_any_tool() {
    assertRefused(harness().run("messages", "--tool-choice", "nosuch", "hi"), "nosuch");
  }

  @Test
  void should_refuse_a_tool_choice_naming_no_offered_tool_in_tool_loop() throws IOException {
    Path f = toolFile("\"true\"");

    assertRefused(
        harness().run("tool-loop", "--tool", f.toString(), "--tool-choice", "nosuch", "hi"),
        "--tool-choice",
        "nosuch");
  }

  @Test
  void should_send_a_tool_choice_that_names_an_offered_tool() throws IOException {
    Path f = toolFile("\"true\"");
    api.answer(message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness().run("messages", "--tool", f.toString(), "--tool-choice", "say", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("say", api.body(0).getAsJsonObject("tool_choice").get("name").getAsString());
  }

  @Test
  void should_send_a_tool_choice_that_names_an_mcp_tool_beside_a_tool_file() throws IOException {
    Path f = toolFile("\"true\"");
    api.answer(message("end_turn", text("ok")));

    CommandHarness.Result r =
        harness()
            .run(
                "tool-loop",
                "--tool",
                f.toString(),
                "--mcp",
                com.anthropic.tool.mcp.RawMcpServer.command("--names", "remote"),
                "--tool-choice",
                "remote",
                "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("remote", api.body(0).getAsJsonObject("tool_choice").get("name").getAsString());
  }
}
