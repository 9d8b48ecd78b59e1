package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
  private static String copy(String input) throws IOException {
    JsonLines lines =
        new JsonLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (lines.next()) {
      lines.writeTo(out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_drop_blank_lines_accept_crlf_and_a_last_line_without_newline() throws IOException {
    assertEquals(
        "{\"a\":1}\n{\"b\":\"é\"}\n{\"c\":3}\n",
        copy("\n{\"a\":1}\r\n\n{\"b\":\"é\"}\n  \n{\"c\":3}"));
  }

  @Test
  void should_carry_lines_longer_than_the_read_chunk() throws IOException {
    String big = "{\"t\":\"" + "x".repeat(300_000) + "\"}";
    assertEquals(big + "\n{}\n", copy(big + "\n{}\n"));
  }

  @Test
  void should_name_the_line_that_is_not_a_json_object() {
    JsonLines.MalformedLineException e =
        assertThrows(JsonLines.MalformedLineException.class, () -> copy("{}\n\nnope\n"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }
}
