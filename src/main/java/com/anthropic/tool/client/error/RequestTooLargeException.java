package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 413 (request_too_large). */
public final class RequestTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  RequestTooLargeException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
