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
    try (TtyAsker a =
        new TtyAsker(new StringReader(typed), new PrintWriter(shown), text -> false)) {
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

  @Test
  void should_show_the_path_after_a_long_note_and_page_the_whole_input_on_v() throws Exception {
    String note = "n".repeat(600);
    ToolCall call =
        new ToolCall(
            "toolu_1",
            "files",
            Json.parseObject("{\"note\":\"" + note + "\",\"path\":\"/home/user/.ssh\"}"));
    StringWriter shown = new StringWriter();
    java.util.List<String> paged = new java.util.ArrayList<>();
    boolean yes;
    try (TtyAsker a =
        new TtyAsker(
            new StringReader("v\ny\n"),
            new PrintWriter(shown),
            text -> {
              paged.add(text);
              return true;
            })) {
      yes = a.approve(call);
    }

    assertTrue(yes);
    String text = shown.toString();
    assertTrue(text.contains("\"path\": \"/home/user/.ssh\""), text);
    assertTrue(text.contains("(600 characters)"), text);
    assertEquals(2, text.split("run tool files\\? \\[y/N/v\\] ", -1).length - 1, text);
    assertEquals(1, paged.size());
    assertTrue(paged.get(0).contains(note), "the pager shows the whole input");
  }
}
