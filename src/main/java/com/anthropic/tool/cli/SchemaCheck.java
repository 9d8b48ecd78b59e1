package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.google.gson.JsonObject;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a structured answer against the JSON Schema it was asked for ({@code --schema}), locally:
 * the API guarantees the shape, but a refusal, an answer cut at max_tokens or a schema feature the
 * API ignores can still give something else, and a script should hear of it.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  /**
   * What is wrong with the answer, as one sentence naming the first failing path, or empty when it
   * matches (or the request asked for no schema).
   */
  static Optional<String> problem(MessagesRequest request, Message answer) {
    JsonObject schema = request.outputConfig() == null ? null : request.outputConfig().schema();
    if (schema == null) {
      return Optional.empty();
    }
    return problem(schema, answer.text());
  }

  /** Why the validator failed, in words of our own: never a library's class name. */
  static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the schema refers to itself without end";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank() || CLASS_NAME.matcher(m).find()) {
      return "the validator cannot use this schema";
    }
    return m.lines().findFirst().orElse(m).strip();
  }

  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*|Exception|Error:");

  static Optional<String> problem(JsonObject schema, String text) {
    if (text.isBlank()) {
      return Optional.of("the answer is empty, not JSON matching --schema");
    }
    try {
      var unused = Json.parseStrict(text); // strictly: the validator's parser is strict too
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "the answer is not JSON (" + e.getMessage() + "), so it does not match --schema");
    }
    List<Error> errors;
    try {
      Schema s =
          SchemaRegistry.withDefaultDialect(
                  SpecificationVersion.DRAFT_2020_12,
                  b ->
                      b.schemaRegistryConfig(
                          SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()))
              .getSchema(Json.write(schema), InputFormat.JSON);
      errors = s.validate(text, InputFormat.JSON);
    } catch (RuntimeException | StackOverflowError e) {
      // the answer is paid for and printed: a schema the validator cannot use is a warning
      return Optional.of("the answer could not be checked against --schema: " + reason(e));
    }
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    Error first = errors.get(0);
    return Optional.of(
        "the answer does not match --schema at "
            + first.getInstanceLocation()
            + ": "
            + first.getMessage());
  }
}
