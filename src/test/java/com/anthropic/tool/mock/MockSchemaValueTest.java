package com.anthropic.tool.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock model's deterministic answer to a schema'd request. */
class MockSchemaValueTest {
  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"name\":{\"type\":\"string\"},"
          + "\"code\":{\"type\":\"string\",\"minLength\":3},"
          + "\"day\":{\"type\":\"string\",\"format\":\"date\"},"
          + "\"born\":{\"type\":\"integer\"},"
          + "\"rank\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5},"
          + "\"score\":{\"type\":\"number\",\"exclusiveMinimum\":0.5},"
          + "\"alive\":{\"type\":\"boolean\"},"
          + "\"kind\":{\"enum\":[\"cat\",\"dog\"]},"
          + "\"v\":{\"const\":2},"
          + "\"note\":{\"type\":[\"null\",\"string\"]},"
          + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
          + "\"pair\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":2},"
          + "\"either\":{\"anyOf\":[{\"type\":\"boolean\"},{\"type\":\"string\"}]},"
          + "\"owner\":{\"$ref\":\"#/$defs/person\"}},"
          + "\"required\":[\"name\"],\"additionalProperties\":false,"
          + "\"$defs\":{\"person\":{\"type\":\"object\",\"properties\":{"
          + "\"name\":{\"type\":\"string\"},\"pets\":{\"type\":\"array\",\"minItems\":1,"
          + "\"items\":{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"}}}}},"
          + "\"required\":[\"name\",\"pets\"],\"additionalProperties\":false}}}";

  @Test
  void should_answer_the_first_enum_value_zero_empty_false_the_minimum_array_and_nested_objects() {
    JsonObject schema = Json.parseObject(SCHEMA);

    String value = Json.write(MockSchemaValue.of(schema));

    assertEquals(
        "{\"name\":\"\",\"code\":\"aaa\",\"day\":\"1970-01-01\",\"born\":0,\"rank\":1,"
            + "\"score\":1.5,\"alive\":false,\"kind\":\"cat\",\"v\":2,\"note\":\"\",\"tags\":[],"
            + "\"pair\":[0,0],\"either\":false,\"owner\":{\"name\":\"\",\"pets\":[{\"age\":0}]}}",
        value);
    assertEquals(
        List.of(),
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SCHEMA, InputFormat.JSON)
            .validate(value, InputFormat.JSON),
        "the value matches its schema");
  }

  @Test
  void should_answer_a_schemad_request_with_that_value_and_an_unschemad_one_as_before() {
    JsonObject body =
        Json.parseObject(
            "{\"model\":\"m\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"output_config\":{\"effort\":\"low\",\"format\":{\"type\":\"json_schema\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}}}}}}");

    assertEquals("{\"ok\":false}", MockMessages.answer(body).text());

    body.getAsJsonObject("output_config").remove("format");
    assertEquals("mock answer to: hi", MockMessages.answer(body).text());
  }

  @Test
  void should_reject_a_format_without_a_schema_as_the_api_would() {
    JsonObject body =
        Json.parseObject(
            "{\"model\":\"m\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"output_config\":{\"format\":{\"type\":\"json_schema\"}}}");

    MockError e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MockError.class, () -> MockMessages.answer(body));
    assertEquals(400, e.status());
  }
}
