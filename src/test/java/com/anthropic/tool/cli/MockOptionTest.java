package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --mock}: a fresh clone with no key gets canned answers from an in-process mock. */
class MockOptionTest {
  @Test
  void messages_answers_without_a_key_and_says_the_answers_are_canned() {
    // a real base URL in the environment is not used: nothing leaves the machine
    CommandHarness.Result r =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", "http://192.0.2.1:1")
            .run("--mock", "messages", "Hello");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("mock answer to: Hello", r.out().strip(), r.describe());
    assertTrue(r.err().startsWith("note: --mock: the answers are canned"), r.describe());
  }

  @Test
  void the_option_also_works_after_the_command_and_with_stream_and_models() {
    CommandHarness.Result s = new CommandHarness().run("stream", "--mock", "hi", "there");
    assertEquals(0, s.exitCode(), s.describe());
    assertTrue(s.out().contains("mock answer to: hi there"), s.describe());
    CommandHarness.Result m = new CommandHarness().run("--mock", "models", "list");
    assertEquals(0, m.exitCode(), m.describe());
    assertFalse(m.out().isBlank(), m.describe());
  }

  @Test
  void the_mock_answers_with_the_text_given_in_the_custom_headers() {
    // ANTHROPIC_CUSTOM_HEADERS is how a user tells the in-process mock what to answer
    CommandHarness.Result r =
        new CommandHarness()
            .env("ANTHROPIC_CUSTOM_HEADERS", "x-mock-text: # Title\\n\\n- one")
            .run("--mock", "messages", "hi");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("# Title\n\n- one", r.out(), r.describe());
  }
}
