package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --mcp "COMMAND ARGS"} is split as a shell splits words, with no shell run. */
class ShellWordsTest {
  @Test
  void should_split_on_blanks_and_keep_quoted_blanks() {
    assertEquals(
        List.of("npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp/my dir"),
        ShellWords.split("  npx -y\t@modelcontextprotocol/server-filesystem '/tmp/my dir' "));
  }

  @Test
  void should_join_adjacent_quoted_parts_and_unescape_like_a_shell() {
    assertEquals(
        List.of("a b\"c", "$HOME", "x y", ""), ShellWords.split("\"a b\\\"c\" '$HOME' x\\ y ''"));
  }

  @Test
  void should_keep_shell_syntax_as_plain_words() {
    assertEquals(
        List.of("server", "|", "tee", ">out", "*"), ShellWords.split("server | tee >out *"));
  }

  @Test
  void should_refuse_an_unclosed_quote_or_a_trailing_backslash() {
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("npx 'oops"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("npx \"oops"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("npx oops\\"));
  }
}
