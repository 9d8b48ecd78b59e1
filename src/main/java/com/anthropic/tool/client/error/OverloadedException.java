package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 529 (overloaded_error). */
public final class OverloadedException extends ApiException {
  private static final long serialVersionUID = 1L;

  OverloadedException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
