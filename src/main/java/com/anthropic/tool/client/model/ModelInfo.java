package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * A model as {@code GET /v1/models} describes it. {@link #raw()} is the object as the API sent it,
 * unknown and null fields included.
 *
 * @param createdAt RFC 3339 release time, or null
 */
public record ModelInfo(String id, String displayName, String createdAt, JsonObject raw) {
  public ModelInfo {
    Objects.requireNonNull(raw, "raw");
  }

  public static ModelInfo fromJson(JsonObject o) {
    return new ModelInfo(
        Json.str(o, "id"), Json.str(o, "display_name"), Json.str(o, "created_at"), o);
  }
}
