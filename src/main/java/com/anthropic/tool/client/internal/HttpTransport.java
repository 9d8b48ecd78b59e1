package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.http.HttpCall;

/** Sends one call and returns once the response head has arrived. */
public interface HttpTransport extends AutoCloseable {
  /**
   * Sends the call.
   *
   * @throws com.anthropic.tool.client.error.ConnectionException when no response arrived
   */
  RawResponse send(HttpCall call);

  @Override
  void close();
}
