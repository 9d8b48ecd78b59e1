package com.anthropic.tool.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * The mock model's answer to a request with {@code output_config.format}: a JSON value that matches
 * the schema, the same every time. The first {@code const}/{@code enum} value, 0 (or the minimum),
 * {@code ""} (or as many {@code a}s as {@code minLength}), false, the shortest array {@code
 * minItems} allows, every property of an object, the first branch of {@code anyOf}/{@code oneOf},
 * local {@code $ref}s followed.
 */
final class MockSchemaValue {
  private static final int MAX_DEPTH = 32;
  private static final Map<String, String> FORMATS =
      Map.of(
          "date-time", "1970-01-01T00:00:00Z",
          "date", "1970-01-01",
          "time", "00:00:00Z",
          "email", "user@example.com",
          "uri", "https://example.com/",
          "uuid", "00000000-0000-0000-0000-000000000000",
          "ipv4", "127.0.0.1");

  private final JsonObject root;

  private MockSchemaValue(JsonObject root) {
    this.root = root;
  }

  /** A value matching {@code schema}. */
  static JsonElement of(JsonObject schema) {
    return new MockSchemaValue(schema).value(schema, 0);
  }

  private JsonElement value(JsonElement schemaElement, int depth) {
    if (depth > MAX_DEPTH || schemaElement == null || !schemaElement.isJsonObject()) {
      return JsonNull.INSTANCE;
    }
    JsonObject s = schemaElement.getAsJsonObject();
    if (s.has("$ref")) {
      return value(resolve(s.get("$ref").getAsString()), depth + 1);
    }
    if (s.has("const")) {
      return s.get("const").deepCopy();
    }
    JsonArray choices = array(s, "enum");
    if (choices != null && !choices.isEmpty()) {
      return choices.get(0).deepCopy();
    }
    for (String branch : new String[] {"anyOf", "oneOf", "allOf"}) {
      JsonArray options = array(s, branch);
      if (options != null && !options.isEmpty()) {
        return value(options.get(0), depth + 1);
      }
    }
    String type = type(s);
    return switch (type) {
      case "object" -> object(s, depth);
      case "array" -> array(s, depth);
      case "string" -> string(s);
      case "integer" -> new JsonPrimitive((long) Math.ceil(number(s)));
      case "number" -> new JsonPrimitive(number(s));
      case "boolean" -> new JsonPrimitive(false);
      default -> JsonNull.INSTANCE;
    };
  }

  private JsonObject object(JsonObject s, int depth) {
    JsonObject o = new JsonObject();
    JsonElement props = s.get("properties");
    if (props != null && props.isJsonObject()) {
      for (Map.Entry<String, JsonElement> p : props.getAsJsonObject().entrySet()) {
        o.add(p.getKey(), value(p.getValue(), depth + 1));
      }
    }
    return o;
  }

  private JsonArray array(JsonObject s, int depth) {
    JsonArray a = new JsonArray();
    int min = s.has("minItems") ? s.get("minItems").getAsInt() : 0;
    JsonArray prefix = array(s, "prefixItems");
    for (int i = 0; i < min; i++) {
      a.add(value(prefix != null && i < prefix.size() ? prefix.get(i) : s.get("items"), depth + 1));
    }
    return a;
  }

  private static JsonPrimitive string(JsonObject s) {
    String format = s.has("format") ? s.get("format").getAsString() : null;
    if (format != null && FORMATS.containsKey(format)) {
      return new JsonPrimitive(FORMATS.get(format));
    }
    int min = s.has("minLength") ? s.get("minLength").getAsInt() : 0;
    return new JsonPrimitive("a".repeat(Math.max(0, min)));
  }

  /** 0, moved into [minimum, maximum] (an exclusive minimum moves it one past). */
  private static double number(JsonObject s) {
    double v = 0;
    if (s.has("minimum") && v < s.get("minimum").getAsDouble()) {
      v = s.get("minimum").getAsDouble();
    }
    if (s.has("exclusiveMinimum") && v <= s.get("exclusiveMinimum").getAsDouble()) {
      v = s.get("exclusiveMinimum").getAsDouble() + 1;
    }
    if (s.has("maximum") && v > s.get("maximum").getAsDouble()) {
      v = s.get("maximum").getAsDouble();
    }
    if (s.has("exclusiveMaximum") && v >= s.get("exclusiveMaximum").getAsDouble()) {
      v = s.get("exclusiveMaximum").getAsDouble() - 1;
    }
    return v;
  }

  private static String type(JsonObject s) {
    JsonElement t = s.get("type");
    if (t != null && t.isJsonPrimitive()) {
      return t.getAsString();
    }
    if (t != null && t.isJsonArray()) {
      for (JsonElement e : t.getAsJsonArray()) {
        if (!"null".equals(e.getAsString())) {
          return e.getAsString();
        }
      }
      return "null";
    }
    return s.has("properties") ? "object" : s.has("items") ? "array" : "null";
  }

  /** A local reference such as {@code #/$defs/Person}; anything else resolves to nothing. */
  private JsonElement resolve(String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    JsonElement at = root;
    for (String part : ref.substring(1).split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String key = part.replace("~1", "/").replace("~0", "~");
      if (at == null || !at.isJsonObject()) {
        return null;
      }
      at = at.getAsJsonObject().get(key);
    }
    return at;
  }

  private static JsonArray array(JsonObject s, String key) {
    JsonElement e = s.get(key);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
  }
}
