package com.anthropic.cli.client.http;

/** Sends one call and returns once the response head has arrived. */
public interface HttpTransport extends AutoCloseable {
  /**
   * Sends the call.
   *
   * @throws com.anthropic.cli.client.error.ConnectionException when no response arrived
   */
  RawResponse send(HttpCall call);

  @Override
  void close();
}
