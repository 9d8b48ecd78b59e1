package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 404 (not_found_error). */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
