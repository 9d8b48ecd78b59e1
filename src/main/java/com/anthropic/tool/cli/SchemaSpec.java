package com.anthropic.tool.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concise {@code --schema} syntax of CLI.md: comma-separated fields {@code name [type][:
 * description]}, types {@code str} (the default), {@code int}, {@code float}, {@code bool}. A comma
 * inside a description is kept when what follows it does not read as a field.
 *
 * <pre>
 * 'name, born int, bio: a one-line biography'
 * → {"type":"object","properties":{"name":{"type":"string"},"born":{"type":"integer"},
 *    "bio":{"type":"string","description":"a one-line biography"}},
 *    "required":["name","born","bio"],"additionalProperties":false}
 * </pre>
 */
final class SchemaSpec {
  private static final Map<String, String> TYPES =
      Map.of(
          "str", "string",
          "string", "string",
          "int", "integer",
          "integer", "integer",
          "float", "number",
          "number", "number",
          "bool", "boolean",
          "boolean", "boolean");

  private static final Pattern FIELD =
      Pattern.compile(
          "\\s*([A-Za-z_][A-Za-z0-9_-]*)(?:\\s+([A-Za-z]+))?\\s*(?::(.*))?", Pattern.DOTALL);

  private SchemaSpec() {}

  private record Field(String name, String type, StringBuilder description) {}

  /**
   * Parses a SPEC into a JSON Schema object.
   *
   * @throws CliException (exit 2) naming the part that cannot be read
   */
  static JsonObject parse(String spec) {
    List<Field> fields = new ArrayList<>();
    for (String part : spec.split(",", -1)) {
      Matcher m = FIELD.matcher(part);
      boolean isField = m.matches() && (m.group(2) == null || TYPES.containsKey(m.group(2)));
      Field last = fields.isEmpty() ? null : fields.get(fields.size() - 1);
      if (part.isBlank() && (last == null || last.description() == null)) {
        continue; // "a, b," or ", a"
      }
      if (!isField && last != null && last.description() != null) {
        last.description().append(',').append(part); // a comma inside a description
        continue;
      }
      if (!isField) {
        throw unreadable(part, m.matches() ? m.group(2) : null);
      }
      String desc = m.group(3);
      fields.add(
          new Field(
              m.group(1),
              TYPES.get(m.group(2) == null ? "str" : m.group(2)),
              desc == null ? null : new StringBuilder(desc)));
    }
    if (fields.isEmpty()) {
      throw unreadable(spec, null);
    }
    Set<String> names = new LinkedHashSet<>();
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (Field f : fields) {
      if (!names.add(f.name())) {
        throw CliException.usage("--schema: field '" + f.name() + "' is given twice");
      }
      JsonObject p = new JsonObject();
      p.addProperty("type", f.type());
      if (f.description() != null && !f.description().toString().isBlank()) {
        p.addProperty("description", f.description().toString().strip());
      }
      properties.add(f.name(), p);
      required.add(f.name());
    }
    JsonObject schema = new JsonObject();
    schema.addProperty("type", "object");
    schema.add("properties", properties);
    schema.add("required", required);
    schema.addProperty("additionalProperties", false);
    return schema;
  }

  private static CliException unreadable(String part, String type) {
    if (type != null) {
      return CliException.usage(
          "--schema: unknown type '"
              + type
              + "' in '"
              + part.strip()
              + "'; the types are str, int, float and bool");
    }
    return CliException.usage(
        "--schema: cannot read '"
            + part.strip()
            + "'; give a JSON Schema file, inline JSON, or fields such as"
            + " 'name, born int, bio: a one-line biography'");
  }
}
