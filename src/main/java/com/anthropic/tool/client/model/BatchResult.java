package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One line of a batch's results file: the request's {@code custom_id} and what happened to it.
 * Every variant keeps the line as the API sent it in {@link #raw()}.
 *
 * <pre>{@code
 * try (BatchResults results = client.batches().results(batchId)) {
 *   for (BatchResult r : results) {
 *     if (r instanceof BatchResult.Succeeded s) {
 *       out.println(s.customId() + "\t" + s.message().text());
 *     }
 *   }
 * }
 * }</pre>
 */
public sealed interface BatchResult {
  String customId();

  /** The result type as the API names it: succeeded, errored, canceled, expired (or unknown). */
  String type();

  /** The whole line as a JSON object, unchanged. */
  JsonObject raw();

  /** The request produced a message. */
  record Succeeded(String customId, Message message, JsonObject raw) implements BatchResult {
    @Override
    public String type() {
      return "succeeded";
    }
  }

  /**
   * The request failed; {@code error} is the API's error response ({@code {"type":"error",
   * "error":{"type":..,"message":..}}}).
   */
  record Errored(String customId, JsonObject error, JsonObject raw) implements BatchResult {
    @Override
    public String type() {
      return "errored";
    }

    /** The inner error type, e.g. {@code invalid_request_error}, or null. */
    public String errorType() {
      JsonObject inner = error == null ? null : Json.obj(error, "error");
      return inner == null ? null : Json.str(inner, "type");
    }

    /** The inner error message, or null. */
    public String errorMessage() {
      JsonObject inner = error == null ? null : Json.obj(error, "error");
      return inner == null ? null : Json.str(inner, "message");
    }
  }

  /** The batch was canceled before this request ran. */
  record Canceled(String customId, JsonObject raw) implements BatchResult {
    @Override
    public String type() {
      return "canceled";
    }
  }

  /** The batch expired before this request ran. */
  record Expired(String customId, JsonObject raw) implements BatchResult {
    @Override
    public String type() {
      return "expired";
    }
  }

  /** A result type this library does not know yet. */
  record Unknown(String customId, String type, JsonObject raw) implements BatchResult {}

  /**
   * Reads one results line.
   *
   * @throws IllegalArgumentException when it has no {@code result} object
   */
  static BatchResult fromJson(JsonObject o) {
    Objects.requireNonNull(o, "o");
    String id = Json.str(o, "custom_id");
    JsonObject result = Json.obj(o, "result");
    if (result == null) {
      throw new IllegalArgumentException("result line has no result object");
    }
    String type = Json.str(result, "type");
    if (type == null) {
      throw new IllegalArgumentException("result has no type");
    }
    switch (type) {
      case "succeeded":
        JsonObject m = Json.obj(result, "message");
        if (m == null) {
          throw new IllegalArgumentException("succeeded result has no message");
        }
        return new Succeeded(id, Message.fromJson(m), o);
      case "errored":
        return new Errored(id, Json.obj(result, "error"), o);
      case "canceled":
        return new Canceled(id, o);
      case "expired":
        return new Expired(id, o);
      default:
        return new Unknown(id, type, o);
    }
  }
}
