package com.anthropic.tool.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Keeps a {@code --schema} to itself: a reference to anything outside the schema ({@code
 * "$ref":"https://…"}, {@code "other.json"}) is refused before anything is sent, so checking the
 * answer never fetches a URL or reads a file the schema names.
 */
final class SchemaRefs {
  private static final java.util.Set<String> REFS =
      java.util.Set.of("$ref", "$dynamicRef", "$recursiveRef");

  private SchemaRefs() {}

  /**
   * The schema, when each of its references points inside it ({@code #…}).
   *
   * @throws CliException exit 2 naming the first reference that does not
   */
  static JsonObject local(JsonObject schema) {
    Deque<JsonElement> todo = new ArrayDeque<>();
    todo.push(schema);
    while (!todo.isEmpty()) {
      JsonElement e = todo.pop();
      if (e instanceof JsonArray a) {
        a.forEach(todo::push);
      } else if (e instanceof JsonObject o) {
        for (Map.Entry<String, JsonElement> f : o.entrySet()) {
          if (REFS.contains(f.getKey()) && isRemote(f.getValue())) {
            throw CliException.usage(
                "--schema: the reference "
                    + f.getKey()
                    + " \""
                    + com.anthropic.tool.text.ControlChars.visible(f.getValue().getAsString())
                    + "\" points outside the schema; only references inside it (\"#/$defs/…\")"
                    + " are allowed");
          }
          todo.push(f.getValue());
        }
      }
    }
    return schema;
  }

  private static boolean isRemote(JsonElement ref) {
    return ref.isJsonPrimitive()
        && ref.getAsJsonPrimitive().isString()
        && !ref.getAsString().startsWith("#");
  }
}
