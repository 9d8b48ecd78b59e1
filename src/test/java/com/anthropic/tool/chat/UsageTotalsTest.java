package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Usage;
import org.junit.jupiter.api.Test;

class UsageTotalsTest {
  @Test
  void should_report_the_last_answer_and_the_session_with_an_estimated_cost() {
    UsageTotals t = new UsageTotals();
    t.add("claude-haiku-4-5", new Usage(1000L, 200L, 0L, 0L, null));
    t.add("claude-haiku-4-5", new Usage(10L, 100L, 0L, 2000L, null));
    String report = t.report("claude-haiku-4-5");
    assertTrue(
        report.contains("last answer             10         100             0         2,000"),
        report);
    assertTrue(
        report.contains("session (2)          1,010         300             0         2,000"),
        report);
    // 1,010 in at $1/M + 300 out at $5/M + 2,000 cache read at $0.10/M
    assertTrue(report.contains("session $0.002710"), report);
    assertEquals("10 in · 100 out · 2,000 cache read", UsageTotals.shortLine(t.lastUsage()));
  }

  @Test
  void should_say_when_the_price_is_unknown() {
    UsageTotals t = new UsageTotals();
    t.add("claude-unknown-9", new Usage(1L, 1L, null, null, null));
    assertTrue(t.report("claude-unknown-9").contains("estimated cost: unknown"));
  }

  @Test
  void should_never_show_a_cost_that_was_paid_as_zero_on_the_status_line() {
    assertEquals(" · ~$0.0021", UsageTotals.statusCost(0.00212));
    assertEquals(" · ~$0.0001", UsageTotals.statusCost(0.0001));
    assertEquals(" · <$0.0001", UsageTotals.statusCost(0.000044));
    assertEquals(" · $0", UsageTotals.statusCost(0));
  }
}
