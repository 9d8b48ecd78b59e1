package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ToolExecutionException;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.mock.MockApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What a demanding user noticed trying every command by hand: each test is one thing that was wrong
 * (a doubled hint, a silent {@code --version}, an example cut in two), stated as it must be.
 */
class EverydayUseTest {
  @Test
  void should_point_to_the_help_once_when_a_verb_is_missing() {
    for (String command : List.of("config", "keys", "batches", "files")) {
      CommandHarness.Result r = new CommandHarness().run(command);

      assertEquals(2, r.exitCode(), r.describe());
      assertEquals(
          1, r.err().split("'anthropic " + command + " --help'", -1).length - 1, r.describe());
      assertFalse(r.err().contains("try '"), r.describe());
      assertTrue(r.err().startsWith("error: usage_error: missing verb: "), r.describe());
      assertEquals(1, r.err().lines().count(), r.describe());
    }
  }

  @Test
  void should_print_the_version_after_any_command() {
    for (String[] args :
        List.of(
            new String[] {"--version"},
            new String[] {"messages", "--version"},
            new String[] {"models", "get", "-V"},
            new String[] {"help", "--version"},
            new String[] {"batches", "results", "--version"})) {
      CommandHarness.Result r = new CommandHarness().run(args);

      assertEquals(0, r.exitCode(), r.describe());
      assertTrue(r.out().matches("anthropic \\d+\\.\\d+\\.\\d+.*\n"), r.describe());
      assertEquals("", r.err(), r.describe());
    }
  }

  @Test
  void should_show_every_example_command_line_unbroken_in_the_help() {
    List<CommandLine> all = GeneratedDocs.everyCommand();
    List<String> broken = new ArrayList<>();
    for (CommandLine cl : all) {
      String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String line : cl.getCommandSpec().usageMessage().footer()) {
        String example = String.format(line);
        if (example.startsWith("  ") && !help.contains("\n" + example + "\n")) {
          broken.add(cl.getCommandSpec().qualifiedName(" ") + ": " + example.strip());
        }
      }
    }
    assertEquals(List.of(), broken, "example lines wrapped in --help (keep them to 80 columns)");
  }

  /** A tool that could not run at all (chat shows this line and goes on). */
  private static ToolExecutionException toolThatThrows() {
    try (MockApiServer mock = MockApiServer.start(0);
        AnthropicClient client =
            AnthropicClient.builder()
                .baseUrl(mock.baseUrl())
                .apiKey("mock")
                .header(MockApiServer.TOOL_USE_KNOB, "weather")
                .build()) {
      MessagesRequest req =
          MessagesRequest.builder("m", List.of(MessageParam.user("Weather in Paris")), 100)
              .tools(
                  List.of(
                      Tool.of(
                          "weather",
                          "weather",
                          Json.parseObject(
                              "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))))
              .build();
      ToolLoop loop =
          ToolLoop.builder(client)
              .executor(
                  c -> {
                    throw new IllegalStateException("MCP server \"srv\" exited with status 3");
                  })
              .build();
      return assertThrows(ToolExecutionException.class, () -> loop.run(req));
    }
  }

  @Test
  void should_name_a_failed_tool_as_a_tool_error_with_one_error_prefix() {
    ErrorReporter.Report r = ErrorReporter.describe(toolThatThrows());

    assertEquals(
        "error: tool_error: tool weather failed: MCP server \"srv\" exited with status 3",
        r.line());
    assertEquals(ExitCodes.FAILURE, r.exitCode());
  }

  @Test
  void should_never_print_error_twice_for_a_library_failure_without_a_type_of_its_own() {
    ErrorReporter.Report r =
        ErrorReporter.describe(new AnthropicException("interrupted while waiting to retry"));

    assertFalse(r.line().startsWith("error: error:"), r.line());
    assertEquals("error: client_error: interrupted while waiting to retry", r.line());
  }

  @Test
  void should_give_an_absolute_directory_in_the_path_hint_when_install_gets_a_relative_one()
      throws Exception {
    Path launcher = Files.createTempFile("anthropic-launcher", "");
    String relative = "target/everyday-use-test/bin";
    try {
      CommandHarness.Result r =
          new CommandHarness()
              .env("PATH", "/usr/bin:/bin")
              .env("SHELL", "/bin/bash")
              .run("install", "--force", "--launcher", launcher.toString(), relative);

      Path absolute = Path.of(relative).toAbsolutePath().normalize();
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals(absolute.resolve("anthropic") + "\n", r.out(), r.describe());
      assertTrue(r.err().contains("install: " + absolute + " is not on your PATH"), r.describe());
      assertTrue(r.err().contains("export PATH=\"" + absolute + ":$PATH\""), r.describe());
    } finally {
      Files.deleteIfExists(Path.of(relative, "anthropic"));
      Files.deleteIfExists(launcher);
    }
  }

  @Test
  void should_refuse_a_base_url_that_no_command_could_use_in_config_set() throws Exception {
    Path config = Files.createTempDirectory("everyday-config");
    try {
      CommandHarness h = new CommandHarness().env("XDG_CONFIG_HOME", config.toString());

      CommandHarness.Result notUrl = h.run("config", "set", "base-url", "notaurl");
      CommandHarness.Result secret =
          h.run("config", "set", "base-url", "http://user:hunter2@127.0.0.1:4010");
      CommandHarness.Result ok = h.run("config", "set", "base-url", "http://127.0.0.1:4010");

      assertEquals(2, notUrl.exitCode(), notUrl.describe());
      assertEquals(
          "error: usage_error: base-url must be an http:// or https:// URL with a host, got"
              + " 'notaurl'\n",
          notUrl.err());
      assertEquals(2, secret.exitCode(), secret.describe());
      assertFalse(secret.err().contains("hunter2"), secret.describe());
      assertTrue(secret.err().contains("must not carry credentials"), secret.describe());
      assertEquals(0, ok.exitCode(), ok.describe());
      assertEquals(
          "base-url=http://127.0.0.1:4010",
          Files.readString(config.resolve("anthropic-cli/config.properties")).strip());
    } finally {
      try (var files = Files.walk(config)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void should_set_the_command_list_apart_from_the_options_like_every_other_section() {
    for (String[] args :
        List.of(
            new String[] {"--help"}, new String[] {"batches", "--help"}, new String[] {"help"})) {
      CommandHarness.Result r = new CommandHarness().run(args);

      assertEquals(0, r.exitCode(), r.describe());
      assertTrue(r.out().contains("\n\nCommands:\n"), r.describe());
    }
  }

  @Test
  void should_fit_the_short_usage_on_an_80_column_terminal() {
    for (String command : List.of("messages", "stream", "count-tokens", "tool-loop")) {
      CommandHarness.Result r = new CommandHarness().stdinIsTerminal(true).run(command);

      assertEquals(2, r.exitCode(), r.describe());
      assertTrue(r.err().contains("'anthropic " + command + " --help'"), r.describe());
      r.err().lines().forEach(l -> assertTrue(l.length() <= 80, "over 80 columns: " + l));
    }
  }

  @Test
  void should_not_suggest_a_random_letter_for_an_unknown_one_letter_option() {
    CommandHarness.Result r = new CommandHarness().run("models", "-u");

    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(
        "error: usage_error: unknown option '-u'; see 'anthropic models --help'\n", r.err());
    assertEquals(
        java.util.Optional.of("--model"),
        UsageErrors.closest("--modle", List.of("--model", "-m", "-h")),
        "longer names still get their suggestion");
  }
}
