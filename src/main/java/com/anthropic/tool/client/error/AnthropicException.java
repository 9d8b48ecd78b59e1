package com.anthropic.tool.client.error;

/** Root of every exception the client library throws. */
public class AnthropicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AnthropicException(String message) {
    super(message);
  }

  public AnthropicException(String message, Throwable cause) {
    super(message, cause);
  }
}
