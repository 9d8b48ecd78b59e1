package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.RetryPolicy;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Re-connects a stream under its call's retry policy: the attempts of all its connections are
 * numbered on (1, 2, 3 …) and share one budget, and whether a failure is retried is {@link
 * Retries}' one decision.
 */
public final class StreamRetry implements StreamConnector {
  private final RetryingTransport transport;
  private final HttpCall call;
  private final RetryPolicy policy;
  private final UnaryOperator<RawResponse> check;
  private int attempts;
  private String requestId;

  /**
   * @param check turns a response that must not be read as a stream (an error status, a redirect, a
   *     body that is no event stream) into its exception, or returns it
   */
  public StreamRetry(
      RetryingTransport transport,
      HttpCall call,
      RetryPolicy policy,
      UnaryOperator<RawResponse> check) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.call = Objects.requireNonNull(call, "call");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public RawResponse connect() {
    RawResponse r = transport.send(call, policy, attempts);
    attempts = r.attempts();
    requestId = r.headers().first("request-id").orElse(null);
    return check.apply(r);
  }

  @Override
  public RawResponse reconnect(AnthropicException failure) {
    if (!transport.retryStream(call, policy, attempts, requestId, failure)) {
      throw failure;
    }
    return connect();
  }
}
