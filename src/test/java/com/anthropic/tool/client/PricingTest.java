package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Usage;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PricingTest {
  private static Usage usage(String json) {
    return Usage.fromJson(JsonParser.parseString(json).getAsJsonObject());
  }

  @Test
  void should_price_input_and_output_per_million_tokens() {
    Pricing.Cost c =
        Pricing.estimate(
                "claude-sonnet-4-6", usage("{\"input_tokens\":1000000,\"output_tokens\":100000}"))
            .orElseThrow();
    assertEquals(3.0, c.input(), 1e-9);
    assertEquals(1.5, c.output(), 1e-9);
    assertEquals(4.5, c.total(), 1e-9);
    assertEquals("$4.500000", c.formatted());
    assertEquals("claude-sonnet-4-6", c.model());
  }

  @Test
  void should_price_cache_writes_by_lifetime_and_cache_reads() {
    Usage u =
        usage(
            "{\"input_tokens\":0,\"output_tokens\":0,\"cache_creation_input_tokens\":3000000,"
                + "\"cache_read_input_tokens\":1000000,\"cache_creation\":"
                + "{\"ephemeral_5m_input_tokens\":2000000,\"ephemeral_1h_input_tokens\":1000000}}");
    Pricing.Cost c = Pricing.estimate("claude-haiku-4-5-20251001", u).orElseThrow();
    assertEquals(2 * 1.25 + 2.0, c.cacheWrite(), 1e-9);
    assertEquals(0.10, c.cacheRead(), 1e-9);
  }

  @Test
  void should_take_cache_writes_without_a_breakdown_at_the_5_minute_rate() {
    Usage u = usage("{\"cache_creation_input_tokens\":1000000}");
    assertEquals(6.25, Pricing.estimate("claude-opus-4-6", u).orElseThrow().cacheWrite(), 1e-9);
  }

  @Test
  void should_match_dated_ids_and_never_a_neighbours_price() {
    assertEquals(15.0, Pricing.priceOf("claude-opus-4-20250514").orElseThrow().input());
    assertEquals(5.0, Pricing.priceOf("claude-opus-4-5-20251101").orElseThrow().input());
    assertEquals(0.80, Pricing.priceOf("claude-3-5-haiku-latest").orElseThrow().input());
    assertTrue(Pricing.priceOf("claude-opus-4-9").isEmpty(), "an unknown Opus is not priced");
    assertTrue(Pricing.priceOf("claude-sonnet-5-5").isEmpty(), "Sonnet 5.5 is not Sonnet 5");
    assertTrue(Pricing.priceOf("mock-model").isEmpty());
  }

  @Test
  void should_estimate_nothing_without_usage() {
    assertTrue(Pricing.estimate("claude-sonnet-4-6", null).isEmpty());
  }
}
