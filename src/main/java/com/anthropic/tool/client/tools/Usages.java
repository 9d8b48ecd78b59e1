package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.Usage;

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
              null);
    }
    if (b == null) {
      return a;
    }
    return new Usage(
        sum(a.inputTokens(), b.inputTokens()),
        sum(a.outputTokens(), b.outputTokens()),
        sum(a.cacheCreationInputTokens(), b.cacheCreationInputTokens()),
        sum(a.cacheReadInputTokens(), b.cacheReadInputTokens()),
        null);
  }

  private static Long sum(Long x, Long y) {
    if (x == null) {
      return y;
    }
    return y == null ? x : x + y;
  }
}
