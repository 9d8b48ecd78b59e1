package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolOutput;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code chat} on a terminal (issue 19, defect 6): the model's text, its thinking and a tool's
 * output are shown visibly where they enter the renderer; only our own styling is an escape
 * sequence. What is kept for the conversation is what the model wrote.
 */
class HostileChatTest {
  static final String HOSTILE =
      "a\u001b]52;c;aGVsbG8=\u0007b\u001b]0;title\u0007c\u001b[8md\u001b[2Je\u009b31mf\r\n";

  private static StreamEvent text(String t) {
    return new StreamEvent.ContentBlockDelta(0, new Delta.Text(t, new JsonObject()), null, "");
  }

  private static StreamEvent thinking(String t) {
    return new StreamEvent.ContentBlockDelta(0, new Delta.Thinking(t, new JsonObject()), null, "");
  }

  /** Control characters left once our own styles (SGR sequences we write) are taken out. */
  private static boolean hasRawControl(String s) {
    String left = s.replaceAll("\u001b\\[[0-9;]*m", "");
    return left.chars().anyMatch(c -> com.anthropic.tool.text.ControlChars.isControl((char) c));
  }

  @Test
  void should_show_the_models_text_and_thinking_visibly_on_a_terminal_and_keep_it_as_sent() {
    StringWriter screen = new StringWriter();
    PrintWriter out = new PrintWriter(screen);
    TerminalRenderer r = new TerminalRenderer(out, out, true, true, AnswerText.PLAIN, true);
    r.accept(thinking(HOSTILE));
    r.accept(text(HOSTILE));
    List<ContentBlock> kept = r.stop();

    String shown = screen.toString();
    assertFalse(hasRawControl(shown), shown);
    assertTrue(
        shown.contains("a^[]52;c;aGVsbG8=^Gb^[]0;title^Gc^[[8md^[[2Je<U+009B>31mf^M"), shown);
    assertEquals(List.of(ContentBlock.Text.of(HOSTILE)), kept, "kept as the model wrote it");
  }

  @Test
  void should_pass_the_text_as_sent_when_the_answer_goes_to_a_pipe() {
    StringWriter piped = new StringWriter();
    PrintWriter out = new PrintWriter(piped);
    TerminalRenderer r = new TerminalRenderer(out, out, false, false, AnswerText.PLAIN, false);
    r.accept(text(HOSTILE));
    r.finish();

    assertEquals(HOSTILE, piped.toString());
  }

  @Test
  void should_show_a_tools_name_input_and_output_visibly_in_the_tool_line() {
    StringWriter info = new StringWriter();
    AnswerRecorder rec = new AnswerRecorder(() -> null, new PrintWriter(info), true, true);
    JsonObject input = Json.parseObject("{\"x\":\"\u009b2J\"}");
    rec.onToolResult(new ToolCall("toolu_1", "t\u001b]0;x\u0007", input), ToolOutput.ok(HOSTILE));

    String line = info.toString();
    assertFalse(hasRawControl(line), line);
    assertTrue(line.contains("t^[]0;x^G"), line);
    assertTrue(line.contains("<U+009B>2J"), line);
    assertTrue(line.contains("a^[]52;c;aGVsbG8=^G"), line);
  }
}
