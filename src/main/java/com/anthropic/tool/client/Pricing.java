package com.anthropic.tool.client;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Usage;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Anthropic's list prices per model, in USD per million tokens, and an estimate of what a call cost
 * from its {@link Usage}.
 *
 * <p>The table was copied by hand on {@link #TAKEN} from Anthropic's pricing page
 * (https://platform.claude.com/docs/en/about-claude/pricing, "Model pricing") and, for the Claude 5
 * models, from their model overview pages on platform.claude.com. Models whose price depends on
 * something the usage does not say (prompt-length tiers) or whose cache prices were not published
 * there are left out: {@link #estimate} is empty for them rather than wrong. The estimate uses the
 * standard rates (no Batch API discount, no long-context or regional surcharge), so it is an
 * estimate, not a bill.
 *
 * <pre>{@code
 * Pricing.estimate(message.model(), message.usage())
 *     .ifPresent(cost -> err.println("cost: " + cost.formatted()));
 * }</pre>
 */
public final class Pricing {
  /** The day the prices below were taken from Anthropic's pricing page. */
  public static final LocalDate TAKEN = LocalDate.of(2026, 12, 2);

  /** Where they were taken from. */
  public static final String SOURCE = "https://platform.claude.com/docs/en/about-claude/pricing";

  /**
   * One model's prices in USD per million tokens.
   *
   * @param input base input tokens
   * @param cacheWrite5m cache writes with the 5-minute lifetime (the default)
   * @param cacheWrite1h cache writes with the 1-hour lifetime
   * @param cacheRead cache hits and refreshes
   * @param output output tokens (thinking included)
   */
  public record Price(
      double input, double cacheWrite5m, double cacheWrite1h, double cacheRead, double output) {}

  /**
   * What one call cost, in USD, by kind of token, and its server tool use (web searches).
   *
   * @param model the price table entry used (a model id without its date suffix)
   */
  public record Cost(
      String model,
      double input,
      double cacheWrite,
      double cacheRead,
      double output,
      double serverTools) {
    /** A cost of tokens alone (no server tool use). */
    public Cost(String model, double input, double cacheWrite, double cacheRead, double output) {
      this(model, input, cacheWrite, cacheRead, output, 0);
    }

    /** The sum of the parts. */
    public double total() {
      return input + cacheWrite + cacheRead + output + serverTools;
    }

    /**
     * The total as {@code $0.000123}: dollars, six decimals (a short call costs fractions of a
     * cent).
     */
    public String formatted() {
      return String.format(Locale.ROOT, "$%.6f", total());
    }
  }

  /**
   * Web search, in USD per 1,000 searches ({@code usage.server_tool_use.web_search_requests}), for
   * every model, as listed on {@link #SOURCE} ("Web search tool") on {@link #WEB_SEARCH_TAKEN}. Web
   * fetch costs nothing beyond the tokens of the fetched content; code execution is billed by
   * container hours, which the usage does not report.
   */
  public static final double WEB_SEARCH_PER_1000 = 10.00;

  /** The day {@link #WEB_SEARCH_PER_1000} was taken. */
  public static final LocalDate WEB_SEARCH_TAKEN = LocalDate.of(2026, 12, 6);

  private static final Map<String, Price> TABLE = new LinkedHashMap<>();

  static {
    Price opus5 = new Price(5, 6.25, 10, 0.50, 25);
    Price opus4 = new Price(15, 18.75, 30, 1.50, 75);
    Price sonnet4 = new Price(3, 3.75, 6, 0.30, 15);
    TABLE.put("claude-opus-5", opus5);
    TABLE.put("claude-sonnet-5", new Price(2, 2.50, 4, 0.20, 10));
    TABLE.put("claude-opus-4-8", opus5);
    TABLE.put("claude-opus-4-7", opus5);
    TABLE.put("claude-opus-4-6", opus5);
    TABLE.put("claude-opus-4-5", opus5);
    TABLE.put("claude-opus-4-1", opus4);
    TABLE.put("claude-opus-4-0", opus4);
    TABLE.put("claude-opus-4", opus4);
    TABLE.put("claude-sonnet-4-6", sonnet4);
    TABLE.put("claude-sonnet-4-5", sonnet4);
    TABLE.put("claude-sonnet-4-0", sonnet4);
    TABLE.put("claude-sonnet-4", sonnet4);
    TABLE.put("claude-3-7-sonnet", sonnet4);
    TABLE.put("claude-haiku-4-5", new Price(1, 1.25, 2, 0.10, 5));
    TABLE.put("claude-3-5-haiku", new Price(0.80, 1, 1.6, 0.08, 4));
    TABLE.put("claude-3-opus", opus4);
    TABLE.put("claude-3-haiku", new Price(0.25, 0.30, 0.50, 0.03, 1.25));
  }

  /** What may follow a table key in a model id: nothing, a date, or {@code -latest}. */
  private static final Pattern SUFFIX = Pattern.compile("(-\\d{8}|-latest)?");

  private Pricing() {}

  /**
   * The price of a model id such as {@code claude-sonnet-4-6} or {@code claude-3-5-haiku-20241022};
   * empty for a model the table does not know (a newer one, or a typo), never a neighbour's price.
   */
  public static Optional<Price> priceOf(String model) {
    return key(model).map(TABLE::get);
  }

  /** The estimated cost of a call, or empty when the model is not in the table or usage is null. */
  public static Optional<Cost> estimate(String model, Usage usage) {
    if (usage == null) {
      return Optional.empty();
    }
    Optional<String> key = key(model);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Price p = TABLE.get(key.get());
    long written = orZero(usage.cacheCreationInputTokens());
    long written1h = 0;
    JsonObject breakdown = usage.raw() == null ? null : Json.obj(usage.raw(), "cache_creation");
    if (breakdown != null) {
      Long oneHour = Json.longValue(breakdown, "ephemeral_1h_input_tokens");
      written1h = Math.min(written, orZero(oneHour));
    }
    long written5m = written - written1h;
    return Optional.of(
        new Cost(
            key.get(),
            perMillion(orZero(usage.inputTokens()), p.input()),
            perMillion(written5m, p.cacheWrite5m()) + perMillion(written1h, p.cacheWrite1h()),
            perMillion(orZero(usage.cacheReadInputTokens()), p.cacheRead()),
            perMillion(orZero(usage.outputTokens()), p.output()),
            usage.webSearchRequests() * WEB_SEARCH_PER_1000 / 1000d));
  }

  private static Optional<String> key(String model) {
    Objects.requireNonNull(model, "model");
    String m = model.strip().toLowerCase(Locale.ROOT);
    String best = null;
    for (String k : TABLE.keySet()) {
      if (m.startsWith(k)
          && SUFFIX.matcher(m.substring(k.length())).matches()
          && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return Optional.ofNullable(best);
  }

  private static double perMillion(long tokens, double usdPerMillion) {
    return tokens * usdPerMillion / 1_000_000d;
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
