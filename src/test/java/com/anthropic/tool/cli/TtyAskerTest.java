package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.tools.ToolCall;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TtyAskerTest {
  private static final ToolCall CALL =
      new ToolCall("toolu_1", "rm", Json.parseObject("{\"path\":\"/tmp/x\"}"));

  private static boolean answer(String typed, StringWriter shown) throws Exception {
    try (TtyAsker a = new TtyAsker(new StringReader(typed), new PrintWriter(shown))) {
      return a.approve(CALL);
    }
  }

  @Test
  void should_show_the_call_and_run_it_only_on_y_or_yes() throws Exception {
    StringWriter shown = new StringWriter();
    assertTrue(answer("y\n", shown));
    assertEquals("run tool rm {\"path\":\"/tmp/x\"}? [y/N] ", shown.toString());
    assertTrue(answer(" YES \n", new StringWriter()));
    assertFalse(answer("\n", new StringWriter()));
    assertFalse(answer("n\n", new StringWriter()));
    assertFalse(answer("", new StringWriter()), "end of input declines");
  }
}
