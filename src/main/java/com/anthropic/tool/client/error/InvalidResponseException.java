package com.anthropic.tool.client.error;

/**
 * The API answered 2xx with a body this library cannot read (e.g. a results line that is not JSON).
 */
public class InvalidResponseException extends AnthropicException {
  private static final long serialVersionUID = 1L;

  public InvalidResponseException(String message) {
    super(message);
  }

  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
