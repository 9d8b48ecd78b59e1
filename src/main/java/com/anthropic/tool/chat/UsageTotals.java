package com.anthropic.tool.chat;

import com.anthropic.tool.client.Pricing;
import com.anthropic.tool.client.model.Usage;
import java.util.Locale;
import java.util.Optional;

/** The tokens of the last answer and of the whole session, for {@code /usage} and status lines. */
final class UsageTotals {
  private Usage last;
  private long input;
  private long output;
  private long cacheWrite;
  private long cacheRead;
  private int answers;
  private final java.util.Map<String, Long> serverTools = new java.util.LinkedHashMap<>();
  private Optional<Pricing.Cost> lastCost = Optional.empty();
  private double sessionCost;
  private boolean sessionCostComplete = true;

  /** Adds an answer's usage, priced for the model that gave it (when the table knows it). */
  void add(String model, Usage u) {
    if (u == null) {
      return;
    }
    last = u;
    lastCost = Pricing.estimate(model, u);
    lastCost.ifPresentOrElse(c -> sessionCost += c.total(), () -> sessionCostComplete = false);
    answers++;
    input += n(u.inputTokens());
    output += n(u.outputTokens());
    cacheWrite += n(u.cacheCreationInputTokens());
    cacheRead += n(u.cacheReadInputTokens());
    u.serverToolUse().forEach((k, v) -> serverTools.merge(k, v, Long::sum));
  }

  private static long n(Long v) {
    return v == null ? 0 : v;
  }

  Usage lastUsage() {
    return last;
  }

  /** The estimated cost of the last answer, when known. */
  Optional<Pricing.Cost> lastCost() {
    return lastCost;
  }

  /**
   * {@code · ~$0.0021} for the status line: four decimals, and {@code <$0.0001} for a cost too
   * small to show in them (a paid answer never reads {@code ~$0.0000}).
   */
  static String statusCost(double total) {
    if (total <= 0) {
      return " · $0";
    }
    if (total < 0.00005) {
      return " · <$0.0001";
    }
    return String.format(Locale.ROOT, " · ~$%.4f", total);
  }

  /** {@code 12 in · 40 out · 1,024 cache read}: the parts the answer has. */
  static String shortLine(Usage u) {
    if (u == null) {
      return "no usage reported";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(fmt(n(u.inputTokens())))
        .append(" in · ")
        .append(fmt(n(u.outputTokens())))
        .append(" out");
    if (n(u.cacheReadInputTokens()) > 0) {
      sb.append(" · ").append(fmt(u.cacheReadInputTokens())).append(" cache read");
    }
    if (n(u.cacheCreationInputTokens()) > 0) {
      sb.append(" · ").append(fmt(u.cacheCreationInputTokens())).append(" cache write");
    }
    return sb.toString();
  }

  /** The text of {@code /usage}. */
  String report(String model) {
    if (answers == 0) {
      return "no answers yet\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-14s%12s%12s%14s%14s%n",
            "",
            "input",
            "output",
            "cache write",
            "cache read"));
    row(
        sb,
        "last answer",
        n(last.inputTokens()),
        n(last.outputTokens()),
        n(last.cacheCreationInputTokens()),
        n(last.cacheReadInputTokens()));
    row(sb, "session (" + answers + ")", input, output, cacheWrite, cacheRead);
    if (serverTools.values().stream().anyMatch(v -> v > 0)) {
      sb.append("server tools: last answer ")
          .append(counts(last.serverToolUse()))
          .append(", session ")
          .append(counts(serverTools))
          .append('\n');
    }
    sb.append("model: ").append(model).append('\n');
    if (lastCost.isPresent() || sessionCost > 0) {
      sb.append("estimated cost: last answer ")
          .append(
              lastCost
                  .map(Pricing.Cost::formatted)
                  .orElse("unknown (model not in the price table)"))
          .append(", session ")
          .append(String.format(Locale.ROOT, "$%.6f", sessionCost))
          .append(sessionCostComplete ? "" : " (without answers from models not in the table)")
          .append("; prices of ")
          .append(Pricing.TAKEN)
          .append('\n');
    } else {
      sb.append("estimated cost: unknown (model not in the price table)\n");
    }
    return sb.toString();
  }

  /** {@code web_search_requests=2 web_fetch_requests=1}: the counts that are not zero. */
  private static String counts(java.util.Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (k, v) -> {
          if (v > 0) {
            sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v);
          }
        });
    return sb.length() == 0 ? "none" : sb.toString();
  }

  private static void row(StringBuilder sb, String label, long in, long out, long w, long r) {
    sb.append(
        String.format(
            Locale.ROOT, "%-14s%12s%12s%14s%14s%n", label, fmt(in), fmt(out), fmt(w), fmt(r)));
  }

  private static String fmt(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
