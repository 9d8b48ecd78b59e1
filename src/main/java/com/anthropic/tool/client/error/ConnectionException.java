package com.anthropic.tool.client.error;

/** The connection could not be made, or dropped before the response was complete. */
public class ConnectionException extends AnthropicException {
  private static final long serialVersionUID = 1L;

  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
