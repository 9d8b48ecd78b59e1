package com.anthropic.tool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {
  @Test
  void should_read_back_what_it_writes_multi_line_and_repeated_values_included() {
    Map<String, List<String>> options = new LinkedHashMap<>();
    options.put("model", List.of("haiku"));
    options.put("stop", List.of("END", " padded "));
    options.put("system", List.of("line one\n\n  indented\nlast"));
    options.put("prompt", List.of("Summarize:\n$input"));
    options.put("cache", List.of("true"));

    String text = TemplateText.format("t", options);

    assertTrue(text.contains("prompt: |\n  Summarize:\n  $input\n"), text);
    assertEquals(options, TemplateText.parse(text), text);
  }

  @Test
  void should_read_a_hand_written_file_with_comments_and_blank_lines() {
    String text = "# mine\n\nmodel: opus   \nprompt: |\n  a\n\n  b\n\n\ntemperature: 0.5\n";

    Map<String, List<String>> parsed = TemplateText.parse(text);

    assertEquals(
        Map.of(
            "model", List.of("opus"), "prompt", List.of("a\n\nb"), "temperature", List.of("0.5")),
        parsed);
  }

  @Test
  void should_name_the_line_that_is_not_an_option() {
    var e =
        assertThrows(
            TemplateText.BadTemplateException.class,
            () -> TemplateText.parse("model: x\n  stray\n"));
    assertEquals(
        "line 2: expected 'name: value' (an option's long name without its dashes)",
        e.getMessage());
  }
}
