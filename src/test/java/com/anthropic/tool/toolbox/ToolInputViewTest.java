package com.anthropic.tool.toolbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** What --approve shows of a tool's input: every field, long strings shortened in the middle. */
class ToolInputViewTest {
  @Test
  void should_show_every_field_of_an_input_with_a_long_string_before_the_path() {
    String note = "a".repeat(200) + "MIDDLE".repeat(50) + "z".repeat(200);
    JsonObject input = new JsonObject();
    input.addProperty("note", note);
    input.addProperty("path", "/home/user/.ssh");

    ToolInputView v = ToolInputView.of(input);
    String body = v.body("files");

    assertTrue(body.contains("\"path\": \"/home/user/.ssh\""), body);
    assertTrue(
        body.contains(
            "\"note\": \""
                + "a".repeat(200)
                + " … "
                + "z".repeat(200)
                + "\" ("
                + note.length()
                + " characters)"),
        body);
    assertFalse(body.contains("MIDDLE"), body);
    assertTrue(v.shortened());
    assertEquals("run tool files? [y/N/v] ", v.prompt("files"));
    assertTrue(v.full().contains(note), "the pager gets the whole input");
  }

  @Test
  void should_keep_a_small_input_on_the_questions_line() {
    ToolInputView v = ToolInputView.of(Json.parseObject("{\"path\":\"/tmp/x\"}"));

    assertEquals("", v.body("rm"));
    assertEquals("run tool rm {\"path\":\"/tmp/x\"}? [y/N] ", v.prompt("rm"));
    assertEquals(ToolInputView.Answer.NO, v.answer("v"), "v is offered only when needed");
    assertEquals(ToolInputView.Answer.YES, v.answer(" Yes "));
    assertEquals(ToolInputView.Answer.NO, v.answer(null));
  }

  @Test
  void should_say_so_when_the_input_is_very_large_and_offer_the_pager() {
    JsonObject input = new JsonObject();
    JsonArray items = new JsonArray();
    for (int i = 0; i < 150; i++) {
      items.add("item " + i);
    }
    input.add("items", items);
    input.addProperty("last", "shown too");

    ToolInputView v = ToolInputView.of(input);
    String body = v.body("bulk");

    assertTrue(v.lines() > ToolInputView.MANY_LINES);
    assertTrue(body.contains("(the input is " + v.lines() + " lines long: v views it all"), body);
    assertTrue(body.contains("\"item 149\""), "never a field left out");
    assertTrue(body.contains("\"last\": \"shown too\""), body);
    assertEquals(ToolInputView.Answer.VIEW, v.answer("v"));
  }

  @Test
  void should_show_control_characters_visibly_in_names_keys_and_values() {
    JsonObject input = new JsonObject();
    input.addProperty("k\u009b", "x".repeat(500) + "\u001b]52;c;AAAA\u0007");

    ToolInputView v = ToolInputView.of(input);
    String all = v.body("t\u001b[8m") + v.prompt("t\u001b[8m") + v.full();

    assertFalse(all.chars().anyMatch(c -> c == 0x1b || c == 0x9b || c == 0x07), all);
    assertTrue(all.contains("t^[[8m"), all);
  }
}
