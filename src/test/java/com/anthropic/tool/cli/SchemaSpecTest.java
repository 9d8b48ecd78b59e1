package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.anthropic.tool.client.model.Json;
import org.junit.jupiter.api.Test;

/** The concise {@code --schema} SPEC of CLI.md. */
class SchemaSpecTest {
  @Test
  void should_read_the_example_of_the_contract() {
    assertEquals(
        Json.parseObject(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"born\":{\"type\":\"integer\"},\"bio\":{\"type\":\"string\","
                + "\"description\":\"a one-line biography\"}},"
                + "\"required\":[\"name\",\"born\",\"bio\"],\"additionalProperties\":false}"),
        SchemaSpec.parse("name, born int, bio: a one-line biography"));
  }

  @Test
  void should_read_every_type_with_a_description_and_keep_field_order() {
    assertEquals(
        Json.parseObject(StructuredOutputCommandTest.EVERY_TYPE_SCHEMA),
        SchemaSpec.parse(
            "name str,born int,height float:in metres,  alive bool ,"
                + "bio: a one-line biography, in English"));
  }

  @Test
  void should_skip_empty_fields_but_refuse_unknown_types_bad_names_and_repeats() {
    assertEquals(SchemaSpec.parse("a, b"), SchemaSpec.parse("a, b,"));
    assertThrows(CliException.class, () -> SchemaSpec.parse("born integr"));
    assertThrows(CliException.class, () -> SchemaSpec.parse("9lives"));
    assertThrows(CliException.class, () -> SchemaSpec.parse("a int, a"));
    assertThrows(CliException.class, () -> SchemaSpec.parse(""));
  }
}
