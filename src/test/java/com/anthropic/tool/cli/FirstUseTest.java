package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a new user sees in the first minutes: usage, colour rules, the missing-key hint. */
class FirstUseTest {
  @Test
  void should_print_the_whole_usage_line_and_the_help_pointer_with_no_prompt_on_a_terminal() {
    CommandHarness.Result r = new CommandHarness().stdinIsTerminal(true).run("messages");

    assertEquals(2, r.exitCode(), r.describe());
    String[] lines = r.err().split("\n");
    assertEquals("Usage: anthropic messages [OPTIONS] [PROMPT...]", lines[0], r.describe());
    assertTrue(lines[1].contains("'anthropic messages --help'"), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  @Test
  void should_print_the_help_on_stderr_and_exit_2_with_no_arguments() {
    CommandHarness.Result r = new CommandHarness().run();

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("Usage: anthropic"), r.describe());
    assertTrue(r.err().contains("Examples:"), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  @Test
  void should_colour_the_error_prefix_on_a_terminal_only() {
    CommandHarness.Result tty = new CommandHarness().stderrIsTerminal(true).run("mesages");
    CommandHarness.Result pipe = new CommandHarness().run("mesages");

    assertTrue(tty.err().startsWith("\u001b[1;31merror:\u001b[0m usage_error:"), tty.describe());
    assertTrue(pipe.err().startsWith("error: usage_error:"), pipe.describe());
    assertFalse(pipe.err().contains("\u001b"), pipe.describe());
  }

  @Test
  void should_count_no_color_only_when_it_is_not_empty() {
    CommandHarness.Result empty =
        new CommandHarness().env("NO_COLOR", "").stderrIsTerminal(true).run("mesages");
    CommandHarness.Result set =
        new CommandHarness().env("NO_COLOR", "1").stderrIsTerminal(true).run("mesages");
    CommandHarness.Result flag =
        new CommandHarness().stderrIsTerminal(true).run("--no-color", "mesages");

    assertTrue(empty.err().contains("\u001b["), empty.describe());
    assertFalse(set.err().contains("\u001b"), set.describe());
    assertFalse(flag.err().contains("\u001b"), flag.describe());
  }

  @Test
  void should_name_the_real_config_path_when_there_is_no_key() {
    CommandHarness.Result r =
        new CommandHarness()
            .env("HOME", "/home/new-user")
            .env("XDG_CONFIG_HOME", "")
            .run("messages", "hi");

    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(
        r.err().contains("stores api-key in ~/.config/anthropic-cli/config.properties"),
        r.describe());
    assertFalse(r.err().contains("$XDG_CONFIG_HOME"), r.describe());
  }

  @Test
  void should_suggest_the_closest_name_only_when_one_is_close() {
    assertEquals(
        java.util.Optional.of("messages"),
        UsageErrors.closest("mesages", java.util.List.of("messages", "stream", "models")));
    assertEquals(
        java.util.Optional.of("--model"),
        UsageErrors.closest("--modle", java.util.List.of("--model", "--max-tokens")));
    assertEquals(
        java.util.Optional.empty(),
        UsageErrors.closest("frobnicate", java.util.List.of("messages", "stream", "models")));
  }
}
