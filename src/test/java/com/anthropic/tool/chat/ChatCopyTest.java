package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCopyTest {
  private static final String ANSWER =
      "Try this:\n\n```sh\nls -l\n```\n\nor this:\n\n```python\nprint(\"hi\")\n```\n";

  /** A console that types the given lines and records what is written. */
  private static final class FakeConsole implements Console {
    final Deque<String> lines;
    final StringWriter screen = new StringWriter();
    final PrintWriter out = new PrintWriter(screen, true);
    final boolean terminal;

    FakeConsole(boolean terminal, String... lines) {
      this.terminal = terminal;
      this.lines = new ArrayDeque<>(List.of(lines));
    }

    @Override
    public String readMessage() {
      return lines.poll();
    }

    @Override
    public PrintWriter out() {
      return out;
    }

    @Override
    public PrintWriter info() {
      return out;
    }

    @Override
    public PrintWriter err() {
      return out;
    }

    @Override
    public boolean interactive() {
      return terminal;
    }

    @Override
    public boolean styled() {
      return terminal;
    }

    @Override
    public boolean clipboard() {
      return terminal;
    }

    @Override
    public void onInterrupt(Runnable r) {}
  }

  private static String run(FakeConsole console, String answer) {
    try (AnthropicClient client =
        AnthropicClient.builder().apiKey("k").baseUrl("http://127.0.0.1:9").build()) {
      ChatSession.Options o =
          new ChatSession.Options(
              client,
              MessagesRequest.builder("claude-test", List.of(MessageParam.user("x")), 100).build(),
              null,
              null,
              ContentBlock.Text::of,
              t -> "error: " + t.getMessage(),
              false,
              false,
              null,
              System::nanoTime,
              null,
              null);
      Conversation c =
          Conversation.start("c1", Instant.parse("2026-12-02T22:00:00Z"), "claude-test", null);
      if (answer != null) {
        c =
            c.withUser(List.of(ContentBlock.Text.of("q")))
                .withAssistant(List.of(ContentBlock.Text.of(answer)), false);
      }
      new ChatSession(o, console, c, List.of(), false).run();
      return console.screen.toString();
    }
  }

  private static String decoded(String screen) {
    int start = screen.indexOf("\u001b]52;c;");
    assertTrue(start >= 0, "no OSC 52 in: " + screen);
    int end = screen.indexOf('\u0007', start);
    return new String(
        Base64.getDecoder().decode(screen.substring(start + 7, end)), StandardCharsets.UTF_8);
  }

  @Test
  void copy_puts_the_last_answer_on_the_clipboard_with_osc_52() {
    String screen = run(new FakeConsole(true, "/copy"), ANSWER);
    assertEquals(ANSWER, decoded(screen), screen);
    assertTrue(screen.contains("copied the last answer"), screen);
  }

  @Test
  void copy_code_puts_the_last_code_block() {
    String screen = run(new FakeConsole(true, "/copy code"), ANSWER);
    assertEquals("print(\"hi\")\n", decoded(screen), screen);
  }

  @Test
  void without_a_terminal_it_says_so_and_writes_no_escape_sequence() {
    String screen = run(new FakeConsole(false, "/copy"), ANSWER);
    assertFalse(screen.contains("\u001b"), screen);
    assertTrue(screen.contains("/copy needs a terminal"), screen);
  }

  @Test
  void nothing_to_copy_is_said() {
    assertTrue(run(new FakeConsole(true, "/copy"), null).contains("no answer yet"));
    String screen = run(new FakeConsole(true, "/copy code"), "no code here");
    assertTrue(screen.contains("has no code block"), screen);
    assertFalse(screen.contains("\u001b]52"), screen);
  }
}
