package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.Usage;
import java.util.Locale;

/** The tokens of the last answer and of the whole session, for {@code /usage} and status lines. */
final class UsageTotals {
  private Usage last;
  private long input;
  private long output;
  private long cacheWrite;
  private long cacheRead;
  private int answers;

  void add(Usage u) {
    if (u == null) {
      return;
    }
    last = u;
    answers++;
    input += n(u.inputTokens());
    output += n(u.outputTokens());
    cacheWrite += n(u.cacheCreationInputTokens());
    cacheRead += n(u.cacheReadInputTokens());
  }

  private static long n(Long v) {
    return v == null ? 0 : v;
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
    sb.append("model: ").append(model).append('\n');
    return sb.toString();
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
