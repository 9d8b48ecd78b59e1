package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 5xx other than 529 (api_error). */
public final class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  InternalServerException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
