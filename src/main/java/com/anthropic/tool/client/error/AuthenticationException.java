package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 401 (authentication_error). */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
