package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.tools.ToolCall;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How tool-loop's live text and what is shown around a tool call share one terminal. */
class ToolLoopRendererTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private ToolLoopRenderer renderer(boolean stdoutIsTerminal, boolean approve) {
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    return new ToolLoopRenderer(
        o,
        e,
        Style.plain(),
        stdoutIsTerminal,
        new MessageOutput(o, e, Style.plain(), stdoutIsTerminal),
        "text",
        false,
        false,
        approve,
        () -> {});
  }

  private static void roundThatCallsATool(ToolLoopRenderer r) {
    r.onEvent(
        new StreamEvent.ContentBlockDelta(
            0, new Delta.Text("mock calls weather", new JsonObject()), new JsonObject(), "{}"));
    r.onMessage(
        Message.fromJson(
            Json.parseObject(
                "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\","
                    + "\"content\":[],\"stop_reason\":\"tool_use\",\"usage\":{}}")),
        1);
    r.onToolCall(new ToolCall("toolu_1", "weather", Json.parseObject("{\"city\":\"Paris\"}")));
  }

  @Test
  void should_end_the_text_line_on_a_terminal_before_approve_asks() {
    ToolLoopRenderer r = renderer(true, true);

    roundThatCallsATool(r);

    assertEquals("mock calls weather\n", out.toString());
  }

  @Test
  void should_leave_the_text_as_it_is_when_nothing_asks_or_stdout_is_a_pipe() {
    roundThatCallsATool(renderer(true, false));
    assertEquals("mock calls weather", out.toString());
    out.getBuffer().setLength(0);

    roundThatCallsATool(renderer(false, true));
    assertEquals("mock calls weather", out.toString());
  }
}
