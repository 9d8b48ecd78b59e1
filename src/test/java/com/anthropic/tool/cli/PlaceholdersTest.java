package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  @Test
  void should_find_names_in_both_forms_and_leave_other_dollars_alone() {
    assertEquals(
        List.of("a", "b_2", "input"),
        List.copyOf(Placeholders.names("$a ${b_2} $5 $ $$c ${ $input $a")));
  }

  @Test
  void should_fill_in_one_pass_never_reading_a_value_for_placeholders() {
    assertEquals(
        "x=$b y $5 $", Placeholders.fill("x=$a ${b} $5 $$", Map.of("a", "$b", "b", "y"), "t"));
  }

  @Test
  void should_name_the_missing_placeholder() {
    CliException e =
        assertThrows(CliException.class, () -> Placeholders.fill("$a $input", Map.of(), "t"));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertEquals("template t: nothing fills $a (give -p a VALUE)", e.getMessage());
  }
}
