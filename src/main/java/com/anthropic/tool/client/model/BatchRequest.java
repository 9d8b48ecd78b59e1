package com.anthropic.tool.client.model;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One request of a batch: a {@code custom_id} and the Messages API parameters, held as compact JSON
 * so that large batches stay cheap.
 *
 * <pre>{@code
 * BatchRequest r = BatchRequest.of("line-1",
 *     MessagesRequest.builder("claude-sonnet-4-6", List.of(MessageParam.user("Hi")), 256).build());
 * }</pre>
 */
public record BatchRequest(String customId, String paramsJson) {
  /** The API's rule for custom ids. */
  public static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  public BatchRequest {
    checkCustomId(customId);
    Objects.requireNonNull(paramsJson, "paramsJson");
  }

  /** A request from a built (validated) messages request; streaming is not allowed in a batch. */
  public static BatchRequest of(String customId, MessagesRequest params) {
    Objects.requireNonNull(params, "params");
    if (params.stream()) {
      throw new InvalidRequestException("params.stream must not be true in a batch request");
    }
    return new BatchRequest(customId, Json.write(params.toJson()));
  }

  /** A request from raw params, sent as given (validate them first, e.g. with MessagesRequest). */
  public static BatchRequest of(String customId, JsonObject params) {
    return new BatchRequest(customId, Json.write(Objects.requireNonNull(params, "params")));
  }

  /**
   * Checks a custom id: 1 to 64 characters of {@code [a-zA-Z0-9_-]}.
   *
   * @throws InvalidRequestException naming what is wrong
   */
  public static void checkCustomId(String customId) {
    if (customId == null || customId.isEmpty()) {
      throw new InvalidRequestException("custom_id must not be empty");
    }
    if (customId.length() > 64) {
      throw new InvalidRequestException(
          "custom_id must be at most 64 characters, got " + customId.length());
    }
    if (!CUSTOM_ID.matcher(customId).matches()) {
      throw new InvalidRequestException(
          "custom_id may contain only letters, digits, _ and -, got '" + customId + "'");
    }
  }

  /** This request as a JSON text, {@code {"custom_id":..,"params":{..}}}. */
  public String toJsonText() {
    return "{\"custom_id\":\"" + customId + "\",\"params\":" + paramsJson + "}";
  }

  /** The UTF-8 size of {@link #toJsonText()}. */
  public long sizeBytes() {
    return customId.length() + 26L + paramsJson.getBytes(StandardCharsets.UTF_8).length;
  }
}
