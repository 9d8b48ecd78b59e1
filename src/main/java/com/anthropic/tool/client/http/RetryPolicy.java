package com.anthropic.tool.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying.
 *
 * <p>Retried: 408, 409, 429, every 5xx, and connections refused or closed before a response; {@code
 * x-should-retry: true|false} overrides the status rule. The wait is {@code initialBackoff ×
 * 2^(retry-1)} capped at {@code maxBackoff}, minus up to 25% jitter, unless the response asks for a
 * wait with {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date), which is taken
 * as given, capped at {@code maxRetryAfter}.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.defaults()
 *     .withMaxRetries(5)
 *     .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
 * AnthropicClient client = AnthropicClient.builder().fromEnv(System.getenv())
 *     .retryPolicy(patient).build();
 * Message m = client.messages(request, CallOptions.builder().retryPolicy(patient).build());
 * }</pre>
 *
 * @param maxRetries retries after the first attempt (so at most {@code maxRetries + 1} attempts),
 *     or {@link #INHERIT} in a per-request policy to keep the client's count
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  /** As {@code maxRetries} of a per-request policy: use the client's retry count. */
  public static final int INHERIT = -1;

  public RetryPolicy {
    if (maxRetries < INHERIT) {
      throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("backoff durations must not be negative");
    }
  }

  /** Two retries, 0.5 s doubling to 8 s, retry-after honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A single attempt. */
  public static RetryPolicy none() {
    return DEFAULTS.withMaxRetries(0);
  }

  /** A per-request policy that changes only the backoff and keeps the client's retry count. */
  public static RetryPolicy backoffOnly(Duration initial, Duration max) {
    return DEFAULTS.withMaxRetries(INHERIT).backoff(initial, max);
  }

  /** This policy with {@link #INHERIT} replaced by the given policy's retry count. */
  public RetryPolicy inheritFrom(RetryPolicy base) {
    return maxRetries == INHERIT ? withMaxRetries(base.maxRetries) : this;
  }

  public RetryPolicy withMaxRetries(int n) {
    return new RetryPolicy(n, initialBackoff, maxBackoff, maxRetryAfter);
  }

  public RetryPolicy backoff(Duration initial, Duration max) {
    return new RetryPolicy(maxRetries, initial, max, maxRetryAfter);
  }

  /** Whether a response with this status and headers should be retried (budget aside). */
  public static boolean isRetryable(int status, Headers headers) {
    Optional<String> should = headers.first("x-should-retry");
    if (should.isPresent()) {
      if ("true".equalsIgnoreCase(should.get().strip())) {
        return true;
      }
      if ("false".equalsIgnoreCase(should.get().strip())) {
        return false;
      }
    }
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * The wait before retry number {@code retry} (1-based).
   *
   * @param headers the failed response's headers (empty for a connection error)
   * @param random a source in [0, 1) for jitter
   */
  public Duration delay(int retry, Headers headers, Clock clock, DoubleSupplier random) {
    Optional<Duration> asked = retryAfter(headers, clock);
    if (asked.isPresent()) {
      Duration d = asked.get();
      return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
    }
    double base = initialBackoff.toMillis() * Math.pow(2, Math.max(0, retry - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    double jittered = capped * (1.0 - 0.25 * random.getAsDouble());
    return Duration.ofMillis(Math.round(jittered));
  }

  /** The wait the response asked for, if any: retry-after-ms first, then retry-after. */
  static Optional<Duration> retryAfter(Headers headers, Clock clock) {
    Optional<String> ms = headers.first("retry-after-ms");
    if (ms.isPresent()) {
      try {
        double v = Double.parseDouble(ms.get().strip());
        if (v >= 0 && !Double.isNaN(v)) {
          return Optional.of(Duration.ofMillis(Math.round(v)));
        }
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    Optional<String> ra = headers.first("retry-after");
    if (ra.isEmpty()) {
      return Optional.empty();
    }
    String v = ra.get().strip();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds >= 0 && !Double.isNaN(seconds)) {
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
      }
      return Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
