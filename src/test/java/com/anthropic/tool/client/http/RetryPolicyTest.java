package com.anthropic.tool.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delay arithmetic, without a server. */
class RetryPolicyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static Headers h(String name, String value) {
    return Headers.of(List.of(Map.entry(name, value)));
  }

  @Test
  void should_double_from_half_a_second_up_to_eight() {
    RetryPolicy p = RetryPolicy.defaults();
    long[] expected = {500, 1000, 2000, 4000, 8000, 8000};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], p.delay(i + 1, Headers.empty(), CLOCK, () -> 0.0).toMillis());
    }
    // jitter takes off at most a quarter
    assertEquals(6000, p.delay(5, Headers.empty(), CLOCK, () -> 0.999_999).toMillis(), 1);
  }

  @Test
  void should_take_retry_after_in_its_three_forms_capped_at_a_minute() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(1500), p.delay(1, h("retry-after-ms", "1500"), CLOCK, () -> 0));
    assertEquals(Duration.ofMillis(2500), p.delay(1, h("retry-after", "2.5"), CLOCK, () -> 0));
    assertEquals(
        Duration.ofSeconds(30),
        p.delay(1, h("retry-after", "Thu, 01 Jan 2026 00:00:30 GMT"), CLOCK, () -> 0));
    assertEquals(
        Duration.ZERO,
        p.delay(1, h("retry-after", "Wed, 31 Dec 2025 23:00:00 GMT"), CLOCK, () -> 0));
    assertEquals(Duration.ofSeconds(60), p.delay(1, h("retry-after", "86400"), CLOCK, () -> 0));
    assertEquals(Duration.ofMillis(500), p.delay(1, h("retry-after", "-3"), CLOCK, () -> 0));
  }

  @Test
  void should_inherit_the_client_retry_count_only_when_asked() {
    RetryPolicy client = RetryPolicy.defaults().withMaxRetries(5);

    assertEquals(
        5, RetryPolicy.backoffOnly(Duration.ZERO, Duration.ZERO).inheritFrom(client).maxRetries());
    assertEquals(0, RetryPolicy.none().inheritFrom(client).maxRetries());
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxRetries(-2));
  }
}
