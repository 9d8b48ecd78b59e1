package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.OutputConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default model, per-model default max_tokens, and which models take {@code --effort} levels
 * and adaptive thinking (as of the models listed in the API's OpenAPI spec, 2026).
 */
public final class ModelDefaults {
  /** The model used when none is configured: a current Sonnet. */
  public static final String DEFAULT_MODEL = "claude-sonnet-4-6";

  /**
   * The built-in aliases and the model each means when there is no cached model list (see {@link
   * ModelAliases}): the newest of each family that the API's OpenAPI spec lists (as {@link
   * #DEFAULT_MODEL} is).
   */
  public static final Map<String, String> ALIASES =
      Map.of("sonnet", DEFAULT_MODEL, "opus", "claude-opus-4-7", "haiku", "claude-haiku-4-5");

  private ModelDefaults() {}

  /**
   * A sensible max_tokens per model family: large enough for long answers, small enough that a
   * non-streaming call is expected to finish within the API's ten-minute rule.
   */
  public static int maxTokensFor(String model) {
    String m = model.toLowerCase(Locale.ROOT);
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

  /**
   * The effort levels a model takes: none before Claude Opus 4.5, low/medium/high for Opus 4.5, up
   * to max for the 4.6 models, every level (xhigh too) for Opus 4.7 and later. A model this table
   * does not know (a newer one) is taken to accept every level.
   */
  public static List<String> effortsFor(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    if (m.startsWith("claude-opus-4-5")) {
      return List.of("low", "medium", "high");
    }
    if (m.startsWith("claude-opus-4-6") || m.startsWith("claude-sonnet-4-6")) {
      return List.of("low", "medium", "high", "max");
    }
    return beforeFourSix(m) ? List.of() : OutputConfig.EFFORTS;
  }

  /** Whether a model takes {@code thinking: {"type":"adaptive"}}: the 4.6 models and later. */
  public static boolean takesAdaptiveThinking(String model) {
    return !beforeFourSix(model.toLowerCase(Locale.ROOT));
  }

  private static boolean beforeFourSix(String m) {
    return m.startsWith("claude-3")
        || m.startsWith("claude-2")
        || m.startsWith("claude-instant")
        || m.matches("claude-(opus|sonnet|haiku)-4(-[015])?(-\\d{8})?");
  }
}
