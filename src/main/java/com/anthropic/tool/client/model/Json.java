package com.anthropic.tool.client.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** Small JSON helpers over Gson's tree model (no reflection). */
public final class Json {
  private static final Gson COMPACT =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Json() {}

  /** Compact JSON, nulls kept, no HTML escaping. */
  public static String write(JsonElement e) {
    return COMPACT.toJson(e);
  }

  /** Parses an object, or throws IllegalArgumentException naming what was wrong. */
  public static JsonObject parseObject(String text) {
    JsonElement e;
    try {
      e = JsonParser.parseString(text);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("invalid JSON: " + rootMessage(ex), ex);
    }
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return e.getAsJsonObject();
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return String.valueOf(c.getMessage());
  }

  public static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }

  public static Integer integer(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsInt();
  }

  public static Long longValue(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsLong();
  }

  public static Double number(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsDouble();
  }

  public static Boolean bool(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsBoolean();
  }

  public static JsonObject obj(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || !e.isJsonObject() ? null : e.getAsJsonObject();
  }

  public static JsonArray arr(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || !e.isJsonArray() ? null : e.getAsJsonArray();
  }

  /** Sets key to value when value is not null. */
  static void put(JsonObject o, String key, String value) {
    if (value != null) {
      o.add(key, new JsonPrimitive(value));
    }
  }

  static void put(JsonObject o, String key, Number value) {
    if (value != null) {
      o.add(key, new JsonPrimitive(value));
    }
  }

  static void put(JsonObject o, String key, Boolean value) {
    if (value != null) {
      o.add(key, new JsonPrimitive(value));
    }
  }

  static void put(JsonObject o, String key, JsonElement value) {
    if (value != null) {
      o.add(key, value);
    }
  }

  /** A deep copy of raw, or a fresh object when raw is null. */
  static JsonObject base(JsonObject raw) {
    return raw == null ? new JsonObject() : raw.deepCopy();
  }
}
