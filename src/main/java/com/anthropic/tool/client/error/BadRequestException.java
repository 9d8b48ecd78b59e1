package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 400 Bad Request (invalid_request_error). */
public final class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
