package com.anthropic.tool.client.error;

/**
 * Root of every exception the client library throws (all unchecked): {@link ApiException} for an
 * error status, {@link ConnectionException} for no answer, {@link InvalidRequestException} for a
 * request refused before sending, and the rest.
 *
 * <pre>{@code
 * try {
 *   out.println(client.messages(request).text());
 * } catch (AnthropicException e) { // after the retries ran out
 *   err.println("failed: " + e.getMessage());
 * }
 * }</pre>
 */
public class AnthropicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AnthropicException(String message) {
    super(message);
  }

  public AnthropicException(String message, Throwable cause) {
    super(message, cause);
  }
}
