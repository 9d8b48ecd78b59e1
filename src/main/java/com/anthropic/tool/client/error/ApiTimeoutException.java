package com.anthropic.tool.client.error;

/** No response (or, on a stream, no new bytes) arrived within the configured timeout. */
public class ApiTimeoutException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  public ApiTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
