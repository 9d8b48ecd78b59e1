package com.anthropic.tool.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ControlCharsTest {
  @Test
  void should_show_escape_sequences_visibly() {
    assertEquals("^[]52;c;aGk=^G", ControlChars.visible("\u001b]52;c;aGk=\u0007"));
    assertEquals("^[]0;title^[\\", ControlChars.visible("\u001b]0;title\u001b\\"));
    assertEquals("^[[8mhidden", ControlChars.visible("\u001b[8mhidden"));
  }

  @Test
  void should_keep_newline_and_tab_and_show_carriage_return_and_nul() {
    assertEquals("a\tb\nc^Md^@", ControlChars.visible("a\tb\nc\rd\u0000"));
  }

  @Test
  void should_show_del_and_c1_controls() {
    assertEquals("x^?y<U+009B>31m<U+0085>", ControlChars.visible("x\u007fy\u009b31m\u0085"));
  }

  @Test
  void should_return_plain_text_unchanged_including_non_ascii() {
    String s = "héllo 世界 👋 — ok";
    assertSame(s, ControlChars.visible(s));
    assertEquals(null, ControlChars.visible(null));
  }

  @Test
  void should_give_the_same_result_delta_by_delta() {
    String text = "a\u001b[31mb\u009bc\r\n";
    StringBuilder pieces = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      ControlChars.appendVisible(pieces, text.substring(i, i + 1));
    }
    assertEquals(ControlChars.visible(text), pieces.toString());
  }
}
