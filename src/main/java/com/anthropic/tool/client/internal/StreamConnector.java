package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.AnthropicException;

/** How a stream connects and reconnects; implemented by the client. */
public interface StreamConnector {
  /**
   * Sends the request and returns the response once its head has arrived (an error status throws).
   *
   * @param attemptsSoFar attempts already used by this stream (0 the first time)
   */
  RawResponse connect(int attemptsSoFar);

  /** The retries the policy allows (at most this + 1 attempts in all). */
  int maxRetries();

  /** Reports a failed attempt and waits before retry number {@code retry} (1-based). */
  void pauseBeforeRetry(int retry, AnthropicException cause);
}
