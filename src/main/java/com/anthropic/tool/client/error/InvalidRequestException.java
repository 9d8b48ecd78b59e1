package com.anthropic.tool.client.error;

/** A request failed local validation before anything was sent. */
public class InvalidRequestException extends AnthropicException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
