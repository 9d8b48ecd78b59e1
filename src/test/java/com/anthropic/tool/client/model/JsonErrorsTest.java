package com.anthropic.tool.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON errors name the line and column of the offending character, in our own words. */
class JsonErrorsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1 \"b\":2}|line 1, column 8: expected ',' or '}'",
        "[1 2]|line 1, column 4: expected ',' or ']'",
        "{\"a\":1|line 1, column 7: unexpected end of input",
        "{a:1}|line 1, column 2: unexpected 'a' (not valid JSON here)",
        "{\"model\": x}|line 1, column 11: unexpected 'x' (not valid JSON here)",
        "{\"a\":}|line 1, column 6: expected a value",
        "{\"a\" 1}|line 1, column 6: expected ':'",
        "{\"a\":1,}|line 1, column 8: expected a name in double quotes",
        "{\"a\":1} x|line 1, column 9: unexpected 'x' (not valid JSON here)",
        "{\"a\":1} {}|line 1, column 9: unexpected '{' (not valid JSON here)",
      })
  void should_say_where_and_what_without_the_librarys_advice(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(text));
    assertEquals(message, e.getMessage());
    assertFalse(e.getMessage().contains("Strictness") || e.getMessage().contains("http"));
  }

  @org.junit.jupiter.api.Test
  void should_count_lines_in_a_multi_line_document() {
    Json.InvalidJsonException e =
        assertThrows(
            Json.InvalidJsonException.class,
            () -> Json.parseObject("{\n  \"model\": \"m\",\n  \"max_tokens\": 1 2\n}"));
    assertEquals(3, e.line());
    assertEquals(19, e.column());
    assertEquals("column 19: expected ',' or '}'", e.withoutLine());
  }

  @org.junit.jupiter.api.Test
  void should_call_empty_input_empty() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("  "));
    assertEquals("empty input, expected a JSON object", e.getMessage());
  }
}
