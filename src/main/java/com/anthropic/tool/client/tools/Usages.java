package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Usage;
import com.google.gson.JsonObject;

/** Sums usage over rounds. */
final class Usages {
  private Usages() {}

  /** a + b field by field; a field missing from both stays null. Either may be null. */
  static Usage add(Usage a, Usage b) {
    if (a == null) {
      return b == null
          ? null
          : new Usage(
              b.inputTokens(),
              b.outputTokens(),
              b.cacheCreationInputTokens(),
              b.cacheReadInputTokens(),
              counts(null, b));
    }
    if (b == null) {
      return a;
    }
    return new Usage(
        sum(a.inputTokens(), b.inputTokens()),
        sum(a.outputTokens(), b.outputTokens()),
        sum(a.cacheCreationInputTokens(), b.cacheCreationInputTokens()),
        sum(a.cacheReadInputTokens(), b.cacheReadInputTokens()),
        counts(a, b));
  }

  /**
   * The counts a sum keeps besides the token fields: {@code server_tool_use} (web searches are
   * priced) and the {@code cache_creation} breakdown (1-hour writes cost more), each summed by key;
   * null when neither has any.
   */
  private static JsonObject counts(Usage a, Usage b) {
    JsonObject raw = new JsonObject();
    for (String field : new String[] {"server_tool_use", "cache_creation"}) {
      JsonObject sum = new JsonObject();
      for (Usage u : new Usage[] {a, b}) {
        JsonObject part = u == null || u.raw() == null ? null : Json.obj(u.raw(), field);
        if (part == null) {
          continue;
        }
        for (String k : part.keySet()) {
          Long v = Json.longValue(part, k);
          if (v != null) {
            Long before = Json.longValue(sum, k);
            sum.addProperty(k, v + (before == null ? 0 : before));
          }
        }
      }
      if (sum.size() > 0) {
        raw.add(field, sum);
      }
    }
    return raw.size() == 0 ? null : raw;
  }

  private static Long sum(Long x, Long y) {
    if (x == null) {
      return y;
    }
    return y == null ? x : x + y;
  }
}
