package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * {@code output_config}: the shape of the answer ({@code format}) and how much effort the model
 * puts into it ({@code effort}). Either may be null.
 *
 * <pre>{@code
 * JsonObject schema = Json.parseObject(
 *     "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},"
 *         + "\"required\":[\"name\"],\"additionalProperties\":false}");
 * MessagesRequest req = MessagesRequest.builder(model, messages, 1024)
 *     .outputConfig(OutputConfig.jsonSchema(schema).withEffort("low"))
 *     .build();
 * JsonElement answer = client.messages(req).jsonOutput();
 * }</pre>
 *
 * @param format the {@code format} object as sent, e.g. {@code {"type":"json_schema","schema":…}}
 * @param effort one of {@link #EFFORTS}, or null
 */
public record OutputConfig(JsonObject format, String effort) {
  /** The effort levels the API takes, lowest first. */
  public static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

  /** A structured-output format: the answer is JSON matching {@code schema}. */
  public static OutputConfig jsonSchema(JsonObject schema) {
    Objects.requireNonNull(schema, "schema");
    JsonObject format = new JsonObject();
    format.addProperty("type", "json_schema");
    format.add("schema", schema.deepCopy());
    return new OutputConfig(format, null);
  }

  /** Only an effort level. */
  public static OutputConfig ofEffort(String effort) {
    return new OutputConfig(null, Objects.requireNonNull(effort, "effort"));
  }

  public OutputConfig withEffort(String effort) {
    return new OutputConfig(format, effort);
  }

  /** This config with a JSON Schema format instead of the current one. */
  public OutputConfig withSchema(JsonObject schema) {
    return new OutputConfig(jsonSchema(schema).format(), effort);
  }

  /** The JSON Schema of a {@code json_schema} format, or null. */
  public JsonObject schema() {
    if (format == null || !"json_schema".equals(Json.str(format, "type"))) {
      return null;
    }
    return Json.obj(format, "schema");
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    if (format != null) {
      o.add("format", format.deepCopy());
    }
    Json.put(o, "effort", effort);
    return o;
  }

  /**
   * Reads {@code output_config} as the API takes it.
   *
   * @throws IllegalArgumentException when {@code format} is not an object
   */
  public static OutputConfig fromJson(JsonObject o) {
    var f = o.get("format");
    if (f != null && !f.isJsonNull() && !f.isJsonObject()) {
      throw new IllegalArgumentException("output_config.format must be an object");
    }
    return new OutputConfig(
        f == null || f.isJsonNull() ? null : f.getAsJsonObject().deepCopy(), Json.str(o, "effort"));
  }
}
