package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.AnthropicException;

/** Where a stream's responses come from: the first, and the next after a failure before content. */
public interface StreamConnector {
  /** Sends the request; returns the response once its head has arrived (an error status throws). */
  RawResponse connect();

  /**
   * The current response failed before any content: returns the next response when the failure is
   * retried (after the wait), or throws {@code failure} when it stands.
   */
  RawResponse reconnect(AnthropicException failure);
}
