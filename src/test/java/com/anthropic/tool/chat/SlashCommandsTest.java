package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {
  @Test
  void should_parse_a_command_and_its_argument() {
    assertEquals(
        new SlashCommands.Command("model", "claude-opus-4-5"),
        SlashCommands.parse("/model   claude-opus-4-5 "));
    assertEquals(
        new SlashCommands.Command("system", "Be brief.  Really."),
        SlashCommands.parse("/system Be brief.  Really."));
    assertEquals(new SlashCommands.Command("exit", ""), SlashCommands.parse("/exit"));
  }

  @Test
  void should_accept_a_unique_prefix_and_the_usual_aliases() {
    assertEquals(new SlashCommands.Command("model", "x"), SlashCommands.parse("/mo x"));
    assertEquals(new SlashCommands.Command("exit", ""), SlashCommands.parse("/quit"));
    assertEquals(new SlashCommands.Command("help", ""), SlashCommands.parse("/?"));
  }

  @Test
  void should_suggest_the_closest_command_for_an_unknown_one() {
    SlashCommands.Parsed p = SlashCommands.parse("/modle gpt");
    assertEquals(new SlashCommands.Unknown("modle", Optional.of("model")), p);
    assertEquals(
        "unknown command /modle; did you mean /model?", ((SlashCommands.Unknown) p).message());
    assertEquals(Optional.of("usage"), SlashCommands.suggest("usgae"));
    assertEquals(Optional.of("retry"), SlashCommands.suggest("rety"));
  }

  @Test
  void should_not_suggest_anything_far_away() {
    SlashCommands.Parsed p = SlashCommands.parse("/frobnicate");
    assertEquals(
        "unknown command /frobnicate; /help lists them", ((SlashCommands.Unknown) p).message());
  }

  @Test
  void should_treat_a_double_slash_as_a_message_starting_with_a_slash() {
    assertFalse(SlashCommands.isCommand("//etc/hosts is a file"));
    assertEquals("/etc/hosts is a file", SlashCommands.messageText("//etc/hosts is a file"));
    assertTrue(SlashCommands.isCommand("/help"));
  }

  @Test
  void should_list_every_command_in_help() {
    String help = SlashCommands.help();
    for (SlashCommands.Spec s : SlashCommands.ALL) {
      assertTrue(help.contains("/" + s.name()), s.name());
    }
  }
}
