package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.Objects;

/** The answer of {@code POST /v1/messages/count_tokens}; {@link #raw()} as the API sent it. */
public record TokenCount(long inputTokens, JsonObject raw) {
  public TokenCount {
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Reads the answer.
   *
   * @throws IllegalArgumentException when {@code input_tokens} is missing
   */
  public static TokenCount fromJson(JsonObject o) {
    Long n = Json.longValue(o, "input_tokens");
    if (n == null) {
      throw new IllegalArgumentException("count_tokens answer has no input_tokens");
    }
    return new TokenCount(n, o);
  }
}
