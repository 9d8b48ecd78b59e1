package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/** Extended thinking: {@code enabled} with a token budget, or {@code disabled}. */
public record ThinkingConfig(String type, Integer budgetTokens) {
  public static ThinkingConfig enabled(int budgetTokens) {
    return new ThinkingConfig("enabled", budgetTokens);
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
