package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownStylerTest {
  private static final String B = MarkdownStyler.BOLD;
  private static final String N = MarkdownStyler.NORMAL;
  private static final String C = MarkdownStyler.CODE;
  private static final String F = MarkdownStyler.DEFAULT_FG;
  private static final String D = MarkdownStyler.DIM;

  private static final String SAMPLE =
      "# Title\nSome **bold** and `code` here, a * star, 2*3.\n"
          + "```java\nint x = 2 * 3; // **not bold**\n```\n## Next\n#hashtag\n  indented `x`\n"
          + "unclosed **bold\nand `code\nend";

  static String strip(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  private static String whole(String text) {
    MarkdownStyler s = new MarkdownStyler(true);
    return s.feed(text) + s.finish();
  }

  private static String byChar(String text) {
    MarkdownStyler s = new MarkdownStyler(true);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      sb.append(s.feed(String.valueOf(text.charAt(i))));
    }
    return sb.append(s.finish()).toString();
  }

  @Test
  void should_never_change_the_characters() {
    assertEquals(SAMPLE, strip(whole(SAMPLE)));
    assertEquals(SAMPLE, strip(byChar(SAMPLE)));
  }

  @Test
  void should_style_the_same_however_the_text_is_split() {
    assertEquals(whole(SAMPLE), byChar(SAMPLE));
  }

  @Test
  void should_style_headings_bold_inline_code_and_fenced_blocks() {
    assertEquals(B + "# Title" + N + "\n", whole("# Title\n"));
    assertEquals("a " + B + "**b**" + N + " c\n", whole("a **b** c\n"));
    assertEquals("a " + C + "`x`" + F + " c\n", whole("a `x` c\n"));
    assertEquals(
        D + "```sh" + N + "\n" + C + "ls **x**" + F + "\n" + D + "```" + N + "\nafter\n",
        whole("```sh\nls **x**\n```\nafter\n"));
  }

  @Test
  void should_end_every_style_at_the_end_of_its_line() {
    assertEquals("x " + B + "**open" + N + "\nnext\n", whole("x **open\nnext\n"));
    assertEquals("#tag\n", whole("#tag\n"));
    assertEquals("2*3\n", whole("2*3\n"));
  }

  @Test
  void should_pass_text_through_unchanged_when_off() {
    MarkdownStyler off = new MarkdownStyler(false);
    assertEquals(SAMPLE, off.feed(SAMPLE) + off.finish());
  }
}
