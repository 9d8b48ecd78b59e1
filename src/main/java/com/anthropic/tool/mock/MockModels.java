package com.anthropic.tool.mock;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** The mock's model catalogue, newest first; aliases (an id without its date) resolve. */
final class MockModels {
  record Model(String id, String displayName, String createdAt) {
    JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "model");
      o.addProperty("id", id);
      o.addProperty("display_name", displayName);
      o.addProperty("created_at", createdAt);
      return o;
    }
  }

  static final List<Model> MODELS =
      List.of(
          new Model("claude-sonnet-4-6", "Claude Sonnet 4.6 (mock)", "2026-02-17T00:00:00Z"),
          new Model("claude-opus-4-5-20251101", "Claude Opus 4.5 (mock)", "2025-11-24T00:00:00Z"),
          new Model("claude-haiku-4-5-20251001", "Claude Haiku 4.5 (mock)", "2025-10-15T00:00:00Z"),
          new Model(
              "claude-sonnet-4-5-20250929", "Claude Sonnet 4.5 (mock)", "2025-09-29T00:00:00Z"),
          new Model("claude-opus-4-1-20250805", "Claude Opus 4.1 (mock)", "2025-08-05T00:00:00Z"),
          new Model("claude-sonnet-4-20250514", "Claude Sonnet 4 (mock)", "2025-05-22T00:00:00Z"),
          new Model(
              "claude-3-5-haiku-20241022", "Claude Haiku 3.5 (mock)", "2024-10-22T00:00:00Z"));

  private MockModels() {}

  static JsonObject list(Map<String, String> query) {
    return Paging.page(MODELS, Model::id, Model::toJson, query);
  }

  static JsonObject get(String id) {
    for (Model m : MODELS) {
      if (m.id().equals(id) || m.id().replaceFirst("-\\d{8}$", "").equals(id)) {
        return m.toJson();
      }
    }
    throw MockError.notFound("model: " + id);
  }
}
