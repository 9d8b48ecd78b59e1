package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.ApiTimeoutException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.http.RetryPolicy;

/**
 * The one retry decision, for every failure: a response status, a connection that failed before the
 * response, and a stream that failed before its first content (an {@code error} event or a drop).
 * The budget and the wait are the {@link RetryPolicy}'s; this says only whether the failure is of a
 * retryable kind.
 */
public final class Retries {
  private Retries() {}

  /** A response with this status and headers (see {@link RetryPolicy#isRetryable}). */
  public static boolean retryable(int status, Headers headers) {
    return status >= 400 && RetryPolicy.isRetryable(status, headers);
  }

  /**
   * A failure: connections that dropped or were refused are retried, a failed TLS handshake is not
   * (the same certificate comes back), nor is a timeout (the wait already was as long as allowed),
   * an API error by its status, or for an {@code error} event in a stream, by the status its type
   * stands for ({@code overloaded_error} as 529, …).
   */
  public static boolean retryable(AnthropicException failure) {
    if (failure instanceof ApiTimeoutException) {
      return false;
    }
    if (failure instanceof ConnectionException) {
      return !IoFailures.isTls(failure.getCause()); // a bad certificate is bad every time
    }
    if (failure instanceof ApiException a) {
      int status = a.status() > 0 ? a.status() : ApiException.statusForType(a.type());
      return retryable(status, a.headers());
    }
    return false;
  }
}
