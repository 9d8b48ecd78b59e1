package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 429 (rate_limit_error). */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
