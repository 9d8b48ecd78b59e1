package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * Extended thinking: {@code enabled} with a token budget, {@code adaptive} (the model decides how
 * much to think), or {@code disabled}.
 */
public record ThinkingConfig(String type, Integer budgetTokens) {
  public static ThinkingConfig enabled(int budgetTokens) {
    return new ThinkingConfig("enabled", budgetTokens);
  }

  /** {@code {"type":"adaptive"}}: the model decides when and how much to think. */
  public static ThinkingConfig adaptive() {
    return new ThinkingConfig("adaptive", null);
  }

  public static ThinkingConfig disabled() {
    return new ThinkingConfig("disabled", null);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    Json.put(o, "budget_tokens", budgetTokens);
    return o;
  }

  public static ThinkingConfig fromJson(JsonObject o) {
    return new ThinkingConfig(Json.str(o, "type"), Json.integer(o, "budget_tokens"));
  }
}
