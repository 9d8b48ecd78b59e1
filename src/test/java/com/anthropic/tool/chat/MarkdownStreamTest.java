package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class MarkdownStreamTest {
  private static final String ANSWER =
      "# Plan\n\nFirst **do** this, then `that`.\n\n- one\n- two\n  - nested\n\n"
          + "| a | b |\n|---|--:|\n| x | 10 |\n\n```java\nint x = 1; // c\n```\n"
          + "> quoted *text*\n\n---\nLast line without a newline";

  private static List<String> streamed(List<String> deltas, int width) {
    MarkdownStream s = new MarkdownStream(new MarkdownRender(false), () -> width, () -> 1000, true);
    VtScreen screen = new VtScreen(width);
    for (String d : deltas) {
      screen.write(s.feed(d));
    }
    return screen.write(s.finish()).lines();
  }

  private static List<String> rendered(String md, int width) {
    return new VtScreen(width)
        .write(String.join("\n", new MarkdownRender(false).render(md, width)))
        .lines();
  }

  @Test
  void every_split_of_the_deltas_ends_in_the_same_screen_as_the_renderer_alone() {
    for (int width : new int[] {40, 80}) {
      List<String> expected = rendered(ANSWER, width);
      assertEquals(expected, streamed(List.of(ANSWER), width), "in one delta");
      for (int i = 1; i < ANSWER.length(); i++) {
        assertEquals(
            expected,
            streamed(List.of(ANSWER.substring(0, i), ANSWER.substring(i)), width),
            "split at " + i + " (width " + width + ")");
      }
      List<String> chars = ANSWER.chars().mapToObj(c -> String.valueOf((char) c)).toList();
      assertEquals(expected, streamed(chars, width), "character by character");
    }
  }

  @Test
  void random_splits_in_many_deltas_of_a_larger_answer_end_the_same() throws IOException {
    String md =
        Files.readString(Path.of("src/test/resources/markdown/mixed.md"), StandardCharsets.UTF_8)
            + "\n"
            + Files.readString(
                Path.of("src/test/resources/markdown/wide.md"), StandardCharsets.UTF_8);
    List<String> expected = rendered(md, 80);
    Random random = new Random(23);
    for (int run = 0; run < 200; run++) {
      List<String> deltas = new java.util.ArrayList<>();
      for (int i = 0; i < md.length(); ) {
        int n = Math.min(md.length() - i, 1 + random.nextInt(12));
        deltas.add(md.substring(i, i + n));
        i += n;
      }
      assertEquals(expected, streamed(deltas, 80), "deltas " + deltas);
    }
  }

  @Test
  void an_unfinished_block_shows_plain_as_it_arrives_and_a_finished_one_is_restyled_in_place() {
    MarkdownStream s = new MarkdownStream(new MarkdownRender(false), () -> 40, () -> 24, true);
    assertEquals("Some **bo", s.feed("Some **bo"));
    assertEquals("ld** text\n", s.feed("ld** text\n"));
    assertEquals("\nNext", s.feed("\nNext"), "blocks complete at the end of a line");
    String out = s.feed("\n");
    assertTrue(out.startsWith("\n\r\u001b[3A\u001b[J"), out);
    assertTrue(out.endsWith("\nNext\n"), "the next block's text again, plain: " + out);
    assertTrue(out.contains("\u001b[1mbold"), out);
    assertFalse(out.contains("**"), out);
  }

  @Test
  void a_block_scrolled_off_the_screen_stays_plain_and_is_not_written_again() {
    MarkdownStream s = new MarkdownStream(new MarkdownRender(false), () -> 40, () -> 3, true);
    String text = "a\nb\nc\nd\n\nnext\n";
    String out = s.feed(text);
    assertEquals(text, out, "nothing rewritten");
    assertEquals(
        List.of("a", "b", "c", "d", "", "next"), new VtScreen(40).write(out + s.finish()).lines());
  }

  @Test
  void a_resize_applies_to_the_blocks_that_follow() {
    int[] width = {80};
    MarkdownStream s =
        new MarkdownStream(new MarkdownRender(false), () -> width[0], () -> 100, true);
    String para = "word ".repeat(12).strip();
    String first = s.feed(para + "\n\n");
    width[0] = 20;
    String rest = s.feed(para + "\n\n") + s.finish();
    List<String> lines = new VtScreen(20).write(first.replace(para, "") + rest).lines();
    assertTrue(lines.size() >= 4, lines.toString());
    for (String l : lines) {
      assertTrue(TextWrap.width(l) <= 20, l);
    }
  }

  @Test
  void rows_above_count_wide_characters_and_exact_fits_as_a_terminal_wraps() {
    assertEquals(0, MarkdownStream.rowsAbove("abcd", 4));
    assertEquals(1, MarkdownStream.rowsAbove("abcde", 4));
    assertEquals(1, MarkdownStream.rowsAbove("abcd\n", 4));
    assertEquals(1, MarkdownStream.rowsAbove("中文中", 4));
    assertEquals(2, MarkdownStream.rowsAbove("a中文\nx", 4));
  }

  @Test
  void words_wrap_at_spaces_with_wide_characters_measured() {
    List<AttributedString> lines = TextWrap.wrap(new AttributedString("中文 字符 测试 ok"), 6);
    assertEquals(List.of("中文", "字符", "测试", "ok"), lines.stream().map(Object::toString).toList());
    assertEquals(4, TextWrap.width("😀😀"));
  }
}
