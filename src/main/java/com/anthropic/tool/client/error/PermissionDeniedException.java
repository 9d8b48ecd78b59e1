package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;

/** HTTP 403 (permission_error). */
public final class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(
      int status, String type, String message, String requestId, Headers headers, String body) {
    super(status, type, message, requestId, headers, body);
  }
}
