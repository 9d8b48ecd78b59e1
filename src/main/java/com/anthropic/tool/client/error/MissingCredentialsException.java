package com.anthropic.tool.client.error;

/** Neither an API key nor an auth token was configured; nothing was sent. */
public class MissingCredentialsException extends AnthropicException {
  private static final long serialVersionUID = 1L;

  public MissingCredentialsException(String message) {
    super(message);
  }
}
