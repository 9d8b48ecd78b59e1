package com.anthropic.tool.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.error.InvalidResponseException;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** output_config, adaptive thinking, and reading a schema'd answer, on the library side. */
class OutputConfigTest {
  private static final JsonObject SCHEMA =
      Json.parseObject(
          "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
              + "\"born\":{\"type\":\"integer\"}},\"required\":[\"name\",\"born\"],"
              + "\"additionalProperties\":false}");

  private static MessagesRequest.Builder request() {
    return MessagesRequest.builder("claude-sonnet-4-6", List.of(MessageParam.user("Who?")), 512);
  }

  @Test
  void should_write_format_and_effort_into_the_request_body() {
    MessagesRequest r =
        request()
            .outputConfig(OutputConfig.jsonSchema(SCHEMA).withEffort("high"))
            .thinking(ThinkingConfig.adaptive())
            .build();

    JsonObject body = r.toJson();

    assertEquals(
        Json.parseObject(
            "{\"format\":{\"type\":\"json_schema\",\"schema\":"
                + Json.write(SCHEMA)
                + "},\"effort\":\"high\"}"),
        body.getAsJsonObject("output_config"));
    assertEquals(Json.parseObject("{\"type\":\"adaptive\"}"), body.getAsJsonObject("thinking"));
  }

  @Test
  void should_read_output_config_back_from_a_request_body() {
    JsonObject body = request().outputConfig(OutputConfig.jsonSchema(SCHEMA)).build().toJson();

    MessagesRequest back = MessagesRequest.fromJson(body).build();

    assertEquals(SCHEMA, back.outputConfig().schema());
    assertEquals(body, back.toJson());
    assertTrue(back.extra().entrySet().isEmpty(), "output_config is modelled, not extra");
  }

  @Test
  void should_refuse_an_unknown_effort_naming_the_levels() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> request().outputConfig(OutputConfig.ofEffort("extreme")).build());
    assertTrue(e.getMessage().contains("low, medium, high, xhigh, max"), e.getMessage());
  }

  record Person(String name, int born) {}

  private static Message answer(String text) {
    return Message.fromJson(
        Json.parseObject(
            "{\"id\":\"m\",\"role\":\"assistant\",\"stop_reason\":\"end_turn\",\"content\":"
                + "[{\"type\":\"text\",\"text\":"
                + new com.google.gson.JsonPrimitive(text)
                + "}]}"));
  }

  @Test
  void should_parse_a_schemad_answer_into_a_tree_and_into_a_callers_class() {
    Message m = answer("{\"name\":\"Ada\",\"born\":1815}");

    assertEquals("Ada", m.jsonOutput().getAsJsonObject().get("name").getAsString());
    assertEquals(new Person("Ada", 1815), m.jsonOutput(Person.class));
  }

  @Test
  void should_say_when_the_answer_is_not_json_or_does_not_fit_the_class() {
    InvalidResponseException notJson =
        assertThrows(InvalidResponseException.class, () -> answer("I can't.").jsonOutput());
    assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
    assertThrows(InvalidResponseException.class, () -> answer("").jsonOutput());

    InvalidResponseException misfit =
        assertThrows(
            InvalidResponseException.class,
            () -> answer("{\"name\":\"Ada\",\"born\":\"long ago\"}").jsonOutput(Person.class));
    assertTrue(misfit.getMessage().contains("Person"), misfit.getMessage());
  }
}
