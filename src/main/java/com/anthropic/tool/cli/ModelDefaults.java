package com.anthropic.tool.cli;

/** The default model and per-model default max_tokens. */
public final class ModelDefaults {
  /** The model used when none is configured: a current Sonnet. */
  public static final String DEFAULT_MODEL = "claude-sonnet-4-6";

  private ModelDefaults() {}

  /**
   * A sensible max_tokens per model family: large enough for long answers, small enough that a
   * non-streaming call is expected to finish within the API's ten-minute rule.
   */
  public static int maxTokensFor(String model) {
    String m = model.toLowerCase(java.util.Locale.ROOT);
    if (m.startsWith("claude-3-opus")
        || m.startsWith("claude-3-haiku")
        || m.startsWith("claude-3-sonnet")) {
      return 4096;
    }
    if (m.startsWith("claude-3-5")) {
      return 8192;
    }
    if (m.startsWith("claude-3-7") || m.contains("-4")) {
      return 16384;
    }
    return 8192;
  }
}
