package com.anthropic.tool.client;

import com.anthropic.tool.client.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call, beside the request's wire parameters: retries, timeout, extra headers and
 * betas. What is not set here comes from the client.
 *
 * <pre>{@code
 * Message m = client.messages(request, CallOptions.builder()
 *     .maxRetries(5)
 *     .timeout(Duration.ofMinutes(5))
 *     .beta("files-api-2025-04-14")
 *     .build());
 * }</pre>
 */
public final class CallOptions {
  private static final CallOptions NONE = new Builder().build();

  private final RetryPolicy retryPolicy;
  private final Integer maxRetries;
  private final Duration timeout;
  private final Map<String, String> headers;
  private final List<String> betas;

  private CallOptions(Builder b) {
    this.retryPolicy = b.retryPolicy;
    this.maxRetries = b.maxRetries;
    this.timeout = b.timeout;
    this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.betas = List.copyOf(b.betas);
  }

  /** No per-call options: everything as the client is configured. */
  public static CallOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** These options with one more {@code anthropic-beta} value (none added when already there). */
  public CallOptions withBeta(String name) {
    if (betas.contains(name)) {
      return this;
    }
    Builder b = new Builder();
    b.retryPolicy = retryPolicy;
    b.maxRetries = maxRetries;
    b.timeout = timeout;
    b.headers.putAll(headers);
    b.betas.addAll(betas);
    return b.beta(name).build();
  }

  /** The retry policy this call runs under, given the client's. */
  public RetryPolicy retryPolicy(RetryPolicy clientPolicy) {
    RetryPolicy p = retryPolicy == null ? clientPolicy : retryPolicy.inheritFrom(clientPolicy);
    return maxRetries == null ? p : p.withMaxRetries(maxRetries);
  }

  /** The timeout set for this call, if any. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Extra headers; a name the client also sets is replaced (names compared case-insensitively). */
  public Map<String, String> headers() {
    return headers;
  }

  /** Extra {@code anthropic-beta} values, sent after the client's. */
  public List<String> betas() {
    return betas;
  }

  @Override
  public String toString() {
    return "CallOptions[retryPolicy="
        + retryPolicy
        + ", maxRetries="
        + maxRetries
        + ", timeout="
        + timeout
        + ", headers="
        + headers.keySet()
        + ", betas="
        + betas
        + "]";
  }

  /** Collects the options; every setter is optional. */
  public static final class Builder {
    private RetryPolicy retryPolicy;
    private Integer maxRetries;
    private Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> betas = new ArrayList<>();

    Builder() {}

    /** Retries after the first attempt for this call (the client's backoff is kept). */
    public Builder maxRetries(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, got " + n);
      }
      this.maxRetries = n;
      return this;
    }

    /** A single attempt. */
    public Builder noRetries() {
      return maxRetries(0);
    }

    /**
     * The whole policy for this call; a policy with {@link RetryPolicy#INHERIT} retries keeps the
     * client's count. {@link #maxRetries} still wins over the policy's count.
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The timeout for this call: the longest wait for the response head and the longest silence
     * between bytes after it (for a stream, between events). Replaces the client's timeout and the
     * longer wait a non-streaming request with a large {@code max_tokens} gets.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** An extra request header for this call. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank()) {
        throw new IllegalArgumentException("header name must not be blank");
      }
      this.headers.put(name, value);
      return this;
    }

    /** An extra {@code anthropic-beta} value for this call. */
    public Builder beta(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("beta name must not be blank");
      }
      this.betas.add(name.strip());
      return this;
    }

    public CallOptions build() {
      return new CallOptions(this);
    }
  }
}
