package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code keys set} stores only keys that can go out as they are: printable ASCII, one line. */
class KeysSetTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-ant-a\u0000b\n",
        "sk-ant-\u001b[8mhidden\n",
        "sk-ant-caf\u00e9\n",
        "sk-ant-\u009bx\n",
        "sk-ant-\u007fx\n",
        "sk-ant-first\nsk-ant-second\n"
      })
  void should_refuse_a_key_with_control_or_non_ascii_characters_or_two_lines(String stdin) {
    CommandHarness.Result r =
        new CommandHarness()
            .env("XDG_CONFIG_HOME", home.toString())
            .stdin(stdin)
            .run("keys", "set");

    assertEquals(2, r.exitCode(), r.describe());
    assertEquals("", r.out(), r.describe());
    String[] lines = r.err().split("\n");
    assertEquals(1, lines.length, r.describe());
    assertTrue(lines[0].startsWith("error: invalid_input: an API key is "), r.describe());
    assertTrue(lines[0].endsWith("nothing was stored"), r.describe());
    assertFalse(r.err().contains("\u001b"), r.describe());
    assertFalse(
        Files.exists(home.resolve("anthropic-cli/config.properties")),
        "nothing stored: " + r.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-ant-api03-AZaz09_-\n", "sk-ant-api03-AZaz09_-\n\n  \n"})
  void should_store_a_printable_ascii_key_given_on_one_line(String stdin) throws Exception {
    CommandHarness.Result r =
        new CommandHarness()
            .env("XDG_CONFIG_HOME", home.toString())
            .stdin(stdin)
            .run("keys", "set");

    assertEquals(0, r.exitCode(), r.describe());
    String config = Files.readString(home.resolve("anthropic-cli/config.properties"));
    assertTrue(config.contains("api-key=sk-ant-api03-AZaz09_-"), config);
  }
}
