package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.model.FileMetadata;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageBatch;
import com.anthropic.tool.client.model.ModelInfo;
import com.anthropic.tool.client.model.Page;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.function.Function;

/**
 * The fields a caller needs from a 200 answer, checked once where the answer is read: a body of
 * another shape ({@code {"hello":1}}, a proxy's JSON) is an {@link InvalidResponseException} naming
 * what is missing, never a record of nulls that a command would print as success with nothing.
 * Fields beyond these stay optional (shown as "-" where absent).
 */
final class WireShapes {
  private WireShapes() {}

  /** A message needs its {@code content} array. */
  static Message message(JsonObject o) {
    require(o, "content", "a message", JsonElement::isJsonArray, "an array");
    return Message.fromJson(o);
  }

  /** A model needs its {@code id}. */
  static ModelInfo model(JsonObject o) {
    requireString(o, "id", "a model");
    return ModelInfo.fromJson(o);
  }

  /** A file needs its {@code id}. */
  static FileMetadata file(JsonObject o) {
    requireString(o, "id", "a file");
    return FileMetadata.fromJson(o);
  }

  /** A batch needs its {@code id} and {@code processing_status}. */
  static MessageBatch batch(JsonObject o) {
    requireString(o, "id", "a batch");
    requireString(o, "processing_status", "a batch");
    return MessageBatch.fromJson(o);
  }

  /** A page needs a {@code data} array of items of the right shape and a boolean has_more. */
  static <T> Function<JsonObject, Page<T>> page(Function<JsonObject, T> item) {
    return o -> {
      require(o, "data", "a list page", JsonElement::isJsonArray, "an array");
      JsonElement more = o.get("has_more");
      if (more != null
          && !(more.isJsonPrimitive() && more.getAsJsonPrimitive().isBoolean())
          && !more.isJsonNull()) {
        throw invalid("a list page's \"has_more\" is not true or false");
      }
      for (JsonElement e : o.getAsJsonArray("data")) {
        if (!e.isJsonObject()) {
          throw invalid("a list page's \"data\" holds something that is not an object");
        }
      }
      return Page.fromJson(o, item);
    };
  }

  private static void requireString(JsonObject o, String field, String what) {
    require(
        o,
        field,
        what,
        e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isEmpty(),
        "a string");
  }

  private static void require(
      JsonObject o,
      String field,
      String what,
      java.util.function.Predicate<JsonElement> ok,
      String shape) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      throw invalid("the answer has no \"" + field + "\"; " + what + " needs it");
    }
    if (!ok.test(e)) {
      throw invalid("\"" + field + "\" in the answer is not " + shape + "; " + what + " needs it");
    }
  }

  private static InvalidResponseException invalid(String message) {
    return new InvalidResponseException(message);
  }
}
